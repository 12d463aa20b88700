/**
 * Which agents send file activity is catalog data: the roles `file-activity-agent` (Threat
 * Manager syslog) and `aa26-source-agent` (Access Analyzer 26) list the environments they
 * monitor (FILE_SYSTEM_ENVIRONMENTS in src/data/roles.ts). A NAS environment missing from that
 * list would silently get no Threat Manager or AA26 flow, so every NAS environment must be there.
 */
import { describe, expect, it } from 'vitest';

import { getCatalog } from '@/core/catalog/catalog';

const catalog = getCatalog();
const nas = catalog.environments.filter((e) => e.group === 'nas').map((e) => e.id);

describe.each(['file-activity-agent', 'aa26-source-agent'])('role %s', (roleId) => {
  const monitors = catalog.roles.find((r) => r.id === roleId)?.monitors ?? [];

  it('is in the catalog and names the environments it monitors', () => {
    expect(monitors.length).toBeGreaterThan(0);
  });

  it('monitors every NAS environment', () => {
    expect(nas.length).toBeGreaterThan(10);
    expect(nas.filter((id) => !monitors.includes(id))).toEqual([]);
  });
});
