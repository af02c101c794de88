// The shipped fixtures against the truth tables in fixtures/README.md (computed by the fixture
// generator from its roster, independently of netz).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../src/analyze.js';
import { readFileSource } from './helpers/files.js';
import { tablesUnder } from './helpers/readme-tables.js';
import { FIXTURES } from './helpers/sources.js';

const files = readdirSync(FIXTURES).sort();
const report = await analyze(
  files.map((f) => readFileSource(join(FIXTURES, f), f)),
  { match: 'exact' },
);

describe('fixtures/bergisches-land, rows per file', () => {
  const [perFile] = tablesUnder('## Rows per file');
  it.each(perFile ?? [])('$file: $rows rows = records + merged + skipped + blank', (row) => {
    const input = report.inputs.find((i) => i.path === row.file);
    expect(input).toBeDefined();
    expect({
      group: input?.group,
      rows: input?.rows,
      records: input?.records,
      merged: input?.merged,
      skipped: input?.skipped,
      blank: input?.blank,
    }).toEqual({
      group: row.group,
      rows: Number(row.rows),
      records: Number(row.records),
      merged: Number(row.merged),
      skipped: Number(row.skipped),
      blank: Number(row.blank),
    });
  });

  it('has a row in the table for every shipped file', () => {
    expect((perFile ?? []).map((r) => r.file).sort()).toEqual(files);
  });
});

describe.each([
  ['exact', '### With `--match exact`'],
  ['fuzzy', '### The truth'],
] as const)('fixtures/bergisches-land with --match %s', async (match, heading) => {
  const report = await analyze(
    files.map((f) => readFileSource(join(FIXTURES, f), f)),
    { match },
  );
  const [totals, groups, pairs, histogram, regulars] = tablesUnder(heading);

  it('has the stated totals', () => {
    const t = totals?.[0] ?? {};
    expect(report.totals).toEqual({
      groups: Number(t.groups),
      events: Number(t.events),
      records: Number(t.records),
      people: Number(t.people),
    });
  });

  it('has the stated figures per group', () => {
    expect(report.groups.map(({ regularShare: _, ...g }) => g)).toEqual(
      (groups ?? []).map((g) => ({
        name: g.group,
        events: Number(g.events),
        records: Number(g.records),
        people: Number(g.people),
        exclusive: Number(g.exclusive),
      })),
    );
  });

  it('has the stated overlap for every pair', () => {
    const fraction = (f: string | undefined) => {
      const [n, d] = (f ?? '').split('/').map(Number);
      return (n as number) / (d as number);
    };
    expect(report.pairs.map((p) => [p.a, p.b, p.shared, p.jaccard, p.overlap])).toEqual(
      (pairs ?? []).map((p) => [
        p['group A'],
        p['group B'],
        Number(p.shared),
        fraction(p.jaccard),
        fraction(p.overlap),
      ]),
    );
  });

  it('has the stated groups-per-person histogram', () => {
    expect(report.fish.groupsPerPerson).toEqual(
      (histogram ?? []).map((h) => ({ groups: Number(h.groups), people: Number(h.people) })),
    );
  });

  it('names the stated regulars', () => {
    expect(report.fish.regulars.map((r) => [r.name, r.groups.length, r.events])).toEqual(
      (regulars ?? []).map((r) => [r.name, Number(r.groups), Number(r.events)]),
    );
  });
});

describe('the story of fixtures/bergisches-land (--match exact)', () => {
  it('shows the story: Frauen-Netzwerk and the Makerspace share nobody; one bridge between the clusters', () => {
    const pair = report.pairs.find(
      (p) => p.a === 'frauen-netzwerk-solingen' && p.b === 'makerspace-remscheid',
    );
    expect(pair?.shared).toBe(0);
    const clusterB = new Set(['makerspace-remscheid', 'repair-cafe-wuppertal']);
    const crossing = report.pairs.filter(
      (p) => clusterB.has(p.a) !== clusterB.has(p.b) && p.shared > 0,
    );
    expect(crossing.map((p) => [p.a, p.b, p.shared])).toEqual([
      ['bergisch-digital', 'makerspace-remscheid', 1],
    ]);
  });

  it('reads the Windows-1252 list with its umlauts, „quotes“ and €', () => {
    const excel = report.inputs.find((i) => i.path === 'unternehmerfruehstueck-solingen.csv');
    expect(excel?.encoding).toBe('windows-1252');
    expect(report.fish.regulars.map((r) => r.name)).toContain('Claudia Roßbach');
  });
});
