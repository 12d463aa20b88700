/**
 * The hosts of a plan: every plan element that has (or lacks) an address, with one canonical
 * ResolvedHost per identity. Two elements with the same non-empty address (compared by
 * addressKey) are the same host; elements without an address are distinct per element.
 */
import type { Catalog, Environment, Role } from '@/core/catalog/model';
import type { Device, Plan } from '@/core/plan/model';
import { validateHostName } from '@/core/validate/host-name';
import { addressKey, validateAddress } from '@/core/validate/validate-address';

import type { DeploymentHost, HostRef, ResolvedHost, RuleProblem } from './model';
import { readOption } from './plan-values';

export type OwnerKind =
  | 'console'
  | 'agent'
  | 'device'
  | 'tenant'
  | 'cee'
  | 'device-option'
  | 'integration'
  | 'deployment';

/** One plan element's claim on an address. */
export interface HostContribution {
  identity: string;
  label: string;
  address: string;
  ref: HostRef;
  /** The plan element, e.g. "agent:agent-1", "device:dev-3", "cee:dev-3". */
  owner: string;
  ownerKind: OwnerKind;
  /** Path of the field in the plan, e.g. "devices.2.addresses.0". */
  field: string;
  /** Words for messages, e.g. 'agent server "Agent server 1"'. */
  what: string;
  /** Sort key that fixes which contribution names the canonical host. */
  rank: string;
  /** Why the address fails the validators of its field (as in the form and the plan checks). */
  error: string | null;
}

/** A device option's text as the plan stores it (untrimmed), when it is text. */
function storedText(device: Device, option: string): string | undefined {
  const stored = device.options[option];
  return typeof stored === 'string' ? stored : undefined;
}

/**
 * The error of an address in its field, exactly as the form and the plan checks see it:
 * tenants are host names; CIDR blocks only where the field allows them. Empty is not an error
 * here (a missing address is a warning, and rules show a placeholder).
 */
export function addressFieldError(
  address: string,
  field: { tenant?: boolean; allowCidr?: boolean },
): string | null {
  if (address.trim() === '') return null;
  return field.tenant
    ? validateHostName(address)
    : validateAddress(address, { allowCidr: field.allowCidr === true });
}

const KIND_RANK: Record<HostRef['kind'], number> = {
  console: 0,
  agent: 1,
  device: 2,
  cee: 3,
  integration: 4,
  deployment: 5,
};

function refKey(ref: HostRef): string {
  switch (ref.kind) {
    case 'console':
      return 'console';
    case 'agent':
      return `agent:${ref.agentId}`;
    case 'device':
      return `device:${ref.deviceId}`;
    case 'cee':
      return `cee:${ref.deviceId}`;
    case 'integration':
      return `integration:${ref.integration}`;
    case 'deployment':
      return `deployment:${ref.host}`;
  }
}

/** The identity of a resolved host (same rules as the registry). */
/** The integrations that name a host in the plan, with the words that name them in messages. */
export const INTEGRATION_HOSTS = [
  ['accessAnalyzer', 'Access Analyzer'],
  ['siem', 'SIEM'],
  ['threatManager', 'Threat Manager'],
] as const;

/** The deployment settings that name a host in the plan, with the words that name them. */
export const DEPLOYMENT_HOSTS = [
  ['proxy', 'network proxy'],
  ['archive', 'archive share server'],
] as const;

export function hostIdentity(host: ResolvedHost): string {
  const key = addressKey(host.address);
  return key ? `a:${key}` : `p:${refKey(host.ref)}`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Orders hosts by label, then address, then identity (case-insensitive first). */
export function compareHosts(a: ResolvedHost, b: ResolvedHost): number {
  return (
    compareStrings(a.label.toLowerCase(), b.label.toLowerCase()) ||
    compareStrings(a.label, b.label) ||
    compareStrings(a.address.toLowerCase(), b.address.toLowerCase()) ||
    compareStrings(hostIdentity(a), hostIdentity(b))
  );
}

export interface HostRegistry {
  contributions: HostContribution[];
  /** Canonical host by identity. */
  byIdentity: Map<string, ResolvedHost>;
  console: ResolvedHost;
  agent: (agentId: string) => ResolvedHost | undefined;
  /** The hosts of a device (one per address, or one placeholder). */
  device: (deviceId: string) => ResolvedHost[];
  cee: (deviceId: string) => ResolvedHost | undefined;
  deviceOption: (deviceId: string, option: string) => ResolvedHost | undefined;
  integration: (name: 'accessAnalyzer' | 'siem' | 'threatManager') => ResolvedHost | undefined;
  /** The network proxy or the archive share server, when enabled in plan.deployment. */
  deployment: (name: DeploymentHost) => ResolvedHost | undefined;
  identityOf: (host: ResolvedHost) => string;
}

const pad = (n: number): string => String(n).padStart(6, '0');

export function buildHostRegistry(
  plan: Plan,
  catalog: Catalog,
  devices: readonly { device: Device; index: number; environment: Environment }[],
): HostRegistry {
  const contributions: HostContribution[] = [];
  const add = (
    c: Omit<HostContribution, 'identity' | 'rank' | 'error'>,
    order: number,
    allowCidr = false,
  ): void => {
    const error = addressFieldError(c.address, { tenant: c.ownerKind === 'tenant', allowCidr });
    const key = addressKey(c.address);
    const identity = key ? `a:${key}` : `p:${refKey(c.ref)}`;
    const id =
      c.ref.kind === 'agent'
        ? c.ref.agentId
        : c.ref.kind === 'console'
          ? ''
          : c.ref.kind === 'integration'
            ? c.ref.integration
            : c.ref.kind === 'deployment'
              ? c.ref.host
              : c.ref.deviceId;
    const rank = `${KIND_RANK[c.ref.kind]}|${id}|${pad(order)}`;
    contributions.push({ ...c, address: c.address.trim(), identity, rank, error });
  };

  add(
    {
      label: plan.console.name,
      address: plan.console.address,
      ref: { kind: 'console' },
      owner: 'console',
      ownerKind: 'console',
      field: 'console.address',
      what: `the console "${plan.console.name}"`,
    },
    0,
  );
  plan.agents.forEach((agent, i) => {
    add(
      {
        label: agent.name,
        address: agent.address,
        ref: { kind: 'agent', agentId: agent.id },
        owner: `agent:${agent.id}`,
        ownerKind: 'agent',
        field: `agents.${i}.address`,
        what: `agent server "${agent.name}"`,
      },
      0,
    );
  });

  const optionRoles: Role[] = catalog.roles.filter(
    (r) => r.kind === 'device-option-host' && r.option,
  );
  for (const { device, index, environment } of devices) {
    const ref: HostRef = { kind: 'device', deviceId: device.id };
    const base = {
      label: device.name,
      ref,
      owner: `device:${device.id}`,
      what: `device "${device.name}"`,
    };
    if (environment.addressKind === 'tenant') {
      add(
        { ...base, address: device.tenant, ownerKind: 'tenant', field: `devices.${index}.tenant` },
        0,
      );
    } else {
      const present = device.addresses
        .map((address, j) => ({ address, j }))
        .filter((a) => a.address.trim() !== '');
      if (present.length === 0) {
        add({ ...base, address: '', ownerKind: 'device', field: `devices.${index}.addresses` }, 0);
      }
      for (const { address, j } of present) {
        add(
          { ...base, address, ownerKind: 'device', field: `devices.${index}.addresses.${j}` },
          j,
          environment.allowsCidr,
        );
      }
    }
    const placement = environment.options.includes('ceePlacement')
      ? readOption(plan, device, 'ceePlacement', catalog)
      : null;
    const ceeAddress = readOption(plan, device, 'ceeAddress', catalog);
    if (placement?.ok && placement.value === 'separate') {
      add(
        {
          label: `CEE server for ${device.name}`,
          // The text as typed, so that it is judged like the plan check judges it.
          address:
            storedText(device, 'ceeAddress') ?? (ceeAddress.ok ? String(ceeAddress.value) : ''),
          ref: { kind: 'cee', deviceId: device.id },
          owner: `cee:${device.id}`,
          ownerKind: 'cee',
          field: `devices.${index}.options.ceeAddress`,
          what: `the CEE server of device "${device.name}"`,
        },
        0,
      );
    }
    for (const role of optionRoles) {
      const option = role.option ?? '';
      if (!environment.options.includes(option)) continue;
      const read = readOption(plan, device, option, catalog);
      const value = read.ok ? String(read.value) : '';
      if (value === '') continue;
      add(
        {
          label: `${role.name} for ${device.name}`,
          address: storedText(device, option) ?? value,
          // HostRef has no kind of its own for option hosts: they name the device they serve.
          ref: { kind: 'device', deviceId: device.id },
          owner: `device-option:${device.id}:${option}`,
          ownerKind: 'device-option',
          field: `devices.${index}.options.${option}`,
          what: `the ${role.name} of device "${device.name}"`,
        },
        // After the device's own addresses in rank order.
        900000,
      );
    }
  }

  for (const [name, words] of INTEGRATION_HOSTS) {
    const entry = plan.integrations[name];
    if (!entry.enabled) continue;
    add(
      {
        label: entry.name,
        address: entry.address,
        ref: { kind: 'integration', integration: name },
        owner: `integration:${name}`,
        ownerKind: 'integration',
        field: `integrations.${name}.address`,
        what: `the ${words} server "${entry.name}"`,
      },
      0,
    );
  }

  for (const [name, words] of DEPLOYMENT_HOSTS) {
    const entry = plan.deployment[name];
    if (!entry.enabled) continue;
    add(
      {
        label: entry.name,
        address: entry.address,
        ref: { kind: 'deployment', host: name },
        owner: `deployment:${name}`,
        ownerKind: 'deployment',
        field: `deployment.${name}.address`,
        what: `the ${words} "${entry.name}"`,
      },
      0,
    );
  }

  // One canonical host per identity: ref and address of the first contribution by rank,
  // the distinct labels of all contributions in rank order.
  const groups = new Map<string, HostContribution[]>();
  for (const c of contributions) {
    const list = groups.get(c.identity);
    if (list) list.push(c);
    else groups.set(c.identity, [c]);
  }
  const byIdentity = new Map<string, ResolvedHost>();
  const byOwner = new Map<string, ResolvedHost[]>();
  for (const [identity, list] of groups) {
    list.sort((a, b) => compareStrings(a.rank, b.rank));
    const first = list[0];
    if (!first) continue;
    const labels = [...new Set(list.map((c) => c.label))];
    const wrong = list.find((c) => c.error !== null);
    const invalid: RuleProblem | undefined = wrong
      ? { message: `${capitalize(wrong.what)}: ${wrong.error ?? ''}` }
      : undefined;
    const host: ResolvedHost = {
      label: labels.join(' / '),
      address: first.address,
      ref: first.ref,
      ...(invalid ? { invalid } : {}),
    };
    byIdentity.set(identity, host);
  }
  const sortedContributions = [...contributions].sort((a, b) => compareStrings(a.rank, b.rank));
  for (const c of sortedContributions) {
    const host = byIdentity.get(c.identity);
    if (!host) continue;
    const list = byOwner.get(c.owner);
    if (!list) byOwner.set(c.owner, [host]);
    else if (!list.includes(host)) list.push(host);
  }
  const identities = new Map<ResolvedHost, string>();
  for (const [identity, host] of byIdentity) identities.set(host, identity);

  const consoleHost = byOwner.get('console')?.[0];
  if (!consoleHost) throw new Error('unreachable: the console is always registered');
  return {
    contributions,
    byIdentity,
    console: consoleHost,
    agent: (agentId) => byOwner.get(`agent:${agentId}`)?.[0],
    device: (deviceId) => byOwner.get(`device:${deviceId}`) ?? [],
    cee: (deviceId) => byOwner.get(`cee:${deviceId}`)?.[0],
    deviceOption: (deviceId, option) => byOwner.get(`device-option:${deviceId}:${option}`)?.[0],
    integration: (name) => byOwner.get(`integration:${name}`)?.[0],
    deployment: (name) => byOwner.get(`deployment:${name}`)?.[0],
    identityOf: (host) => identities.get(host) ?? hostIdentity(host),
  };
}
