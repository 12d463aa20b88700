import { describe, expect, it } from 'vitest';

import type { HostText } from '@/core/report/host-text';
import {
  addressText,
  endpointSetOf,
  fqdnIdText,
  hostsText,
  serviceTagOf,
} from '@/core/report/host-text';

const login: HostText = {
  label: 'Sign-in',
  address: 'login.microsoftonline.com',
  fqdn: {
    pattern: 'login.microsoftonline.com',
    wildcard: false,
    m365EndpointSet: 56,
    serviceTag: 'AzureActiveDirectory',
  },
};
const blob: HostText = {
  label: 'Blob',
  address: '*.blob.core.windows.net',
  fqdn: { pattern: '*.blob.core.windows.net', wildcard: true, serviceTag: 'Storage' },
};
const sharepoint: HostText = {
  label: 'SharePoint',
  address: '',
  fqdn: { pattern: '{tenant}.sharepoint.com', wildcard: false, m365EndpointSet: 31 },
};
const agent: HostText = { label: 'Agent', address: '10.0.0.5' };

describe('host text of the sheets', () => {
  it('labels a wildcard, a missing tenant and an invalid name', () => {
    expect(addressText(blob)).toBe('*.blob.core.windows.net, wildcard');
    expect(addressText(sharepoint)).toBe('<tenant>.sharepoint.com, tenant missing');
    expect(addressText({ ...login, invalid: 'bad' })).toBe('login.microsoftonline.com, INVALID');
    expect(addressText(agent)).toBe('10.0.0.5');
    expect(addressText({ label: 'A', address: '' })).toBe('address missing');
  });

  it('adds the published IDs where the table has no column for them', () => {
    expect(hostsText([login, blob], true)).toBe(
      'Sign-in (login.microsoftonline.com; M365 endpoint set 56; service tag AzureActiveDirectory); Blob (*.blob.core.windows.net, wildcard; service tag Storage)',
    );
    expect(hostsText([agent], true)).toBe('Agent (10.0.0.5)');
  });

  it('groups the endpoint set IDs and service tags by value, "none published" last', () => {
    const hosts = [blob, login, sharepoint, agent];
    expect(fqdnIdText(hosts, endpointSetOf)).toBe(
      '56: login.microsoftonline.com; 31: <tenant>.sharepoint.com; none published: *.blob.core.windows.net',
    );
    expect(fqdnIdText(hosts, serviceTagOf)).toBe(
      'Storage: *.blob.core.windows.net; AzureActiveDirectory: login.microsoftonline.com; none published: <tenant>.sharepoint.com',
    );
    expect(fqdnIdText([agent], endpointSetOf)).toBe('');
  });
});
