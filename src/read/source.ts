// One source → records. Takes a source's bytes and the reading options and returns its
// SourceRecords (every status), the rows it skipped with their codes, findings and the input's
// summary, so that for every input rows = records + merged + skipped + blank.
import { createHash } from 'node:crypto';
import { InputError } from '../errors.js';
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
import { type ColumnMap, detectProfile, headerKey, mapColumns, type Profile } from './columns.js';
import { type DateOrder, parseDate } from './dates.js';
import { decodeBytes } from './decode.js';
import { lumaStatus, meetupStatus, statusFromValue } from './status.js';
import { parseTable, type TableRow } from './table.js';

export interface ReadOptions {
  readonly encoding?: Encoding | undefined;
  readonly delimiter?: string | undefined;
  readonly map?: Readonly<Partial<Record<ColumnRole, string>>> | undefined;
  /** `name` (default): group from the file name; `dir`: from the parent folder's name. */
  readonly groupFrom?: 'name' | 'dir' | undefined;
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
}

const LUMA_SUFFIX = / - Guests - \d{4}-\d{2}-\d{2}[-\d]*$/;

/** The group (and one-event label) a file name stands for: `north-caucus.csv` → `north-caucus`. */
export function groupFromName(name: string): string {
  if (name === '-') return 'stdin';
  const base = name.split(/[\\/]/).pop() ?? name;
  const stem = base.replace(/\.(csv|tsv|txt)$/i, '');
  return stem.replace(LUMA_SUFFIX, '') || base;
}

const DEFAULT_STATUS: Readonly<Record<Profile, Status>> = {
  meetup: 'registered',
  eventbrite: 'registered',
  luma: 'registered',
  'google-forms': 'listed',
  generic: 'listed',
};

const DATE_ORDER: Readonly<Record<Profile, DateOrder>> = {
  meetup: 'month-first',
  eventbrite: 'month-first',
  luma: 'month-first',
  'google-forms': 'day-first',
  generic: 'day-first',
};

function isBlank(cells: readonly string[]): boolean {
  return cells.every((c) => c.trim() === '');
}

function looksBinary(text: string): boolean {
  return text.startsWith('%PDF') || text.slice(0, 4096).includes('\u0000');
}

function tidy(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const t = value.replace(/\s+/g, ' ').trim();
  return t === '' ? undefined : t;
}

/** Reads one source; throws InputError when it cannot be used at all. */
export function readSource(
  input: SourceInput,
  sourceIndex: number,
  options: ReadOptions = {},
): ReadResult {
  const path = input.name;
  if (input.bytes.byteLength === 0) {
    throw new InputError('empty-file', path, undefined, 'the file is empty; export the list again');
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
  const table = parseTable(text, path, options.delimiter);
  const headerAt = table.rows.findIndex((row) => !isBlank(row.cells));
  const headerRow = table.rows[headerAt];
  if (headerRow === undefined) {
    throw new InputError(
      'empty-file',
      path,
      undefined,
      'the file holds no table; export the list again',
    );
  }
  const header = headerRow.cells.map((h) => h.replace(/^\uFEFF/, '').trim());
  const keys = header.map(headerKey);
  const profile = detectProfile(keys);
  const columns = mapColumns(header, profile, options.map ?? {}, path);
  if (!columns.name && !columns.email && !columns.firstName && !columns.lastName) {
    throw new InputError(
      'no-identity-column',
      path,
      headerRow.line,
      `no name or e-mail column among: ${header.join(', ')}; name one with --map name=HEADER or --map email=HEADER`,
    );
  }
  const dataRows = table.rows.slice(headerAt + 1);
  if (dataRows.every((row) => isBlank(row.cells))) {
    throw new InputError(
      'header-only',
      path,
      headerRow.line,
      'the table has a header but no rows; export the list again',
    );
  }

  const fileGroup =
    input.group ??
    (options.groupFrom === 'dir' && input.dir !== undefined ? input.dir : groupFromName(path));
  const defaultLabel = groupFromName(path);
  const reader = new RowReader(keys, columns, profile);
  const records: SourceRecord[] = [];
  const skipped: SkippedRow[] = [];
  const findings: Finding[] = [];
  let blank = 0;
  for (const row of dataRows) {
    if (isBlank(row.cells)) {
      blank++;
      continue;
    }
    const record = reader.record(
      row,
      sourceIndex,
      fileGroup,
      defaultLabel,
      input.group !== undefined,
    );
    if (record.kind === 'skip') {
      skipped.push({ path, line: row.line, code: record.code });
      continue;
    }
    if (record.unknownStatus) findings.push({ code: 'unknown-status', path, line: row.line });
    records.push(record.record);
  }
  const summary: InputSummary = {
    path,
    group: fileGroup,
    profile,
    encoding,
    delimiter: table.delimiter,
    header,
    columns: Object.fromEntries(
      Object.entries(columns).map(([role, idx]) => [role, idx.map((i) => header[i] ?? '')]),
    ),
    rows: dataRows.length,
    records: records.length,
    merged: 0,
    skipped: skipped.length,
    blank,
    sha256: createHash('sha256').update(input.bytes).digest('hex'),
    hasAttendance: reader.hasAttendance,
  };
  return { summary, records, skipped, findings };
}

type RowOutcome =
  | { kind: 'record'; record: SourceRecord; unknownStatus: boolean }
  | { kind: 'skip'; code: string };

/** Turns the cells of one data row into a record, following the profile's conventions. */
class RowReader {
  readonly hasAttendance: boolean;
  private readonly byKey: Map<string, number>;

  constructor(
    keys: readonly string[],
    private readonly columns: ColumnMap,
    private readonly profile: Profile,
  ) {
    this.byKey = new Map();
    keys.forEach((k, i) => {
      if (!this.byKey.has(k)) this.byKey.set(k, i);
    });
    this.hasAttendance =
      (profile === 'meetup' && this.byKey.has('attendance')) ||
      (profile === 'luma' && this.byKey.has('checked_in_at')) ||
      (profile === 'generic' && columns.status !== undefined);
  }

  private first(cells: readonly string[], role: ColumnRole): string | undefined {
    for (const i of this.columns[role] ?? []) {
      const v = tidy(cells[i]);
      if (v !== undefined) return v;
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
      default: {
        const value = this.first(cells, 'status');
        return value === undefined ? DEFAULT_STATUS[this.profile] : statusFromValue(value);
      }
    }
  }

  record(
    row: TableRow,
    source: number,
    fileGroup: string,
    defaultLabel: string,
    groupForced: boolean,
  ): RowOutcome {
    const cells = row.cells;
    const firstName = this.first(cells, 'firstName');
    const lastName = this.first(cells, 'lastName');
    const joined = tidy([firstName, lastName].filter((p) => p !== undefined).join(' '));
    const name = this.first(cells, 'name') ?? joined;
    const emails: string[] = [];
    for (const i of this.columns.email ?? []) {
      const v = tidy(cells[i]);
      if (v?.includes('@') && !emails.includes(v)) emails.push(v);
    }
    if (name === undefined && emails.length === 0)
      return { kind: 'skip', code: 'missing-identity' };

    const found = this.status(cells);
    const group = groupForced ? fileGroup : (this.first(cells, 'group') ?? fileGroup);
    const eventLabel = this.first(cells, 'event') ?? defaultLabel;
    const rawDate = this.first(cells, 'date');
    const date =
      rawDate === undefined ? undefined : (parseDate(rawDate, DATE_ORDER[this.profile]) ?? rawDate);
    const host =
      this.profile === 'meetup' && /^yes$/i.test(this.byHeader(cells, 'event host') ?? '');
    const role: Role = host ? 'host' : 'attendee';
    const rawId = this.first(cells, 'platformId');
    const platformId =
      rawId === undefined ? undefined : `${this.profile}:${rawId.replace(/^user\s+/i, '')}`;
    const record: SourceRecord = {
      source,
      line: row.line,
      group,
      event: `${group}\u0000${eventLabel}\u0000${date ?? ''}`,
      eventLabel,
      date,
      status: found ?? DEFAULT_STATUS[this.profile],
      role,
      name,
      firstName,
      lastName,
      emails,
      phone: this.first(cells, 'phone'),
      platformId,
      company: this.first(cells, 'company'),
    };
    return { kind: 'record', record, unknownStatus: found === undefined };
  }
}
