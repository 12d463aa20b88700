/**
 * "Download firewalld script": a bash script that adds, for each Linux host of the plan (the
 * hosts of the linux-host role, where the Activity Monitor Linux agent runs; RHEL 8/9), the
 * inbound firewalld rich rules it needs, restricted to the real sources: one permanent rule per
 * source address and port range, in the zone of --zone (default public). It detects the host it
 * runs on (hostname -f, -s, -I) or takes --host KEY, prints the commands with --dry-run, removes
 * the rules with --remove, and reloads firewalld at the end.
 *
 * Safety: every user string is a single-quoted literal (bash-quote.ts), never unquoted and never
 * in double quotes. Addresses are validated (core/validate) before they go into a rule; missing,
 * cloud (FQDN) and invalid sources are commented out with a TODO. Source host names are resolved with
 * `getent ahosts` when the script runs (rich rules take addresses, not names), and the addresses
 * getent prints are checked again before use.
 */
import type { Report, ReportHost, ReportHostRule, ReportPeer } from '@/core/report/model';
import { addressForm, addressKey, validateAddress } from '@/core/validate/validate-address';

import { bashArray, bashComment, bashLiteral } from './bash-quote';
import { cloudFqdnNote, peerBlock, ruleBlocks, ruleBlockText } from './export-gate';
import type { Exporter } from './exporter';
import { exportFileName } from './file-name';
import { scriptKeyFor } from './script-host-keys';
import { isLinuxHost, NO_LINUX_HOST } from './script-hosts';

/** The firewalld zone the script uses without --zone. */
export const DEFAULT_FIREWALLD_ZONE = 'public';

const INDENT = '      ';

export function linuxHosts(report: Report): ReportHost[] {
  return report.hosts.filter(isLinuxHost);
}

export function firewalldFileName(report: Report): string {
  return exportFileName(report.meta.planName, 'firewalld.sh');
}

/** The source part of a rule: a fixed address (IPv4, IPv6, CIDR), a host name, or a problem. */
type Source =
  | { kind: 'address'; family: 'ipv4' | 'ipv6'; address: string }
  | { kind: 'name'; name: string }
  | { kind: 'todo'; text: string };

function sourceOf(peer: ReportPeer, rule: ReportHostRule): Source {
  const label = bashLiteral(peer.label);
  if (peer.kind === 'fqdn') {
    return {
      kind: 'todo',
      text: `TODO: the source ${label} (${bashComment(rule.peerRole)}) is a cloud service named by FQDN: firewalld cannot filter on an FQDN. Add a rule per published IP range of the service.`,
    };
  }
  const address = peer.address.trim();
  if (address === '') {
    return {
      kind: 'todo',
      text: `TODO: the source ${label} (${bashComment(rule.peerRole)}) has no address in the plan. Add it and download the script again, or put its address in place of ADDRESS below (family ipv6 for an IPv6 address) and remove the '# '.`,
    };
  }
  // The export gate (export-gate.ts): the same validators as the form and the plan checks.
  const block = peerBlock(peer);
  if (block?.kind === 'invalid' || block?.kind === 'any') {
    return {
      kind: 'todo',
      text: `TODO: the source ${label} cannot be used as it is: ${bashComment(block.message)}. Fix it in the plan and download the script again, or put a valid address in place of ADDRESS below (family ipv6 for an IPv6 address) and remove the '# '.`,
    };
  }
  if (addressForm(address) === 'host') return { kind: 'name', name: address };
  return { kind: 'address', family: address.includes(':') ? 'ipv6' : 'ipv4', address };
}

function portTail(rule: ReportHostRule, from: number, to: number): string {
  const port = from === to ? String(from) : `${from}-${to}`;
  return `port port="${port}" protocol="${rule.transport.toLowerCase()}"`;
}

function richRule(family: string, address: string, tail: string): string {
  return `rule family="${family}" source address="${address}" ${tail} accept`;
}

/** The lines of one inbound rule: live rich rules, name lookups, or TODOs with the rule commented out. */
function ruleLines(rule: ReportHostRule, seen: Set<string>): string[] {
  const heading = `# Rule ${rule.ruleId}: ${bashComment(rule.peerRole)} -> this host, ${rule.transport} ${bashComment(rule.portsText)} (${bashComment(rule.service)})`;
  if (rule.peers.length === 0) {
    return [
      heading,
      `# TODO: the plan has no ${bashComment(rule.peerRole)}. Add it and download the script again.`,
    ];
  }
  const blocks = ruleBlocks(rule);
  if (blocks.length > 0) {
    return [heading, `# ${bashComment(ruleBlockText(blocks))}`];
  }
  const tails = rule.ports.map((p) => portTail(rule, p.from, p.to));
  const lines = [heading];
  const peers = [...new Map(rule.peers.map((p) => [`${p.kind}|${p.address}|${p.label}`, p]))];
  for (const [, peer] of peers) {
    const source = sourceOf(peer, rule);
    if (source.kind === 'todo') {
      lines.push(`# ${source.text}`);
      for (const tail of tails)
        lines.push(`# rich_rule ${bashLiteral(richRule('ipv4', 'ADDRESS', tail))}`);
      continue;
    }
    if (source.kind === 'name') {
      lines.push(
        `# ${bashLiteral(peer.label)} is a host name: its addresses are looked up (getent ahosts) when the script runs.`,
      );
    }
    const live =
      source.kind === 'name'
        ? [`rich_rules_for_name ${bashLiteral(source.name)} ${tails.map(bashLiteral).join(' ')}`]
        : tails.map(
            (tail) => `rich_rule ${bashLiteral(richRule(source.family, source.address, tail))}`,
          );
    for (const line of live) {
      if (seen.has(line)) continue;
      seen.add(line);
      lines.push(line);
    }
  }
  return lines;
}

function hostCase(host: ReportHost, key: string): string[] {
  const seen = new Set<string>();
  const body =
    host.inbound.length === 0
      ? ["echo '  No inbound rules for this host.'"]
      : host.inbound.flatMap((rule, i) => [...(i > 0 ? [''] : []), ...ruleLines(rule, seen)]);
  if (seen.size === 0 && host.inbound.length > 0) {
    body.push(
      "echo '  No rule of this host can be added yet: see the TODO comments in the script.'",
    );
  }
  return [
    `    ${bashLiteral(key)})`,
    `      # ${bashComment(host.roleNames.join(', '))}: ${host.inbound.length} inbound rule(s)`,
    ...body.map((l) => (l === '' ? '' : `${INDENT}${l}`)),
    '      ;;',
  ];
}

/** What the host detection compares with this host's names: the address, and a name's first label. */
function matchKeys(host: ReportHost): string {
  const address = host.address.trim();
  if (address === '' || host.invalid || validateAddress(address) !== null) return '';
  const key = addressKey(address);
  const short = key.split('.')[0] ?? '';
  return addressForm(address) === 'host' && short !== key ? `${key} ${short}` : key;
}

/** The header's list of host keys, names and addresses, as literals: "#   'RHEL-NYC'  'RHEL NYC' ('10.0.5.5')". */
function hostHelpLines(
  hosts: readonly ReportHost[],
  keyOf: (host: ReportHost) => string,
): string[] {
  if (hosts.length === 0) return [];
  const keys = hosts.map((h) => bashLiteral(keyOf(h)));
  const width = Math.max(...keys.map((k) => k.length));
  return [
    '#',
    '# The Linux hosts of the plan: --host takes the key (first column) or, when no key matches, the',
    "# host's name as typed in the plan (in quotes if it has spaces); any case.",
    ...hosts.map((h, i) => {
      const address = h.address === '' ? '(no address)' : `(${bashLiteral(h.address)})`;
      return `#   ${(keys[i] ?? '').padEnd(width)}  ${bashLiteral(h.label)} ${address}`;
    }),
  ];
}

function headerLines(report: Report, hosts: readonly ReportHost[]): string[] {
  const file = firewalldFileName(report);
  const { meta } = report;
  const keyOf = scriptKeyFor(report);
  return [
    '#!/usr/bin/env bash',
    '# firewalld inbound rules for Netwrix Activity Monitor on the Linux hosts of a plan.',
    '# Generated by Activity Monitor Firewall Planner: review it before you run it.',
    '#',
    "# The Activity Monitor Linux agent runs on the monitored host (RHEL 8/9) and the host's",
    '# firewall (firewalld) must allow the agent port. Run this script as root on each Linux host of',
    '# the plan (the host is detected from hostname -f, hostname -s and hostname -I, or named with',
    '# --host):',
    `#   sudo bash ${file} --dry-run         # prints the firewall-cmd commands, changes nothing`,
    `#   sudo bash ${file}                   # adds this host's rules to the zone ${DEFAULT_FIREWALLD_ZONE}`,
    `#   sudo bash ${file} --zone internal   # another zone`,
    `#   sudo bash ${file} --remove          # removes this host's rules`,
    `#   sudo bash ${file} --host KEY        # when the host is not detected (the keys are below)`,
    '# Each rule is a permanent rich rule accepting one source address on one port range, e.g.',
    `#   firewall-cmd --permanent --zone=${DEFAULT_FIREWALLD_ZONE} --add-rich-rule='rule family="ipv4" source address="10.0.0.10" port port="4498" protocol="tcp" accept'`,
    '# Running the script again changes nothing (firewalld keeps one copy of a rule).',
    '# Sources given by host name are resolved with getent ahosts when the script runs (rich rules',
    '# take addresses, not names): run it again when an address changes. Sources without a valid',
    '# address in the plan are commented out with a TODO.',
    ...hostHelpLines(hosts, keyOf),
    ...cloudFqdnNote(report, 'firewalld').map((l) => (l === '' ? '#' : `# ${bashComment(l)}`)),
    '',
    'set -euo pipefail',
    '',
    `# The plan (${hosts.length} Linux host(s)), its catalog version and docs revision, permalink and date.`,
    `PLAN_NAME=${bashLiteral(meta.planName)}`,
    `ACTIVITY_MONITOR_VERSION=${bashLiteral(meta.amVersion)}`,
    `CATALOG_VERSION=${bashLiteral(meta.catalogVersion)}`,
    `DOCS_REVISION=${bashLiteral(meta.docsRevision)}`,
    `PERMALINK=${bashLiteral(meta.permalink)}`,
    `GENERATED_ON=${bashLiteral(meta.date)}`,
    '',
  ];
}

function noLinuxHostScript(report: Report): string {
  return joinLines([
    ...headerLines(report, []),
    '# This plan has no Linux host (no device whose agent runs on Linux): there is nothing to',
    '# configure with firewalld.',
    'printf \'Plan: %s (Activity Monitor %s, catalog %s, %s)\\n\' "$PLAN_NAME" "$ACTIVITY_MONITOR_VERSION" "$CATALOG_VERSION" "$DOCS_REVISION"',
    "echo 'This plan has no Linux host: there is no firewalld rule to add.'",
    'exit 0',
  ]);
}

function joinLines(lines: readonly string[]): string {
  return `${lines.join('\n')}\n`;
}

const FUNCTION_LINES: readonly string[] = [
  'fail() {',
  '  printf \'Error: %s\\n\' "$1" >&2',
  '  exit 1',
  '}',
  '',
  'usage() {',
  '  printf \'Usage: %s [--zone ZONE] [--dry-run] [--remove] [--host KEY]\\n\' "${0##*/}"',
  "  echo '  --zone ZONE  the firewalld zone of the rules (default: public)'",
  "  echo '  --dry-run    print the firewall-cmd commands instead of running them'",
  "  echo '  --remove     remove the rules instead of adding them'",
  "  echo '  --host KEY   the plan host to configure, by key or by name (detected when omitted):'",
  '  list_hosts',
  '}',
  '',
  'list_hosts() {',
  '  local i',
  '  for i in "${!PLAN_HOST_KEYS[@]}"; do',
  '    printf \'    %-20s %s (%s)\\n\' "${PLAN_HOST_KEYS[i]}" "${PLAN_HOST_LABELS[i]}" "${PLAN_HOST_ADDRESSES[i]:-no address}"',
  '  done',
  '}',
  '',
  'ZONE=public',
  'DRY_RUN=0',
  'REMOVE=0',
  "HOST_KEY=''",
  'while (($# > 0)); do',
  '  case $1 in',
  '    --zone)',
  "      (($# >= 2)) || fail 'the option --zone needs a zone name'",
  '      ZONE=$2',
  '      shift 2',
  '      ;;',
  '    --zone=*)',
  '      ZONE=${1#--zone=}',
  '      shift',
  '      ;;',
  '    --host)',
  "      (($# >= 2)) || fail 'the option --host needs a host key'",
  '      HOST_KEY=$2',
  '      shift 2',
  '      ;;',
  '    --host=*)',
  '      HOST_KEY=${1#--host=}',
  '      shift',
  '      ;;',
  '    --dry-run)',
  '      DRY_RUN=1',
  '      shift',
  '      ;;',
  '    --remove)',
  '      REMOVE=1',
  '      shift',
  '      ;;',
  '    -h | --help)',
  '      usage',
  '      exit 0',
  '      ;;',
  '    *)',
  '      fail "unknown option: $1 (see --help)"',
  '      ;;',
  '  esac',
  'done',
  'if [[ ! $ZONE =~ ^[A-Za-z0-9][A-Za-z0-9_+.-]{0,63}$ ]]; then',
  '  fail "not a firewalld zone name: $ZONE"',
  'fi',
  'if ((REMOVE)); then',
  '  ACTION=--remove-rich-rule',
  '  VERB=Removing',
  'else',
  '  ACTION=--add-rich-rule',
  '  VERB=Adding',
  'fi',
  '',
  'local_names() {',
  '  # The names and addresses of this host, lower case, one a line.',
  '  {',
  '    hostname -f 2>/dev/null || true',
  '    hostname -s 2>/dev/null || true',
  '    hostname 2>/dev/null || true',
  "    hostname -I 2>/dev/null | tr -s ' \\t' '\\n' || true",
  "  } | tr '[:upper:]' '[:lower:]' | sed -e 's/\\.$//' -e '/^$/d'",
  '}',
  '',
  'squash() {',
  '  # $1 in lower case, control characters as spaces, its words joined by single spaces.',
  '  local text=${1//[[:cntrl:]]/ }',
  '  local -a words',
  '  read -r -d \'\' -a words <<<"${text,,}" || true',
  '  printf \'%s\' "${words[*]-}"',
  '}',
  '',
  'select_hosts() {',
  '  # The plan hosts this computer is: from --host (a key of PLAN_HOST_KEYS or, when no key',
  "  # matches, a host's name; any case), else by matching names and addresses.",
  '  local i name key want',
  '  local -a names keys',
  '  SELECTED=()',
  '  if [[ -n $HOST_KEY ]]; then',
  '    want=$(squash "$HOST_KEY")',
  '    for i in "${!PLAN_HOST_KEYS[@]}"; do',
  '      if [[ ${PLAN_HOST_KEYS[i],,} == "$want" ]]; then',
  '        SELECTED+=("$i")',
  '      fi',
  '    done',
  '    if ((${#SELECTED[@]} == 0)); then',
  '      for i in "${!PLAN_HOST_LABELS[@]}"; do',
  '        if [[ $(squash "${PLAN_HOST_LABELS[i]}") == "$want" ]]; then',
  '          SELECTED+=("$i")',
  '        fi',
  '      done',
  '    fi',
  '    if ((${#SELECTED[@]} == 0)); then',
  '      printf \'Unknown --host %s. Hosts of this plan:\\n\' "$HOST_KEY" >&2',
  '      list_hosts >&2',
  '      exit 1',
  '    fi',
  '    return 0',
  '  fi',
  '  mapfile -t names < <(local_names)',
  '  for i in "${!PLAN_HOST_KEYS[@]}"; do',
  '    read -r -a keys <<<"${PLAN_HOST_MATCH[i]}"',
  '    for key in ${keys[@]+"${keys[@]}"}; do',
  '      for name in ${names[@]+"${names[@]}"}; do',
  '        if [[ $name == "$key" ]]; then',
  '          SELECTED+=("$i")',
  '          continue 3',
  '        fi',
  '      done',
  '    done',
  '  done',
  '  if ((${#SELECTED[@]} == 0)); then',
  "    echo 'This computer does not match a Linux host of the plan. Run the script again with --host KEY:' >&2",
  '    list_hosts >&2',
  '    exit 1',
  '  fi',
  '}',
  '',
  'RULES=()',
  'UNRESOLVED=()',
  '',
  'rich_rule() {',
  '  # Queues one rich rule (once).',
  '  local rule',
  '  for rule in ${RULES[@]+"${RULES[@]}"}; do',
  '    if [[ $rule == "$1" ]]; then',
  '      return 0',
  '    fi',
  '  done',
  '  RULES+=("$1")',
  '}',
  '',
  'rich_rules_for_name() {',
  '  # Queues a rich rule per address of the host name $1 (getent ahosts) and port part $2, $3, ...',
  '  local name=$1 output address family tail found=0',
  '  shift',
  '  if ! output=$(getent ahosts "$name"); then',
  '    UNRESOLVED+=("$name")',
  '    return 0',
  '  fi',
  '  while read -r address _; do',
  '    if [[ $address =~ ^[0-9]{1,3}(\\.[0-9]{1,3}){3}$ ]]; then',
  '      family=ipv4',
  '    elif [[ $address =~ ^[0-9A-Fa-f:.]+$ && $address == *:* && ${address,,} != fe80:* ]]; then',
  '      family=ipv6',
  '    else',
  '      continue',
  '    fi',
  '    for tail in "$@"; do',
  '      rich_rule "rule family=\\"$family\\" source address=\\"$address\\" $tail accept"',
  '    done',
  '    found=1',
  '  done <<<"$output"',
  '  if ((found == 0)); then',
  '    UNRESOLVED+=("$name")',
  '  fi',
  '}',
];

const MAIN_LINES: readonly string[] = [
  'printf \'Plan: %s (Activity Monitor %s, catalog %s, %s, %s)\\n\' "$PLAN_NAME" "$ACTIVITY_MONITOR_VERSION" "$CATALOG_VERSION" "$DOCS_REVISION" "$GENERATED_ON"',
  'select_hosts',
  'for i in "${SELECTED[@]}"; do',
  '  printf \'%s the inbound rules of %s (%s), zone %s\\n\' "$VERB" "${PLAN_HOST_LABELS[i]}" "${PLAN_HOST_KEYS[i]}" "$ZONE"',
  '  queue_host_rules "${PLAN_HOST_KEYS[i]}"',
  'done',
  '',
  'if ((${#UNRESOLVED[@]} > 0)); then',
  '  for name in "${UNRESOLVED[@]}"; do',
  '    printf \'Cannot resolve the host name %s (getent ahosts).\\n\' "$name" >&2',
  '  done',
  '  if ((DRY_RUN == 0)); then',
  "    fail 'some source host names do not resolve: nothing was changed.'",
  '  fi',
  'fi',
  'if ((${#RULES[@]} == 0)); then',
  "  echo 'No rich rule to add or remove on this host.'",
  '  exit 0',
  'fi',
  'if ((DRY_RUN)); then',
  "  echo 'Dry run: the commands the script would run.'",
  '  for rule in "${RULES[@]}"; do',
  '    printf "firewall-cmd --permanent --zone=%s %s=\'%s\'\\n" "$ZONE" "$ACTION" "$rule"',
  '  done',
  "  echo 'firewall-cmd --reload'",
  '  exit 0',
  'fi',
  'if ! command -v firewall-cmd >/dev/null 2>&1; then',
  "  fail 'firewall-cmd not found: install and start firewalld (dnf install firewalld; systemctl enable --now firewalld).'",
  'fi',
  'for rule in "${RULES[@]}"; do',
  '  firewall-cmd --permanent --zone="$ZONE" "$ACTION=$rule"',
  'done',
  'firewall-cmd --reload',
  'printf \'%s rich rule(s) processed in the zone %s.\\n\' "${#RULES[@]}" "$ZONE"',
];

export function renderFirewalld(report: Report): string {
  const hosts = linuxHosts(report);
  if (hosts.length === 0) return noLinuxHostScript(report);
  const keyOf = scriptKeyFor(report);
  return joinLines([
    ...headerLines(report, hosts),
    '# The Linux hosts of the plan: key, label, address (empty when missing) and what the host',
    '# detection compares with the names and addresses of this computer.',
    `PLAN_HOST_KEYS=${bashArray(hosts.map(keyOf))}`,
    `PLAN_HOST_LABELS=${bashArray(hosts.map((h) => h.label))}`,
    `PLAN_HOST_ADDRESSES=${bashArray(hosts.map((h) => h.address))}`,
    `PLAN_HOST_MATCH=${bashArray(hosts.map(matchKeys))}`,
    '',
    ...FUNCTION_LINES,
    '',
    'queue_host_rules() {',
    '  # The inbound rules of each Linux host of the plan.',
    '  case $1 in',
    ...hosts.flatMap((h) => hostCase(h, keyOf(h))),
    '    *)',
    "      echo '  No rules for this host.'",
    '      ;;',
    '  esac',
    '}',
    '',
    ...MAIN_LINES,
  ]);
}

export const firewalldExporter: Exporter = {
  id: 'firewalld',
  label: 'Download firewalld script',
  action: 'download',
  fileName: firewalldFileName,
  mimeType: 'text/x-shellscript;charset=utf-8',
  render: renderFirewalld,
  unavailable: (hosts) => (hosts.some(isLinuxHost) ? undefined : NO_LINUX_HOST),
};
