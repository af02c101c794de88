// One source → records. Takes a source's bytes and the reading options and returns its
// SourceRecords (every status), the rows it skipped with their codes, findings and the input's
// summary, so that for every input rows = records + merged + skipped + blank.
import { createHash } from 'node:crypto';
import { fitted } from '../arrays.js';
import { InputError } from '../errors.js';
import { HASH_COLUMNS, isHashedTable, readHashedRows } from '../privacy/pseudonyms.js';
import type {
  ColumnRole,
  Encoding,
  Finding,
  InputSummary,
  Role,
  SkippedRow,
  SourceRecord,
  Status,
} from '../types.js';
import { ROLES } from '../types.js';
import { unusualSpace } from '../whitespace.js';
import { type ColumnMap, detectProfile, headerKey, mapColumns, type Profile } from './columns.js';
import { type DateOrder, parseDate } from './dates.js';
import { decodeBytes } from './decode.js';
import { addressesInName, emailsInCell } from './emails.js';
import { SectionSplitter } from './sections.js';
import { detectContainer, readXlsxRows } from './spreadsheet.js';
import { lumaStatus, meetupStatus, statusFromValue } from './status.js';
import { chooseDelimiter, eachTableRow, type TableRow } from './table.js';

/** How one source is read; every field may come from the CLI or the config file. */
export interface ReadOptions {
  readonly encoding?: Encoding | undefined;
  readonly delimiter?: string | undefined;
  readonly map?: Readonly<Partial<Record<ColumnRole, string>>> | undefined;
  /** `name` (default): group from the file name; `dir`: from the parent folder's name. */
  readonly groupFrom?: 'name' | 'dir' | undefined;
  readonly profile?: Profile | undefined;
  readonly sheet?: string | undefined;
}

export interface SourceInput {
  readonly name: string;
  readonly bytes: Uint8Array;
  readonly group?: string | undefined;
  readonly dir?: string | undefined;
}

export interface ReadResult {
  readonly summary: InputSummary;
  readonly records: SourceRecord[];
  readonly skipped: SkippedRow[];
  readonly findings: Finding[];
  /** For a `netz hash` file: `<format>.<normalisation>.<key fingerprint>`. */
  readonly stamp?: string;
}

const LUMA_SUFFIX = / - Guests - \d{4}-\d{2}-\d{2}[-\d]*$/;

/** Longest identity value netz accepts; a longer cell is garbage, not a person. */
export const MAX_IDENTITY_LENGTH = 1000;

/** The group (and one-event label) a file name stands for: `north-caucus.csv` → `north-caucus`. */
export function groupFromName(name: string): string {
  if (name === '-') return 'stdin';
  const base = name.split(/[\\/]/).pop() ?? name;
  const stem = base.replace(/\.(csv|tsv|txt|xlsx|xls)$/i, '');
  return stem.replace(LUMA_SUFFIX, '') || base;
}

const DEFAULT_STATUS: Readonly<Record<Profile, Status>> = {
  meetup: 'registered',
  'meetup-members': 'listed',
  eventbrite: 'registered',
  luma: 'registered',
  'zoom-webinar': 'attended',
  'zoom-meeting': 'attended',
  teams: 'attended',
  'google-forms': 'listed',
  generic: 'listed',
};

const DATE_ORDER: Readonly<Record<Profile, DateOrder>> = {
  meetup: 'month-first',
  'meetup-members': 'month-first',
  eventbrite: 'month-first',
  luma: 'month-first',
  'zoom-webinar': 'month-first',
  'zoom-meeting': 'month-first',
  teams: 'month-first',
  'google-forms': 'day-first',
  generic: 'day-first',
};

/** Profiles whose rows say whether the person came. */
const HAS_ATTENDANCE: ReadonlySet<Profile> = new Set(['zoom-webinar', 'zoom-meeting', 'teams']);

const HOST_TITLE = /host|panelist|moderator|organi[sz]er|gastgeber|referent/i;
// Typical UTF-8 read as Windows-1252 ("MÃ¼ller", "â€ž") and the replacement character.
const MOJIBAKE =
  /\uFFFD|Ã[\u0080-\u00BF\u00C0-\u00FF\u0152\u0153\u0160\u0161\u0178\u017D\u017E\u0192\u02C6\u02DC\u2013-\u203A\u20AC\u2122]|â€/;

function isBlank(cells: readonly string[]): boolean {
  return cells.every((c) => c.trim() === '');
}

function looksBinary(text: string): boolean {
  return text.startsWith('%PDF') || text.slice(0, 4096).includes('\u0000');
}

function tidy(value: string | undefined, spaces = true): string | undefined {
  if (value === undefined) return undefined;
  // Most cells hold no run of white space and no space other than " ": trim only (and in a
  // table without any, `spaces` false, no look for them).
  const t = (spaces && unusualSpace(value) ? value.replace(/\s+/g, ' ') : value).trim();
  return t === '' ? undefined : t;
}

interface Table {
  /**
   * Hands the rows to `onRow` in order, a text's rows as they are read (none kept), and returns
   * the delimiter ('' for a workbook). May be called again.
   */
  readonly eachRow: (onRow: (row: TableRow) => void) => string;
  readonly encoding: Encoding;
  /**
   * False when no cell can show mojibake: the text holds none of its marks (U+FFFD, "Ã", "â€"),
   * so no name taken from it (or joined from two cells by a space) can. Then rows skip the check.
   */
  readonly mayHoldMojibake: boolean;
  /**
   * False when no cell can hold unusual white space (two in a row, or any other than " ") other
   * than a line break: the text has none outside line ends (and tab delimiters). A row whose cells
   * may hold a line break says so itself (TableRow.breaks: a row the parser read, or a text that
   * mixes its kinds of line end). Then cells are only trimmed.
   */
  readonly mayHoldUnusualSpace: boolean;
}

/** White space other than " " and line ends, or two spaces in a row (tab delimiters aside). */
const UNUSUAL_SPACE = /[^\S \r\n]| {2}/;
const UNUSUAL_SPACE_BUT_TAB = /[^\S \t\r\n]| {2}/;

/**
 * Whether a text holds a mark every match of MOJIBAKE contains (U+FFFD, "Ã", "â€"). Three
 * searches for a string are faster than one regular expression with three alternatives over a
 * whole text (the 50 files of 1M rows: 29–31 against 81–82 ms).
 */
function holdsMojibakeMark(text: string): boolean {
  return text.includes('\uFFFD') || text.includes('Ã') || text.includes('â€');
}

async function readTable(input: SourceInput, options: ReadOptions): Promise<Table> {
  const path = input.name;
  const container = detectContainer(input.bytes);
  if (container === 'xls') {
    throw new InputError(
      'legacy-xls',
      path,
      undefined,
      'this is a legacy Excel .xls file; save it as .xlsx or "CSV UTF-8" in Excel or LibreOffice (libreoffice --headless --convert-to xlsx FILE)',
    );
  }
  if (container === 'xlsx') {
    const rows = await readXlsxRows(input.bytes, path, options.sheet);
    return {
      eachRow: (onRow) => {
        for (const row of rows) onRow(row);
        return '';
      },
      encoding: 'utf-8',
      mayHoldMojibake: true,
      mayHoldUnusualSpace: true,
    };
  }
  const { text, encoding } = decodeBytes(input.bytes, path, options.encoding);
  if (looksBinary(text)) {
    throw new InputError(
      'not-a-table',
      path,
      undefined,
      'this is not a text table (binary content); export the list as CSV',
    );
  }
  const delimiter = chooseDelimiter(text, options.delimiter);
  return {
    eachRow: (onRow) => eachTableRow(text, path, onRow, delimiter),
    encoding,
    mayHoldMojibake: holdsMojibakeMark(text),
    // A line break inside a cell is the row's to say (TableRow.breaks).
    mayHoldUnusualSpace: (delimiter === '\t' ? UNUSUAL_SPACE_BUT_TAB : UNUSUAL_SPACE).test(text),
  };
}

/** Reads one source; throws InputError when it cannot be used at all. */
export async function readSource(
  input: SourceInput,
  sourceIndex: number,
  options: ReadOptions = {},
): Promise<ReadResult> {
  const path = input.name;
  if (input.bytes.byteLength === 0) {
    throw new InputError('empty-file', path, undefined, 'the file is empty; export the list again');
  }
  const table = await readTable(input, options);
  const rows = new PeopleRows(input, sourceIndex, options, table);
  // Rows go through the section splitter to the records as they are read: a file's rows are
  // never all in memory at once (a `netz hash` file's are, for its own reader).
  let hashed: TableRow[] | undefined;
  let firstRow = true;
  const splitter = new SectionSplitter(rows, table.mayHoldUnusualSpace);
  const delimiter = table.eachRow((row) => {
    if (firstRow) {
      firstRow = false;
      if (isHashedTable([row])) hashed = [];
    }
    if (hashed !== undefined) hashed.push(row);
    else splitter.push(row);
  });
  if (hashed !== undefined) return readHashed(input, table, hashed, delimiter, sourceIndex);
  splitter.end();
  const firstHeader = splitter.firstHeader;
  if (firstHeader === undefined) {
    throw new InputError(
      'empty-file',
      path,
      undefined,
      'the file holds no table; export the list again',
    );
  }
  if (!splitter.sawPeople) {
    const mapped = options.map !== undefined && Object.keys(options.map).length > 0;
    if (!mapped) {
      // A first row without headers is data: values that look like e-mails or numbers stay out
      // of the message (it may end up in a CI log).
      const header = firstHeader.cells
        .map((h) => h.trim())
        .filter((h) => h !== '')
        .slice(0, 12)
        .map((h) => (/[@\d]/.test(h) ? '(a value)' : h.length > 40 ? `${h.slice(0, 39)}…` : h));
      throw new InputError(
        'no-identity-column',
        path,
        firstHeader.line,
        `no name or e-mail column among: ${header.join(', ')}; name one with --map name=HEADER or --map email=HEADER`,
      );
    }
    // The columns are named: the first non-blank row is the header, every row after it data.
    rows.section(undefined, firstHeader, splitter.meta);
    table.eachRow((row) => {
      if (row.line > firstHeader.line) rows.row(row);
    });
  }
  return rows.result(delimiter);
}

/**
 * The people sections of one source, turned into records row by row as the SectionSplitter
 * hands them on: its records, skipped rows, findings and summary.
 */
class PeopleRows {
  private readonly records: SourceRecord[] = [];
  private readonly skipped: SkippedRow[] = [];
  private readonly findings: Finding[] = [];
  private blank = 0;
  private dataRows = 0;
  private filledRows = 0;
  /** The first section's header and what follows from it (profile, group, the preamble's event). */
  private first:
    | {
        readonly header: string[];
        readonly line: number;
        readonly profile: Profile;
        readonly fileGroup: string;
        readonly label: string;
        readonly date: string | undefined;
      }
    | undefined;
  private columns: ColumnMap = {};
  private width = 0;
  private reader: RowReader | undefined;

  constructor(
    private readonly input: SourceInput,
    private readonly sourceIndex: number,
    private readonly options: ReadOptions,
    private readonly table: Table,
  ) {}

  section(title: string | undefined, headerRow: TableRow, meta: ReadonlyMap<string, string>): void {
    const path = this.input.name;
    const { options, input } = this;
    const sectionHeader = headerRow.cells.map((h) => h.replace(/^\uFEFF/, '').trim());
    if (this.first === undefined) {
      const profile = options.profile ?? detectProfile(sectionHeader.map(headerKey));
      const metaEvent =
        meta.get('topic') ??
        meta.get('meeting title') ??
        meta.get('titel der besprechung') ??
        meta.get('besprechungstitel');
      const metaDateText =
        meta.get('actual start time') ??
        meta.get('start time') ??
        meta.get('meeting start time') ??
        meta.get('startzeit') ??
        meta.get('beginn');
      this.first = {
        header: sectionHeader,
        line: headerRow.line,
        profile,
        fileGroup:
          input.group ??
          (options.groupFrom === 'dir' && input.dir !== undefined
            ? input.dir
            : groupFromName(path)),
        label: metaEvent ?? groupFromName(path),
        date: metaDateText === undefined ? undefined : parseDate(metaDateText, DATE_ORDER[profile]),
      };
    }
    const first = this.first;
    this.columns = mapColumns(sectionHeader, first.profile, options.map ?? {}, path);
    const keys = sectionHeader.map(headerKey);
    const seen = new Set<string>();
    for (const key of keys) {
      if (key !== '' && seen.has(key))
        this.findings.push({ code: 'duplicate-header', path, line: headerRow.line });
      seen.add(key);
    }
    this.width = sectionHeader.length;
    this.reader = new RowReader(keys, this.columns, first.profile, {
      host: title !== undefined && HOST_TITLE.test(title),
      fileGroup: first.fileGroup,
      groupForced: input.group !== undefined,
      label: first.label,
      spaces: this.table.mayHoldUnusualSpace,
      date: first.date,
    });
  }

  row(row: TableRow): void {
    const path = this.input.name;
    const { findings } = this;
    this.dataRows++;
    if (isBlank(row.cells)) {
      this.blank++;
      return;
    }
    this.filledRows++;
    for (let i = this.width; i < row.cells.length; i++) {
      if ((row.cells[i] as string).trim() !== '') {
        findings.push({ code: 'ragged-row', path, line: row.line });
        break;
      }
    }
    const outcome = (this.reader as RowReader).record(row, this.sourceIndex);
    if (outcome.kind === 'skip') {
      this.skipped.push({ path, line: row.line, code: outcome.code });
      return;
    }
    if (outcome.unknownStatus) findings.push({ code: 'unknown-status', path, line: row.line });
    const name = outcome.record.name;
    if (this.table.mayHoldMojibake && name !== undefined && MOJIBAKE.test(name)) {
      findings.push({ code: 'mojibake', path, line: row.line });
    }
    this.records.push(outcome.record);
  }

  result(delimiter: string): ReadResult {
    const { input, options, records, columns } = this;
    const path = input.name;
    const first = this.first as NonNullable<PeopleRows['first']>;
    if (this.filledRows === 0) {
      throw new InputError(
        'header-only',
        path,
        first.line,
        'the table has a header but no rows; export the list again',
      );
    }
    const { header, profile } = first;
    const summary: InputSummary = {
      path,
      group: first.fileGroup,
      profile,
      encoding: this.table.encoding,
      delimiter,
      header,
      columns: Object.fromEntries(
        Object.entries(mapColumns(header, profile, options.map ?? {}, path)).map(([role, idx]) => [
          role,
          idx.map((i) => header[i] ?? ''),
        ]),
      ),
      rows: this.dataRows,
      records: records.length,
      merged: 0,
      skipped: this.skipped.length,
      blank: this.blank,
      sha256: createHash('sha256').update(input.bytes).digest('hex'),
      hasAttendance:
        HAS_ATTENDANCE.has(profile) ||
        (profile === 'meetup' && header.some((h) => headerKey(h) === 'attendance')) ||
        (profile === 'luma' && header.some((h) => headerKey(h) === 'checked_in_at')) ||
        profile === 'eventbrite' ||
        columns.status !== undefined,
    };
    return { summary, records, skipped: this.skipped, findings: this.findings };
  }
}

/** A `netz hash` file: pseudonymous records, matched exactly on their pseudonyms. */
function readHashed(
  input: SourceInput,
  table: Table,
  rows: readonly TableRow[],
  delimiter: string,
  sourceIndex: number,
): ReadResult {
  const path = input.name;
  const read = readHashedRows(rows, path, sourceIndex);
  if (read.records.length === 0) {
    throw new InputError(
      'header-only',
      path,
      1,
      'the hash file has no rows; hash the export again',
    );
  }
  const header = HASH_COLUMNS.map((c) => c);
  const summary: InputSummary = {
    path,
    group: read.records[0]?.group ?? groupFromName(path),
    profile: 'netz-hash',
    encoding: table.encoding,
    delimiter,
    header,
    columns: {
      group: ['group'],
      event: ['event'],
      date: ['date'],
      status: ['status'],
      email: ['email'],
      name: ['name'],
      phone: ['phone'],
      platformId: ['platform_id'],
    },
    rows: rows.length - 1,
    records: read.records.length,
    merged: 0,
    skipped: 0,
    blank: read.blank,
    sha256: createHash('sha256').update(input.bytes).digest('hex'),
    hasAttendance: true,
  };
  return { summary, records: read.records, skipped: [], findings: [], stamp: read.stamp };
}

type RowOutcome =
  | { kind: 'record'; record: SourceRecord; unknownStatus: boolean }
  | { kind: 'skip'; code: string };

interface RowContext {
  readonly host: boolean;
  readonly fileGroup: string;
  readonly groupForced: boolean;
  readonly label: string;
  readonly date: string | undefined;
  /** Whether a cell may hold unusual white space (Table.mayHoldUnusualSpace). */
  readonly spaces: boolean;
}

/** An event's string and the strings of its parts, as its first row wrote them. */
interface EventParts {
  readonly group: string;
  readonly label: string;
  readonly date: string;
  readonly event: string;
}

/** Turns the cells of one data row into a record, following the profile's conventions. */
class RowReader {
  /**
   * Per event its string and the group and label strings of its first row, shared by all its
   * rows: later stages look events and groups up by them, and a group or event column would
   * otherwise give every row strings of its own (one 1M-row export: a million group strings).
   */
  private readonly events = new Map<string, EventParts>();

  /** The last event's parts: rows of one event usually follow each other. */
  private last: EventParts | undefined;

  private event(group: string, label: string, date: string): EventParts {
    const last = this.last;
    if (last !== undefined && last.group === group && last.label === label && last.date === date)
      return last;
    const key = `${group}\u0000${label}\u0000${date}`;
    let parts = this.events.get(key);
    if (parts === undefined) {
      parts = { group, label, date, event: key };
      this.events.set(key, parts);
    }
    this.last = parts;
    return parts;
  }

  /** Status values repeat on every row: each distinct text is read once. */
  private readonly statuses = new Map<string, Status | undefined>();

  private lastStatusText: string | undefined;
  private lastStatus: Status | undefined;

  private statusOf(value: string): Status | undefined {
    // Rows after rows repeat the same text: compared with the last before any look-up.
    if (value === this.lastStatusText) return this.lastStatus;
    let status: Status | undefined;
    if (this.statuses.has(value)) status = this.statuses.get(value);
    else {
      status = statusFromValue(value);
      this.statuses.set(value, status);
    }
    this.lastStatusText = value;
    this.lastStatus = status;
    return status;
  }

  /** Dates repeat on every row of an event: each distinct text is parsed once. */
  private readonly dates = new Map<string, string>();

  private lastDateText: string | undefined;
  private lastDate = '';

  private date(raw: string): string {
    // An event's rows follow each other: compared with the last before any look-up.
    if (raw === this.lastDateText) return this.lastDate;
    let date = this.dates.get(raw);
    if (date === undefined) {
      date = parseDate(raw, DATE_ORDER[this.profile]) ?? raw;
      this.dates.set(raw, date);
    }
    this.lastDateText = raw;
    this.lastDate = date;
    return date;
  }

  private readonly byKey: Map<string, number>;
  /**
   * The columns of each role, every role present (none: an empty list), so that reading a row
   * looks them up by a fixed property name instead of by a role string (ten times a row).
   */
  private readonly at: Readonly<Record<ColumnRole, readonly number[]>>;

  constructor(
    keys: readonly string[],
    columns: ColumnMap,
    private readonly profile: Profile,
    private readonly context: RowContext,
  ) {
    this.byKey = new Map();
    keys.forEach((k, i) => {
      if (!this.byKey.has(k)) this.byKey.set(k, i);
    });
    const none: readonly number[] = [];
    this.at = Object.fromEntries(ROLES.map((role) => [role, columns[role] ?? none])) as Record<
      ColumnRole,
      readonly number[]
    >;
  }

  /** The first filled cell of the columns (tidied; "--" counts as empty). */
  private first(cells: readonly string[], columns: readonly number[]): string | undefined {
    for (let k = 0; k < columns.length; k++) {
      const v = tidy(cells[columns[k] as number], this.spaces);
      if (v !== undefined && v !== '--') return v;
    }
    return undefined;
  }

  private byHeader(cells: readonly string[], key: string): string | undefined {
    const i = this.byKey.get(key);
    return i === undefined ? undefined : (cells[i] ?? '');
  }

  private status(cells: readonly string[]): Status | undefined {
    switch (this.profile) {
      case 'meetup':
        return meetupStatus(this.byHeader(cells, 'rsvp') ?? '', this.byHeader(cells, 'attendance'));
      case 'luma':
        return lumaStatus(
          this.byHeader(cells, 'approval_status') ?? '',
          this.byHeader(cells, 'checked_in_at'),
        );
      case 'zoom-webinar': {
        const attended = (this.byHeader(cells, 'attended') ?? 'yes').trim().toLowerCase();
        return attended === 'yes' ? 'attended' : attended === 'no' ? 'noshow' : undefined;
      }
      default: {
        const value = this.first(cells, this.at.status);
        return value === undefined ? DEFAULT_STATUS[this.profile] : this.statusOf(value);
      }
    }
  }

  private role(cells: readonly string[]): Role {
    if (this.context.host) return 'host';
    if (
      this.profile === 'meetup' &&
      /^yes$/i.test((this.byHeader(cells, 'event host') ?? '').trim())
    )
      return 'host';
    if (
      this.profile === 'teams' &&
      /organi[sz]er|presenter|organisator|referent/i.test(this.byHeader(cells, 'role') ?? '')
    )
      return 'host';
    return 'attendee';
  }

  /** Whether the row being read may hold unusual white space (the table's, or a line break). */
  private spaces = true;

  record(row: TableRow, source: number): RowOutcome {
    const cells = row.cells;
    this.spaces = this.context.spaces || row.breaks === true;
    const firstName = this.first(cells, this.at.firstName);
    const lastName = this.first(cells, this.at.lastName);
    // Both parts are tidy already: joined by one space they stay tidy. Joined by join(), not a
    // template: that makes one flat string now, where a template makes a pair of pointers that
    // every later comparison or look-up of the name has to copy into one first, at a scattered
    // address (reading and resolving 1M rows: 0.55 s less; 100k: 0.1 s).
    const joined =
      firstName !== undefined && lastName !== undefined
        ? [firstName, lastName].join(' ')
        : (firstName ?? lastName);
    let name = this.first(cells, this.at.name) ?? joined;
    const emails: string[] = [];
    for (const i of this.at.email) {
      const v = tidy(cells[i], this.spaces);
      if (v === undefined) continue;
      for (const address of emailsInCell(v)) if (!emails.includes(address)) emails.push(address);
    }
    // An address in the name cell is an address, not part of the name.
    if (name?.includes('@') === true) {
      const split = addressesInName(name);
      name = split.name;
      for (const address of split.emails) if (!emails.includes(address)) emails.push(address);
    }
    if (name === undefined && emails.length === 0)
      return { kind: 'skip', code: 'missing-identity' };
    if (
      (name?.length ?? 0) > MAX_IDENTITY_LENGTH ||
      emails.some((e) => e.length > MAX_IDENTITY_LENGTH)
    ) {
      return { kind: 'skip', code: 'field-too-long' };
    }

    const found = this.status(cells);
    const { fileGroup, groupForced } = this.context;
    const group = groupForced ? fileGroup : (this.first(cells, this.at.group) ?? fileGroup);
    const eventLabel = this.first(cells, this.at.event) ?? this.context.label;
    const rawDate = this.first(cells, this.at.date);
    const date = rawDate === undefined ? this.context.date : this.date(rawDate);
    const rawId = this.first(cells, this.at.platformId);
    const platform = this.profile.startsWith('meetup') ? 'meetup' : this.profile;
    const platformId =
      rawId === undefined ? undefined : `${platform}:${rawId.replace(/^user\s+/i, '')}`;
    const event = this.event(group, eventLabel, date ?? '');
    const record: SourceRecord = {
      source,
      line: row.line,
      group: event.group,
      event: event.event,
      eventLabel: event.label,
      date,
      status: found ?? DEFAULT_STATUS[this.profile],
      role: this.role(cells),
      name,
      firstName,
      lastName,
      // Kept as long as the record, at its size (1M rows: 130 MB less heap).
      emails: fitted(emails),
      phone: this.first(cells, this.at.phone),
      platformId,
      company: this.first(cells, this.at.company),
    };
    return { kind: 'record', record, unknownStatus: found === undefined };
  }
}
