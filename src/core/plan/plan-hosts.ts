/**
 * The places of a plan that hold hosts named once per plan: the Console instances (the console
 * and the additional consoles), the integrations' servers (Access Analyzer, SIEM, Threat Manager,
 * the Threat Prevention Enterprise Manager), the deployment hosts (network proxy, archive share
 * server) and the agents' services (DNS servers, domain controllers, SMTP server, syslog server of
 * the inactivity alerts). A catalog role of kind "plan-host" names its place (Role.planHost); the
 * host registry, the plan checks and the report read every place through this one table, so a
 * new place is one row here plus its plan field.
 */
import type { HostOs, PlanHostSlot } from '@/core/catalog/model';

import type { HostEntry, Plan } from './model';

/**
 * What a place holds:
 * - host: one host (name and address) at `path`, present while the place is switched on;
 * - hosts: the console at `path` and each additional console (plan.additionalConsoles);
 * - addresses: a list of addresses at `<path>.addresses` (no names), while switched on.
 */
export type PlaceShape = 'host' | 'hosts' | 'addresses';

export interface PlanHostPlace {
  slot: PlanHostSlot;
  /** Where it sits in the plan: at the top (the consoles), or under one of the plan's sections. */
  section: 'top' | 'integrations' | 'deployment' | 'agentServices';
  shape: PlaceShape;
  /** Path of the place in the plan, e.g. "integrations.siem" (+ ".address"). */
  path: string;
  /** Words for messages: 'the SIEM server "Splunk"'; an address list ignores the name. */
  what: (name: string) => string;
  /** For an address list: the label of each of its hosts, e.g. "DNS server". */
  label?: string;
  /** Stable key of its host in the host scripts, e.g. "siem". */
  key: string;
  /** Order among hosts sharing one address: the first place names the host. */
  rank: number;
  /**
   * The operating system, where the product fixes it (a console is a Windows server, and so is
   * the Access Analyzer (classic) console); a function where it depends on the plan. The other
   * integration servers, the proxy, the archive share server and the agents' services are not
   * ours to script. Read it with planHostOs.
   */
  os?: HostOs | ((plan: Plan) => HostOs | undefined);
}

export const PLAN_HOST_PLACES: readonly PlanHostPlace[] = [
  {
    slot: 'console',
    section: 'top',
    shape: 'hosts',
    path: 'console',
    what: (name) => `the console "${name}"`,
    key: 'console',
    rank: 0,
    os: 'windows',
  },
  {
    slot: 'accessAnalyzer',
    section: 'integrations',
    shape: 'host',
    path: 'integrations.accessAnalyzer',
    what: (name) => `the Access Analyzer server "${name}"`,
    key: 'access-analyzer',
    rank: 4,
    // Access Analyzer (classic, 12.0) runs on Windows: "Access Analyzer Console & Access
    // Information Center Server Requirements ... Windows Server 2016 through Windows Server 2025"
    // (netwrix/docs docs/accessanalyzer/12.0/requirements/overview.md @4405b353). Access Analyzer
    // 26 "is deployed on a single Linux virtual machine" (Ubuntu 24.04 LTS with K3s:
    // docs/accessanalyzer/2601/install/system/requirements.md @070f7746): no Windows, and no
    // firewalld host either (the firewalld script is for RHEL), so the scripts leave it unknown.
    os: (plan) => (plan.integrations.accessAnalyzer.edition === 'classic' ? 'windows' : undefined),
  },
  {
    slot: 'siem',
    section: 'integrations',
    shape: 'host',
    path: 'integrations.siem',
    what: (name) => `the SIEM server "${name}"`,
    key: 'siem',
    rank: 4,
  },
  {
    slot: 'threatManager',
    section: 'integrations',
    shape: 'host',
    path: 'integrations.threatManager',
    what: (name) => `the Threat Manager server "${name}"`,
    key: 'threat-manager',
    rank: 4,
  },
  {
    slot: 'threatPrevention',
    section: 'integrations',
    shape: 'host',
    path: 'integrations.threatPrevention',
    what: (name) => `the Threat Prevention Enterprise Manager "${name}"`,
    key: 'threat-prevention',
    rank: 4,
  },
  {
    slot: 'proxy',
    section: 'deployment',
    shape: 'host',
    path: 'deployment.proxy',
    what: (name) => `the network proxy "${name}"`,
    key: 'proxy',
    rank: 5,
  },
  {
    slot: 'archive',
    section: 'deployment',
    shape: 'host',
    path: 'deployment.archive',
    what: (name) => `the archive share server "${name}"`,
    key: 'archive',
    rank: 5,
  },
  {
    slot: 'dnsServers',
    section: 'agentServices',
    shape: 'addresses',
    path: 'agentServices.dns',
    what: () => "the agents' DNS server list",
    label: 'DNS server',
    key: 'dns',
    rank: 5,
  },
  {
    slot: 'domainControllers',
    section: 'agentServices',
    shape: 'addresses',
    path: 'agentServices.domainControllers',
    what: () => "the agents' domain controller list",
    label: 'Domain controller',
    key: 'domain-controller',
    rank: 5,
  },
  {
    slot: 'smtp',
    section: 'agentServices',
    shape: 'host',
    path: 'agentServices.smtp',
    what: (name) => `the SMTP server "${name}"`,
    key: 'smtp',
    rank: 5,
  },
  {
    slot: 'alertSyslog',
    section: 'agentServices',
    shape: 'host',
    path: 'agentServices.syslog',
    what: (name) => `the syslog server of the inactivity alerts "${name}"`,
    key: 'alert-syslog',
    rank: 5,
  },
];

const BY_SLOT = new Map(PLAN_HOST_PLACES.map((p) => [p.slot, p]));

export function planHostPlace(slot: PlanHostSlot): PlanHostPlace {
  const place = BY_SLOT.get(slot);
  if (!place) throw new Error(`unknown plan host place "${slot}"`);
  return place;
}

/** The operating system of a place's hosts in this plan, where the product fixes it. */
export function planHostOs(slot: PlanHostSlot, plan: Plan): HostOs | undefined {
  const { os } = planHostPlace(slot);
  return typeof os === 'function' ? os(plan) : os;
}

/** The host entry of a one-host place while it is switched on (the console always). */
function placeEntry(plan: Plan, slot: PlanHostSlot): HostEntry | undefined {
  switch (slot) {
    case 'console':
      return plan.console;
    case 'accessAnalyzer':
    case 'siem':
    case 'threatManager':
    case 'threatPrevention': {
      const entry = plan.integrations[slot];
      return entry.enabled ? entry : undefined;
    }
    case 'proxy':
    case 'archive': {
      const entry = plan.deployment[slot];
      return entry.enabled ? entry : undefined;
    }
    case 'smtp': {
      const entry = plan.agentServices.smtp;
      return entry.enabled ? entry : undefined;
    }
    case 'alertSyslog': {
      const entry = plan.agentServices.syslog;
      return entry.enabled ? entry : undefined;
    }
    case 'dnsServers':
    case 'domainControllers':
      return undefined;
  }
}

/** The address list of an address-list place while it is switched on. */
function placeAddresses(plan: Plan, slot: PlanHostSlot): readonly string[] | undefined {
  const list =
    slot === 'dnsServers'
      ? plan.agentServices.dns
      : slot === 'domainControllers'
        ? plan.agentServices.domainControllers
        : undefined;
  return list?.enabled ? list.addresses : undefined;
}

/** One host of a place, as the plan holds it. */
export interface PlaceHost {
  /** The host's name in the plan, or the list's label ("DNS server"). */
  name: string;
  /** As typed (untrimmed); empty when not known yet. */
  address: string;
  /**
   * Path of the field that holds the address, e.g. "console.address",
   * "additionalConsoles.1.address", "agentServices.dns.addresses.2"; for an empty address list,
   * the list itself ("agentServices.dns.addresses").
   */
  field: string;
  /** Words for messages, e.g. 'the console "Console 2"', "the agents' DNS server list". */
  what: string;
  /** Position in the place: 0 for the first (or only) host. */
  index: number;
  /**
   * The plan element that holds it, within the place: one per console; one for a whole address
   * list (an address listed twice is the same element's duplicate).
   */
  element: number;
}

/**
 * The hosts a place holds: [] while it is switched off. The console place holds the console and
 * each additional console; an address list holds one host per non-empty address, or a single
 * host without an address while it lists none.
 */
export function planPlaceHosts(plan: Plan, slot: PlanHostSlot): PlaceHost[] {
  const place = planHostPlace(slot);
  switch (place.shape) {
    case 'hosts': {
      const entry = placeEntry(plan, slot);
      const first: PlaceHost[] = entry
        ? [
            {
              name: entry.name,
              address: entry.address,
              field: `${place.path}.address`,
              what: place.what(entry.name),
              index: 0,
              element: 0,
            },
          ]
        : [];
      return [
        ...first,
        ...plan.additionalConsoles.map((c, i) => ({
          name: c.name,
          address: c.address,
          field: `additionalConsoles.${i}.address`,
          what: place.what(c.name),
          index: i + 1,
          element: i + 1,
        })),
      ];
    }
    case 'host': {
      const entry = placeEntry(plan, slot);
      return entry
        ? [
            {
              name: entry.name,
              address: entry.address,
              field: `${place.path}.address`,
              what: place.what(entry.name),
              index: 0,
              element: 0,
            },
          ]
        : [];
    }
    case 'addresses': {
      const addresses = placeAddresses(plan, slot);
      if (!addresses) return [];
      const label = place.label ?? slot;
      const what = place.what(label);
      const present = addresses
        .map((address, j) => ({ address, j }))
        .filter((a) => a.address.trim() !== '');
      if (present.length === 0) {
        return [
          {
            name: label,
            address: '',
            field: `${place.path}.addresses`,
            what,
            index: 0,
            element: 0,
          },
        ];
      }
      return present.map(({ address, j }) => ({
        name: label,
        address,
        field: `${place.path}.addresses.${j}`,
        what,
        index: j,
        element: 0,
      }));
    }
  }
}

/**
 * The Microsoft tenant the plan's device at `index` (a cloud service) reaches, and the plan field
 * that holds it: the device's own tenant when it names another one, else the plan's
 * `microsoftTenant` (entered once per plan since plan format 3).
 */
export function deviceTenant(
  plan: Pick<Plan, 'microsoftTenant' | 'devices'>,
  index: number,
): { tenant: string; field: string } {
  const own = plan.devices[index]?.tenant ?? '';
  if (own.trim() !== '') return { tenant: own, field: `devices.${index}.tenant` };
  return { tenant: plan.microsoftTenant, field: 'microsoftTenant' };
}
