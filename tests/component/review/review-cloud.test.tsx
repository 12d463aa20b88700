import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';

import type { ResolvedHost, ResolvedRule, Resolution } from '@/core/resolve/model';
import { ReviewPanel } from '@/features/planner/review/review-panel';

import { reviewErrata } from '../../fixtures/catalogs';
import { renderRoutes } from '../../support/render-app';

function cloudHost(
  label: string,
  address: string,
  pattern: string,
  published: { m365EndpointSet?: number; serviceTag?: string },
  extra: Partial<ResolvedHost> = {},
): ResolvedHost {
  return {
    label,
    address,
    ref: { kind: 'cloud', endpoint: label, key: address || pattern },
    cloud: {
      pattern,
      wildcard: pattern.startsWith('*.'),
      ...published,
      basis: 'documented',
      sources: [
        {
          title: `${label} in Microsoft's list`,
          url: `https://learn.microsoft.com/x/${label.length}`,
        },
      ],
    },
    ...extra,
  };
}

const agent: ResolvedHost = {
  label: 'Agent server 1',
  address: '10.0.0.5',
  ref: { kind: 'agent-server', agentId: 'agent-1' },
};
const login = cloudHost(
  'Entra ID sign-in',
  'login.microsoftonline.com',
  'login.microsoftonline.com',
  {
    m365EndpointSet: 56,
    serviceTag: 'AzureActiveDirectory',
  },
);
const blob = cloudHost('Blob Storage', '*.blob.core.windows.net', '*.blob.core.windows.net', {
  serviceTag: 'Storage',
});
const sharepoint = cloudHost('SharePoint', '', '{tenant}.sharepoint.com', { m365EndpointSet: 31 });

const rule: ResolvedRule = {
  id: 'R01',
  key: 'agent-1>ms-cloud|TCP|443',
  source: {
    role: 'activity-agent-server',
    roleNames: ['Activity Agent Server'],
    roleName: 'Activity Agent Server',
    hosts: [agent],
  },
  destination: {
    role: 'ms-cloud',
    roleNames: ['Microsoft cloud endpoints'],
    roleName: 'Microsoft cloud endpoints',
    hosts: [blob, login, sharepoint],
  },
  transport: 'TCP',
  ports: [{ from: 443, to: 443, label: '' }],
  portsText: '443',
  service: 'HTTPS',
  description: 'Cloud APIs',
  basis: 'documented',
  reasons: [
    {
      ruleId: 'copilot-cloud',
      environmentId: 'm365-copilot',
      environmentName: 'Microsoft 365 Copilot',
      deviceId: 'dev-1',
      deviceName: 'Copilot',
      basis: 'documented',
      reference: 'https://docs.netwrix.com/x',
    },
  ],
  notes: [],
  errata: [],
};

const resolution: Resolution = { rules: [rule], checks: [] };

function renderPanel() {
  return renderRoutes(
    [
      {
        path: '/plan/review',
        element: (
          <ReviewPanel
            resolution={resolution}
            hasDevices
            showInferred
            errata={reviewErrata}
            firewallOf={(host) => (host.cloud ? 'cloud' : 'own')}
          />
        ),
      },
    ],
    '/plan/review',
  );
}

describe('ReviewPanel: Microsoft cloud destinations', () => {
  it('by flow: each FQDN with the wildcard label, its endpoint set and service tag', () => {
    renderPanel();
    const region = screen.getByRole('region', { name: 'Rules by flow' });
    const [row] = within(region).getAllByRole('row').slice(1);
    expect(row).toHaveTextContent('login.microsoftonline.com');
    expect(row).toHaveTextContent('M365 endpoint set 56 · service tag AzureActiveDirectory');
    expect(within(row!).getByText('Wildcard')).toBeInTheDocument();
    expect(row).toHaveTextContent('*.blob.core.windows.net');
    // The tenant's SharePoint while the plan has no tenant: the pattern, and why it is missing.
    expect(row).toHaveTextContent('<tenant>.sharepoint.com');
    expect(within(row!).getByText('tenant missing')).toBeInTheDocument();
  });

  it('the details list every FQDN with what Microsoft publishes and the sources', async () => {
    const user = userEvent.setup({ delay: null });
    renderPanel();
    await user.click(screen.getByRole('button', { name: 'Show details' }));
    const details = screen.getByRole('region', { name: 'Why this rule exists' });
    const heading = within(details).getByRole('heading', {
      name: 'Cloud destinations (FQDNs for a proxy or perimeter firewall)',
    });
    const list = heading.nextElementSibling as HTMLElement;
    const items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(3);
    expect(items[1]).toHaveTextContent('Microsoft 365 endpoint set56');
    expect(items[1]).toHaveTextContent('Azure service tagAzureActiveDirectory');
    expect(items[0]).toHaveTextContent('Microsoft 365 endpoint setnone published');
    expect(
      within(items[1]!).getByRole('link', { name: /Entra ID sign-in in Microsoft's list/ }),
    ).toHaveAttribute('href', 'https://learn.microsoft.com/x/16');
  });

  it('by host: an FQDN has its own section, saying a host firewall cannot filter on it', async () => {
    const user = userEvent.setup({ delay: null });
    renderPanel();
    await user.click(screen.getByRole('button', { name: 'By host' }));
    const section = screen.getByRole('group', { name: /^Entra ID sign-in/ });
    expect(section).toHaveTextContent('login.microsoftonline.com');
    expect(section).toHaveTextContent('M365 endpoint set 56 · service tag AzureActiveDirectory');
    expect(section).toHaveTextContent('host firewalls cannot filter by FQDN');
    const inbound = within(section).getByRole('region', { name: /^Inbound rules of/ });
    expect(inbound).toHaveTextContent('Agent server 1');
    const sharepointSection = screen.getByRole('group', { name: /^SharePoint/ });
    expect(sharepointSection).toHaveTextContent('<tenant>.sharepoint.com');
    expect(within(sharepointSection).getAllByText('tenant missing').length).toBeGreaterThan(0);
  });
});
