/**
 * The hosts of a plan: every plan element that has (or lacks) an address, with one canonical
 * ResolvedHost per identity. Two elements with the same non-empty address (compared by
 * addressKey) are the same host; elements without an address are distinct per element.
 */
import type { Catalog, Environment, PlanHostSlot, Role, RoleId } from '@/core/catalog/model';
import type { CeeServer, Device, Plan } from '@/core/plan/model';
import { PLAN_HOST_PLACES, planHostPlace, planPlaceHosts } from '@/core/plan/plan-hosts';
import { addressKey, validateAddress } from '@/core/validate/validate-address';

import { evaluateCondition } from './conditions';
import type { HostRef, ResolvedHost, RuleProblem } from './model';
import { readOption } from './plan-values';

export type OwnerKind =
  | 'plan-host'
  | 'agent-server'
  | 'device'
  /** A helper host that is a host of its own only under a condition (e.g. a separate CEE). */
  | 'required-helper'
  /** A helper host that is there once its option holds an address (e.g. SharePoint's SQL). */
  | 'optional-helper';

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
 * The error of an address in its field, exactly as the form and the plan checks see it: CIDR
 * blocks only where the field allows them. Empty is not an error here (a missing address is a
 * warning, and rules show a placeholder).
 */
export function addressFieldError(address: string, field: { allowCidr?: boolean }): string | null {
  if (address.trim() === '') return null;
  return validateAddress(address, { allowCidr: field.allowCidr === true });
}

function refRank(ref: HostRef): number {
  switch (ref.kind) {
    case 'plan-host':
      return planHostPlace(ref.slot).rank;
    case 'agent-server':
      return 1;
    case 'device':
      return 2;
    case 'helper':
    case 'cee-server':
      return 3;
    case 'cloud':
      return 6;
  }
}

function refKey(ref: HostRef): string {
  switch (ref.kind) {
    case 'plan-host': {
      const place = planHostPlace(ref.slot);
      const key =
        place.section === 'top' ? ref.slot : `${place.section.replace(/s$/, '')}:${ref.slot}`;
      return ref.index ? `${key}:${ref.index}` : key;
    }
    case 'agent-server':
      return `agent:${ref.agentId}`;
    case 'device':
      return `device:${ref.deviceId}`;
    case 'helper':
      return `${ref.role}:${ref.deviceId}`;
    case 'cee-server':
      return `cee-server:${ref.ceeId}`;
    case 'cloud':
      return `cloud:${ref.key}`;
  }
}

/**
 * The identity of a resolved host (same rules as the registry). A cloud endpoint is one host per
 * FQDN, never the same host as a plan element (its name is not an address of the plan).
 */
export function hostIdentity(host: ResolvedHost): string {
  if (host.ref.kind === 'cloud') return `c:${host.ref.key}`;
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
  /** The first host of a place of the plan (the console always; others when switched on). */
  planHost: (slot: PlanHostSlot) => ResolvedHost | undefined;
  /** Every host of a place, in plan order ([] while it is switched off). */
  planHosts: (slot: PlanHostSlot) => ResolvedHost[];
  agent: (agentId: string) => ResolvedHost | undefined;
  /** The hosts of a device (one per address, or one placeholder). */
  device: (deviceId: string) => ResolvedHost[];
  /** A device's helper host (catalog role of kind device-option-host), when it has one. */
  helper: (deviceId: string, role: RoleId) => ResolvedHost | undefined;
  identityOf: (host: ResolvedHost) => string;
}

/** Whether a device option names a host of the plan by id (a CEE server) rather than an address. */
export function isNamedHostOption(catalog: Catalog, optionId: string): boolean {
  return catalog.options.some((o) => o.id === optionId && o.type === 'cee-server');
}

/** The CEE server of the plan a device option's value names, if any. */
export function chosenCeeServer(plan: Plan, value: unknown): CeeServer | undefined {
  return typeof value === 'string' && value !== ''
    ? plan.ceeServers.find((c) => c.id === value)
    : undefined;
}

const pad = (n: number): string => String(n).padStart(6, '0');

/** The catalog roles whose hosts a device option names (the CEE server, SharePoint's SQL). */
export function helperRoles(catalog: Catalog): Role[] {
  return catalog.roles.filter((r) => r.kind === 'device-option-host' && r.option);
}

/**
 * Whether a helper role is a host of its own for a device: its condition holds (a required
 * helper; its address may still be missing), or, without a condition, its option holds an
 * address (an optional helper). null: the role's `otherwise` plays it, or nobody does.
 */
export function helperState(
  role: Role,
  plan: Plan,
  device: Device,
  environment: Environment,
  catalog: Catalog,
): 'required' | 'optional' | null {
  const option = role.option ?? '';
  if (!environment.options.includes(option)) return null;
  if (role.when) {
    return evaluateCondition(role.when, plan, device, catalog, []) === true ? 'required' : null;
  }
  const read = readOption(plan, device, option, catalog);
  return read.ok && String(read.value) !== '' ? 'optional' : null;
}

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
    problem: string | null = null,
  ): void => {
    const error = problem ?? addressFieldError(c.address, { allowCidr });
    const key = addressKey(c.address);
    const identity = key ? `a:${key}` : `p:${refKey(c.ref)}`;
    const id =
      c.ref.kind === 'agent-server'
        ? c.ref.agentId
        : c.ref.kind === 'plan-host'
          ? c.ref.slot
          : c.ref.kind === 'cloud'
            ? c.ref.key
            : c.ref.kind === 'cee-server'
              ? c.ref.ceeId
              : c.ref.deviceId;
    const rank = `${refRank(c.ref)}|${id}|${pad(order)}`;
    contributions.push({ ...c, address: c.address.trim(), identity, rank, error });
  };

  for (const place of PLAN_HOST_PLACES) {
    for (const host of planPlaceHosts(plan, place.slot)) {
      add(
        {
          label: host.name,
          address: host.address,
          ref: {
            kind: 'plan-host',
            slot: place.slot,
            ...(host.index > 0 ? { index: host.index } : {}),
          },
          owner:
            host.element > 0
              ? `plan-host:${place.slot}:${host.element}`
              : `plan-host:${place.slot}`,
          ownerKind: 'plan-host',
          field: host.field,
          what: host.what,
        },
        host.index,
      );
    }
  }
  plan.agents.forEach((agent, i) => {
    add(
      {
        label: agent.name,
        address: agent.address,
        ref: { kind: 'agent-server', agentId: agent.id },
        owner: `agent:${agent.id}`,
        ownerKind: 'agent-server',
        field: `agents.${i}.address`,
        what: `agent server "${agent.name}"`,
      },
      0,
    );
  });

  // The CEE servers, once each, whichever devices choose them; one that no device uses is no
  // host (its text, even invalid, must not touch a device that shares it).
  const addedCee = new Set<string>();
  const addCeeServer = (cee: CeeServer): void => {
    if (addedCee.has(cee.id)) return;
    addedCee.add(cee.id);
    add(
      {
        label: cee.name,
        address: cee.address,
        ref: { kind: 'cee-server', ceeId: cee.id },
        owner: `cee-server:${cee.id}`,
        ownerKind: 'required-helper',
        field: `ceeServers.${plan.ceeServers.indexOf(cee)}.address`,
        what: `CEE server "${cee.name}"`,
      },
      0,
    );
  };
  /** A device's helper that is a named host of the plan: the owner it points at. */
  const helperOwners = new Map<string, string>();

  const helpers = helperRoles(catalog);
  for (const { device, index, environment } of devices) {
    const ref: HostRef = { kind: 'device', deviceId: device.id };
    const base = {
      label: device.name,
      ref,
      owner: `device:${device.id}`,
      what: `device "${device.name}"`,
    };
    // A cloud device has no address: its rules reach the cloud's FQDNs (cloud-hosts.ts).
    if (environment.addressKind !== 'tenant') {
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
    for (const role of helpers) {
      const state = helperState(role, plan, device, environment, catalog);
      if (state === null) continue;
      const option = role.option ?? '';
      const read = readOption(plan, device, option, catalog);
      const words = role.hostLabel ?? role.name;
      if (isNamedHostOption(catalog, option)) {
        const cee = read.ok ? chosenCeeServer(plan, read.value) : undefined;
        if (cee) {
          addCeeServer(cee);
          helperOwners.set(`helper:${device.id}:${role.id}`, `cee-server:${cee.id}`);
          continue;
        }
        // None chosen, or one that is not in the plan: a placeholder that no script opens.
        add(
          {
            label: `${words} for ${device.name}`,
            address: '',
            ref: { kind: 'helper', deviceId: device.id, role: role.id },
            owner: `helper:${device.id}:${role.id}`,
            ownerKind: 'required-helper',
            field: `devices.${index}.options.${option}`,
            what: `the ${words} of device "${device.name}"`,
          },
          0,
          false,
          read.ok ? `no ${words} is chosen` : read.error,
        );
        continue;
      }
      add(
        {
          label: `${words} for ${device.name}`,
          // The text as typed, so that it is judged like the plan check judges it.
          address: storedText(device, option) ?? (read.ok ? String(read.value) : ''),
          ref: { kind: 'helper', deviceId: device.id, role: role.id },
          owner: `helper:${device.id}:${role.id}`,
          ownerKind: state === 'required' ? 'required-helper' : 'optional-helper',
          field: `devices.${index}.options.${option}`,
          what: `the ${words} of device "${device.name}"`,
        },
        0,
      );
    }
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
  const byPlace = new Map<PlanHostSlot, ResolvedHost[]>();
  for (const c of sortedContributions) {
    if (c.ref.kind !== 'plan-host') continue;
    const host = byIdentity.get(c.identity);
    if (!host) continue;
    const list = byPlace.get(c.ref.slot);
    if (!list) byPlace.set(c.ref.slot, [host]);
    else if (!list.includes(host)) list.push(host);
  }
  const identities = new Map<ResolvedHost, string>();
  for (const [identity, host] of byIdentity) identities.set(host, identity);

  return {
    contributions,
    byIdentity,
    planHost: (slot) => byPlace.get(slot)?.[0],
    planHosts: (slot) => byPlace.get(slot) ?? [],
    agent: (agentId) => byOwner.get(`agent:${agentId}`)?.[0],
    device: (deviceId) => byOwner.get(`device:${deviceId}`) ?? [],
    helper: (deviceId, role) => {
      const owner = `helper:${deviceId}:${role}`;
      return byOwner.get(helperOwners.get(owner) ?? owner)?.[0];
    },
    identityOf: (host) => identities.get(host) ?? hostIdentity(host),
  };
}
