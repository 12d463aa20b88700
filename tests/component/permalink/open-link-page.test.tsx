import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useLocation } from 'react-router';
import { describe, expect, it } from 'vitest';

import { getCatalog } from '@/core/catalog/catalog';
import { encodePlan } from '@/core/permalink/codec';
import type { Plan } from '@/core/plan/model';
import { createDefaultPlan } from '@/core/plan/model';
import { OpenLinkPage } from '@/features/open-link/open-link-page';
import { STORAGE_KEY } from '@/state/persistence';
import { useAppStore } from '@/state/store';

import { renderRoutes } from '../../support/render-app';
import { typicalPlan } from '../../unit/core/permalink/sample-plans';

function Where() {
  return <p data-testid="where">{useLocation().pathname}</p>;
}

const routes = [
  { path: '/open', element: <OpenLinkPage /> },
  { path: '/open/:payload', element: <OpenLinkPage /> },
  { path: '*', element: <Where /> },
];

const catalogVersion = getCatalog().version;
const link = (plan: Plan, version = catalogVersion) =>
  encodePlan(plan, { catalogVersion: version });

/** Renders the app's open route with `inProgress` as the plan in progress. */
async function open(payload: string | null, inProgress: Plan = createDefaultPlan()) {
  const rendered = renderRoutes(routes, '/');
  act(() => useAppStore.getState().setPlan(inProgress));
  const stored = window.localStorage.getItem(STORAGE_KEY);
  await act(() => rendered.router.navigate(payload === null ? '/open' : `/open/${payload}`));
  return { ...rendered, stored };
}

const myPlan: Plan = { ...createDefaultPlan(), name: 'My plan in progress' };

describe('OpenLinkPage: damaged links', () => {
  const good = link(typicalPlan());

  it.each([
    ['no payload', null, /holds no plan/],
    ['garbage', 'garbage', /not a planner link/],
    ['a truncated link', good.slice(0, -10), /incomplete/],
    ['a damaged link', `${good.slice(0, 30)}x${good.slice(31)}`, /damaged/],
    ['an unknown version', `7${good.slice(1)}`, /newer version of the planner/],
    ['an oversized link', `1.${'A'.repeat(9000)}.AAAAAA`, /too long/],
  ])(
    'shows an alert for %s and leaves the plan in progress untouched',
    async (_l, payload, text) => {
      const { stored } = await open(payload, myPlan);
      const alert = screen.getByRole('alert');
      expect(alert).toHaveTextContent('This link cannot be opened');
      expect(alert).toHaveTextContent(text);
      expect(alert).toHaveTextContent('Your plan in progress has not been changed.');
      expect(useAppStore.getState().plan).toEqual(myPlan);
      expect(window.localStorage.getItem(STORAGE_KEY)).toBe(stored);
      expect(screen.getByRole('link', { name: 'Go to your plan' })).toHaveAttribute(
        'href',
        '/plan',
      );
      expect(screen.getByRole('link', { name: 'Go to the home page' })).toHaveAttribute(
        'href',
        '/',
      );
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    },
  );
});

describe('OpenLinkPage: good links', () => {
  it('opens the plan at once when no plan is in progress', async () => {
    await open(link(typicalPlan()));
    expect(useAppStore.getState().plan).toEqual(typicalPlan());
    expect(screen.getByTestId('where')).toHaveTextContent('/plan/review');
  });

  it('opens without asking when the plan in progress is the same plan', async () => {
    await open(link(typicalPlan()), typicalPlan());
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByTestId('where')).toHaveTextContent('/plan/review');
  });

  it('asks before replacing a different plan in progress; "Keep my plan" keeps it', async () => {
    const { stored } = await open(link(typicalPlan()), myPlan);
    const dialog = screen.getByRole('dialog', { name: 'Replace the plan in progress?' });
    expect(dialog).toHaveTextContent('Contoso NYC file services');
    expect(dialog).toHaveTextContent('My plan in progress');
    expect(useAppStore.getState().plan).toEqual(myPlan);
    await userEvent.click(screen.getByRole('button', { name: 'Keep my plan' }));
    expect(useAppStore.getState().plan).toEqual(myPlan);
    expect(window.localStorage.getItem(STORAGE_KEY)).toBe(stored);
    expect(screen.getByTestId('where')).toHaveTextContent('/plan/review');
  });

  it('replaces the plan in progress when the user chooses "Replace"', async () => {
    await open(link(typicalPlan()), myPlan);
    await userEvent.click(screen.getByRole('button', { name: 'Replace' }));
    expect(useAppStore.getState().plan).toEqual(typicalPlan());
    expect(screen.getByTestId('where')).toHaveTextContent('/plan/review');
  });

  it('shows the warnings of a link made with another catalog before moving on', async () => {
    await open(link(typicalPlan(), '2020.1.0'));
    expect(useAppStore.getState().plan).toEqual(typicalPlan());
    expect(screen.getByText(/made with port catalog "2020\.1\.0"/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('link', { name: 'Review the plan' }));
    expect(screen.getByTestId('where')).toHaveTextContent('/plan/review');
  });

  it('shows a 200,000-character catalog version only shortened and quoted', async () => {
    await open(link(typicalPlan(), '9'.repeat(200_000)));
    expect(useAppStore.getState().plan).toEqual(typicalPlan());
    const warning = screen.getByText(/names its port catalog with "9+…", which is not a catalog/);
    expect(warning.textContent?.length).toBeLessThan(300);
    expect(document.body.textContent).not.toContain('9'.repeat(64));
  });
});
