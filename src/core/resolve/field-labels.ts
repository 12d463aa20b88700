/**
 * Plan field paths in words, as the wizard shows the field: "agents.0.address" is
 * "Agent server 1 → Address", "devices.0.options.fpolicyPort" is "SVM1 → FPolicy port". Plan
 * check messages show these; the path itself stays the check's data (for "Go to field").
 */
import { findOption, findSetting } from '@/core/catalog/catalog';
import type { Catalog } from '@/core/catalog/model';
import type { Plan } from '@/core/plan/model';

/** The most characters of a name a label shows, then "…". */
const MAX_NAME = 60;

function shortName(text: string): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  return clean.length > MAX_NAME ? `${clean.slice(0, MAX_NAME).trimEnd()}…` : clean;
}

/** The places that hold one host, by their path (src/core/plan/plan-hosts.ts). */
const PLACES: Record<string, string> = {
  console: 'Console',
  'integrations.accessAnalyzer': 'Access Analyzer server',
  'integrations.siem': 'SIEM server',
  'integrations.threatManager': 'Threat Manager server',
  'integrations.threatPrevention': 'Threat Prevention Enterprise Manager',
  'deployment.proxy': 'Network proxy',
  'deployment.archive': 'Archive share server',
  'agentServices.dns': 'DNS servers',
  'agentServices.domainControllers': 'Domain controllers',
  'agentServices.smtp': 'SMTP server',
  'agentServices.syslog': 'Syslog server of the inactivity alerts',
};

/** Field names in words. */
const WORDS: Record<string, string> = {
  name: 'Name',
  address: 'Address',
  addresses: 'Addresses',
  port: 'Port',
  enabled: 'Switched on',
  edition: 'Edition',
  agentId: 'Agent server',
  environment: 'Platform',
  tenant: 'Other tenant',
  amVersion: 'Activity Monitor version',
  microsoftTenant: 'Microsoft tenant',
  rpcRange: 'Dynamic RPC range',
  from: 'Start',
  to: 'End',
  cidrs: 'CIDR blocks',
  kind: 'Kind',
  zones: 'Zones',
};

/** "fpolicyPort" → "Fpolicy port" (for a name no table knows). */
function words(part: string): string {
  const known = WORDS[part];
  if (known) return known;
  const spaced = part.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

/** The rest of a path in words: "addresses.2" → "Addresses, entry 3". */
function restWords(parts: readonly string[]): string[] {
  const out: string[] = [];
  for (const part of parts) {
    if (/^\d+$/.test(part) && out.length > 0) out[out.length - 1] += `, entry ${Number(part) + 1}`;
    else out.push(words(part));
  }
  return out;
}

const isIndex = (part: string): boolean => /^\d+$/.test(part);

/**
 * A path under plan.network in words, numbered as the Network step shows it: "zones.1.cidrs.0"
 * is "Zone 2 → CIDR blocks, entry 1", "firewalls.0.interfaces.2" "Firewall 1 → Interface 3".
 */
function networkWords(plan: Plan, parts: readonly string[]): string[] {
  const [list = '', second = '', third = '', fourth = '', ...rest] = parts;
  const n = Number(second) + 1;
  if (list === 'zones' && isIndex(second)) return [`Zone ${n}`, ...restWords(parts.slice(2))];
  if (list === 'firewalls' && isIndex(second)) {
    if (third === 'interfaces' && isIndex(fourth)) {
      return [`Firewall ${n}`, `Interface ${Number(fourth) + 1}`, ...restWords(rest)];
    }
    return [`Firewall ${n}`, ...restWords(parts.slice(2))];
  }
  if (list === 'assignments' && isIndex(second)) {
    const address = plan.network.assignments[Number(second)]?.address ?? '';
    return [address.trim() ? `Zone chosen for ${shortName(address)}` : `Zone chosen by hand ${n}`];
  }
  if (list === 'assignments') return ['Zones chosen by hand'];
  if (list === 'preferredPaths' && isIndex(second)) return [`Chosen path ${n}`];
  if (list === 'preferredPaths') return ['Paths'];
  return restWords(parts);
}

/** A plan field path in words, each level joined by " → ". */
export function fieldLabel(plan: Plan, catalog: Catalog, path: string): string {
  const parts = path.split('.');
  const [head = '', second = '', ...rest] = parts;
  const index = Number(second);
  let levels: string[];
  if (head === 'name') levels = ['Plan name'];
  else if (head === 'agents' && /^\d+$/.test(second)) {
    levels = [`Agent server ${index + 1}`, ...restWords(rest)];
  } else if (head === 'additionalConsoles' && /^\d+$/.test(second)) {
    // Numbered after the first console, as the Topology step shows them.
    levels = [`Console ${index + 2}`, ...restWords(rest)];
  } else if (head === 'devices' && /^\d+$/.test(second)) {
    const device = plan.devices[index];
    const name = device ? shortName(device.name) : '';
    const [kind = '', optionId = '', ...after] = rest;
    const option = kind === 'options' ? findOption(catalog, optionId) : undefined;
    levels = [
      name || `Device ${index + 1}`,
      ...(kind === 'options'
        ? [option?.label ?? words(optionId), ...restWords(after)]
        : restWords(rest)),
    ];
  } else if (head === 'ceeServers' && /^\d+$/.test(second)) {
    levels = [`CEE server ${index + 1}`, ...restWords(rest)];
  } else if (head === 'network') {
    levels = ['Network', ...networkWords(plan, parts.slice(1))];
  } else if (head === 'settings' && second === 'ports' && rest.length > 0) {
    const id = rest[0] ?? '';
    levels = ['Ports', findSetting(catalog, id)?.name ?? words(id)];
  } else if (PLACES[`${head}.${second}`]) {
    levels = [PLACES[`${head}.${second}`] ?? '', ...restWords(rest)];
  } else if (PLACES[head]) {
    levels = [PLACES[head] ?? '', ...restWords(parts.slice(1))];
  } else {
    levels = restWords(parts);
  }
  return levels.join(' → ');
}

/** A parenthesised plan field path inside a message: "(agents.0.address)". */
const PATH_IN_MESSAGE =
  /\(((?:agents|devices|console|additionalConsoles|ceeServers|integrations|deployment|agentServices|settings|network)(?:\.[A-Za-z0-9_-]+)+|microsoftTenant|amVersion)\)/g;

/** A message with each internal field path in it replaced by the field in words. */
export function plainMessage(message: string, plan: Plan, catalog: Catalog): string {
  return message.replace(
    PATH_IN_MESSAGE,
    (_, path: string) => `(${fieldLabel(plan, catalog, path)})`,
  );
}
