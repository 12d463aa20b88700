/**
 * What a Linux host's ruleset must accept, computed from the report without the exporters'
 * code: (direction, address, transport, port range) for every peer at a valid IP address or
 * CIDR block of a rule that is ready. Host names, missing, invalid, FQDN and any-address peers
 * and rules with problems accept nothing.
 */
import { peerBlock, ruleBlocks } from '@/core/exporters/export-gate';
import type { ReportHost, ReportHostRule } from '@/core/report/model';
import { cidrNetwork } from '@/core/validate/cidr';
import { canonicalIPv6 } from '@/core/validate/ipv6';
import { addressForm } from '@/core/validate/validate-address';

export function canonical(address: string): string {
  const text = address.trim();
  if (text.includes('/')) {
    const network = cidrNetwork(text) ?? text;
    // A /32 or /128 block is one address, as the tools print it.
    return network.replace(/\/(32|128)$/, (m, len) =>
      (network.includes(':') ? len === '128' : len === '32') ? '' : m,
    );
  }
  return text.includes(':') ? (canonicalIPv6(text) ?? text) : text;
}

function pairs(direction: string, rules: readonly ReportHostRule[]): string[] {
  const out = new Set<string>();
  for (const rule of rules) {
    if (rule.peers.length === 0 || ruleBlocks(rule).length > 0) continue;
    for (const peer of rule.peers) {
      if (peerBlock(peer) !== null || addressForm(peer.address.trim()) === 'host') continue;
      for (const p of rule.ports) {
        out.add(
          `${direction} ${canonical(peer.address)} ${rule.transport.toLowerCase()} ${p.from}-${p.to}`,
        );
      }
    }
  }
  return [...out];
}

export function expectedPairs(host: ReportHost): string[] {
  return [...pairs('in', host.inbound), ...pairs('out', host.outbound)].sort();
}
