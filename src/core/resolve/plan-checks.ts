/**
 * Plan checks: what is missing or wrong in a plan, each with a clear message naming the field.
 * They never stop the resolver; rules show role placeholders where addresses are missing.
 */
import type { Catalog, Environment } from '@/core/catalog/model';
import type { Plan } from '@/core/plan/model';
import { ceeRunsLinux } from '@/core/plan/model';
import {
  deviceTenant,
  PLAN_HOST_PLACES,
  planHostPlace,
  planPlaceHosts,
} from '@/core/plan/plan-hosts';
import { cidrHostBitsWarning, isAnyCidr } from '@/core/validate/cidr';
import { hostNameWarning, validateHostName } from '@/core/validate/host-name';
import { quoteInput } from '@/core/validate/quote';
import { addressForm, validateAddress } from '@/core/validate/validate-address';

import { needsTenant, tenantProblem } from './cloud-hosts';
import { evaluateCondition } from './conditions';
import { deviceStatus } from './devices';
import { plainMessage } from './field-labels';
import type { HostContribution, HostRegistry } from './hosts';
import { chosenCeeServer, helperRoles, helperState, isNamedHostOption } from './hosts';
import type { CheckSeverity, PlanCheck } from './model';
import { describeInvalid, invalidPortValues, isOptionRelevant, readOption } from './plan-values';

/** A port an agent host listens on, found while resolving. */
export interface Listener {
  hostIdentity: string;
  hostLabel: string;
  port: number;
  /** "setting:<id>" for configurable ports, "fixed:<port>" for documented fixed ports. */
  listener: string;
  settingId?: string;
  /** Words for messages, e.g. 'the Qumulo event port of device "Q1"'. */
  what: string;
  field: string;
  /** A per-device setting (the field is the device's option). */
  deviceScope: boolean;
}

export interface CheckContext {
  registry: HostRegistry;
  listeners: readonly Listener[];
  environments: ReadonlyMap<string, Environment>;
}

const SEVERITY_ORDER: Record<CheckSeverity, number> = { error: 0, warning: 1, info: 2 };

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Ends a message with a full stop. */
function sentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/** How a check is written: one sentence naming the field; addresses judged like the form. */
interface CheckWriter {
  add: (code: string, severity: CheckSeverity, message: string, field: string) => void;
  checkAddress: (address: string, field: string, what: string, allowCidr: boolean) => void;
}

function checkWriter(checks: PlanCheck[]): CheckWriter {
  const add = (code: string, severity: CheckSeverity, message: string, field: string): void => {
    checks.push({ code, severity, message: sentence(message), field });
  };

  const checkAddress = (address: string, field: string, what: string, allowCidr: boolean): void => {
    const trimmed = address.trim();
    if (trimmed === '') return;
    const error = validateAddress(address, { allowCidr });
    if (error) {
      add('address-invalid', 'error', `${capital(what)} (${field}): ${error}`, field);
      return;
    }
    const form = addressForm(address);
    if (form === 'cidr') {
      const hostBits = cidrHostBitsWarning(address);
      if (hostBits)
        add('cidr-host-bits', 'warning', `${capital(what)} (${field}): ${hostBits}`, field);
      if (isAnyCidr(address)) {
        add(
          'cidr-any',
          'error',
          `${capital(what)} (${field}): "${address}" means any address, so its rules would be open to every host; enter the real addresses or subnet (no script opens a rule for it)`,
          field,
        );
      }
    } else if (form === 'host') {
      const netbios = hostNameWarning(address);
      if (netbios) add('netbios-length', 'info', `${capital(what)} (${field}): ${netbios}`, field);
    }
  };

  return { add, checkAddress };
}

/**
 * The places of the plan that hold hosts named once (consoles, integration servers, deployment
 * hosts, the agents' services): a missing or invalid address.
 */
function placeChecks(plan: Plan, { add, checkAddress }: CheckWriter): void {
  for (const place of PLAN_HOST_PLACES) {
    for (const host of planPlaceHosts(plan, place.slot)) {
      const { field, what } = host;
      if (host.address.trim() === '') {
        add(
          'missing-address',
          'warning',
          place.shape === 'addresses'
            ? `${capital(what)} is switched on but holds no address (${field})`
            : `${capital(what)} has no address (${field})`,
          field,
        );
      }
      checkAddress(host.address, field, what, false);
    }
  }
}

/**
 * The CEE servers (plan.ceeServers): each is judged where devices send their events to it. A
 * missing or invalid address of one in use is an error (as the separate CEE's address always
 * was); one no device uses is named (info); a Linux CEE delivers over HTTP only, so a device that
 * sends its events to one with another delivery choice is an error on that choice.
 */
function ceeServerChecks(
  plan: Plan,
  catalog: Catalog,
  context: CheckContext,
  { add, checkAddress }: CheckWriter,
): void {
  if (plan.ceeServers.length === 0) return;
  const users = new Map<string, string[]>();
  const ceeOptions = catalog.options.filter((o) => o.type === 'cee-server');
  const roles = helperRoles(catalog);
  plan.devices.forEach((device, i) => {
    const environment = context.environments.get(device.environment);
    if (!environment) return;
    for (const role of roles) {
      const option = ceeOptions.find((o) => o.id === role.option);
      if (!option || helperState(role, plan, device, environment, catalog) !== 'required') continue;
      const read = readOption(plan, device, option.id, catalog);
      const cee = read.ok ? chosenCeeServer(plan, read.value) : undefined;
      if (!cee) continue;
      users.set(cee.id, [...(users.get(cee.id) ?? []), quoteInput(device.name)]);
      const requires = option.linuxRequires;
      if (!ceeRunsLinux(cee) || !requires) continue;
      const needed = catalog.options.find((o) => o.id === requires.option);
      const delivery = readOption(plan, device, requires.option, catalog);
      if (!needed || !delivery.ok || requires.in.includes(delivery.value)) continue;
      const field = `devices.${i}.options.${requires.option}`;
      const allowed = requires.in
        .map((value) => needed.choices?.find((c) => c.value === value)?.label ?? String(value))
        .join(' or ');
      const chosen =
        needed.choices?.find((c) => c.value === delivery.value)?.label ?? String(delivery.value);
      add(
        'cee-linux-delivery',
        'error',
        `Device "${device.name}" sends its events to the Linux CEE server "${cee.name}", which delivers them over ${allowed} only, but its ${needed.label} is ${chosen}: choose ${allowed}, or a Windows CEE server (${field})`,
        field,
      );
    }
  });
  plan.ceeServers.forEach((cee, i) => {
    const field = `ceeServers.${i}.address`;
    const what = `CEE server "${cee.name}"`;
    const names = users.get(cee.id) ?? [];
    if (names.length === 0) {
      add(
        'cee-server-unused',
        'info',
        `${what} is used by no Dell device; choose it in a Dell device's options, or remove it (${field})`,
        field,
      );
      return;
    }
    if (cee.address.trim() === '') {
      add(
        'cee-server-address-missing',
        'error',
        `${what} has no address, and ${listText(names)} send${names.length === 1 ? 's' : ''} events to it (${field})`,
        field,
      );
    }
    checkAddress(cee.address, field, what, false);
  });
}

/** Agent servers: a missing or invalid address. */
function agentChecks(plan: Plan, { add, checkAddress }: CheckWriter): void {
  plan.agents.forEach((agent, i) => {
    const field = `agents.${i}.address`;
    if (agent.address.trim() === '') {
      add(
        'missing-address',
        'warning',
        `Agent server "${agent.name}" has no address (${field})`,
        field,
      );
    }
    checkAddress(agent.address, field, `agent server "${agent.name}"`, false);
  });
}

/**
 * Devices: an environment that is unknown, not a device or not in the plan's version; missing
 * or invalid addresses (tenants: tenantChecks); the agent server; invalid options; a helper host (a
 * separate CEE server) without its address.
 */
function deviceChecks(
  plan: Plan,
  catalog: Catalog,
  context: CheckContext,
  { add, checkAddress }: CheckWriter,
): void {
  const agentIds = new Set(plan.agents.map((a) => a.id));
  plan.devices.forEach((device, i) => {
    const environment = context.environments.get(device.environment);
    const status = deviceStatus(environment, plan.amVersion);
    const what = `device "${device.name}"`;
    if (!environment || status === 'unknown-environment') {
      add(
        'environment-unknown',
        'error',
        `Device "${device.name}" has an unknown environment "${device.environment}" (devices.${i}.environment)`,
        `devices.${i}.environment`,
      );
      return;
    }
    if (status === 'not-a-device') {
      add(
        'environment-not-device',
        'error',
        `Device "${device.name}": ${environment.name} is not a monitored platform (devices.${i}.environment)`,
        `devices.${i}.environment`,
      );
      return;
    }
    if (status === 'unavailable') {
      add(
        'environment-unavailable',
        'error',
        `Device "${device.name}": ${environment.name} is not available in Activity Monitor ${plan.amVersion} (available in ${environment.versions.join(', ')}) (devices.${i}.environment)`,
        `devices.${i}.environment`,
      );
    }
    if (environment.addressKind !== 'tenant') {
      const field = `devices.${i}.addresses`;
      if (device.addresses.every((a) => a.trim() === '')) {
        add(
          'missing-address',
          'warning',
          `Device "${device.name}" has no address (${field})`,
          field,
        );
      }
      device.addresses.forEach((address, j) => {
        checkAddress(address, `${field}.${j}`, what, environment.allowsCidr);
      });
    }
    if (environment.agentMode === 'proxy' && !agentIds.has(device.agentId)) {
      const field = `devices.${i}.agentId`;
      add(
        'device-no-agent',
        'error',
        device.agentId === ''
          ? `Device "${device.name}" has no agent server (${field})`
          : `Device "${device.name}" names an agent server that is not in the plan (${field})`,
        field,
      );
    }
    for (const optionId of environment.options) {
      const option = catalog.options.find((o) => o.id === optionId);
      const field = `devices.${i}.options.${optionId}`;
      // A field the wizard hides (e.g. the CEE address while CEE runs on the agent) feeds no rule.
      if (!option || !isOptionRelevant(plan, device, option, catalog)) continue;
      if (option.type === 'address') {
        const stored = device.options[optionId];
        if (typeof stored === 'string') {
          checkAddress(stored, field, `${what}, ${option.label}`, false);
          continue;
        }
      }
      const read = readOption(plan, device, optionId, catalog);
      if (!read.ok) {
        add(
          option.type === 'port' ? 'value-out-of-range' : 'option-invalid',
          'error',
          `${describeInvalid(read)}; no rule uses it until it is fixed`,
          read.field,
        );
      }
    }
    // A helper host the device's options call for (a separate CEE server) needs its address,
    // or, where it is a host of the plan, a choice of one.
    for (const role of helperRoles(catalog)) {
      if (helperState(role, plan, device, environment, catalog) !== 'required') continue;
      const option = role.option ?? '';
      const read = readOption(plan, device, option, catalog);
      if (!read.ok || String(read.value) !== '') continue;
      const field = `devices.${i}.options.${option}`;
      const words = role.hostLabel ?? role.name;
      add(
        `${role.id}-address-missing`,
        'error',
        isNamedHostOption(catalog, option)
          ? `Device "${device.name}": the ${words} is on a separate host, but no ${words} is chosen (${field})`
          : `Device "${device.name}": the ${words} is on a separate host, but its address is missing (${field})`,
        field,
      );
    }
  });
}

/**
 * The Microsoft tenant: entered once per plan (microsoftTenant) for every cloud device that names
 * no other. One check when it is missing, naming the devices that need it; an invalid tenant is
 * reported on its field (the plan's once, a device's own override on that device); so is a
 * tenant the SharePoint host name (<tenant>.sharepoint.com) cannot be derived from, where a
 * device reaches it.
 */
function tenantChecks(
  plan: Plan,
  catalog: Catalog,
  context: CheckContext,
  { add }: CheckWriter,
): void {
  const tenantEndpoints = new Set(catalog.cloudEndpoints.filter(needsTenant).map((e) => e.id));
  const reachesTenantName = (environment: string): boolean =>
    catalog.rules.some(
      (r) =>
        r.environment === environment &&
        Array.isArray(r.cloudEndpoints) &&
        r.cloudEndpoints.some((id) => tenantEndpoints.has(id)),
    );
  const needPlanTenant: string[] = [];
  const needPlanTenantName: string[] = [];
  plan.devices.forEach((device, i) => {
    const environment = context.environments.get(device.environment);
    const status = deviceStatus(environment, plan.amVersion);
    if (!environment || status === 'unknown-environment' || status === 'not-a-device') return;
    if (environment.addressKind !== 'tenant') return;
    const { tenant, field } = deviceTenant(plan, i);
    const what = `${environment.name} ${quoteInput(device.name)}`;
    if (field === 'microsoftTenant') {
      needPlanTenant.push(what);
      if (reachesTenantName(environment.id)) needPlanTenantName.push(what);
      return;
    }
    const error = validateHostName(tenant);
    if (error) {
      add(
        'address-invalid',
        'error',
        `Device ${quoteInput(device.name)}, its other tenant (${field}): ${error}`,
        field,
      );
      return;
    }
    const problem = reachesTenantName(environment.id) ? tenantProblem(tenant, field) : null;
    if (problem) add('tenant-no-name', 'warning', `${problem}; ${what} needs it`, field);
  });
  if (needPlanTenant.length === 0) return;
  // Named in a fixed order: the checks do not depend on the order of the plan's devices.
  needPlanTenant.sort(compareStrings);
  needPlanTenantName.sort(compareStrings);
  const field = 'microsoftTenant';
  if (plan.microsoftTenant.trim() === '') {
    add(
      'missing-address',
      'warning',
      `The plan has no Microsoft tenant (${field}): ${listText(needPlanTenant)} ${needPlanTenant.length === 1 ? 'uses' : 'use'} it; enter it once on the Devices step`,
      field,
    );
    return;
  }
  const error = validateHostName(plan.microsoftTenant);
  if (error) {
    add('address-invalid', 'error', `The Microsoft tenant (${field}): ${error}`, field);
    return;
  }
  const problem = needPlanTenantName.length > 0 ? tenantProblem(plan.microsoftTenant, field) : null;
  if (problem) {
    add(
      'tenant-no-name',
      'warning',
      `${problem}; ${listText(needPlanTenantName)} ${needPlanTenantName.length === 1 ? 'needs' : 'need'} it`,
      field,
    );
  }
}

/** "a", "a and b", "a, b and c". */
function listText(items: readonly string[]): string {
  return items.length <= 1
    ? (items[0] ?? '')
    : `${items.slice(0, -1).join(', ')} and ${items.at(-1) ?? ''}`;
}

/** Integrations in use that the plan's version does not have (Access Analyzer 26 before 10.0). */
function integrationChecks(plan: Plan, catalog: Catalog, { add }: CheckWriter): void {
  for (const environment of catalog.environments) {
    const when = environment.inUseWhen;
    if (!when || environment.versions.includes(plan.amVersion)) continue;
    if (evaluateCondition(when, plan, undefined, catalog, []) !== true) continue;
    const field =
      when.kind === 'integration' && when.edition !== undefined
        ? `integrations.${when.integration}.edition`
        : `integrations.${when.kind === 'integration' ? when.integration : ''}.enabled`;
    add(
      'environment-unavailable',
      'error',
      `${environment.name} is not available in Activity Monitor ${plan.amVersion} (available in ${environment.versions.join(', ')}) (${field})`,
      field,
    );
  }
}

/** Ports and ranges: one reader (plan-values.ts), so checks and rules cannot disagree. */
function portValueChecks(plan: Plan, catalog: Catalog, { add }: CheckWriter): void {
  for (const read of invalidPortValues(plan, catalog)) {
    add(
      'value-out-of-range',
      'error',
      `${describeInvalid(read)}; no rule uses it until it is fixed`,
      read.field,
    );
  }
}

export function buildPlanChecks(plan: Plan, catalog: Catalog, context: CheckContext): PlanCheck[] {
  const checks: PlanCheck[] = [];
  const writer = checkWriter(checks);
  placeChecks(plan, writer);
  agentChecks(plan, writer);
  deviceChecks(plan, catalog, context, writer);
  ceeServerChecks(plan, catalog, context, writer);
  tenantChecks(plan, catalog, context, writer);
  integrationChecks(plan, catalog, writer);
  portValueChecks(plan, catalog, writer);
  checks.push(...duplicateChecks(context.registry.contributions));
  checks.push(...listenerChecks(context.listeners));
  // Messages name fields as the wizard shows them; the path stays the check's field.
  for (const check of checks) check.message = plainMessage(check.message, plan, catalog);

  return sortPlanChecks(checks);
}

/** The order of the plan checks: errors first, then by code, message and field (sorts in place). */
export function sortPlanChecks(checks: PlanCheck[]): PlanCheck[] {
  return checks.sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      compareStrings(a.code, b.code) ||
      compareStrings(a.message, b.message) ||
      compareStrings(a.field, b.field),
  );
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Kinds of element that may share an address without a warning. */
function sharingIsNormal(list: readonly HostContribution[]): boolean {
  const kinds = new Set(list.map((c) => c.ownerKind));
  if (kinds.size !== 1) return false;
  const [kind] = kinds;
  // One CEE server for several Dell devices, one SQL Server for several SharePoint farms.
  return kind === 'required-helper' || kind === 'optional-helper';
}

/** Sections whose hosts often are another host of the plan (no duplicate-address warning). */
const SHARED_SECTIONS: ReadonlySet<string> = new Set(['deployment', 'agentServices']);

function duplicateChecks(contributions: readonly HostContribution[]): PlanCheck[] {
  const groups = new Map<string, HostContribution[]>();
  for (const c of contributions) {
    if (!c.identity.startsWith('a:')) continue;
    const list = groups.get(c.identity);
    if (list) list.push(c);
    else groups.set(c.identity, [c]);
  }
  const out: PlanCheck[] = [];
  for (const list of groups.values()) {
    if (list.length < 2) continue;
    list.sort((a, b) => compareStrings(a.rank, b.rank));
    const [first] = list;
    if (!first) continue;
    // The same element listing an address twice.
    const byOwner = new Map<string, HostContribution[]>();
    for (const c of list) byOwner.set(c.owner, [...(byOwner.get(c.owner) ?? []), c]);
    for (const same of byOwner.values()) {
      const [a, b] = same;
      if (a && b && a.ownerKind === b.ownerKind) {
        out.push({
          code: 'address-duplicate',
          severity: 'warning',
          message: `${capital(a.what)} lists "${b.address}" twice (${b.field}).`,
          field: b.field,
        });
      }
    }
    const owners = [...byOwner.values()].map((same) => same[0]).filter((c) => c !== undefined);
    // The network proxy, the archive share and the agents' services (DNS servers, domain
    // controllers, SMTP, syslog) may well live on another host of the plan.
    const planHosts = owners.filter(
      (c) =>
        !(c.ref.kind === 'plan-host' && SHARED_SECTIONS.has(planHostPlace(c.ref.slot).section)),
    );
    if (planHosts.length < 2 || sharingIsNormal(planHosts)) continue;
    const [one, two] = planHosts;
    if (!one || !two) continue;
    const consoleOnAgent =
      planHosts.length === 2 &&
      planHosts.some(
        (c) => c.ref.kind === 'plan-host' && planHostPlace(c.ref.slot).section === 'top',
      ) &&
      planHosts.some((c) => c.ownerKind === 'agent-server');
    const whats = planHosts.map((c) => `${c.what} (${c.field})`);
    const listText =
      whats.length === 2
        ? `${whats[0]} and ${whats[1]}`
        : `${whats.slice(0, -1).join(', ')} and ${whats.at(-1)}`;
    out.push({
      code: 'address-duplicate',
      severity: consoleOnAgent ? 'info' : 'warning',
      message: consoleOnAgent
        ? `Address "${first.address}" is used by ${listText}: the console runs on an agent server, so that connection stays on the host.`
        : `Address "${first.address}" is used by ${listText}.`,
      field: two.field,
    });
  }
  return out;
}

function listenerChecks(listeners: readonly Listener[]): PlanCheck[] {
  const out: PlanCheck[] = [];
  const byHostPort = new Map<string, Listener[]>();
  const byHostSetting = new Map<string, Listener[]>();
  for (const l of listeners) {
    const key = `${l.hostIdentity}\u0000${l.port}`;
    byHostPort.set(key, [...(byHostPort.get(key) ?? []), l]);
    if (l.settingId && l.deviceScope) {
      const settingKey = `${l.hostIdentity}\u0000${l.settingId}`;
      byHostSetting.set(settingKey, [...(byHostSetting.get(settingKey) ?? []), l]);
    }
  }
  for (const list of byHostPort.values()) {
    const distinct = new Map<string, Listener>();
    for (const l of [...list].sort(compareListeners)) {
      if (!distinct.has(l.listener)) distinct.set(l.listener, l);
    }
    const kinds = [...distinct.values()];
    if (kinds.length < 2 || !kinds.some((l) => l.listener.startsWith('setting:'))) continue;
    const blamed = kinds.find((l) => l.deviceScope) ?? kinds.find((l) => l.settingId) ?? kinds[0];
    const [first] = kinds;
    if (!first || !blamed) continue;
    const names = kinds.map((l) => (l.field ? `${l.what} (${l.field})` : l.what));
    out.push({
      code: 'port-conflict',
      severity: 'error',
      message: `Port ${first.port} on agent server "${first.hostLabel}" has more than one listener: ${names.join(' and ')}.`,
      field: blamed.field,
    });
  }
  for (const list of byHostSetting.values()) {
    const ports = [...new Set(list.map((l) => l.port))].sort((a, b) => a - b);
    if (ports.length < 2) continue;
    const sorted = [...list].sort(compareListeners);
    const [first] = sorted;
    if (!first) continue;
    const last = sorted.find((l) => l.port !== first.port) ?? first;
    out.push({
      code: 'port-setting-mismatch',
      severity: 'warning',
      message: `Agent server "${first.hostLabel}" gets different values for one listener (${ports.join(', ')}): ${sorted
        .map((l) => `${l.what} is ${l.port}`)
        .join(', ')}; an agent listens on one port per setting.`,
      field: last.field,
    });
  }
  return out;
}

function compareListeners(a: Listener, b: Listener): number {
  return (
    compareStrings(a.listener, b.listener) ||
    compareStrings(a.what, b.what) ||
    a.port - b.port ||
    compareStrings(a.field, b.field)
  );
}
