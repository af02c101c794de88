// The measures on the Revere lists, against published results and against NetworkX/SciPy
// (test/reference/revere-networkx.json, written by test/reference/revere-networkx.py).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../src/analyze.js';
import { readFileSource } from './helpers/files.js';
import { REVERE, ROOT } from './helpers/sources.js';

const present = existsSync(REVERE);
const reference = JSON.parse(
  readFileSync(join(ROOT, 'test', 'reference', 'revere-networkx.json'), 'utf8'),
);

describe.runIf(present)('measures on the Revere lists', async () => {
  const files = present ? readdirSync(REVERE).filter((f) => f.endsWith('.csv')) : [];
  const report = await analyze(files.map((f) => readFileSource(join(REVERE, f), f)));
  const close = (a: number | null | undefined, b: number) =>
    expect(Math.abs((a ?? Number.NaN) - b)).toBeLessThan(1e-9 * Math.max(1, Math.abs(b)));

  it('ranks Paul Revere first by betweenness, as published (0.1371, Urann 0.0744, Warren 0.0708)', () => {
    expect(
      report.bridges.slice(0, 3).map((b) => [b.name, Number(b.betweenness.toFixed(4))]),
    ).toEqual([
      ['Revere.Paul', 0.1371],
      ['Urann.Thomas', 0.0744],
      ['Warren.Joseph', 0.0708],
    ]);
    expect(report.betweenness).toEqual({ exact: true, pivots: null, cutVertices: 0 });
  });

  it('matches NetworkX betweenness, constraint and effective size for the top 25 brokers', () => {
    expect(report.bridges.map((b) => b.name)).toEqual(
      reference.betweenness.map((r: { name: string }) => r.name),
    );
    report.bridges.forEach((b, i) => {
      const r = reference.betweenness[i];
      close(b.betweenness, r.value);
      close(b.constraint, r.constraint);
      close(b.effectiveSize, r.effectiveSize);
    });
    expect(report.bridges.filter((b) => b.cutVertex)).toEqual([]);
    expect(reference.cutVertices).toEqual([]);
  });

  it('Chao1 = 254 + 212²/56 ≈ 1056.6, se ≈ 189.6, 95 % interval ≈ [762.3, 1521.3]', () => {
    const p = report.population;
    expect([p.observed, p.f1, p.f2]).toEqual([254, 212, 28]);
    close(p.chao1.estimate, 254 + 212 ** 2 / 56);
    expect(p.chao1.se).toBeCloseTo(189.6, 1);
    expect(p.chao1.ci95[0]).toBeCloseTo(762.3, 1);
    expect(p.chao1.ci95[1]).toBeCloseTo(1521.3, 1);
    close(p.coverage, 254 / (254 + 212 ** 2 / 56));
  });

  it('Chapman for the two largest lists, Tea Party × London Enemies (97, 62, 8 shared) = 98·63/9 − 1 = 685', () => {
    expect(report.population.chapman?.a).toBe('london-enemies');
    expect(report.population.chapman?.b).toBe('tea-party');
    close(report.population.chapman?.estimate, 685);
  });

  it('matches SciPy hypergeometric p-values and Benjamini–Hochberg q-values for every pair', () => {
    expect(report.pairs.map((p) => [p.a, p.b, p.shared])).toEqual(
      reference.pairs.map((r: { a: string; b: string; shared: number }) => [r.a, r.b, r.shared]),
    );
    report.pairs.forEach((p, i) => {
      close(p.expected, reference.pairs[i].expected);
      close(p.pValue, reference.pairs[i].pValue);
      close(p.qValue, reference.pairs[i].qValue);
    });
  });

  it('matches NetworkX core numbers and maximal cliques of the strong-tie graph', () => {
    expect(report.cliques.maxCore).toBe(reference.strongTies.maxCore);
    expect(report.cliques.coreSize).toBe(reference.strongTies.coreSize);
    expect(report.cliques.list).toHaveLength(reference.strongTies.cliques);
    const ids = new Map<string, string>();
    for (const b of report.bridges) ids.set(b.id, b.name);
    expect(report.cliques.list[0]?.size).toBe(reference.strongTies.largest.length);
  });

  it('top 10 % share and Gini as computed independently', () => {
    close(report.fish.top10Share, reference.top10Share);
    close(report.fish.gini, reference.gini);
  });

  it('uses the rounded Chao1 as N with --population chao, and says so', async () => {
    const chao = await analyze(
      files.map((f) => readFileSource(join(REVERE, f), f)),
      { population: 'chao' },
    );
    expect(chao.options.population).toEqual({ n: 1057, source: 'chao1' });
    const nc = chao.pairs.find((p) => p.a === 'london-enemies' && p.b === 'north-caucus');
    close(nc?.expected, (62 * 59) / 1057);
  });
});

describe.runIf(present)('determinism of the measures', async () => {
  const files = present ? readdirSync(REVERE).filter((f) => f.endsWith('.csv')) : [];
  const sources = files.map((f) => readFileSource(join(REVERE, f), f));
  const one = await analyze(sources, { seed: 42 });
  const two = await analyze([...sources].reverse(), { seed: 42 });
  const other = await analyze(sources, { seed: 7, exactBetweennessLimit: 100, pivots: 64 });
  const sampled = await analyze(sources, { seed: 42, exactBetweennessLimit: 100, pivots: 64 });

  it('the same inputs and seed give byte-identical JSON', () => {
    expect(JSON.stringify(two)).toBe(JSON.stringify(one));
  });

  it('a different seed changes only communities and sampled betweenness', () => {
    const strip = (r: typeof one) => ({
      ...r,
      options: { ...r.options, seed: 0 },
      communities: null,
      bridges: null,
      betweenness: null,
    });
    expect(JSON.stringify(strip(other))).toBe(JSON.stringify(strip(sampled)));
    expect(other.betweenness).toMatchObject({ exact: false, pivots: 64 });
  });
});
