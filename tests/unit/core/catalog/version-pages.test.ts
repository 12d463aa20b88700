/**
 * Per-version links (docs/catalog.md, "Per-version links"): every Activity Monitor 10.0 page the
 * catalog cites, and where it is in 7.1, 8.0 and 9.0 of netwrix/docs, literally as read (path
 * under docs/activitymonitor/<version>/ @ the revision read; "(linked)" where only a link on a page
 * of that version, read at that revision, shows the page). The links a plan gets follow from it:
 * the page of the plan's version, or the 10.0 page, labelled, never silently.
 */
import { describe, expect, it } from 'vitest';

import { getCatalog } from '@/core/catalog/catalog';
import type {
  AmPageInVersion,
  AmVersion,
  Catalog,
  CatalogRule,
  Citation,
  OlderAmVersion,
} from '@/core/catalog/model';
import { OLDER_AM_VERSIONS } from '@/core/catalog/model';
import { validateCatalog } from '@/core/catalog/validate-catalog';
import { citationForVersion, ruleCitation, ruleVersions } from '@/core/catalog/version-citations';

const catalog = getCatalog();
const AM10 = 'docs/activitymonitor/10.0/';
const ABSENT = null;

/** 10.0 page (under docs/activitymonitor/10.0/) -> its 7.1, 8.0 and 9.0 page, or ABSENT. */
const EXPECTED: [string, string | null, string | null, string | null][] = [
  [
    'requirements/activityagent/activityagentports.md',
    'requirements/activityagent/activityagentports.md@2aa9036f',
    'requirements/activityagent/activityagentports.md@7033876e',
    'requirements/activityagent/activityagentports.md@2aa9036f',
  ],
  [
    'install/agents/manual.md',
    'install/agents/manual.md@a8b312c3',
    'install/agents/manual.md@ad22dd64',
    'install/agents/manual.md@a8b312c3',
  ],
  [
    'admin/agents/properties/connection.md',
    'admin/agents/properties/connection.md@97e73c5c',
    'admin/agents/properties/connection.md@2aa9036f',
    'admin/agents/properties/connection.md@37f1c8c0',
  ],
  [
    'admin/agents/properties/apiserver.md',
    'admin/agents/properties/apiserver.md@2aa9036f',
    'admin/agents/properties/apiserver.md@7033876e',
    'admin/agents/properties/apiserver.md@37f1c8c0',
  ],
  [
    'admin/agents/properties/dellceeoptions.md',
    'admin/agents/properties/dellceeoptions.md@4d527013',
    'admin/agents/properties/dellceeoptions.md@7033876e',
    'admin/agents/properties/dellceeoptions.md@37f1c8c0',
  ],
  [
    'requirements/activityagent/nas-device-configuration/celerra-vnx-aac/celerra-vnx-activity.md',
    'requirements/activityagent/nasdeviceconfiguration/celerra-vnx-aac/activity.md@97e73c5c',
    'requirements/activityagent/nas-device-configuration/celerra-vnx-aac/celerra-vnx-activity.md@7033876e',
    'requirements/activityagent/nas-device-configuration/celerra-vnx-aac/celerra-vnx-activity.md@2e3c0784',
  ],
  [
    'requirements/activityagent/nas-device-configuration/unity-aac/unity-activity.md',
    'requirements/activityagent/nasdeviceconfiguration/unity-aac/unity-activity.md@97e73c5c',
    'requirements/activityagent/nas-device-configuration/unity-aac/unity-activity.md@7033876e',
    'requirements/activityagent/nas-device-configuration/unity-aac/unity-activity.md@7bb5de84',
  ],
  [
    'requirements/activityagent/nas-device-configuration/powerstore-aac/powerstore-activity.md',
    'requirements/activityagent/nasdeviceconfiguration/powerstore-aac/powerstore-activity.md@ad22dd64',
    'requirements/activityagent/nas-device-configuration/powerstore-aac/powerstore-activity.md@97e73c5c',
    'requirements/activityagent/nas-device-configuration/powerstore-aac/powerstore-activity.md@297729fe',
  ],
  [
    'requirements/activityagent/nas-device-configuration/isilon-powerscale-aac/isilon-activity.md',
    'requirements/activityagent/nasdeviceconfiguration/isilon-powerscale-aac/isilon-activity.md@a8b312c3',
    'requirements/activityagent/nas-device-configuration/isilon-powerscale-aac/isilon-activity.md@ad22dd64',
    'requirements/activityagent/nas-device-configuration/isilon-powerscale-aac/isilon-activity.md@2e3c0784',
  ],
  [
    'requirements/activityagent/nas-device-configuration/isilon-powerscale-aac/installcee.md',
    'requirements/activityagent/nasdeviceconfiguration/isilon-powerscale-aac/installcee.md@97e73c5c',
    'requirements/activityagent/nas-device-configuration/isilon-powerscale-aac/installcee.md@7033876e',
    'requirements/activityagent/nas-device-configuration/isilon-powerscale-aac/installcee.md@2aa9036f',
  ],
  [
    'requirements/activityagent/nas-device-configuration/isilon-powerscale-aac/manualconfiguration.md',
    'requirements/activityagent/nasdeviceconfiguration/isilon-powerscale-aac/manualconfiguration.md@ba93bf46',
    'requirements/activityagent/nas-device-configuration/isilon-powerscale-aac/manualconfiguration.md@7033876e',
    'requirements/activityagent/nas-device-configuration/isilon-powerscale-aac/manualconfiguration.md@297729fe',
  ],
  [
    'requirements/activityagent/nas-device-configuration/isilon-powerscale-aac/validate.md',
    'requirements/activityagent/nasdeviceconfiguration/isilon-powerscale-aac/validate.md@97e73c5c',
    'requirements/activityagent/nas-device-configuration/isilon-powerscale-aac/validate.md@ad22dd64',
    'requirements/activityagent/nas-device-configuration/isilon-powerscale-aac/validate.md@7bb5de84',
  ],
  [
    'admin/monitoredhosts/add/dellpowerscale.md',
    'admin/monitoredhosts/add/dellpowerscale.md@4d527013',
    'admin/monitoredhosts/add/dellpowerscale.md@2022e0c1',
    'admin/monitoredhosts/add/dellpowerscale.md@2e3c0784',
  ],
  [
    'requirements/activityagent/nas-device-configuration/ontap-cluster-aac/configurefirewall.md',
    'requirements/activityagent/nasdeviceconfiguration/ontap-cluster-aac/configurefirewall.md@a8b312c3',
    'requirements/activityagent/nas-device-configuration/ontap-cluster-aac/configurefirewall.md@2aa9036f',
    'requirements/activityagent/nas-device-configuration/ontap-cluster-aac/configurefirewall.md@37f1c8c0',
  ],
  [
    'requirements/activityagent/nas-device-configuration/ontap-cluster-aac/ontap-cluster-activity.md',
    'requirements/activityagent/nasdeviceconfiguration/ontap-cluster-aac/ontap-cluster-activity.md@2aa9036f',
    'requirements/activityagent/nas-device-configuration/ontap-cluster-aac/ontap-cluster-activity.md@7033876e',
    'requirements/activityagent/nas-device-configuration/ontap-cluster-aac/ontap-cluster-activity.md@97e73c5c',
  ],
  [
    'admin/monitoredhosts/properties/netapp.md',
    'admin/monitoredhosts/properties/netapp.md@97e73c5c',
    'admin/monitoredhosts/properties/netapp.md@2aa9036f',
    'admin/monitoredhosts/properties/netapp.md@2aa9036f',
  ],
  [
    'admin/monitoredhosts/add/netapp.md',
    'admin/monitoredhosts/add/netapp.md@4d527013',
    'admin/monitoredhosts/add/netapp.md@a8b312c3',
    'admin/monitoredhosts/add/netapp.md@7bb5de84',
  ],
  [
    'admin/agents/properties/netappfpolicyoptions.md',
    'admin/agents/properties/netappfpolicyoptions.md@97e73c5c',
    'admin/agents/properties/netappfpolicyoptions.md@2aa9036f',
    'admin/agents/properties/netappfpolicyoptions.md@7bb5de84',
  ],
  [
    'requirements/activityagent/nas-device-configuration/ontap7-aac/enablehttp.md',
    'requirements/activityagent/nasdeviceconfiguration/ontap7-aac/enablehttp.md@97e73c5c (linked)',
    'requirements/activityagent/nas-device-configuration/ontap7-aac/enablehttp.md@ad22dd64 (linked)',
    'requirements/activityagent/nas-device-configuration/ontap7-aac/enablehttp.md@a8b312c3',
  ],
  [
    'requirements/activityagent/nas-device-configuration/ontap7-aac/ontap7-activity.md',
    'requirements/activityagent/nasdeviceconfiguration/ontap7-aac/ontap7-activity.md@97e73c5c',
    'requirements/activityagent/nas-device-configuration/ontap7-aac/ontap7-activity.md@ad22dd64',
    'requirements/activityagent/nas-device-configuration/ontap7-aac/ontap7-activity.md@7bb5de84',
  ],
  [
    'requirements/activityagent/nas-device-configuration/ctera-activity.md',
    ABSENT,
    'requirements/activityagent/nas-device-configuration/ctera-activity.md@ad22dd64',
    'requirements/activityagent/nas-device-configuration/ctera-activity.md@a8b312c3',
  ],
  [
    'requirements/activityagent/nas-device-configuration/nasuni-activity.md',
    'requirements/activityagent/nasdeviceconfiguration/nasuni-activity.md@ad22dd64',
    'requirements/activityagent/nas-device-configuration/nasuni-activity.md@7033876e',
    'requirements/activityagent/nas-device-configuration/nasuni-activity.md@2aa9036f',
  ],
  [
    'admin/agents/properties/nutanix.md',
    'admin/agents/properties/nutanix.md@97e73c5c',
    'admin/agents/properties/nutanix.md@a8b312c3',
    'admin/agents/properties/nutanix.md@2e3c0784',
  ],
  [
    'requirements/activityagent/nas-device-configuration/panzura-activity.md',
    'requirements/activityagent/nasdeviceconfiguration/panzura-activity.md@ad22dd64',
    'requirements/activityagent/nas-device-configuration/panzura-activity.md@2aa9036f',
    'requirements/activityagent/nas-device-configuration/panzura-activity.md@2e3c0784',
  ],
  [
    'admin/agents/properties/panzura.md',
    'admin/agents/properties/panzura.md@ad22dd64',
    'admin/agents/properties/panzura.md@ad22dd64',
    'admin/agents/properties/panzura.md@7bb5de84 (linked)',
  ],
  [
    'admin/agents/properties/qumulo.md',
    'admin/agents/properties/qumulo.md@2aa9036f',
    'admin/agents/properties/qumulo.md@ad22dd64',
    'admin/agents/properties/qumulo.md@2e3c0784',
  ],
  [
    'requirements/activityagent/nas-device-configuration/cohesity-activity.md',
    ABSENT,
    ABSENT,
    ABSENT,
  ],
  [
    'requirements/activityagent/nas-device-configuration/hitachi-aac/hitachi-activity.md',
    'requirements/activityagent/nasdeviceconfiguration/hitachi-aac/hitachi-activity.md@97e73c5c',
    'requirements/activityagent/nas-device-configuration/hitachi-aac/hitachi-activity.md@97e73c5c',
    'requirements/activityagent/nas-device-configuration/hitachi-aac/hitachi-activity.md@2e3c0784',
  ],
  [
    'requirements/activityagent/sqlserver-activity.md',
    'requirements/activityagent/sqlserver-activity.md@bd15dfbc',
    'requirements/activityagent/sqlserver-activity.md@ad22dd64',
    'requirements/activityagent/sqlserver-activity.md@bd15dfbc',
  ],
  [
    'admin/monitoredhosts/add/sqlserver.md',
    'admin/monitoredhosts/add/sqlserver.md@2aa9036f',
    'admin/monitoredhosts/add/sqlserver.md@2aa9036f',
    'admin/monitoredhosts/add/sqlserver.md@2aa9036f',
  ],
  [
    'requirements/activityagent/sharepoint-onprem-activity.md',
    'requirements/activityagent/sharepoint-onprem-activity.md@ad22dd64',
    'requirements/activityagent/sharepoint-onprem-activity.md@97e73c5c',
    'requirements/activityagent/sharepoint-onprem-activity.md@2aa9036f',
  ],
  [
    'requirements/activityagent/entraid-activity.md',
    'requirements/activityagent/entraid-activity.md@4d527013',
    'requirements/activityagent/entraid-activity.md@97e73c5c',
    'requirements/activityagent/entraid-activity.md@b49f387a',
  ],
  [
    'requirements/activityagent/exchange-activity.md',
    'requirements/activityagent/exchange-activity.md@97e73c5c',
    'requirements/activityagent/exchange-activity.md@97e73c5c',
    'requirements/activityagent/exchange-activity.md@37f1c8c0',
  ],
  [
    'requirements/activityagent/nas-device-configuration/azure-files/azurefiles-activity.md',
    ABSENT,
    ABSENT,
    'requirements/activityagent/nas-device-configuration/azure-files/azurefiles-activity.md@41edb679',
  ],
  ['requirements/activityagent/m365copilot-activity.md', ABSENT, ABSENT, ABSENT],
  [
    'admin/agents/properties/networkproxy.md',
    'admin/agents/properties/networkproxy.md@2aa9036f',
    'admin/agents/properties/networkproxy.md@2aa9036f',
    'admin/agents/properties/networkproxy.md@37f1c8c0',
  ],
  [
    'admin/agents/properties/archiving.md',
    'admin/agents/properties/archiving.md@97e73c5c',
    'admin/agents/properties/archiving.md@7033876e',
    'admin/agents/properties/archiving.md@7bb5de84 (linked)',
  ],
  [
    'install/agents/agents.md',
    'install/agents/agents.md@97e73c5c',
    'install/agents/agents.md@a8b312c3',
    'install/agents/agents.md@2aa9036f',
  ],
  [
    'admin/agents/linux.md',
    'admin/agents/linux.md@a8b312c3',
    'admin/agents/linux.md@ad22dd64',
    'admin/agents/linux.md@7bb5de84',
  ],
  [
    'admin/outputs/overview.md',
    'admin/outputs/overview.md@ad22dd64',
    'admin/outputs/overview.md@ad22dd64',
    'admin/outputs/overview.md@97e73c5c',
  ],
  [
    'admin/outputs/syslog/syslog.md',
    'admin/outputs/syslog/syslog.md@2aa9036f',
    'admin/outputs/syslog/syslog.md@a8b312c3',
    'admin/outputs/syslog/syslog.md@2e3c0784',
  ],
  [
    'admin/outputs/threatmanager.md',
    'admin/outputs/threatmanager.md@97e73c5c',
    'admin/outputs/threatmanager.md@97e73c5c',
    'admin/outputs/threatmanager.md@97e73c5c (linked)',
  ],
  ['admin/outputs/accessanalyzer26.md', ABSENT, ABSENT, ABSENT],
  [
    'requirements/activityagent/windowsfs-activity.md',
    'requirements/activityagent/windowsfs-activity.md@97e73c5c',
    'requirements/activityagent/windowsfs-activity.md@97e73c5c',
    'requirements/activityagent/windowsfs-activity.md@2aa9036f',
  ],
  [
    'requirements/linuxagent.md',
    'requirements/linuxagent.md@97e73c5c',
    'requirements/linuxagent.md@2aa9036f',
    'requirements/linuxagent.md@37f1c8c0',
  ],
  [
    'install/agents/manuallinux.md',
    'install/agents/manuallinux.md@4d527013',
    'install/agents/manuallinux.md@7033876e',
    'install/agents/manuallinux.md@2aa9036f',
  ],
  [
    'requirements/adagent/adagent.md',
    'requirements/adagent/adagent.md@4d527013',
    'requirements/adagent/adagent.md@ad22dd64',
    'requirements/adagent/adagent.md@97e73c5c',
  ],
  [
    'requirements/activityagent/activityagent.md',
    'requirements/activityagent/activityagent.md@4d527013',
    'requirements/activityagent/activityagent.md@97e73c5c',
    'requirements/activityagent/activityagent.md@2e3c0784',
  ],
  [
    'admin/agents/properties/dns.md',
    'admin/agents/properties/dns.md@97e73c5c',
    'admin/agents/properties/dns.md@97e73c5c',
    'admin/agents/properties/dns.md@7bb5de84',
  ],
  [
    'admin/agents/properties/adusers.md',
    'admin/agents/properties/adusers.md@97e73c5c',
    'admin/agents/properties/adusers.md@ad22dd64',
    'admin/agents/properties/adusers.md@97e73c5c',
  ],
  [
    'admin/agents/properties/inactivityalerts.md',
    'admin/agents/properties/inactivityalerts.md@4d527013',
    'admin/agents/properties/inactivityalerts.md@2aa9036f',
    'admin/agents/properties/inactivityalerts.md@37f1c8c0',
  ],
  [
    'admin/agents/properties/certificate.md',
    ABSENT,
    ABSENT,
    'admin/agents/properties/certificate.md@97e73c5c',
  ],
];

/** The docs.netwrix.com URL of a page (docs/<product>/<version>/<path>.md, written out here). */
function url(version: string, rel: string): string {
  return `https://docs.netwrix.com/docs/activitymonitor/${version.replace('.', '_')}/${rel.replace(/\.md$/, '')}`;
}

/** A citation of a whole 10.0 page, as src/data/citations.ts builds them. */
function pageCitation(rel: string): Citation {
  return {
    repo: 'netwrix/docs',
    path: `${AM10}${rel}`,
    version: '10.0',
    section: 'A page',
    anchor: '',
    url: url('10.0', rel),
  };
}

const CASES = EXPECTED.flatMap(([page, ...cells]) =>
  OLDER_AM_VERSIONS.map((version, i) => [page, version, cells[i] ?? null] as const),
);

describe('the per-version page table', () => {
  it('has one row per page of the literal table, in the same order', () => {
    expect(catalog.versionPages?.map((row) => row.page)).toEqual(
      EXPECTED.map(([page]) => `${AM10}${page}`),
    );
  });

  it('covers every Activity Monitor 10.0 page the catalog cites', () => {
    const cited = new Set(
      [
        ...catalog.rules.map((r) => r.citation),
        ...catalog.environments.map((e) => e.citation),
        ...catalog.settings.map((s) => s.citation),
        ...catalog.errata.flatMap((e) => e.sources),
      ]
        .map((c) => c.path)
        .filter((path) => path.startsWith(AM10)),
    );
    const rows = new Set(catalog.versionPages?.map((row) => row.page));
    expect([...cited].filter((path) => !rows.has(path))).toEqual([]);
  });

  it.each(CASES)('%s in %s: %s', (page, version, expected) => {
    const row = catalog.versionPages?.find((r) => r.page === `${AM10}${page}`);
    const entry = row?.[version];
    if (expected === ABSENT) {
      expect(entry && 'absent' in entry && entry.absent).toMatch(/\S/);
      return;
    }
    const [, rel = '', revision = '', linked] =
      /^(.+)@([0-9a-f]+)( \(linked\))?$/.exec(expected) ?? [];
    const found = entry as AmPageInVersion;
    expect(found.path).toBe(`docs/activitymonitor/${version}/${rel}`);
    expect(found.revision).toBe(revision);
    expect(found.linkedFrom !== undefined).toBe(linked !== undefined);
    if (found.linkedFrom !== undefined)
      expect(found.linkedFrom).toMatch(
        new RegExp(`^docs/activitymonitor/${version.replace('.', '\\.')}/`),
      );
  });

  it.each(CASES)('links %s in a %s plan: %s', (page, version, expected) => {
    const linked = citationForVersion(catalog, pageCitation(page), version);
    if (expected === ABSENT) {
      expect(linked.citation.url).toBe(url('10.0', page));
      expect(linked.label).toBe(`Activity Monitor 10.0 page; no ${version} page`);
      expect(linked.fallback).toBe('no-page');
      return;
    }
    const [, rel = '', revision = '', viaLink] =
      /^(.+)@([0-9a-f]+)( \(linked\))?$/.exec(expected) ?? [];
    expect(linked.fallback).toBeUndefined();
    expect(linked.label).toBe(`Activity Monitor ${version}`);
    expect(linked.citation).toEqual({
      repo: 'netwrix/docs',
      path: `docs/activitymonitor/${version}/${rel}`,
      version,
      section: 'A page',
      anchor: '',
      url: url(version, rel),
      // A page known only from a link was not read: it carries no revision.
      ...(viaLink ? {} : { revision }),
    });
  });
});

const PORTS = 'requirements/activityagent/activityagentports.md';
const AA_10 = 'Integration with Netwrix Access Analyzer Additional Firewall Rules';
const AA_OLD = 'Integration with Netwrix Enterprise Auditor Additional Firewall Rules';

/** Ports page section (10.0 H2) -> its anchor in 7.1, 8.0, 9.0 (ABSENT: no such section). */
const SECTIONS: [string, string | null, string | null, string | null][] = [
  [
    'Activity Agent Ports',
    '#activity-agent-ports',
    '#activity-agent-ports',
    '#activity-agent-ports',
  ],
  ['Cohesity SmartFiles Additional Firewall Rules', ABSENT, ABSENT, ABSENT],
  [
    'CTERA Additional Firewall Rules',
    ABSENT,
    '#ctera-additional-firewall-rules',
    '#ctera-additional-firewall-rules',
  ],
  [
    'Azure Files Additional Firewall Rules',
    ABSENT,
    ABSENT,
    '#azure-files-additional-firewall-rules',
  ],
  [
    'Dell Celerra & Dell VNX Devices Additional Firewall Rules',
    '#dell-celerra--dell-vnx-devices-additional-firewall-rules',
    '#dell-celerra--dell-vnx-devices-additional-firewall-rules',
    '#dell-celerra--dell-vnx-devices-additional-firewall-rules',
  ],
  [
    AA_10,
    '#integration-with-netwrix-enterprise-auditor-additional-firewall-rules',
    '#integration-with-netwrix-enterprise-auditor-additional-firewall-rules',
    '#integration-with-netwrix-access-analyzer-additional-firewall-rules',
  ],
];

function sectionCitation(heading: string): Citation {
  const anchor = `#${heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-')}`;
  return {
    ...pageCitation(PORTS),
    section: heading,
    anchor,
    url: `${url('10.0', PORTS)}${anchor}`,
  };
}

describe('sections of the ports page in older versions', () => {
  const cases = SECTIONS.flatMap(([heading, ...cells]) =>
    OLDER_AM_VERSIONS.map((version, i) => [heading, version, cells[i] ?? null] as const),
  );

  it.each(cases)('%s in %s: %s', (heading, version, anchor) => {
    const linked = citationForVersion(catalog, sectionCitation(heading), version);
    if (anchor === ABSENT) {
      expect(linked.fallback).toBe('no-section');
      expect(linked.label).toBe(
        `Activity Monitor 10.0 page; the ${version} page has no such section`,
      );
      expect(linked.citation).toEqual(sectionCitation(heading));
      return;
    }
    expect(linked.fallback).toBeUndefined();
    expect(linked.citation.anchor).toBe(anchor);
    expect(linked.citation.url).toBe(`${url(version, PORTS)}${anchor}`);
    expect(linked.citation.section).toBe(heading === AA_10 && version !== '9.0' ? AA_OLD : heading);
  });

  it('names the renamed and missing sections only in the table (every other heading is the same)', () => {
    const row = catalog.versionPages?.find((r) => r.page === `${AM10}${PORTS}`);
    const named = OLDER_AM_VERSIONS.map((version) => {
      const entry = row?.[version] as AmPageInVersion;
      return [version, entry.renamedSections ?? {}, entry.missingSections ?? []];
    });
    expect(named).toEqual([
      [
        '7.1',
        { [AA_10]: AA_OLD },
        [
          'Cohesity SmartFiles Additional Firewall Rules',
          'CTERA Additional Firewall Rules',
          'Azure Files Additional Firewall Rules',
        ],
      ],
      [
        '8.0',
        { [AA_10]: AA_OLD },
        ['Cohesity SmartFiles Additional Firewall Rules', 'Azure Files Additional Firewall Rules'],
      ],
      ['9.0', {}, ['Cohesity SmartFiles Additional Firewall Rules']],
    ]);
  });
});

describe('fallback labels: never a silent 10.0 link', () => {
  it('leaves 10.0 plans and pages of other products as they are', () => {
    const tm = catalog.rules.find((r) => r.id === 'tm-syslog');
    const core = catalog.rules.find((r) => r.id === 'core-console-agent');
    if (!tm || !core) throw new Error('missing rules');
    expect(ruleCitation(catalog, core, '10.0')).toEqual({
      citation: core.citation,
      label: 'Activity Monitor 10.0',
    });
    for (const version of OLDER_AM_VERSIONS)
      expect(ruleCitation(catalog, tm, version)).toEqual({
        citation: tm.citation,
        label: 'Threat Manager 3.1',
      });
  });

  it('labels a page the catalog has no row for (a catalog the validator rejects)', () => {
    const bare: Catalog = { ...catalog, versionPages: undefined };
    const linked = citationForVersion(bare, pageCitation('install/agents/manual.md'), '8.0');
    expect(linked).toEqual({
      citation: pageCitation('install/agents/manual.md'),
      label: 'Activity Monitor 10.0 page; 8.0 page not recorded',
      fallback: 'not-recorded',
    });
  });

  it('never links a version a rule does not apply to: the 10.0 page, labelled', () => {
    const versions: AmVersion[] = ['7.1', '8.0', '9.0'];
    const seen: string[] = [];
    for (const rule of catalog.rules) {
      for (const version of versions) {
        if (ruleVersions(catalog, rule).includes(version)) continue;
        const linked = ruleCitation(catalog, rule, version);
        expect(linked.citation.path, rule.id).not.toContain(`/${version}/`);
        if (linked.citation.path.startsWith(AM10)) {
          expect(linked.fallback, rule.id).toBe('rule-not-in-version');
          expect(linked.label).toBe(`Activity Monitor 10.0 page; the rule is not in ${version}`);
        }
        seen.push(`${rule.id}@${version}`);
      }
    }
    // Cohesity (10.0), CTERA (8.0+), Azure Files (9.0+), Copilot and AA26 (10.0) rules.
    expect(seen).toContain('cohesity-agent-smb@7.1');
    expect(seen).toContain('ctera-agent-portal-https@7.1');
    expect(seen).toContain('azure-files-agent-cloud@8.0');
  });

  it('links every rule of a version to a page of that version, or says why not', () => {
    for (const rule of catalog.rules) {
      for (const version of ruleVersions(catalog, rule)) {
        const linked = ruleCitation(catalog, rule, version);
        if (!linked.citation.path.startsWith('docs/activitymonitor/')) continue;
        if (linked.fallback)
          expect(linked.label, rule.id).toMatch(/^Activity Monitor 10\.0 page; /);
        else expect(linked.citation.version, rule.id).toBe(version);
      }
    }
  });
});

// -------------------------------------------------------------------------- the validator

/** A deep, mutable copy of the real catalog to break on purpose. */
function copy(): Catalog & { versionPages: Record<string, unknown>[] } {
  return structuredClone(getCatalog()) as Catalog & { versionPages: Record<string, unknown>[] };
}

function rowOf(c: ReturnType<typeof copy>, rel: string): Record<string, unknown> {
  const row = c.versionPages.find((r) => r.page === `${AM10}${rel}`);
  if (!row) throw new Error(`no row ${rel}`);
  return row;
}

const BROKEN: [string, (c: ReturnType<typeof copy>) => void, RegExp][] = [
  [
    'a cited page without a row',
    (c) => {
      c.versionPages = c.versionPages.filter(
        (r) => r.page !== `${AM10}admin/outputs/syslog/syslog.md`,
      );
    },
    /versionPages: no row for the cited page docs\/activitymonitor\/10\.0\/admin\/outputs\/syslog\/syslog\.md/,
  ],
  [
    'no table at all',
    (c) => {
      delete (c as { versionPages?: unknown }).versionPages;
    },
    /versionPages: missing; the catalog cites \d+ Activity Monitor 10\.0 pages/,
  ],
  [
    'a version left out',
    (c) => {
      delete rowOf(c, 'admin/agents/linux.md')['8.0'];
    },
    /versionPages\.\d+\.8\.0/,
  ],
  [
    'an unknown version',
    (c) => {
      rowOf(c, 'admin/agents/linux.md')['6.5'] = { absent: 'x' };
    },
    /6\.5/,
  ],
  [
    'a path in the folder of another version',
    (c) => {
      (rowOf(c, 'admin/agents/linux.md')['7.1'] as { path: string }).path =
        'docs/activitymonitor/8.0/admin/agents/linux.md';
    },
    /\(docs\/activitymonitor\/10\.0\/admin\/agents\/linux\.md\): the 7\.1 path "docs\/activitymonitor\/8\.0\/admin\/agents\/linux\.md" is not under docs\/activitymonitor\/7\.1\//,
  ],
  [
    'a path that is not a docs page',
    (c) => {
      (rowOf(c, 'admin/agents/linux.md')['7.1'] as { path: string }).path = 'admin/agents/linux';
    },
    /a docs\/… \.md path/,
  ],
  [
    'a row for a page of another version',
    (c) => {
      rowOf(c, 'admin/agents/linux.md').page = 'docs/activitymonitor/9.0/admin/agents/linux.md';
    },
    /\(docs\/activitymonitor\/9\.0\/admin\/agents\/linux\.md\): not an Activity Monitor 10\.0 page/,
  ],
  [
    'two rows for one page',
    (c) => {
      c.versionPages.push(structuredClone(rowOf(c, 'admin/agents/linux.md')));
    },
    /versionPages: page "docs\/activitymonitor\/10\.0\/admin\/agents\/linux\.md" has two rows/,
  ],
  [
    'a linking page of another version',
    (c) => {
      (rowOf(c, 'admin/outputs/threatmanager.md')['9.0'] as { linkedFrom: string }).linkedFrom =
        'docs/activitymonitor/8.0/admin/outputs/overview.md';
    },
    /the 9\.0 page is linked from "docs\/activitymonitor\/8\.0\/admin\/outputs\/overview\.md", not a 9\.0 page/,
  ],
  [
    'a bad revision',
    (c) => {
      (rowOf(c, 'admin/agents/linux.md')['7.1'] as { revision: string }).revision = 'HEAD';
    },
    /a commit id of 7 to 40 lower-case hex digits/,
  ],
  [
    'an empty absence',
    (c) => {
      rowOf(c, 'admin/outputs/accessanalyzer26.md')['7.1'] = { absent: ' ' };
    },
    /a non-empty text/,
  ],
  [
    'a section no citation of the page has',
    (c) => {
      (rowOf(c, PORTS)['9.0'] as { missingSections: string[] }).missingSections.push(
        'Hitachi Additional Firewall Rules',
      );
    },
    /9\.0 names section "Hitachi Additional Firewall Rules", which no citation of the page has/,
  ],
  [
    'a section named twice',
    (c) => {
      (rowOf(c, PORTS)['8.0'] as { missingSections: string[] }).missingSections.push(AA_10);
    },
    /8\.0 names section "Integration with Netwrix Access Analyzer Additional Firewall Rules" twice/,
  ],
  [
    'a vendor row of a version whose page lacks its section',
    (c) => {
      expect(c.environments.find((e) => e.id === 'nasuni')?.versions).toContain('8.0');
      (rowOf(c, PORTS)['8.0'] as { missingSections: string[] }).missingSections.push(
        'Nasuni Edge Appliance Additional Firewall Rules',
      );
    },
    /\(nasuni-agent-api\): a vendor row of version 8\.0, whose page has no section "Nasuni Edge Appliance Additional Firewall Rules"/,
  ],
];

describe('validateCatalog: the per-version page table', () => {
  it('accepts the bundled table', () => {
    const result = validateCatalog(getCatalog());
    expect(result.success ? [] : result.issues).toEqual([]);
  });

  it.each(BROKEN)('rejects %s', (_name, breakIt, message) => {
    const c = copy();
    breakIt(c);
    const result = validateCatalog(c);
    expect(result.success).toBe(false);
    if (!result.success) expect(result.issues.join('\n')).toMatch(message);
  });

  it('accepts an absent page for a rule of that version (its link is the 10.0 page, labelled)', () => {
    const c = copy();
    rowOf(c, 'admin/outputs/syslog/syslog.md')['7.1'] = { absent: 'Assumed for this test.' };
    expect(validateCatalog(c).success).toBe(true);
    const siem = c.rules.find((r) => r.id === 'siem-udp') as CatalogRule;
    expect(ruleCitation(c, siem, '7.1' satisfies OlderAmVersion).label).toBe(
      'Activity Monitor 10.0 page; no 7.1 page',
    );
  });
});
