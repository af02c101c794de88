// Publishing options: --redact (names as initials and ids) and --min-cell K (small counts as "<K",
// with secondary suppression so that no hidden count comes back by subtraction); no e-mail ever
// appears in an overlap report.
import { describe, expect, it } from 'vitest';
import { initials } from '../src/privacy/redact.js';
import { suppression } from '../src/render/min-cell.js';
import type { OverlapReport } from '../src/report/schema.js';
import { netz } from './helpers/run.js';
import { FIXTURES } from './helpers/sources.js';

describe('--redact', () => {
  const plain = JSON.parse(netz(['overlap', FIXTURES, '-f', 'json', '--members']).stdout);
  const names = new Set<string>([
    ...plain.fish.regulars.map((r: { name: string }) => r.name),
    ...plain.bridges.map((b: { name: string }) => b.name),
    ...plain.intersections.flatMap((i: { memberNames: string[] }) => i.memberNames),
  ]);
  names.delete('(no name)');

  it('turns names into initials: "Anke Büscher-Roßbach" → "A. B. R.", "özlem yıldız" → "Ö. Y."', () => {
    expect(initials('Anke Büscher-Roßbach')).toBe('A. B. R.');
    expect(initials('özlem yıldız')).toBe('Ö. Y.');
    expect(initials('(no name)')).toBe('–');
  });

  it.each(['text', 'md', 'json'])('leaves no name in -f %s, and records the choice', (format) => {
    const run = netz(['overlap', FIXTURES, '-f', format, '--members', '--redact', '--top', '200']);
    expect(run.status).toBe(0);
    expect(names.size).toBeGreaterThan(100);
    const leaked = [...names].filter((n) => run.stdout.includes(n));
    expect(leaked).toEqual([]);
    expect(run.stdout).toMatch(/A\. B\. \(p0007\)/);
    if (format === 'json') expect(JSON.parse(run.stdout).options.redact).toBe(true);
  });

  it('redacts the people table in CSV too', () => {
    const run = netz(['overlap', FIXTURES, '-f', 'csv', '--table', 'people', '--redact']);
    expect(run.stdout).toContain('p0007,A. B. (p0007),6,7,');
    expect([...names].filter((n) => run.stdout.includes(n))).toEqual([]);
  });

  it('never shows an e-mail address in any overlap output', () => {
    for (const args of [
      ['-f', 'json', '--members'],
      ['-f', 'md', '--members'],
      ['--members'],
      ['-f', 'csv', '--table', 'people'],
      ['-f', 'csv', '--table', 'intersections', '--members'],
    ]) {
      const run = netz(['overlap', FIXTURES, ...args]);
      expect(run.stdout, args.join(' ')).not.toMatch(/[\w.+-]+@[\w-]+\.[\w.]+/);
    }
  });
});

describe('--min-cell', () => {
  it('hides small pair counts and what they can be computed from', () => {
    const run = netz(['overlap', FIXTURES, '--min-cell', '5', '--top', '100']);
    expect(run.status).toBe(0);
    // bergisch-digital × frauen-netzwerk-solingen share 4 (fixtures/README.md): "<5", no Jaccard.
    expect(run.stdout).toMatch(/bergisch-digital +frauen-netzwerk-so… +<5 +– +– +3\.7 +– +– +–/);
    // Seven shared stay visible.
    expect(run.stdout).toMatch(/bergisch-digital +unternehmerfruehst… +7 +0\.16/);
    expect(run.stdout).toContain('(7 people in both)');
  });

  it('hides small cells in CSV and refuses JSON, which holds exact numbers', () => {
    const csv = netz(['overlap', FIXTURES, '-f', 'csv', '--table', 'pairs', '--min-cell', '5']);
    expect(csv.stdout).toContain('bergisch-digital,frauen-netzwerk-solingen,<5,,,');
    const json = netz(['overlap', FIXTURES, '-f', 'json', '--min-cell', '5']);
    expect(json.status).toBe(2);
    expect(json.stderr).toMatch(/--min-cell: JSON holds exact numbers/);
  });

  it('suppresses a second cell where one hidden cell could be found by subtraction', () => {
    // K = 3. Small: {B} = 2 (cell 2) and {A,C} = 1 (cell 3).
    // A = {A} 7 + {A,B} 4 + {A,C} 1 shows 12: one hidden cell, so the next smallest, {A,B}, goes.
    // B = {A,B} + {B}: both hidden. C = {A,C} 1 + {C} 3 shows 4: {C} goes too.
    // Histogram bin 1 = {A} + {B} + {C}: two hidden; bin 2 = {A,B} + {A,C}: both hidden.
    // Bins 12 and 5 are not small. Pairs: A–C shares 1 (small); A–B shares 4 = {A,B} alone, one
    // hidden cell, so the pair is hidden too; B–C shares 0.
    const report = {
      groups: [{ name: 'A' }, { name: 'B' }, { name: 'C' }],
      intersections: [
        { groups: ['A'], people: 7 },
        { groups: ['A', 'B'], people: 4 },
        { groups: ['B'], people: 2 },
        { groups: ['A', 'C'], people: 1 },
        { groups: ['C'], people: 3 },
      ],
      fish: {
        groupsPerPerson: [
          { groups: 1, people: 12 },
          { groups: 2, people: 5 },
        ],
      },
      pairs: [
        { a: 'A', b: 'B', shared: 4 },
        { a: 'A', b: 'C', shared: 1 },
        { a: 'B', b: 'C', shared: 0 },
      ],
    } as unknown as OverlapReport;
    const s = suppression(report, 3);
    expect([...s.intersections].sort()).toEqual([1, 2, 3, 4]);
    expect([...s.histogram]).toEqual([]);
    expect([...s.pairs].sort()).toEqual([0, 1]);
  });
});
