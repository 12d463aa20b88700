import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { getCatalog } from '@/core/catalog/catalog';
import type { Catalog, OptionValue } from '@/core/catalog/model';
import type { NewDevice } from '@/core/import/device-sheet';
import { readDeviceSheet, sheetDelimiter, writeDeviceSheet } from '@/core/import/device-sheet';
import { deviceEnvironments } from '@/core/wizard/devices';

import { ipFor, makeAgent, makeDevice, planWith } from '../../../support/plan-builders';

const catalog = getCatalog();
const plan = planWith({
  agents: [makeAgent(1, { name: 'AGENT-NYC' }), makeAgent(2, { name: 'Agent LON' })],
  devices: [makeDevice('windows-file-server', 1, { name: 'Existing filer' })],
});

const HEADER = 'name\ttype\taddresses\tagent';
const sheet = (...rows: string[]) => [HEADER, ...rows].join('\n');

describe('readDeviceSheet: good rows', () => {
  it('reads types by id, name or alias and agents by name, case-insensitively', () => {
    const preview = readDeviceSheet(
      sheet(
        'Filer 1\tnetapp-cmode\t10.0.0.1; 10.0.0.2\tagent-nyc',
        'Filer 2\tdell isilon/powerscale\tisilon.example.com,10.0.0.3\tAGENT lon',
        'Filer 3\tPowerScale\t10.0.0.4 10.0.0.5\tAgent LON',
      ),
      plan,
      catalog,
    );
    expect(preview.issues).toEqual([]);
    expect(preview.devices).toEqual([
      {
        environment: 'netapp-cmode',
        name: 'Filer 1',
        addresses: ['10.0.0.1', '10.0.0.2'],
        tenant: '',
        agentId: 'agent-1',
        options: {},
      },
      {
        environment: 'dell-isilon',
        name: 'Filer 2',
        addresses: ['isilon.example.com', '10.0.0.3'],
        tenant: '',
        agentId: 'agent-2',
        options: {},
      },
      expect.objectContaining({ environment: 'dell-isilon', addresses: ['10.0.0.4', '10.0.0.5'] }),
    ]);
    expect(preview.rows.map((r) => r.row)).toEqual([2, 3, 4]);
  });

  it('reads CSV with quoted cells, a BOM, CRLF and blank lines (rows keep their numbers)', () => {
    const text =
      '\uFEFFName,Type,Addresses,Agent\r\n\r\n"Filer, NYC",NetApp ONTAP,"10.0.0.1;10.0.0.2",AGENT-NYC\r\n';
    const preview = readDeviceSheet(text, plan, catalog);
    expect(preview.issues).toEqual([]);
    expect(preview.rows.map((r) => r.row)).toEqual([3]);
    expect(preview.devices[0]).toMatchObject({ name: 'Filer, NYC', environment: 'netapp-cmode' });
  });

  it('reads option columns by id or label: choices by value or label, yes/no, ports', () => {
    const text = [
      `${HEADER}\tFPolicy port\tontapiProtocol\tceePlacement\tisilonResolveUnc`,
      'F1\tnetapp-cmode\t10.0.0.1\tAGENT-NYC\t9999\tHTTP (80)\t\t',
      'F2\tdell-isilon\t10.0.0.2\tAGENT-NYC\t\t\tseparate\tYes',
    ].join('\n');
    const preview = readDeviceSheet(text, plan, catalog);
    expect(preview.issues).toEqual([]);
    expect(preview.devices.map((d) => d.options)).toEqual([
      { fpolicyPort: '9999', ontapiProtocol: 'http' },
      { ceePlacement: 'separate', isilonResolveUnc: true },
    ]);
  });

  it('a cloud service has no addresses; a tenant column names another tenant', () => {
    const text =
      'name,type,addresses,agent,tenant\nM365,Entra ID,,Agent LON,fabrikam.onmicrosoft.com';
    const preview = readDeviceSheet(text, plan, catalog);
    expect(preview.issues).toEqual([]);
    expect(preview.devices[0]).toMatchObject({
      environment: 'entra-id',
      addresses: [],
      tenant: 'fabrikam.onmicrosoft.com',
    });
  });

  it('a device with its agent on the host may leave the agent empty', () => {
    const preview = readDeviceSheet(sheet('DC1\tAD\tdc1.example.com\t'), plan, catalog);
    expect(preview.issues).toEqual([]);
    expect(preview.devices[0]).toMatchObject({ environment: 'active-directory' });
  });

  it('empty text gives an empty preview', () => {
    expect(readDeviceSheet('  \n\n', plan, catalog)).toEqual({
      header: [],
      rows: [],
      devices: [],
      issues: [],
    });
  });
});

describe('readDeviceSheet: bad cells by row and column', () => {
  it.each([
    ['F\tNetAp\t10.0.0.1\tAGENT-NYC', 'type', /"NetAp" is not a platform; did you mean NetApp/],
    ['F\tNo such thing\t10.0.0.1\tAGENT-NYC', 'type', /"No such thing" is not a platform\.$/],
    ['F\tAccess Analyzer 26\t10.0.0.1\tAGENT-NYC', 'type', /is not a platform/],
    ['F\tnetapp-cmode\t10.0.0.999\tAGENT-NYC', 'addresses', /./],
    ['F\tnetapp-cmode\t10.0.0.1\tAgent PAR', 'agent', /no agent server named "Agent PAR"/],
    ['F\tnetapp-cmode\t10.0.0.1\tAgent LOM', 'agent', /did you mean "Agent LON"\?/],
    ['F\tnetapp-cmode\t10.0.0.1\t', 'agent', /Enter the agent server/],
    ['\tnetapp-cmode\t10.0.0.1\tAGENT-NYC', 'name', /Enter the device’s name/],
    ['Existing FILER\tnetapp-cmode\t10.0.0.1\tAGENT-NYC', 'name', /already a device of the plan/],
    ['F\tsql-server\t10.0.0.0/24\tAGENT-NYC', 'addresses', /CIDR block/],
    ['F\tEntra ID\t10.0.0.1\tAGENT-NYC', 'addresses', /has no addresses/],
  ])('%j: column %s', (row, column, message) => {
    const preview = readDeviceSheet(sheet(row), plan, catalog);
    expect(preview.devices).toEqual([]);
    expect(preview.issues).toEqual([
      expect.objectContaining({ row: 2, column, message: expect.stringMatching(message) }),
    ]);
  });

  it.each([
    ['FPolicy port', 'F\tnetapp-cmode\t10.0.0.1\tAGENT-NYC\t70000', /./],
    ['ceeDelivery', 'F\tdell-isilon\t10.0.0.1\tAGENT-NYC\tcarrier pigeon', /is not one of/],
    ['isilonResolveUnc', 'F\tdell-isilon\t10.0.0.1\tAGENT-NYC\tmaybe', /is not yes or no/],
    ['isilonResolveUnc', 'F\tnetapp-cmode\t10.0.0.1\tAGENT-NYC\tyes', /has no option/],
    ['ceeServer', 'F\tdell-isilon\t10.0.0.1\tAGENT-NYC\tCEE-99', /is not a CEE server of the plan/],
  ])('option column %s: %j', (column, row, message) => {
    const preview = readDeviceSheet(`${HEADER}\t${column}\n${row}`, plan, catalog);
    expect(preview.issues).toEqual([
      expect.objectContaining({ row: 2, column, message: expect.stringMatching(message) }),
    ]);
  });

  it('a CEE server cell names a CEE server of the plan by name, whatever the case', () => {
    const withCee = {
      ...plan,
      ceeServers: [{ id: 'cee-1', name: 'CEE-01', address: '10.9.0.1', os: 'windows' as const }],
    };
    const text = `${HEADER}\tceePlacement\tceeServer\nF\tdell-isilon\t10.0.0.1\tAGENT-NYC\tseparate\tcee-01`;
    const preview = readDeviceSheet(text, withCee, catalog);
    expect(preview.issues).toEqual([]);
    expect(preview.devices[0]?.options).toMatchObject({ ceeServer: 'cee-1' });
    // With no CEE server in the plan, the cell says where to add one.
    expect(readDeviceSheet(text, plan, catalog).issues).toEqual([
      expect.objectContaining({ row: 2, message: expect.stringMatching(/Topology step/) }),
    ]);
  });

  it('a platform not available in the plan’s version is a bad cell', () => {
    const old = { ...plan, amVersion: '7.1' as const };
    const preview = readDeviceSheet(sheet('F\tCTERA\t10.0.0.1\tAGENT-NYC'), old, catalog);
    expect(preview.issues).toEqual([
      expect.objectContaining({
        row: 2,
        column: 'type',
        message: 'CTERA is not available in Activity Monitor 7.1.',
      }),
    ]);
  });

  it('names taken twice in the sheet point at the first row', () => {
    const preview = readDeviceSheet(
      sheet('F\tnetapp-cmode\t10.0.0.1\tAGENT-NYC', 'f\tnetapp-cmode\t10.0.0.2\tAGENT-NYC'),
      plan,
      catalog,
    );
    expect(preview.issues).toEqual([
      expect.objectContaining({
        row: 3,
        column: 'name',
        message: '"f" is also the name in row 2.',
      }),
    ]);
    expect(preview.devices).toHaveLength(1);
  });

  it('reports a missing required column, an unknown and a doubled column in the header', () => {
    const preview = readDeviceSheet(
      'name\ttype\tagent\tcolour\tname\nF\tnetapp-cmode\tAGENT-NYC\tred\tG',
      plan,
      catalog,
    );
    expect(preview.issues.map((i) => [i.row, i.column])).toEqual([
      [1, 'colour'],
      [1, 'name'],
      [1, 'addresses'],
    ]);
    expect(preview.devices).toEqual([]);
  });

  it('reports every bad cell of a row, and extra cells', () => {
    const preview = readDeviceSheet(sheet('\tNetAp\tbad_host!\tnobody\textra'), plan, catalog);
    expect(preview.issues.map((i) => i.column)).toEqual(['name', 'type', 'agent', '']);
  });

  it('reports an unclosed quote', () => {
    const preview = readDeviceSheet('name,type,addresses,agent\n"F,netapp-cmode', plan, catalog);
    expect(preview.issues.some((i) => /no closing quote/.test(i.message))).toBe(true);
  });

  it('quotes long text shortly in messages', () => {
    const long = 'x'.repeat(500);
    const preview = readDeviceSheet(sheet(`F\t${long}\t10.0.0.1\tAGENT-NYC`), plan, catalog);
    expect(preview.issues[0]!.message.length).toBeLessThan(120);
  });
});

describe('sheetDelimiter', () => {
  it.each([
    ['a\tb\nc,d', '\t'],
    ['a,b\nc\td', ','],
    ['', ','],
  ])('%j -> %j', (text, expected) => {
    expect(sheetDelimiter(text)).toBe(expected);
  });
});

// ---------------------------------------------------------------- properties

describe('readDeviceSheet: properties', () => {
  it('never throws, whatever the text', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 300 }),
          fc
            .array(
              fc.array(
                fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('"', '\t', ',', ';')),
                {
                  maxLength: 8,
                },
              ),
              { maxLength: 8 },
            )
            .map((rows) => [HEADER, ...rows.map((r) => r.join('\t'))].join('\n')),
        ),
        (text) => {
          const preview = readDeviceSheet(text, plan, catalog);
          expect(preview.devices.length).toBeLessThanOrEqual(preview.rows.length);
        },
      ),
    );
  });

  it('every good row round-trips: a sheet written from devices reads back to them', () => {
    const environments = deviceEnvironments(catalog, plan.amVersion);
    const agents = [1, 2, 3, 4, 5].map((n) => makeAgent(n, { name: `Agent ${n}` }));
    const base = planWith({ agents, devices: [] });
    const device = (c: Catalog) =>
      fc
        .record({
          env: fc.constantFrom(...environments),
          n: fc.nat(60000),
          agent: fc.constantFrom(...agents),
          addressCount: fc.integer({ min: 0, max: 3 }),
          optionSeed: fc.array(fc.nat(1000), { minLength: 8, maxLength: 8 }),
          name: fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9 ,;"'_.-]{0,20}[A-Za-z0-9]$/),
        })
        .map(({ env, n, agent, addressCount, optionSeed, name }): NewDevice => {
          const options: Record<string, OptionValue> = {};
          env.options.forEach((id, i) => {
            const option = c.options.find((o) => o.id === id)!;
            const seed = optionSeed[i % optionSeed.length]!;
            if (seed % 3 === 0) return;
            if (option.type === 'boolean') options[id] = seed % 2 === 0;
            if (option.type === 'choice') {
              const choices = option.choices ?? [];
              options[id] = choices[seed % choices.length]!.value;
            }
            if (option.type === 'port') options[id] = String(1024 + seed);
            if (option.type === 'address')
              options[id] = seed % 2 ? ipFor(3, seed) : `cee${seed}.example.com`;
          });
          return {
            environment: env.id,
            name: `${name} ${n}`,
            addresses:
              env.addressKind === 'tenant'
                ? []
                : Array.from({ length: addressCount }, (_, i) => ipFor(2, n * 4 + i)),
            tenant: env.addressKind === 'tenant' && n % 2 ? `t${n}.onmicrosoft.com` : '',
            agentId: agent.id,
            options,
          };
        });
    fc.assert(
      fc.property(
        fc.uniqueArray(device(catalog), {
          maxLength: 12,
          selector: (d) => d.name.toLowerCase(),
        }),
        fc.constantFrom<'\t' | ','>('\t', ','),
        (devices, delimiter) => {
          const text = writeDeviceSheet(devices, base, catalog, delimiter);
          const preview = readDeviceSheet(text, base, catalog);
          expect(preview.issues).toEqual([]);
          expect(preview.devices).toEqual(devices);
        },
      ),
    );
  });
});
