/**
 * Per-version links (docs/catalog.md, "Per-version links"): for every Activity Monitor 10.0 page
 * the catalog cites, where that page is in 7.1, 8.0 and 9.0 of netwrix/docs, so that a plan's
 * rules link the pages of its version. One row per cited page; per older version either
 *
 * - `path` and `revision`: the page, read at that revision (its title is the 10.0 title on every
 *   page read); `renamedSections` / `missingSections` where its H2 headings differ from 10.0;
 * - `path`, `linkedFrom` and `revision`: a page whose text the index does not hold, known from a
 *   link on `linkedFrom` read at `revision` (the link text is the 10.0 title);
 * - `absent`: no such page in that version, with the evidence read.
 *
 * URLs follow the same rule as the 10.0 citations (`docsUrl` in ./citations.ts). 7.1 keeps the
 * NAS pages under `nasdeviceconfiguration/` (and Celerra/VNX as `celerra-vnx-aac/activity.md`);
 * 8.0 and 9.0 use the 10.0 folders. The validator checks the table (src/core/catalog/validate-catalog.ts).
 */
import type { AmPageVersions } from '@/core/catalog/model';

import { H } from './citations';

/** The 7.1 and 8.0 heading of the Access Analyzer section of the ports page. */
const ENTERPRISE_AUDITOR_HEADING =
  'Integration with Netwrix Enterprise Auditor Additional Firewall Rules';

export const AM_VERSION_PAGES: readonly AmPageVersions[] = [
  {
    page: 'docs/activitymonitor/10.0/requirements/activityagent/activityagentports.md',
    '7.1': {
      path: 'docs/activitymonitor/7.1/requirements/activityagent/activityagentports.md',
      revision: '2aa9036f',
      renamedSections: { [H.aa]: ENTERPRISE_AUDITOR_HEADING },
      missingSections: [H.cohesity, H.ctera, H.azureFiles],
    },
    '8.0': {
      path: 'docs/activitymonitor/8.0/requirements/activityagent/activityagentports.md',
      revision: '7033876e',
      renamedSections: { [H.aa]: ENTERPRISE_AUDITOR_HEADING },
      missingSections: [H.cohesity, H.azureFiles],
    },
    '9.0': {
      path: 'docs/activitymonitor/9.0/requirements/activityagent/activityagentports.md',
      revision: '2aa9036f',
      missingSections: [H.cohesity],
    },
  },
  {
    page: 'docs/activitymonitor/10.0/install/agents/manual.md',
    '7.1': { path: 'docs/activitymonitor/7.1/install/agents/manual.md', revision: 'a8b312c3' },
    '8.0': { path: 'docs/activitymonitor/8.0/install/agents/manual.md', revision: 'ad22dd64' },
    '9.0': { path: 'docs/activitymonitor/9.0/install/agents/manual.md', revision: 'a8b312c3' },
  },
  {
    page: 'docs/activitymonitor/10.0/admin/agents/properties/connection.md',
    '7.1': {
      path: 'docs/activitymonitor/7.1/admin/agents/properties/connection.md',
      revision: '97e73c5c',
    },
    '8.0': {
      path: 'docs/activitymonitor/8.0/admin/agents/properties/connection.md',
      revision: '2aa9036f',
    },
    '9.0': {
      path: 'docs/activitymonitor/9.0/admin/agents/properties/connection.md',
      revision: '37f1c8c0',
    },
  },
  {
    page: 'docs/activitymonitor/10.0/admin/agents/properties/apiserver.md',
    '7.1': {
      path: 'docs/activitymonitor/7.1/admin/agents/properties/apiserver.md',
      revision: '2aa9036f',
    },
    '8.0': {
      path: 'docs/activitymonitor/8.0/admin/agents/properties/apiserver.md',
      revision: '7033876e',
    },
    '9.0': {
      path: 'docs/activitymonitor/9.0/admin/agents/properties/apiserver.md',
      revision: '37f1c8c0',
    },
  },
  {
    page: 'docs/activitymonitor/10.0/admin/agents/properties/dellceeoptions.md',
    '7.1': {
      path: 'docs/activitymonitor/7.1/admin/agents/properties/dellceeoptions.md',
      revision: '4d527013',
    },
    '8.0': {
      path: 'docs/activitymonitor/8.0/admin/agents/properties/dellceeoptions.md',
      revision: '7033876e',
    },
    '9.0': {
      path: 'docs/activitymonitor/9.0/admin/agents/properties/dellceeoptions.md',
      revision: '37f1c8c0',
    },
  },
  {
    page: 'docs/activitymonitor/10.0/requirements/activityagent/nas-device-configuration/celerra-vnx-aac/celerra-vnx-activity.md',
    '7.1': {
      path: 'docs/activitymonitor/7.1/requirements/activityagent/nasdeviceconfiguration/celerra-vnx-aac/activity.md',
      revision: '97e73c5c',
    },
    '8.0': {
      path: 'docs/activitymonitor/8.0/requirements/activityagent/nas-device-configuration/celerra-vnx-aac/celerra-vnx-activity.md',
      revision: '7033876e',
    },
    '9.0': {
      path: 'docs/activitymonitor/9.0/requirements/activityagent/nas-device-configuration/celerra-vnx-aac/celerra-vnx-activity.md',
      revision: '2e3c0784',
    },
  },
  {
    page: 'docs/activitymonitor/10.0/requirements/activityagent/nas-device-configuration/unity-aac/unity-activity.md',
    '7.1': {
      path: 'docs/activitymonitor/7.1/requirements/activityagent/nasdeviceconfiguration/unity-aac/unity-activity.md',
      revision: '97e73c5c',
    },
    '8.0': {
      path: 'docs/activitymonitor/8.0/requirements/activityagent/nas-device-configuration/unity-aac/unity-activity.md',
      revision: '7033876e',
    },
    '9.0': {
      path: 'docs/activitymonitor/9.0/requirements/activityagent/nas-device-configuration/unity-aac/unity-activity.md',
      revision: '7bb5de84',
    },
  },
  {
    page: 'docs/activitymonitor/10.0/requirements/activityagent/nas-device-configuration/powerstore-aac/powerstore-activity.md',
    '7.1': {
      path: 'docs/activitymonitor/7.1/requirements/activityagent/nasdeviceconfiguration/powerstore-aac/powerstore-activity.md',
      revision: 'ad22dd64',
    },
    '8.0': {
      path: 'docs/activitymonitor/8.0/requirements/activityagent/nas-device-configuration/powerstore-aac/powerstore-activity.md',
      revision: '97e73c5c',
    },
    '9.0': {
      path: 'docs/activitymonitor/9.0/requirements/activityagent/nas-device-configuration/powerstore-aac/powerstore-activity.md',
      revision: '297729fe',
    },
  },
  {
    page: 'docs/activitymonitor/10.0/requirements/activityagent/nas-device-configuration/isilon-powerscale-aac/isilon-activity.md',
    '7.1': {
      path: 'docs/activitymonitor/7.1/requirements/activityagent/nasdeviceconfiguration/isilon-powerscale-aac/isilon-activity.md',
      revision: 'a8b312c3',
    },
    '8.0': {
      path: 'docs/activitymonitor/8.0/requirements/activityagent/nas-device-configuration/isilon-powerscale-aac/isilon-activity.md',
      revision: 'ad22dd64',
    },
    '9.0': {
      path: 'docs/activitymonitor/9.0/requirements/activityagent/nas-device-configuration/isilon-powerscale-aac/isilon-activity.md',
      revision: '2e3c0784',
    },
  },
  {
    page: 'docs/activitymonitor/10.0/requirements/activityagent/nas-device-configuration/isilon-powerscale-aac/installcee.md',
    '7.1': {
      path: 'docs/activitymonitor/7.1/requirements/activityagent/nasdeviceconfiguration/isilon-powerscale-aac/installcee.md',
      revision: '97e73c5c',
    },
    '8.0': {
      path: 'docs/activitymonitor/8.0/requirements/activityagent/nas-device-configuration/isilon-powerscale-aac/installcee.md',
      revision: '7033876e',
    },
    '9.0': {
      path: 'docs/activitymonitor/9.0/requirements/activityagent/nas-device-configuration/isilon-powerscale-aac/installcee.md',
      revision: '2aa9036f',
    },
  },
  {
    page: 'docs/activitymonitor/10.0/requirements/activityagent/nas-device-configuration/isilon-powerscale-aac/manualconfiguration.md',
    '7.1': {
      path: 'docs/activitymonitor/7.1/requirements/activityagent/nasdeviceconfiguration/isilon-powerscale-aac/manualconfiguration.md',
      revision: 'ba93bf46',
    },
    '8.0': {
      path: 'docs/activitymonitor/8.0/requirements/activityagent/nas-device-configuration/isilon-powerscale-aac/manualconfiguration.md',
      revision: '7033876e',
    },
    '9.0': {
      path: 'docs/activitymonitor/9.0/requirements/activityagent/nas-device-configuration/isilon-powerscale-aac/manualconfiguration.md',
      revision: '297729fe',
    },
  },
  {
    page: 'docs/activitymonitor/10.0/requirements/activityagent/nas-device-configuration/isilon-powerscale-aac/validate.md',
    '7.1': {
      path: 'docs/activitymonitor/7.1/requirements/activityagent/nasdeviceconfiguration/isilon-powerscale-aac/validate.md',
      revision: '97e73c5c',
    },
    '8.0': {
      path: 'docs/activitymonitor/8.0/requirements/activityagent/nas-device-configuration/isilon-powerscale-aac/validate.md',
      revision: 'ad22dd64',
    },
    '9.0': {
      path: 'docs/activitymonitor/9.0/requirements/activityagent/nas-device-configuration/isilon-powerscale-aac/validate.md',
      revision: '7bb5de84',
    },
  },
  {
    page: 'docs/activitymonitor/10.0/admin/monitoredhosts/add/dellpowerscale.md',
    '7.1': {
      path: 'docs/activitymonitor/7.1/admin/monitoredhosts/add/dellpowerscale.md',
      revision: '4d527013',
    },
    '8.0': {
      path: 'docs/activitymonitor/8.0/admin/monitoredhosts/add/dellpowerscale.md',
      revision: '2022e0c1',
    },
    '9.0': {
      path: 'docs/activitymonitor/9.0/admin/monitoredhosts/add/dellpowerscale.md',
      revision: '2e3c0784',
    },
  },
  {
    page: 'docs/activitymonitor/10.0/requirements/activityagent/nas-device-configuration/ontap-cluster-aac/configurefirewall.md',
    '7.1': {
      path: 'docs/activitymonitor/7.1/requirements/activityagent/nasdeviceconfiguration/ontap-cluster-aac/configurefirewall.md',
      revision: 'a8b312c3',
    },
    '8.0': {
      path: 'docs/activitymonitor/8.0/requirements/activityagent/nas-device-configuration/ontap-cluster-aac/configurefirewall.md',
      revision: '2aa9036f',
    },
    '9.0': {
      path: 'docs/activitymonitor/9.0/requirements/activityagent/nas-device-configuration/ontap-cluster-aac/configurefirewall.md',
      revision: '37f1c8c0',
    },
  },
  {
    page: 'docs/activitymonitor/10.0/requirements/activityagent/nas-device-configuration/ontap-cluster-aac/ontap-cluster-activity.md',
    '7.1': {
      path: 'docs/activitymonitor/7.1/requirements/activityagent/nasdeviceconfiguration/ontap-cluster-aac/ontap-cluster-activity.md',
      revision: '2aa9036f',
    },
    '8.0': {
      path: 'docs/activitymonitor/8.0/requirements/activityagent/nas-device-configuration/ontap-cluster-aac/ontap-cluster-activity.md',
      revision: '7033876e',
    },
    '9.0': {
      path: 'docs/activitymonitor/9.0/requirements/activityagent/nas-device-configuration/ontap-cluster-aac/ontap-cluster-activity.md',
      revision: '97e73c5c',
    },
  },
  {
    page: 'docs/activitymonitor/10.0/admin/monitoredhosts/properties/netapp.md',
    '7.1': {
      path: 'docs/activitymonitor/7.1/admin/monitoredhosts/properties/netapp.md',
      revision: '97e73c5c',
    },
    '8.0': {
      path: 'docs/activitymonitor/8.0/admin/monitoredhosts/properties/netapp.md',
      revision: '2aa9036f',
    },
    '9.0': {
      path: 'docs/activitymonitor/9.0/admin/monitoredhosts/properties/netapp.md',
      revision: '2aa9036f',
    },
  },
  {
    page: 'docs/activitymonitor/10.0/admin/monitoredhosts/add/netapp.md',
    '7.1': {
      path: 'docs/activitymonitor/7.1/admin/monitoredhosts/add/netapp.md',
      revision: '4d527013',
    },
    '8.0': {
      path: 'docs/activitymonitor/8.0/admin/monitoredhosts/add/netapp.md',
      revision: 'a8b312c3',
    },
    '9.0': {
      path: 'docs/activitymonitor/9.0/admin/monitoredhosts/add/netapp.md',
      revision: '7bb5de84',
    },
  },
  {
    page: 'docs/activitymonitor/10.0/admin/agents/properties/netappfpolicyoptions.md',
    '7.1': {
      path: 'docs/activitymonitor/7.1/admin/agents/properties/netappfpolicyoptions.md',
      revision: '97e73c5c',
    },
    '8.0': {
      path: 'docs/activitymonitor/8.0/admin/agents/properties/netappfpolicyoptions.md',
      revision: '2aa9036f',
    },
    '9.0': {
      path: 'docs/activitymonitor/9.0/admin/agents/properties/netappfpolicyoptions.md',
      revision: '7bb5de84',
    },
  },
  {
    page: 'docs/activitymonitor/10.0/requirements/activityagent/nas-device-configuration/ontap7-aac/enablehttp.md',
    '7.1': {
      path: 'docs/activitymonitor/7.1/requirements/activityagent/nasdeviceconfiguration/ontap7-aac/enablehttp.md',
      revision: '97e73c5c',
      linkedFrom:
        'docs/activitymonitor/7.1/requirements/activityagent/nasdeviceconfiguration/ontap7-aac/ontap7-activity.md',
    },
    '8.0': {
      path: 'docs/activitymonitor/8.0/requirements/activityagent/nas-device-configuration/ontap7-aac/enablehttp.md',
      revision: 'ad22dd64',
      linkedFrom:
        'docs/activitymonitor/8.0/requirements/activityagent/nas-device-configuration/ontap7-aac/ontap7-activity.md',
    },
    '9.0': {
      path: 'docs/activitymonitor/9.0/requirements/activityagent/nas-device-configuration/ontap7-aac/enablehttp.md',
      revision: 'a8b312c3',
    },
  },
  {
    page: 'docs/activitymonitor/10.0/requirements/activityagent/nas-device-configuration/ontap7-aac/ontap7-activity.md',
    '7.1': {
      path: 'docs/activitymonitor/7.1/requirements/activityagent/nasdeviceconfiguration/ontap7-aac/ontap7-activity.md',
      revision: '97e73c5c',
    },
    '8.0': {
      path: 'docs/activitymonitor/8.0/requirements/activityagent/nas-device-configuration/ontap7-aac/ontap7-activity.md',
      revision: 'ad22dd64',
    },
    '9.0': {
      path: 'docs/activitymonitor/9.0/requirements/activityagent/nas-device-configuration/ontap7-aac/ontap7-activity.md',
      revision: '7bb5de84',
    },
  },
  {
    page: 'docs/activitymonitor/10.0/requirements/activityagent/nas-device-configuration/ctera-activity.md',
    '7.1': {
      absent:
        'No CTERA in 7.1: the 7.1 agent requirements page (activityagent.md@4d527013) lists no CTERA and the 7.1 ports page (@2aa9036f) has no CTERA section (CTERA is in the catalog from 8.0).',
    },
    '8.0': {
      path: 'docs/activitymonitor/8.0/requirements/activityagent/nas-device-configuration/ctera-activity.md',
      revision: 'ad22dd64',
    },
    '9.0': {
      path: 'docs/activitymonitor/9.0/requirements/activityagent/nas-device-configuration/ctera-activity.md',
      revision: 'a8b312c3',
    },
  },
  {
    page: 'docs/activitymonitor/10.0/requirements/activityagent/nas-device-configuration/nasuni-activity.md',
    '7.1': {
      path: 'docs/activitymonitor/7.1/requirements/activityagent/nasdeviceconfiguration/nasuni-activity.md',
      revision: 'ad22dd64',
    },
    '8.0': {
      path: 'docs/activitymonitor/8.0/requirements/activityagent/nas-device-configuration/nasuni-activity.md',
      revision: '7033876e',
    },
    '9.0': {
      path: 'docs/activitymonitor/9.0/requirements/activityagent/nas-device-configuration/nasuni-activity.md',
      revision: '2aa9036f',
    },
  },
  {
    page: 'docs/activitymonitor/10.0/admin/agents/properties/nutanix.md',
    '7.1': {
      path: 'docs/activitymonitor/7.1/admin/agents/properties/nutanix.md',
      revision: '97e73c5c',
    },
    '8.0': {
      path: 'docs/activitymonitor/8.0/admin/agents/properties/nutanix.md',
      revision: 'a8b312c3',
    },
    '9.0': {
      path: 'docs/activitymonitor/9.0/admin/agents/properties/nutanix.md',
      revision: '2e3c0784',
    },
  },
  {
    page: 'docs/activitymonitor/10.0/requirements/activityagent/nas-device-configuration/panzura-activity.md',
    '7.1': {
      path: 'docs/activitymonitor/7.1/requirements/activityagent/nasdeviceconfiguration/panzura-activity.md',
      revision: 'ad22dd64',
    },
    '8.0': {
      path: 'docs/activitymonitor/8.0/requirements/activityagent/nas-device-configuration/panzura-activity.md',
      revision: '2aa9036f',
    },
    '9.0': {
      path: 'docs/activitymonitor/9.0/requirements/activityagent/nas-device-configuration/panzura-activity.md',
      revision: '2e3c0784',
    },
  },
  {
    page: 'docs/activitymonitor/10.0/admin/agents/properties/panzura.md',
    '7.1': {
      path: 'docs/activitymonitor/7.1/admin/agents/properties/panzura.md',
      revision: 'ad22dd64',
    },
    '8.0': {
      path: 'docs/activitymonitor/8.0/admin/agents/properties/panzura.md',
      revision: 'ad22dd64',
    },
    '9.0': {
      path: 'docs/activitymonitor/9.0/admin/agents/properties/panzura.md',
      revision: '7bb5de84',
      linkedFrom: 'docs/activitymonitor/9.0/admin/agents/properties/overview.md',
    },
  },
  {
    page: 'docs/activitymonitor/10.0/admin/agents/properties/qumulo.md',
    '7.1': {
      path: 'docs/activitymonitor/7.1/admin/agents/properties/qumulo.md',
      revision: '2aa9036f',
    },
    '8.0': {
      path: 'docs/activitymonitor/8.0/admin/agents/properties/qumulo.md',
      revision: 'ad22dd64',
    },
    '9.0': {
      path: 'docs/activitymonitor/9.0/admin/agents/properties/qumulo.md',
      revision: '2e3c0784',
    },
  },
  {
    page: 'docs/activitymonitor/10.0/requirements/activityagent/nas-device-configuration/cohesity-activity.md',
    '7.1': {
      absent:
        'No Cohesity SmartFiles in 7.1: the 7.1 agent requirements page (activityagent.md@4d527013) lists no Cohesity and the 7.1 ports page (@2aa9036f) has no Cohesity section (10.0 only).',
    },
    '8.0': {
      absent:
        'No Cohesity SmartFiles in 8.0: the 8.0 agent requirements page (activityagent.md@97e73c5c) lists no Cohesity and the 8.0 ports page (@7033876e) has no Cohesity section (10.0 only).',
    },
    '9.0': {
      absent:
        'No Cohesity SmartFiles in 9.0: the 9.0 agent requirements page (activityagent.md@2e3c0784) lists no Cohesity and the 9.0 ports page (@2aa9036f) has no Cohesity section (10.0 only).',
    },
  },
  {
    page: 'docs/activitymonitor/10.0/requirements/activityagent/nas-device-configuration/hitachi-aac/hitachi-activity.md',
    '7.1': {
      path: 'docs/activitymonitor/7.1/requirements/activityagent/nasdeviceconfiguration/hitachi-aac/hitachi-activity.md',
      revision: '97e73c5c',
    },
    '8.0': {
      path: 'docs/activitymonitor/8.0/requirements/activityagent/nas-device-configuration/hitachi-aac/hitachi-activity.md',
      revision: '97e73c5c',
    },
    '9.0': {
      path: 'docs/activitymonitor/9.0/requirements/activityagent/nas-device-configuration/hitachi-aac/hitachi-activity.md',
      revision: '2e3c0784',
    },
  },
  {
    page: 'docs/activitymonitor/10.0/requirements/activityagent/sqlserver-activity.md',
    '7.1': {
      path: 'docs/activitymonitor/7.1/requirements/activityagent/sqlserver-activity.md',
      revision: 'bd15dfbc',
    },
    '8.0': {
      path: 'docs/activitymonitor/8.0/requirements/activityagent/sqlserver-activity.md',
      revision: 'ad22dd64',
    },
    '9.0': {
      path: 'docs/activitymonitor/9.0/requirements/activityagent/sqlserver-activity.md',
      revision: 'bd15dfbc',
    },
  },
  {
    page: 'docs/activitymonitor/10.0/admin/monitoredhosts/add/sqlserver.md',
    '7.1': {
      path: 'docs/activitymonitor/7.1/admin/monitoredhosts/add/sqlserver.md',
      revision: '2aa9036f',
    },
    '8.0': {
      path: 'docs/activitymonitor/8.0/admin/monitoredhosts/add/sqlserver.md',
      revision: '2aa9036f',
    },
    '9.0': {
      path: 'docs/activitymonitor/9.0/admin/monitoredhosts/add/sqlserver.md',
      revision: '2aa9036f',
    },
  },
  {
    page: 'docs/activitymonitor/10.0/requirements/activityagent/sharepoint-onprem-activity.md',
    '7.1': {
      path: 'docs/activitymonitor/7.1/requirements/activityagent/sharepoint-onprem-activity.md',
      revision: 'ad22dd64',
    },
    '8.0': {
      path: 'docs/activitymonitor/8.0/requirements/activityagent/sharepoint-onprem-activity.md',
      revision: '97e73c5c',
    },
    '9.0': {
      path: 'docs/activitymonitor/9.0/requirements/activityagent/sharepoint-onprem-activity.md',
      revision: '2aa9036f',
    },
  },
  {
    page: 'docs/activitymonitor/10.0/requirements/activityagent/entraid-activity.md',
    '7.1': {
      path: 'docs/activitymonitor/7.1/requirements/activityagent/entraid-activity.md',
      revision: '4d527013',
    },
    '8.0': {
      path: 'docs/activitymonitor/8.0/requirements/activityagent/entraid-activity.md',
      revision: '97e73c5c',
    },
    '9.0': {
      path: 'docs/activitymonitor/9.0/requirements/activityagent/entraid-activity.md',
      revision: 'b49f387a',
    },
  },
  {
    page: 'docs/activitymonitor/10.0/requirements/activityagent/exchange-activity.md',
    '7.1': {
      path: 'docs/activitymonitor/7.1/requirements/activityagent/exchange-activity.md',
      revision: '97e73c5c',
    },
    '8.0': {
      path: 'docs/activitymonitor/8.0/requirements/activityagent/exchange-activity.md',
      revision: '97e73c5c',
    },
    '9.0': {
      path: 'docs/activitymonitor/9.0/requirements/activityagent/exchange-activity.md',
      revision: '37f1c8c0',
    },
  },
  {
    page: 'docs/activitymonitor/10.0/requirements/activityagent/nas-device-configuration/azure-files/azurefiles-activity.md',
    '7.1': {
      absent:
        'No Azure Files in 7.1: the 7.1 agent requirements page (activityagent.md@4d527013) lists no Azure Files and the 7.1 ports page (@2aa9036f) has no Azure Files section (from 9.0).',
    },
    '8.0': {
      absent:
        'No Azure Files in 8.0: the 8.0 agent requirements page (activityagent.md@97e73c5c) lists no Azure Files and the 8.0 ports page (@7033876e) has no Azure Files section (from 9.0).',
    },
    '9.0': {
      path: 'docs/activitymonitor/9.0/requirements/activityagent/nas-device-configuration/azure-files/azurefiles-activity.md',
      revision: '41edb679',
    },
  },
  {
    page: 'docs/activitymonitor/10.0/requirements/activityagent/m365copilot-activity.md',
    '7.1': {
      absent:
        'No Microsoft 365 Copilot in 7.1: the 7.1 agent requirements page (activityagent.md@4d527013) lists no Copilot (10.0 only).',
    },
    '8.0': {
      absent:
        'No Microsoft 365 Copilot in 8.0: the 8.0 agent requirements page (activityagent.md@97e73c5c) lists no Copilot (10.0 only).',
    },
    '9.0': {
      absent:
        'No Microsoft 365 Copilot in 9.0: the 9.0 agent requirements page (activityagent.md@2e3c0784) lists no Copilot (10.0 only).',
    },
  },
  {
    page: 'docs/activitymonitor/10.0/admin/agents/properties/networkproxy.md',
    '7.1': {
      path: 'docs/activitymonitor/7.1/admin/agents/properties/networkproxy.md',
      revision: '2aa9036f',
    },
    '8.0': {
      path: 'docs/activitymonitor/8.0/admin/agents/properties/networkproxy.md',
      revision: '2aa9036f',
    },
    '9.0': {
      path: 'docs/activitymonitor/9.0/admin/agents/properties/networkproxy.md',
      revision: '37f1c8c0',
    },
  },
  {
    page: 'docs/activitymonitor/10.0/admin/agents/properties/archiving.md',
    '7.1': {
      path: 'docs/activitymonitor/7.1/admin/agents/properties/archiving.md',
      revision: '97e73c5c',
    },
    '8.0': {
      path: 'docs/activitymonitor/8.0/admin/agents/properties/archiving.md',
      revision: '7033876e',
    },
    '9.0': {
      path: 'docs/activitymonitor/9.0/admin/agents/properties/archiving.md',
      revision: '7bb5de84',
      linkedFrom: 'docs/activitymonitor/9.0/admin/agents/properties/overview.md',
    },
  },
  {
    page: 'docs/activitymonitor/10.0/install/agents/agents.md',
    '7.1': { path: 'docs/activitymonitor/7.1/install/agents/agents.md', revision: '97e73c5c' },
    '8.0': { path: 'docs/activitymonitor/8.0/install/agents/agents.md', revision: 'a8b312c3' },
    '9.0': { path: 'docs/activitymonitor/9.0/install/agents/agents.md', revision: '2aa9036f' },
  },
  {
    page: 'docs/activitymonitor/10.0/admin/agents/linux.md',
    '7.1': { path: 'docs/activitymonitor/7.1/admin/agents/linux.md', revision: 'a8b312c3' },
    '8.0': { path: 'docs/activitymonitor/8.0/admin/agents/linux.md', revision: 'ad22dd64' },
    '9.0': { path: 'docs/activitymonitor/9.0/admin/agents/linux.md', revision: '7bb5de84' },
  },
  {
    page: 'docs/activitymonitor/10.0/admin/outputs/overview.md',
    '7.1': { path: 'docs/activitymonitor/7.1/admin/outputs/overview.md', revision: 'ad22dd64' },
    '8.0': { path: 'docs/activitymonitor/8.0/admin/outputs/overview.md', revision: 'ad22dd64' },
    '9.0': { path: 'docs/activitymonitor/9.0/admin/outputs/overview.md', revision: '97e73c5c' },
  },
  {
    page: 'docs/activitymonitor/10.0/admin/outputs/syslog/syslog.md',
    '7.1': {
      path: 'docs/activitymonitor/7.1/admin/outputs/syslog/syslog.md',
      revision: '2aa9036f',
    },
    '8.0': {
      path: 'docs/activitymonitor/8.0/admin/outputs/syslog/syslog.md',
      revision: 'a8b312c3',
    },
    '9.0': {
      path: 'docs/activitymonitor/9.0/admin/outputs/syslog/syslog.md',
      revision: '2e3c0784',
    },
  },
  {
    page: 'docs/activitymonitor/10.0/admin/outputs/threatmanager.md',
    '7.1': {
      path: 'docs/activitymonitor/7.1/admin/outputs/threatmanager.md',
      revision: '97e73c5c',
    },
    '8.0': {
      path: 'docs/activitymonitor/8.0/admin/outputs/threatmanager.md',
      revision: '97e73c5c',
    },
    '9.0': {
      path: 'docs/activitymonitor/9.0/admin/outputs/threatmanager.md',
      revision: '97e73c5c',
      linkedFrom: 'docs/activitymonitor/9.0/admin/outputs/overview.md',
    },
  },
  {
    page: 'docs/activitymonitor/10.0/admin/outputs/accessanalyzer26.md',
    '7.1': {
      absent:
        'No Access Analyzer 26 output in 7.1: the 7.1 Output Types page (admin/outputs/overview.md@ad22dd64) lists the File, Syslog and Threat Manager outputs only.',
    },
    '8.0': {
      absent:
        'No Access Analyzer 26 output in 8.0: the 8.0 Output Types page (admin/outputs/overview.md@ad22dd64) lists the File, Syslog and Threat Manager outputs only.',
    },
    '9.0': {
      absent:
        'No Access Analyzer 26 output in 9.0: the 9.0 Output Types page (admin/outputs/overview.md@97e73c5c) lists the File, Syslog and Threat Manager outputs only.',
    },
  },
  {
    page: 'docs/activitymonitor/10.0/requirements/activityagent/windowsfs-activity.md',
    '7.1': {
      path: 'docs/activitymonitor/7.1/requirements/activityagent/windowsfs-activity.md',
      revision: '97e73c5c',
    },
    '8.0': {
      path: 'docs/activitymonitor/8.0/requirements/activityagent/windowsfs-activity.md',
      revision: '97e73c5c',
    },
    '9.0': {
      path: 'docs/activitymonitor/9.0/requirements/activityagent/windowsfs-activity.md',
      revision: '2aa9036f',
    },
  },
  {
    page: 'docs/activitymonitor/10.0/requirements/linuxagent.md',
    '7.1': { path: 'docs/activitymonitor/7.1/requirements/linuxagent.md', revision: '97e73c5c' },
    '8.0': { path: 'docs/activitymonitor/8.0/requirements/linuxagent.md', revision: '2aa9036f' },
    '9.0': { path: 'docs/activitymonitor/9.0/requirements/linuxagent.md', revision: '37f1c8c0' },
  },
  {
    page: 'docs/activitymonitor/10.0/install/agents/manuallinux.md',
    '7.1': { path: 'docs/activitymonitor/7.1/install/agents/manuallinux.md', revision: '4d527013' },
    '8.0': { path: 'docs/activitymonitor/8.0/install/agents/manuallinux.md', revision: '7033876e' },
    '9.0': { path: 'docs/activitymonitor/9.0/install/agents/manuallinux.md', revision: '2aa9036f' },
  },
  {
    page: 'docs/activitymonitor/10.0/requirements/adagent/adagent.md',
    '7.1': {
      path: 'docs/activitymonitor/7.1/requirements/adagent/adagent.md',
      revision: '4d527013',
    },
    '8.0': {
      path: 'docs/activitymonitor/8.0/requirements/adagent/adagent.md',
      revision: 'ad22dd64',
    },
    '9.0': {
      path: 'docs/activitymonitor/9.0/requirements/adagent/adagent.md',
      revision: '97e73c5c',
    },
  },
  {
    page: 'docs/activitymonitor/10.0/requirements/activityagent/activityagent.md',
    '7.1': {
      path: 'docs/activitymonitor/7.1/requirements/activityagent/activityagent.md',
      revision: '4d527013',
    },
    '8.0': {
      path: 'docs/activitymonitor/8.0/requirements/activityagent/activityagent.md',
      revision: '97e73c5c',
    },
    '9.0': {
      path: 'docs/activitymonitor/9.0/requirements/activityagent/activityagent.md',
      revision: '2e3c0784',
    },
  },
  {
    page: 'docs/activitymonitor/10.0/admin/agents/properties/dns.md',
    '7.1': {
      path: 'docs/activitymonitor/7.1/admin/agents/properties/dns.md',
      revision: '97e73c5c',
    },
    '8.0': {
      path: 'docs/activitymonitor/8.0/admin/agents/properties/dns.md',
      revision: '97e73c5c',
    },
    '9.0': {
      path: 'docs/activitymonitor/9.0/admin/agents/properties/dns.md',
      revision: '7bb5de84',
    },
  },
  {
    page: 'docs/activitymonitor/10.0/admin/agents/properties/adusers.md',
    '7.1': {
      path: 'docs/activitymonitor/7.1/admin/agents/properties/adusers.md',
      revision: '97e73c5c',
    },
    '8.0': {
      path: 'docs/activitymonitor/8.0/admin/agents/properties/adusers.md',
      revision: 'ad22dd64',
    },
    '9.0': {
      path: 'docs/activitymonitor/9.0/admin/agents/properties/adusers.md',
      revision: '97e73c5c',
    },
  },
  {
    page: 'docs/activitymonitor/10.0/admin/agents/properties/inactivityalerts.md',
    '7.1': {
      path: 'docs/activitymonitor/7.1/admin/agents/properties/inactivityalerts.md',
      revision: '4d527013',
    },
    '8.0': {
      path: 'docs/activitymonitor/8.0/admin/agents/properties/inactivityalerts.md',
      revision: '2aa9036f',
    },
    '9.0': {
      path: 'docs/activitymonitor/9.0/admin/agents/properties/inactivityalerts.md',
      revision: '37f1c8c0',
    },
  },
  {
    page: 'docs/activitymonitor/10.0/admin/agents/properties/certificate.md',
    '7.1': {
      absent:
        'No Certificate Tab in 7.1: the 7.1 Agent Properties Window page (overview.md@ad22dd64) lists no Certificate Tab and the 7.1 properties folder has no certificate.md (the rule that cites it applies from 9.0).',
    },
    '8.0': {
      absent:
        'No Certificate Tab in 8.0: the 8.0 Agent Properties Window page (overview.md@97e73c5c) lists no Certificate Tab and the 8.0 properties folder has no certificate.md (the rule that cites it applies from 9.0).',
    },
    '9.0': {
      path: 'docs/activitymonitor/9.0/admin/agents/properties/certificate.md',
      revision: '97e73c5c',
    },
  },
];
