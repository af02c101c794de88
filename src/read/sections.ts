// Table rows → sections. Takes every row of a table and returns the sections that hold people
// (a header row and its data rows) plus the report's metadata from the preamble (Zoom topic and
// start time, Teams meeting title). Plain lists are one section; Zoom and Teams reports have a
// preamble and several titled sections ("Host Details", "2. Participants").
import { headerKey, isIdentityHeader, knownHeaderCount, mayBeIdentityHeader } from './columns.js';
import type { TableRow } from './table.js';

export interface Section {
  readonly title?: string | undefined;
  readonly header: TableRow;
  /** Data rows, blank ones included (blank separators before the next section are not). */
  readonly rows: TableRow[];
}

export interface Sections {
  readonly meta: ReadonlyMap<string, string>;
  /** Sections whose header names a name or e-mail column, in file order. */
  readonly people: Section[];
  /** The first header row, when no section holds people (for the error message). */
  readonly firstHeader: TableRow | undefined;
}

function filled(row: TableRow): string[] {
  return row.cells.map((c) => c.trim()).filter((c) => c !== '');
}

/** The one non-blank cell of a row (trimmed); undefined when it has none or more than one. */
function onlyCell(row: TableRow): string | undefined {
  let only: string | undefined;
  for (const cell of row.cells) {
    const trimmed = cell.trim();
    if (trimmed === '') continue;
    if (only !== undefined) return undefined;
    only = trimmed;
  }
  return only;
}

function isBlank(row: TableRow): boolean {
  for (const cell of row.cells) if (cell.trim() !== '') return false;
  return true;
}

const TITLE =
  /^\d+\.\s|details$|summary|zusammenfassung|teilnehmende|participants|activit|aktivit/i;
const NOT_PEOPLE = /activit|aktivit/i;

/**
 * A header row of a section that holds people (`spaces` false: no cell of the table holds
 * unusual white space, see splitSections).
 */
function isHeaderOfPeople(row: TableRow, strict: boolean, spaces = true): boolean {
  if (!mayBeIdentityHeader(row.cells, spaces)) return false;
  const keys = row.cells.map(headerKey).filter((k) => k !== '');
  if (!isIdentityHeader(keys)) return false;
  return !strict || knownHeaderCount(keys) >= 2;
}

/**
 * Splits rows into the sections that hold people, and the preamble's key/value metadata.
 * `spaces` false says that no cell holds unusual white space (two in a row, or other than " "),
 * which spares the per-row header check looking for it.
 */
export function splitSections(rows: readonly TableRow[], spaces = true): Sections {
  const isPeopleHeader = (row: TableRow, strict: boolean) => isHeaderOfPeople(row, strict, spaces);
  const meta = new Map<string, string>();
  const sections: Section[] = [];
  const firstAt = rows.findIndex((r) => !isBlank(r));
  if (firstAt < 0) return { meta, people: [], firstHeader: undefined };
  const first = rows[firstAt] as TableRow;

  // A plain list: its first non-blank row is the header.
  let start = firstAt;
  let title: string | undefined;
  if (!isPeopleHeader(first, false)) {
    const headerAt = rows.findIndex((r, i) => i > firstAt && isPeopleHeader(r, true));
    if (headerAt < 0) return { meta, people: [], firstHeader: first };
    readPreamble(rows.slice(firstAt, headerAt), meta);
    for (let i = headerAt - 1; i >= firstAt; i--) {
      const cells = filled(rows[i] as TableRow);
      if (cells.length === 0) continue;
      if (cells.length === 1) title = cells[0];
      break;
    }
    start = headerAt;
  }

  let current: { title: string | undefined; header: TableRow; rows: TableRow[] } = {
    title,
    header: rows[start] as TableRow,
    rows: [],
  };
  // Whether the current section's header has two or more cells (computed once per header).
  let wideHeader: TableRow | undefined;
  let wideValue = false;
  const wide = () => {
    if (wideHeader !== current.header) {
      wideHeader = current.header;
      wideValue = filled(current.header).length >= 2;
    }
    return wideValue;
  };
  const close = (next: { title: string | undefined; header: TableRow } | undefined) => {
    while (current.rows.length > 0 && isBlank(current.rows[current.rows.length - 1] as TableRow)) {
      current.rows.pop();
    }
    sections.push(current);
    if (next) current = { ...next, rows: [] };
  };
  let pendingTitle: string | undefined;
  let inGap = false; // between a title and the next header: rows belong to no section
  for (let i = start + 1; i < rows.length; i++) {
    const row = rows[i] as TableRow;
    // Per row only what is needed (a million rows at 1M): a lone cell that may be a title.
    const lone = wide() ? onlyCell(row) : undefined;
    if (lone !== undefined && isTitle(lone, rows, i, spaces)) {
      if (!inGap) close(undefined);
      pendingTitle = lone;
      inGap = true;
      continue;
    }
    if (wide() && isPeopleHeader(row, true)) {
      if (!inGap) close(undefined);
      current = { title: pendingTitle, header: row, rows: [] };
      pendingTitle = undefined;
      inGap = false;
      continue;
    }
    if (inGap) {
      if (isBlank(row)) continue;
      if (!isPeopleHeader(row, false)) continue;
    }
    current.rows.push(row);
  }
  if (!inGap) sections.push(current);
  const people = sections.filter(
    (s) => isPeopleHeader(s.header, false) && !(s.title !== undefined && NOT_PEOPLE.test(s.title)),
  );
  return { meta, people, firstHeader: first };
}

function isTitle(cell: string, rows: readonly TableRow[], at: number, spaces: boolean): boolean {
  if (TITLE.test(cell)) return true;
  const next = rows.slice(at + 1).find((r) => !isBlank(r));
  return next !== undefined && isHeaderOfPeople(next, true, spaces);
}

/** Reads `key: value` lines and small header + row tables of a report's preamble. */
function readPreamble(rows: readonly TableRow[], meta: Map<string, string>): void {
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as TableRow;
    const cells = row.cells.map((c) => c.trim());
    const count = cells.filter((c) => c !== '').length;
    if (count === 2 && cells[0] !== '' && cells[1] !== '') {
      meta.set(headerKey((cells[0] as string).replace(/:$/, '')), cells[1] as string);
    } else if (count >= 3) {
      const next = rows[i + 1];
      if (next === undefined) continue;
      cells.forEach((key, j) => {
        const value = (next.cells[j] ?? '').trim();
        if (key !== '' && value !== '') meta.set(headerKey(key), value);
      });
      i++;
    }
  }
}
