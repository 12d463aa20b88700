import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';

import { getCatalog } from '@/core/catalog/catalog';
import { ReferencePage } from '@/features/reference/reference-page';

import { renderElement } from '../../support/render-app';

const total = getCatalog().rules.length;

/** Types into the search box in one input event (pasting keeps the test fast). */
async function search(text: string) {
  await userEvent.click(screen.getByLabelText('Search'));
  await userEvent.paste(text);
}

/** Rule cards (<article>); querySelectorAll keeps the test fast on the full page. */
function rules(): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>('article')];
}

function heading(level: number, name: string | RegExp): HTMLElement {
  return screen.getByText(name, { selector: `h${level}` });
}

// The full page renders every rule card: allow for slow, loaded CI machines.
const SLOW = 20_000;

describe('ReferencePage', () => {
  it(
    'shows every rule grouped by environment group, with the version filter at "All versions"',
    () => {
      renderElement(<ReferencePage />);
      expect(heading(1, 'Port reference')).toBeInTheDocument();
      expect(rules()).toHaveLength(total);
      expect(screen.getByRole('status')).toHaveTextContent(`Showing ${total} of ${total} rules`);
      expect(heading(2, 'Activity Monitor core')).toBeInTheDocument();
      expect(heading(3, 'NetApp Data ONTAP Cluster-Mode')).toBeInTheDocument();
      expect(screen.getByLabelText('Activity Monitor version')).toHaveDisplayValue('All versions');
    },
    SLOW,
  );

  it(
    'a cloud rule card lists its FQDNs with the wildcard label, endpoint sets and service tags',
    async () => {
      renderElement(<ReferencePage />);
      await search('blob.core.windows.net');
      const [card] = rules();
      expect(rules()).toHaveLength(1);
      expect(card).toHaveTextContent('Activity Agent Server → Microsoft cloud endpoints');
      const list = within(card!).getByText('Destination FQDNs:').closest('div')!;
      const items = within(list)
        .getAllByRole('listitem')
        .map((li) => li.textContent);
      expect(items).toEqual([
        'login.microsoftonline.com: Microsoft Entra ID sign-in · M365 endpoint set 56 · service tag AzureActiveDirectory',
        'graph.microsoft.com: Microsoft Graph API · M365 endpoint set 56',
        '*.blob.core.windows.net: Azure Blob Storage (the logs storage account) · wildcard · service tag Storage',
      ]);
    },
    SLOW,
  );

  it(
    'searching a port finds the CTERA syslog rule',
    async () => {
      renderElement(<ReferencePage />);
      await search('4488');
      const found = rules();
      expect(found).toHaveLength(1);
      const card = found[0]!;
      expect(card).toHaveTextContent('CTERA Portal → Activity Agent Server');
      expect(card).toHaveTextContent('TCP 4488');
      expect(card).toHaveTextContent('Syslog over TLS');
      const link = within(card).getByRole('link', { name: /Vendor docs/ });
      expect(link).toHaveAttribute(
        'href',
        'https://docs.netwrix.com/docs/activitymonitor/10_0/requirements/activityagent/activityagentports#ctera-additional-firewall-rules',
      );
      expect(link).toHaveAttribute('target', '_blank');
      expect(link.getAttribute('rel')).toContain('noopener');
    },
    SLOW,
  );

  it(
    'the vendor-docs link names the product whose docs it cites (Access Analyzer 26 on 4504)',
    async () => {
      renderElement(<ReferencePage />);
      await search('4504');
      const found = rules();
      expect(found).toHaveLength(1);
      const link = within(found[0]!).getByRole('link', { name: /Vendor docs/ });
      expect(link).toHaveTextContent(
        'Vendor docs: Activity Monitor Integration (Access Analyzer 2601)',
      );
    },
    SLOW,
  );

  it(
    'a port inside a range matches (49152 finds the dynamic RPC rules)',
    async () => {
      renderElement(<ReferencePage />);
      await search('49152');
      const texts = rules().map((r) => r.textContent ?? '');
      expect(texts.length).toBeGreaterThan(5);
      for (const t of texts) expect(t).toMatch(/49152-65535/);
    },
    SLOW,
  );

  it(
    'searching by alias finds the environment (Enterprise Auditor -> Access Analyzer)',
    async () => {
      renderElement(<ReferencePage />);
      await search('enterprise auditor');
      expect(heading(3, 'Netwrix Access Analyzer')).toBeInTheDocument();
      expect(rules().length).toBeGreaterThanOrEqual(2);
    },
    SLOW,
  );

  it(
    'shows the superseded SQL row with its chip and the erratum reading',
    async () => {
      renderElement(<ReferencePage />);
      await search('sql 1433');
      const documented = rules().find((r) =>
        r.textContent?.includes('SQL Server → Activity Agent Server'),
      );
      expect(documented).toBeDefined();
      expect(within(documented!).getByText('Vendor reading (corrected)')).toBeInTheDocument();
      expect(documented).toHaveTextContent('E15: SQL Server direction reversed');
      expect(documented).toHaveTextContent(/Reading applied:.*Activity Agent Server -> SQL Server/);
      const corrected = rules().find((r) =>
        r.textContent?.startsWith('Activity Agent Server → SQL Server'),
      );
      expect(corrected).toBeDefined();
      expect(within(corrected!).queryByText('Vendor reading (corrected)')).toBeNull();
    },
    SLOW,
  );

  it(
    'marks inferred rules',
    async () => {
      renderElement(<ReferencePage />);
      await search('hitachi');
      const [card] = rules();
      expect(within(card!).getByText('Inferred')).toBeInTheDocument();
    },
    SLOW,
  );

  it(
    'filters by Activity Monitor version (Cohesity only in 10.0)',
    async () => {
      renderElement(<ReferencePage />);
      await search('cohesity');
      expect(rules()).toHaveLength(2);
      await userEvent.selectOptions(screen.getByLabelText('Activity Monitor version'), '9.0');
      expect(rules()).toHaveLength(0);
      expect(screen.getByText('No rule matches this search.')).toBeInTheDocument();
      await userEvent.selectOptions(screen.getByLabelText('Activity Monitor version'), 'all');
      expect(rules()).toHaveLength(2);
    },
    SLOW,
  );

  it(
    'links the page of the version filtered on (7.1: its own folders and headings), else 10.0',
    async () => {
      renderElement(<ReferencePage />);
      await search('enterprise auditor smb');
      // Two rules match: the vendor row (SMB to the agent hosts) and the inferred archive share,
      // which cites another page.
      expect(rules()).toHaveLength(2);
      const onPortsPage = () =>
        rules().filter((rule) =>
          within(rule).queryByRole('link', { name: /Vendor docs: Integration with Netwrix/ }),
        );
      expect(onPortsPage()).toHaveLength(1);
      const link = () => within(onPortsPage()[0]!).getByRole('link', { name: /Vendor docs/ });
      expect(link()).toHaveAttribute(
        'href',
        'https://docs.netwrix.com/docs/activitymonitor/10_0/requirements/activityagent/activityagentports#integration-with-netwrix-access-analyzer-additional-firewall-rules',
      );
      expect(link()).toHaveTextContent(
        'Vendor docs: Integration with Netwrix Access Analyzer Additional Firewall Rules (Activity Monitor 10.0)',
      );
      await userEvent.selectOptions(screen.getByLabelText('Activity Monitor version'), '7.1');
      expect(link()).toHaveAttribute(
        'href',
        'https://docs.netwrix.com/docs/activitymonitor/7_1/requirements/activityagent/activityagentports#integration-with-netwrix-enterprise-auditor-additional-firewall-rules',
      );
      expect(link()).toHaveTextContent(
        'Vendor docs: Integration with Netwrix Enterprise Auditor Additional Firewall Rules (Activity Monitor 7.1)',
      );
      await userEvent.selectOptions(screen.getByLabelText('Activity Monitor version'), '9.0');
      expect(link()).toHaveAttribute(
        'href',
        'https://docs.netwrix.com/docs/activitymonitor/9_0/requirements/activityagent/activityagentports#integration-with-netwrix-access-analyzer-additional-firewall-rules',
      );
      await userEvent.selectOptions(screen.getByLabelText('Activity Monitor version'), 'all');
      expect(link()).toHaveTextContent('(Activity Monitor 10.0)');
    },
    SLOW,
  );

  it(
    'lists the agent-host environments that the core rule covers',
    async () => {
      renderElement(<ReferencePage />);
      await search('linux');
      expect(heading(2, /Covered by the console/)).toBeInTheDocument();
      expect(heading(3, 'Linux file server')).toBeInTheDocument();
    },
    SLOW,
  );
});
