/**
 * The export gate: what may become a live rule in a script (PowerShell, firewalld, the
 * connectivity check, and every script format to come).
 *
 * The rule: a script never holds a live rule for a value the plan checks reject. A rule that
 * depends on an invalid plan value (a port, the RPC range, an option of its condition), or that
 * has no port left, is written commented out with a TODO naming the field; so is every source or
 * destination whose address is missing, invalid in its field (the same validators as the form
 * and the plan checks), a cloud tenant, or a block meaning any address (0.0.0.0/0, ::/0). The
 * script still runs and opens everything else; the TODOs say what to fix before running it
 * again. Sheets (CSV, Markdown, PDF, Copy table) show such rules too, marked NOT READY.
 */
import type { ReportHostRule, ReportPeer } from '@/core/report/model';
import { isAnyCidr } from '@/core/validate/cidr';
import { validateAddress } from '@/core/validate/validate-address';

/** Why a peer cannot be the address of a live rule. */
export type PeerBlock =
  | { kind: 'tenant' }
  | { kind: 'missing' }
  | { kind: 'invalid'; message: string }
  | { kind: 'any'; message: string };

/** null when the peer's address may go into a live rule. */
export function peerBlock(peer: ReportPeer): PeerBlock | null {
  if (peer.kind === 'tenant') return { kind: 'tenant' };
  if (peer.address.trim() === '') return { kind: 'missing' };
  if (peer.invalid) return { kind: 'invalid', message: peer.invalid };
  // Defence in depth, for reports not built by the resolver: at least the address syntax.
  const syntax = validateAddress(peer.address, { allowCidr: true });
  if (syntax) return { kind: 'invalid', message: syntax };
  if (isAnyCidr(peer.address.trim())) {
    return {
      kind: 'any',
      message: `${peer.label}: “${peer.address.trim()}” means any address; a rule for it would be open to every host`,
    };
  }
  return null;
}

/**
 * Why the whole rule cannot be live, whatever its peers: invalid values it depends on, or no
 * port left. [] when it may be live (its peers are gated one by one with peerBlock).
 */
export function ruleBlocks(rule: ReportHostRule): string[] {
  const out = [...rule.problems];
  if (rule.ports.length === 0 && out.length === 0) out.push('the rule has no port');
  return out;
}

/** One TODO sentence for ruleBlocks. */
export function ruleBlockText(blocks: readonly string[]): string {
  return `TODO: fix the plan first: ${blocks.join('; ')}. Then download the script again.`;
}
