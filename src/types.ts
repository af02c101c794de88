// The plain data that flows between the pipeline stages (DESIGN.md, "Data model").

/** One input: a name as given on the command line and a way to get its bytes. */
export interface Source {
  /** The path as given (`-` for standard input). */
  readonly name: string;
  /** The group forced for this source (from `--group` or the config), if any. */
  readonly group?: string | undefined;
  /** The name of the folder holding the source, for `--group-from dir`. */
  readonly dir?: string | undefined;
  /** How to read this source, from the config file (run-wide options win). */
  readonly settings?: SourceSettings | undefined;
  open(): Promise<Uint8Array>;
}

/** Per-source reading settings (the config file's `sources[]` entries). */
export interface SourceSettings {
  readonly encoding?: Encoding | undefined;
  readonly delimiter?: string | undefined;
  readonly map?: Readonly<Partial<Record<ColumnRole, string>>> | undefined;
  readonly profile?: ProfileName | undefined;
  readonly sheet?: string | undefined;
}

/** The export formats netz recognises (see read/columns.ts). */
export type ProfileName =
  | 'meetup'
  | 'meetup-members'
  | 'eventbrite'
  | 'luma'
  | 'zoom-webinar'
  | 'zoom-meeting'
  | 'teams'
  | 'google-forms'
  | 'generic';

export type Status =
  | 'attended'
  | 'registered'
  | 'listed'
  | 'noshow'
  | 'declined'
  | 'cancelled'
  | 'waitlist';

export type Role = 'attendee' | 'host';

export const COUNTING_STATUSES: ReadonlySet<Status> = new Set([
  'attended',
  'registered',
  'listed',
  'noshow',
]);

/** One person's registration, membership or attendance, as read from one data row. */
export interface SourceRecord {
  /** Index of the source in the run's canonical (sorted) source list. */
  readonly source: number;
  /** 1-based physical line where the row starts. */
  readonly line: number;
  readonly group: string;
  /** Event identity: `group`, `label` and `date` joined; see `eventKey`. */
  readonly event: string;
  readonly eventLabel: string;
  readonly date?: string | undefined;
  status: Status;
  readonly role: Role;
  readonly name?: string | undefined;
  readonly firstName?: string | undefined;
  readonly lastName?: string | undefined;
  readonly emails: readonly string[];
  readonly phone?: string | undefined;
  /** `<platform>:<id>`, e.g. `meetup:281734552`. */
  readonly platformId?: string | undefined;
  readonly company?: string | undefined;
  /** Read from a `netz hash` file: e-mails, name, phone and id are pseudonyms, compared as they are. */
  readonly pseudonymous?: boolean;
}

/** A row that was read but not used, with a code and where it is. Never cell contents. */
export interface SkippedRow {
  readonly path: string;
  readonly line: number;
  readonly code: string;
}

/** Something noticed while reading or resolving that the user may want to know. */
export interface Finding {
  readonly code: string;
  readonly path?: string | undefined;
  readonly line?: number | undefined;
  readonly args?: Readonly<Record<string, string | number>> | undefined;
}

export type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export const ROLES = [
  'name',
  'firstName',
  'lastName',
  'email',
  'phone',
  'platformId',
  'company',
  'event',
  'date',
  'status',
  'group',
  'title',
] as const;
export type ColumnRole = (typeof ROLES)[number];

/** How one input was read, and how its data rows were accounted for. */
export interface InputSummary {
  readonly path: string;
  readonly group: string;
  readonly profile: string;
  readonly encoding: Encoding;
  readonly delimiter: string;
  readonly header: readonly string[];
  readonly columns: Readonly<Partial<Record<ColumnRole, readonly string[]>>>;
  rows: number;
  records: number;
  merged: number;
  skipped: number;
  blank: number;
  readonly sha256: string;
  /** True when the format says whether people attended (for `--attended-only`). */
  readonly hasAttendance: boolean;
}

/** A resolved person and the records (indices into the run's record list) it is made of. */
export interface Person {
  readonly id: string;
  readonly name: string;
  readonly emails: readonly string[];
  readonly groups: readonly string[];
  readonly events: number;
  readonly records: readonly number[];
}
