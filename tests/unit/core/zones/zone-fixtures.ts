/** Builders for the zone tests: resolved rules by hand, zones and firewalls in a line each. */
import type { ResolvedHost, ResolvedRule } from '@/core/resolve/model';
import type { Firewall, FirewallKind, Zone, ZoneModel } from '@/core/zones/model';
import { emptyZoneModel } from '@/core/zones/model';

export interface HostSpec {
  label: string;
  address: string;
  cloud?: boolean;
}

export function host(label: string, address: string, cloud = false): HostSpec {
  return { label, address, ...(cloud ? { cloud } : {}) };
}

function resolvedHost(spec: HostSpec): ResolvedHost {
  return {
    label: spec.label,
    address: spec.address,
    ref: spec.cloud
      ? { kind: 'cloud', endpoint: 'graph', key: spec.address }
      : { kind: 'device', deviceId: spec.label },
    ...(spec.cloud
      ? {
          cloud: {
            pattern: spec.address,
            wildcard: false,
            basis: 'documented' as const,
            sources: [],
          },
        }
      : {}),
  };
}

export interface RuleSpec {
  id: string;
  sourceRole?: string;
  destinationRole?: string;
  sources: HostSpec[];
  destinations: HostSpec[];
  transport?: 'TCP' | 'UDP';
  ports: [number, number][];
  service?: string;
  description?: string;
}

export function rule(spec: RuleSpec): ResolvedRule {
  const sourceRole = spec.sourceRole ?? 'Activity Agent Server';
  const destinationRole = spec.destinationRole ?? 'File Server';
  return {
    id: spec.id,
    key: spec.id,
    source: {
      role: sourceRole,
      roleNames: [sourceRole],
      roleName: sourceRole,
      hosts: spec.sources.map(resolvedHost),
    },
    destination: {
      role: destinationRole,
      roleNames: [destinationRole],
      roleName: destinationRole,
      hosts: spec.destinations.map(resolvedHost),
    },
    transport: spec.transport ?? 'TCP',
    ports: spec.ports.map(([from, to]) => ({ from, to, label: '' })),
    portsText: spec.ports.map(([a, b]) => (a === b ? `${a}` : `${a}-${b}`)).join(', '),
    service: spec.service ?? 'SMB',
    description: spec.description ?? `Purpose of ${spec.id}`,
    basis: 'documented',
    reasons: [],
    notes: [],
    errata: [],
  };
}

export function zone(id: string, ...cidrs: string[]): Zone {
  return { id, name: id.toUpperCase(), cidrs };
}

/** A firewall with one interface per entry: "eth1=a" or "eth1=a+b" (zones behind it). */
export function firewall(id: string, interfaces: string[], kind: FirewallKind = 'panos'): Firewall {
  return {
    id,
    name: id.toUpperCase(),
    kind,
    interfaces: interfaces.map((text) => {
      const [name = '', zones = ''] = text.split('=');
      return { id: `${id}-${name}`, name, zones: zones === '' ? [] : zones.split('+') };
    }),
  };
}

export function model(parts: Partial<ZoneModel>): ZoneModel {
  return { ...emptyZoneModel(), ...parts };
}
