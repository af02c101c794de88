// Table rows → sections. Takes the rows of a table one at a time and hands on the sections that
// hold people (a header row and its data rows) plus the report's metadata from the preamble (Zoom
// topic and start time, Teams meeting title). Plain lists are one section; Zoom and Teams reports
// have a preamble and several titled sections ("Host Details", "2. Participants"). It holds back
// only what it cannot yet place (the preamble until the first header, a lone cell until the next
// row says whether it is a title, blank rows until a data row follows), so that a file of a
// million rows is read without all its rows in memory at once.
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

/** Where a SectionSplitter hands on what it finds, in file order. */
export interface SectionSink {
  /** A section that holds people begins; `meta`: the preamble's metadata, complete by then. */
  section(title: string | undefined, header: TableRow, meta: ReadonlyMap<string, string>): void;
  /** A data row of the section begun last (blank ones included). */
  row(row: TableRow): void;
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
 * unusual white space, see SectionSplitter).
 */
function isHeaderOfPeople(row: TableRow, strict: boolean, spaces = true): boolean {
  if (!mayBeIdentityHeader(row.cells, spaces)) return false;
  const keys = row.cells.map(headerKey).filter((k) => k !== '');
  if (!isIdentityHeader(keys)) return false;
  return !strict || knownHeaderCount(keys) >= 2;
}

/**
 * Splits rows, pushed one at a time, into sections. A table's first non-blank row is the header
 * of a plain list when it names a name or e-mail column; otherwise the rows up to the first
 * header that names two known columns are the preamble, and the lone cell just above that header
 * is its section's title. After it, a lone cell in a section of two or more columns starts a gap
 * when it reads like a title or the next non-blank row is such a header; the gap's rows belong to
 * no section until the next header. Blank rows at the end of a section are left out, except at
 * the end of the table. Sections whose header names no person column, or whose title names
 * activities, are not handed on. `spaces` false says that no cell holds unusual white space (two
 * in a row, or other than " "), which spares the per-row header check looking for it.
 */
export class SectionSplitter {
  readonly meta = new Map<string, string>();
  /** The first non-blank row. */
  firstHeader: TableRow | undefined;
  /** Whether a section that holds people began. */
  sawPeople = false;

  /** Rows from the first non-blank one while no header is found (the preamble). */
  private preamble: TableRow[] | undefined;
  private started = false;
  /** Whether the section rows go to holds people (else they are dropped). */
  private people = false;
  /** Whether the header has two or more filled cells. */
  private wide = false;
  private inGap = false;
  private pendingTitle: string | undefined;
  /** Blank rows not yet handed on: a data row after them keeps them, a new section drops them. */
  private blanks: TableRow[] = [];
  /** A lone cell that is a title if the next non-blank row is a header, and the blanks after it. */
  private held: { row: TableRow; cell: string; blanks: TableRow[] } | undefined;

  constructor(
    private readonly sink: SectionSink,
    private readonly spaces = true,
  ) {}

  push(row: TableRow): void {
    if (!this.started) {
      this.beforeHeader(row);
      return;
    }
    const held = this.held;
    if (held !== undefined) {
      if (isBlank(row)) {
        held.blanks.push(row);
        return;
      }
      this.held = undefined;
      this.place(held.row, this.isPeopleHeader(row, true) ? held.cell : undefined);
      for (const blank of held.blanks) this.place(blank, undefined);
    }
    const lone = this.wide ? onlyCell(row) : undefined;
    if (lone !== undefined && !TITLE.test(lone)) {
      // A title only if the next non-blank row is a header: held until it comes.
      this.held = { row, cell: lone, blanks: [] };
      return;
    }
    this.place(row, lone);
  }

  /** The table ends: what is held back is placed. */
  end(): void {
    if (!this.started) {
      this.preamble = undefined;
      return;
    }
    const held = this.held;
    if (held !== undefined) {
      this.held = undefined;
      this.place(held.row, undefined);
      for (const blank of held.blanks) this.place(blank, undefined);
    }
    // The last section keeps its trailing blank rows.
    if (!this.inGap) for (const blank of this.blanks) this.hand(blank);
    this.blanks = [];
  }

  private beforeHeader(row: TableRow): void {
    if (this.firstHeader === undefined) {
      if (isBlank(row)) return;
      this.firstHeader = row;
      // A plain list: its first non-blank row is the header.
      if (this.isPeopleHeader(row, false)) {
        this.begin(undefined, row);
        return;
      }
      this.preamble = [row];
      return;
    }
    const preamble = this.preamble as TableRow[];
    if (!this.isPeopleHeader(row, true)) {
      preamble.push(row);
      return;
    }
    readPreamble(preamble, this.meta);
    let title: string | undefined;
    for (let i = preamble.length - 1; i >= 0; i--) {
      const cells = filled(preamble[i] as TableRow);
      if (cells.length === 0) continue;
      if (cells.length === 1) title = cells[0];
      break;
    }
    this.preamble = undefined;
    this.begin(title, row);
  }

  /** Places a row; `title`: its lone cell when that makes it a title. */
  private place(row: TableRow, title: string | undefined): void {
    if (title !== undefined) {
      this.blanks = [];
      this.pendingTitle = title;
      this.inGap = true;
      return;
    }
    if (this.wide && this.isPeopleHeader(row, true)) {
      this.blanks = [];
      this.begin(this.pendingTitle, row);
      this.pendingTitle = undefined;
      return;
    }
    if (this.inGap) {
      // A header-like row in the gap still goes to the section before it.
      if (isBlank(row) || !this.isPeopleHeader(row, false)) return;
    } else if (isBlank(row)) {
      this.blanks.push(row);
      return;
    }
    for (const blank of this.blanks) this.hand(blank);
    this.blanks = [];
    this.hand(row);
  }

  private begin(title: string | undefined, header: TableRow): void {
    this.started = true;
    this.inGap = false;
    this.wide = filled(header).length >= 2;
    this.people =
      this.isPeopleHeader(header, false) && !(title !== undefined && NOT_PEOPLE.test(title));
    if (!this.people) return;
    this.sawPeople = true;
    this.sink.section(title, header, this.meta);
  }

  private hand(row: TableRow): void {
    if (this.people) this.sink.row(row);
  }

  private isPeopleHeader(row: TableRow, strict: boolean): boolean {
    return isHeaderOfPeople(row, strict, this.spaces || row.breaks === true);
  }
}

/** Splits a whole table's rows into sections (SectionSplitter, collected). */
export function splitSections(rows: readonly TableRow[], spaces = true): Sections {
  const people: Section[] = [];
  const splitter = new SectionSplitter(
    {
      section: (title, header) => people.push({ title, header, rows: [] }),
      row: (row) => (people[people.length - 1] as Section).rows.push(row),
    },
    spaces,
  );
  for (const row of rows) splitter.push(row);
  splitter.end();
  return { meta: splitter.meta, people, firstHeader: splitter.firstHeader };
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
