// CSV for spreadsheet users: RFC 4180 quoting, and cells that a spreadsheet would read as a
// formula (= + - @, TAB, CR at the start) neutralised with a leading apostrophe.

import { redactedName } from '../privacy/redact.js';
import type { OverlapReport } from '../report/schema.js';
import type { Person } from '../types.js';
import { exclusiveHidden, shownCount, suppression } from './min-cell.js';

export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r;]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Rows → CSV text, one line each (LF). */
export function csvText(rows: readonly (readonly (string | number | boolean | null)[])[]): string {
  return rows
    .map((row) =>
      row.map((v) => (typeof v === 'string' ? csvCell(v) : v === null ? '' : String(v))).join(','),
    )
    .map((line) => `${line}\n`)
    .join('');
}

export const CSV_TABLES = [
  'groups',
  'pairs',
  'intersections',
  'regulars',
  'bridges',
  'people',
] as const;
export type CsvTable = (typeof CSV_TABLES)[number];

/**
 * One table of the overlap report as CSV; `people` needs the resolved people (no e-mails). With
 * `minCell` above 1, small counts and what they can be computed from are "<K" (min-cell.ts).
 */
export function renderOverlapCsv(
  report: OverlapReport,
  table: CsvTable,
  people: readonly Person[] = [],
  minCell = 1,
): string {
  const hidden = suppression(report, minCell);
  const count = (n: number) => shownCount(n, n > 0 && n < hidden.k, hidden.k);
  switch (table) {
    case 'groups':
      return csvText([
        ['group', 'events', 'records', 'people', 'exclusive', 'regular_share'],
        ...report.groups.map((g) => [
          g.name,
          g.events,
          g.records,
          minCell > 1 ? count(g.people) : g.people,
          exclusiveHidden(report, hidden, g.name) ? `<${hidden.k}` : g.exclusive,
          g.regularShare,
        ]),
      ]);
    case 'pairs':
      return csvText([
        [
          'group_a',
          'group_b',
          'shared',
          'jaccard',
          'overlap',
          'expected',
          'lift',
          'p_value',
          'q_value',
        ],
        ...report.pairs.map((p, i) =>
          hidden.pairs.has(i)
            ? [p.a, p.b, `<${hidden.k}`, null, null, p.expected, null, null, null]
            : [p.a, p.b, p.shared, p.jaccard, p.overlap, p.expected, p.lift, p.pValue, p.qValue],
        ),
      ]);
    case 'intersections': {
      const members = report.options.members;
      return csvText([
        ['groups', 'group_count', 'people', ...(members ? ['members'] : [])],
        ...report.intersections.map((i, k) => [
          i.groups.join(' + '),
          i.groups.length,
          hidden.intersections.has(k) ? `<${hidden.k}` : i.people,
          ...(members ? [hidden.intersections.has(k) ? '' : (i.memberNames ?? []).join('; ')] : []),
        ]),
      ]);
    }
    case 'regulars':
      return csvText([
        ['id', 'name', 'groups', 'events', 'in'],
        ...report.fish.regulars.map((r) => [
          r.id,
          r.name,
          r.groups.length,
          r.events,
          r.groups.join('; '),
        ]),
      ]);
    case 'bridges':
      return csvText([
        ['id', 'name', 'betweenness', 'cut_vertex', 'constraint', 'effective_size', 'groups'],
        ...report.bridges.map((b) => [
          b.id,
          b.name,
          b.betweenness,
          b.cutVertex,
          b.constraint,
          b.effectiveSize,
          b.groups.join('; '),
        ]),
      ]);
    case 'people':
      return csvText([
        ['id', 'name', 'groups', 'events', 'in'],
        ...people.map((p) => [
          p.id,
          report.options.redact ? redactedName(p.name, p.id) : p.name,
          p.groups.length,
          p.events,
          p.groups.join('; '),
        ]),
      ]);
  }
}
