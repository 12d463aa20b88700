/**
 * The per-host view: for each host of the resolved rules, what its own firewall must allow
 * inbound (rules where it is a destination) and outbound (rules where it is a source).
 */
import { compareHosts, hostIdentity } from './hosts';
import type { HostView, Resolution, ResolvedHost, ResolvedRule } from './model';
import { ROLE_SEPARATOR } from './model';

/**
 * One view per distinct host (same identity as the resolver: the address, else the plan
 * element), sorted by label and address; rules keep the resolution's order. Placeholders for
 * a missing agent server (ref agent with agentId '') are not hosts and get no view.
 */
export function buildHostViews(resolution: Resolution): HostView[] {
  const views = new Map<string, { view: HostView; roleNames: string[] }>();
  const viewOf = (host: ResolvedHost, roleName: string): HostView | undefined => {
    if (host.ref.kind === 'agent-server' && host.ref.agentId === '' && host.address === '') {
      return undefined;
    }
    const key = hostIdentity(host);
    let entry = views.get(key);
    if (!entry) {
      entry = { view: { host, roleName, inbound: [], outbound: [] }, roleNames: [] };
      views.set(key, entry);
    }
    for (const name of roleName.split(ROLE_SEPARATOR)) {
      if (!entry.roleNames.includes(name)) entry.roleNames.push(name);
    }
    return entry.view;
  };
  const push = (list: ResolvedRule[], rule: ResolvedRule): void => {
    if (list[list.length - 1] !== rule) list.push(rule);
  };
  for (const rule of resolution.rules) {
    for (const host of rule.source.hosts) {
      const view = viewOf(host, rule.source.roleName);
      if (view) push(view.outbound, rule);
    }
    for (const host of rule.destination.hosts) {
      const view = viewOf(host, rule.destination.roleName);
      if (view) push(view.inbound, rule);
    }
  }
  return [...views.values()]
    .map(({ view, roleNames }) => ({
      ...view,
      roleName: [...roleNames].sort().join(ROLE_SEPARATOR),
    }))
    .sort((a, b) => compareHosts(a.host, b.host));
}
