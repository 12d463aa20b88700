import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';

import { serializePlanFile } from '@/core/exporters/plan-file';
import { createDefaultPlan, PLAN_SCHEMA_VERSION } from '@/core/plan/model';
import { HomePage } from '@/features/home/home-page';
import { PlanFileButtons } from '@/features/planner/plan-file/plan-file-buttons';
import { PlannerPage } from '@/features/planner/shell/planner-page';
import { downloadFile } from '@/lib/download-file';
import { useAppStore } from '@/state/store';

import v1PlanFileText from '../../fixtures/plans/v1.am-firewall-plan.json?raw';
import { fixturePlan } from '../../fixtures/resolution-fixture';
import { renderElement, renderRoutes } from '../../support/render-app';

vi.mock('@/lib/download-file', () => ({ downloadFile: vi.fn() }));

function planFile(
  name = 'plan.json',
  text = serializePlanFile(fixturePlan(), {
    catalogVersion: 'x',
    docsRevision: 'netwrix/docs@a8b312c3',
  }),
) {
  return new File([text], name, { type: 'application/json' });
}

/** A plan file of plan format 1, saved with catalog 2026.11.0 (tests/fixtures/plans). */
const v1File = () =>
  new File([v1PlanFileText], 'v1.am-firewall-plan.json', { type: 'application/json' });

const fileInput = () => screen.getByLabelText('Open plan file', { selector: 'input' });

describe('PlanFileButtons', () => {
  beforeEach(() => vi.mocked(downloadFile).mockClear());

  it('saves the plan as a versioned JSON file', async () => {
    renderElement(<PlanFileButtons />);
    useAppStore.getState().setPlanName('Contoso HQ');
    await userEvent.click(screen.getByRole('button', { name: 'Save plan' }));
    const [name, content] = vi.mocked(downloadFile).mock.calls[0] ?? [];
    expect(name).toBe('contoso-hq.am-firewall-plan.json');
    const file = JSON.parse(String(content)) as { format: string; plan: { name: string } };
    expect(file.format).toBe('am-firewall-plan');
    expect(file.plan.name).toBe('Contoso HQ');
  });

  it('opens a plan file directly when no plan is in progress', async () => {
    renderElement(<PlanFileButtons />);
    await userEvent.upload(fileInput(), planFile());
    expect(await screen.findByText(/Opened the plan “Contoso HQ”/)).toBeInTheDocument();
    expect(useAppStore.getState().plan).toEqual(fixturePlan());
  });

  it('asks before replacing a plan in progress: Cancel keeps it', async () => {
    renderElement(<PlanFileButtons />);
    useAppStore.getState().setPlanName('Work in progress');
    await userEvent.upload(fileInput(), planFile());
    const dialog = await screen.findByRole('dialog', { name: 'Replace the plan in progress?' });
    expect(dialog).toHaveTextContent('Work in progress');
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(useAppStore.getState().plan.name).toBe('Work in progress');
  });

  it('asks before replacing a plan in progress: Replace replaces it', async () => {
    renderElement(<PlanFileButtons />);
    useAppStore.getState().setPlanName('Work in progress');
    await userEvent.upload(fileInput(), planFile());
    await screen.findByRole('dialog', { name: 'Replace the plan in progress?' });
    await userEvent.click(screen.getByRole('button', { name: 'Replace' }));
    await waitFor(() => expect(useAppStore.getState().plan.name).toBe('Contoso HQ'));
  });

  it.each([
    ['broken JSON', '{"format":', /not valid JSON/],
    ['another kind of file', '{"hello":1}', /not a plan file/],
  ])('shows a clear error for %s and keeps the plan', async (_name, text, message) => {
    renderElement(<PlanFileButtons />);
    await userEvent.upload(fileInput(), planFile('bad.json', text));
    expect(await screen.findByRole('alert')).toHaveTextContent(message);
    expect(useAppStore.getState().plan).toEqual(createDefaultPlan());
  });

  it('refuses a file with a __proto__ option: a clear error, no replace dialog', async () => {
    renderElement(<PlanFileButtons />);
    useAppStore.getState().setPlanName('Work in progress');
    const text = serializePlanFile(fixturePlan(), {
      catalogVersion: 'x',
      docsRevision: 'netwrix/docs@a8b312c3',
    }).replace('"options": {', '"options": {"__proto__": {"polluted": true},');
    await userEvent.upload(fileInput(), planFile('hostile.json', text));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      /devices\.\d+\.options: the key "__proto__" is not allowed/,
    );
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(useAppStore.getState().plan.name).toBe('Work in progress');
  });

  it('refuses a file from a newer planner: update, or open it there', async () => {
    renderElement(<PlanFileButtons />);
    const saved = JSON.parse(
      serializePlanFile(fixturePlan(), {
        catalogVersion: 'x',
        docsRevision: 'netwrix/docs@a8b312c3',
      }),
    ) as Record<string, unknown>;
    const next = PLAN_SCHEMA_VERSION + 1;
    const newer = { ...saved, planVersion: next, plan: { ...fixturePlan(), schemaVersion: next } };
    await userEvent.upload(fileInput(), planFile('newer.json', JSON.stringify(newer)));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      new RegExp(
        `made with a newer planner \\(plan format ${next}; .*Update the planner, or open it in the planner that made it\\.`,
      ),
    );
    expect(useAppStore.getState().plan).toEqual(createDefaultPlan());
  });

  it('refuses a file above the size cap before reading it', async () => {
    renderElement(<PlanFileButtons />);
    const big = new File(['x'], 'big.json');
    Object.defineProperty(big, 'size', { value: 3 * 1024 * 1024 });
    await userEvent.upload(fileInput(), big);
    expect(await screen.findByRole('alert')).toHaveTextContent(
      /too large \(3\.0 MB\); the limit is 2\.0 MB/,
    );
  });
});

describe('Open plan file on the home page', () => {
  it('opens the plan and goes to its review', async () => {
    const { router } = renderRoutes([
      { path: '/', element: <HomePage /> },
      { path: '/plan/:stepId', element: <p>planner</p> },
    ]);
    await userEvent.upload(fileInput(), planFile());
    await waitFor(() => expect(router.state.location.pathname).toBe('/plan/review'));
    expect(useAppStore.getState().plan.name).toBe('Contoso HQ');
  });

  const renderHomeAndPlanner = () =>
    renderRoutes([
      { path: '/', element: <HomePage /> },
      { path: '/plan/:stepId', element: <PlannerPage /> },
    ]);

  /** The notice the planner shows for an opened file: its name and every warning. */
  async function expectFileWarnings() {
    // The planner renders the review step of the file's plan first: slow under jsdom.
    const notice = await screen.findByText(
      /Opened the plan “Plan file v1: Contoso NYC”/,
      {},
      { timeout: 15_000 },
    );
    expect(notice).toHaveTextContent(
      /The plan was saved with catalog .2026\.11\.0.; this planner uses catalog /,
    );
    expect(notice).toHaveTextContent(
      `The plan was saved in plan format 1 and was updated to format ${PLAN_SCHEMA_VERSION}.`,
    );
  }

  it("shows the file's warnings (another catalog, an older plan format) on its review", async () => {
    const { router } = renderHomeAndPlanner();
    await userEvent.upload(fileInput(), v1File());
    await waitFor(() => expect(router.state.location.pathname).toBe('/plan/review'));
    await expectFileWarnings();
    expect(useAppStore.getState().plan.name).toBe('Plan file v1: Contoso NYC');
    // Handed over once: the notice does not come back when the planner opens again.
    expect(useAppStore.getState().planFileNotice).toBeNull();
  }, 30_000);

  it("asks before replacing a plan in progress, then shows the file's warnings", async () => {
    const { router } = renderHomeAndPlanner();
    useAppStore.getState().setPlanName('Work in progress');
    await userEvent.upload(fileInput(), v1File());
    await screen.findByRole('dialog', { name: 'Replace the plan in progress?' });
    await userEvent.click(screen.getByRole('button', { name: 'Replace' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/plan/review'));
    await expectFileWarnings();
  }, 30_000);

  it('shows a clear error for a file that is not a plan, and stays home', async () => {
    const { router } = renderHomeAndPlanner();
    await userEvent.upload(fileInput(), planFile('bad.json', '{"hello":1}'));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      /The plan file could not be opened: .*not a plan file/,
    );
    expect(router.state.location.pathname).toBe('/');
    expect(useAppStore.getState().plan).toEqual(createDefaultPlan());
  });
});
