/** Agent servers pasted from a spreadsheet (issue 15): the reader, table tests and properties. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { placeholderAgent, readAgentSheet, writeAgentSheet } from '@/core/import/agent-sheet';
import { createDefaultPlan } from '@/core/plan/model';
import { PLAN_LIMITS } from '@/core/plan/parse-plan';

import { ipFor, makeAgent, makeDevice, planWith } from '../../../support/plan-builders';

const plan = planWith({
  agents: [makeAgent(1, { name: 'Agent NYC' }), makeAgent(2, { name: 'Agent LON' })],
  devices: [],
});
const sheet = (...rows: string[]) => ['name\taddress', ...rows].join('\n');
const where = (text: string, p = plan) =>
  readAgentSheet(text, p).issues.map((i) => `${i.row}:${i.column}`);

describe('readAgentSheet: good rows', () => {
  it('reads names and addresses (an empty address is allowed: not known yet)', () => {
    const preview = readAgentSheet(
      sheet('Agent PAR\t10.1.0.3', 'Agent SIN\tsin-agent.example.com', 'Agent SYD\t'),
      plan,
    );
    expect(preview.issues).toEqual([]);
    expect(preview.agents).toEqual([
      { name: 'Agent PAR', address: '10.1.0.3' },
      { name: 'Agent SIN', address: 'sin-agent.example.com' },
      { name: 'Agent SYD', address: '' },
    ]);
    expect(preview.rows.map((r) => r.row)).toEqual([2, 3, 4]);
    expect(preview.replaces).toBeNull();
  });

  it('reads CSV with quotes, a BOM, CRLF, blank lines and header words in any case', () => {
    const preview = readAgentSheet(
      '\uFEFFAgent server,IP address\r\n\r\n"Agent, PAR",fe80::1\r\n',
      plan,
    );
    expect(preview.issues).toEqual([]);
    expect(preview.agents).toEqual([{ name: 'Agent, PAR', address: 'fe80::1' }]);
    expect(preview.rows.map((r) => r.row)).toEqual([3]);
  });

  it('gives nothing and no problem for empty text', () => {
    expect(readAgentSheet('', plan)).toEqual({
      header: [],
      rows: [],
      agents: [],
      issues: [],
      replaces: null,
    });
    expect(readAgentSheet(' \n\t\n', plan).issues).toEqual([]);
  });

  it('replaces the untouched first agent server of a new plan, and only that one', () => {
    const fresh = createDefaultPlan();
    expect(placeholderAgent(fresh)?.name).toBe('Agent server 1');
    const preview = readAgentSheet(sheet('Agent server 1\t10.1.0.1'), fresh);
    expect(preview.issues).toEqual([]);
    expect(preview.replaces).toBe(fresh.agents[0]!.id);
    // Touched: an address, a device of its own, another name, or a second agent server.
    const agent = fresh.agents[0]!;
    for (const touched of [
      { ...fresh, agents: [{ ...agent, address: '10.1.0.9' }] },
      { ...fresh, devices: [makeDevice('qumulo', 1, { agentId: agent.id })] },
      { ...fresh, agents: [{ ...agent, name: 'Agent NYC' }] },
      { ...fresh, agents: [agent, makeAgent(2)] },
    ]) {
      expect(placeholderAgent(touched)).toBeNull();
      expect(readAgentSheet(sheet('X\t'), touched).replaces).toBeNull();
    }
  });
});

describe('readAgentSheet: bad cells, by row and column', () => {
  it.each([
    ['an empty name', sheet('\t10.1.0.3'), ['2:name']],
    ['a bad address', sheet('Agent PAR\t10.1.0.300'), ['2:address']],
    ['a CIDR block', sheet('Agent PAR\t10.1.0.0/24'), ['2:address']],
    ['a name the plan has (ignoring case)', sheet('agent nyc\t10.1.0.3'), ['2:name']],
    ['a name twice in the sheet', sheet('Agent PAR\t', 'AGENT par\t'), ['3:name']],
    ['a cell past the header', sheet('Agent PAR\t10.1.0.3\textra'), ['2:']],
    ['an unknown column', 'name\taddress\tos\nAgent PAR\t\tWindows', ['1:os']],
    ['a missing column', 'name\nAgent PAR', ['1:address']],
    ['a column twice', 'name\taddress\tip\nAgent PAR\t\t', ['1:ip']],
    ['a header cell left empty', 'name\t\taddress\nAgent PAR\t\t', ['1:']],
    ['an unclosed quote', 'name,address\n"Agent PAR,10.1.0.3', ['2:']],
  ])('%s', (_what, text, expected) => {
    const preview = readAgentSheet(text, plan);
    expect(where(text)).toEqual(expected);
    // A row with a bad cell (or any row under a bad header) gives no agent server.
    const badRows = new Set(preview.issues.map((i) => i.row));
    for (const row of preview.rows) {
      if (badRows.has(row.row) || badRows.has(1)) expect(row.agent).toBeNull();
    }
  });

  it('names the row, the column as typed and the cell in its message', () => {
    const [issue] = readAgentSheet(sheet('Agent PAR\t10.1.0.300'), plan).issues;
    expect(issue).toMatchObject({ row: 2, column: 'address', columnIndex: 1 });
    expect(issue!.message).toMatch(/10\.1\.0\.300/);
    const [dup] = readAgentSheet('Name\tAddress\nAGENT LON\t', plan).issues;
    expect(dup).toMatchObject({ row: 2, column: 'Name' });
    expect(dup!.message).toBe('"AGENT LON" is already an agent server of the plan.');
  });

  it('keeps the good rows in the preview next to the bad ones', () => {
    const preview = readAgentSheet(sheet('Agent PAR\t10.1.0.3', 'Agent NYC\t'), plan);
    expect(preview.agents).toEqual([{ name: 'Agent PAR', address: '10.1.0.3' }]);
    expect(preview.rows.map((r) => r.agent)).toEqual([
      { name: 'Agent PAR', address: '10.1.0.3' },
      null,
    ]);
  });

  it('stops at the plan cap, naming the row one too many', () => {
    const full = planWith({
      agents: Array.from({ length: PLAN_LIMITS.agents - 1 }, (_, i) => makeAgent(i + 1)),
    });
    const preview = readAgentSheet(sheet('A\t', 'B\t'), full);
    expect(preview.agents).toHaveLength(1);
    expect(preview.issues).toEqual([expect.objectContaining({ row: 3, columnIndex: -1 })]);
  });

  it('refuses text past its size cap with one message', () => {
    const preview = readAgentSheet('x'.repeat(200_001), plan);
    expect(preview.issues).toHaveLength(1);
    expect(preview.issues[0]!.message).toMatch(/too long/);
  });
});

describe('readAgentSheet: properties', () => {
  it('never throws, whatever the text; never more agents than rows', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 300 }),
          fc
            .array(
              fc.array(
                fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('"', '\t', ',', '')),
                { maxLength: 4 },
              ),
              { maxLength: 8 },
            )
            .map((rows) => ['name\taddress', ...rows.map((r) => r.join('\t'))].join('\n')),
        ),
        (text) => {
          const preview = readAgentSheet(text, plan);
          expect(preview.agents.length).toBeLessThanOrEqual(preview.rows.length);
          if (preview.issues.length === 0) expect(preview.agents).toHaveLength(preview.rows.length);
        },
      ),
    );
  });

  it('round-trips: a sheet written from agent servers reads back to them', () => {
    const agent = fc
      .record({
        name: fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9 ,;"'_.-]{0,20}[A-Za-z0-9]$/),
        n: fc.nat(60000),
        kind: fc.constantFrom('ip', 'host', 'none'),
      })
      .map(({ name, n, kind }) => ({
        name,
        address: kind === 'ip' ? ipFor(1, n) : kind === 'host' ? `agent${n}.example.com` : '',
      }));
    fc.assert(
      fc.property(
        fc.uniqueArray(agent, { maxLength: 12, selector: (a) => a.name.toLowerCase() }),
        fc.constantFrom<'\t' | ','>('\t', ','),
        (agents, delimiter) => {
          const base = planWith({ agents: [makeAgent(1, { name: '#existing' })] });
          const preview = readAgentSheet(writeAgentSheet(agents, delimiter), base);
          expect(preview.issues).toEqual([]);
          expect(preview.agents).toEqual(agents);
        },
      ),
    );
  });
});
