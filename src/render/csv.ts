// CSV for spreadsheet users: RFC 4180 quoting, and cells that a spreadsheet would read as a
// formula (= + - @, TAB, CR at the start) neutralised with a leading apostrophe.
import type { OverlapReport } from '../report/schema.js';
import type { Person } from '../types.js';

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

/** One table of the overlap report as CSV; `people` needs the resolved people (no e-mails). */
export function renderOverlapCsv(
  report: OverlapReport,
  table: CsvTable,
  people: readonly Person[] = [],
): string {
  switch (table) {
    case 'groups':
      return csvText([
        ['group', 'events', 'records', 'people', 'exclusive', 'regular_share'],
        ...report.groups.map((g) => [
          g.name,
          g.events,
          g.records,
          g.people,
          g.exclusive,
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
        ...report.pairs.map((p) => [
          p.a,
          p.b,
          p.shared,
          p.jaccard,
          p.overlap,
          p.expected,
          p.lift,
          p.pValue,
          p.qValue,
        ]),
      ]);
    case 'intersections': {
      const members = report.options.members;
      return csvText([
        ['groups', 'group_count', 'people', ...(members ? ['members'] : [])],
        ...report.intersections.map((i) => [
          i.groups.join(' + '),
          i.groups.length,
          i.people,
          ...(members ? [(i.memberNames ?? []).join('; ')] : []),
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
        ...people.map((p) => [p.id, p.name, p.groups.length, p.events, p.groups.join('; ')]),
      ]);
  }
}
