// Pseudonymised exports (`netz hash`): each group hashes its own list with a secret key shared
// among the groups, and only the hashed files meet. A value is first normalised exactly as the
// resolver normalises it (e-mail, full name, phone, platform id), then replaced by a keyed
// HMAC-SHA-256 (truncated to 128 bits, hex). Group, event, date, status and role stay readable;
// nothing else of the row is written. Every row carries the format version, the normalisation
// version and a fingerprint of the key, so that files hashed with different keys or rules are
// refused together. netz reads these files natively and matches them exactly on the pseudonyms.
import { createHmac } from 'node:crypto';
import { InputError, UsageError } from '../errors.js';
import type { TableRow } from '../read/table.js';
import { csvText } from '../render/csv.js';
import { emailKey, NORMALIZATION_VERSION, nameKey, phoneKey } from '../resolve/normalize.js';
import type { Finding, InputSummary, Role, SkippedRow, SourceRecord, Status } from '../types.js';

export const HASH_FORMAT_VERSION = 1;
/** The shortest key accepted: 32 bytes, as much as the hash's own strength. */
export const MIN_KEY_BYTES = 32;

export const HASH_COLUMNS = [
  'netz_hash',
  'normalization',
  'key',
  'group',
  'event',
  'date',
  'status',
  'role',
  'email',
  'name',
  'phone',
  'platform_id',
] as const;

/**
 * The key: from the bytes of `--key-file` (one trailing newline ignored) or the NETZ_KEY
 * environment variable.
 * It is never printed, and a key shorter than MIN_KEY_BYTES is refused.
 */
export function loadKey(
  keyFile: Uint8Array | undefined,
  env: Readonly<Record<string, string | undefined>>,
): Buffer {
  let key: Buffer;
  if (keyFile !== undefined) {
    key = Buffer.from(keyFile.buffer, keyFile.byteOffset, keyFile.byteLength);
    if (key.at(-1) === 0x0a) key = key.subarray(0, key.at(-2) === 0x0d ? -2 : -1);
  } else if (env.NETZ_KEY !== undefined && env.NETZ_KEY !== '') {
    key = Buffer.from(env.NETZ_KEY, 'utf8');
  } else {
    throw new UsageError(
      'no key: give --key-file FILE or set NETZ_KEY (at least 32 bytes, the same for every group; e.g. openssl rand -hex 32)',
    );
  }
  if (key.length < MIN_KEY_BYTES) {
    throw new UsageError(
      `the key has ${key.length} bytes; it needs at least ${MIN_KEY_BYTES} (e.g. openssl rand -hex 32)`,
    );
  }
  return key;
}

/** A fingerprint that tells keys apart without revealing them: HMAC(key, label), 64 bits. */
export function keyFingerprint(key: Buffer): string {
  return createHmac('sha256', key).update('netz key fingerprint').digest('hex').slice(0, 16);
}

/** The pseudonym of a normalised value of one kind (email, name, phone, id). */
export function pseudonym(key: Buffer, kind: string, value: string): string {
  return createHmac('sha256', key).update(`${kind}\u0000${value}`).digest('hex').slice(0, 32);
}

/** The hashed file of one input's records (CSV with HASH_COLUMNS). */
export function hashedCsv(records: readonly SourceRecord[], key: Buffer): string {
  const fingerprint = keyFingerprint(key);
  const rows = records.map((r) => {
    const emails = [...new Set(r.emails.map(emailKey))].map((e) => pseudonym(key, 'email', e));
    const name = r.name === undefined ? undefined : nameKey(r.name);
    const phone = r.phone === undefined ? undefined : phoneKey(r.phone);
    return [
      String(HASH_FORMAT_VERSION),
      String(NORMALIZATION_VERSION),
      fingerprint,
      r.group,
      r.eventLabel,
      r.date ?? '',
      r.status,
      r.role,
      emails.join(' '),
      name === undefined || name === '' ? '' : pseudonym(key, 'name', name),
      phone === undefined ? '' : pseudonym(key, 'phone', phone),
      r.platformId === undefined ? '' : pseudonym(key, 'id', r.platformId),
    ];
  });
  return csvText([[...HASH_COLUMNS], ...rows]);
}

/** Whether a table is a netz hash file (its header starts with `netz_hash`). */
export function isHashedTable(rows: readonly TableRow[]): boolean {
  return rows[0]?.cells[0]?.replace(/^\uFEFF/, '').trim() === 'netz_hash';
}

const STATUSES = new Set<Status>([
  'attended',
  'registered',
  'listed',
  'noshow',
  'declined',
  'cancelled',
  'waitlist',
]);
const ROLES = new Set<Role>(['attendee', 'host']);

export interface HashedRead {
  readonly records: SourceRecord[];
  readonly skipped: SkippedRow[];
  readonly findings: Finding[];
  readonly blank: number;
  /** `<format>.<normalisation>.<key fingerprint>` shared by every row. */
  readonly stamp: string;
}

/** Reads the rows of a hash file; refuses rows of another key, version or a broken header. */
export function readHashedRows(
  rows: readonly TableRow[],
  path: string,
  source: number,
): HashedRead {
  const header = (rows[0] as TableRow).cells.map((c) => c.replace(/^\uFEFF/, '').trim());
  if (header.join(',') !== HASH_COLUMNS.join(',')) {
    throw new InputError(
      'bad-hash-file',
      path,
      1,
      `a netz hash file has the columns ${HASH_COLUMNS.join(',')}; hash the export again with netz hash`,
    );
  }
  const records: SourceRecord[] = [];
  let stamp: string | undefined;
  let blank = 0;
  for (const row of rows.slice(1)) {
    const c = row.cells.map((x) => x.trim());
    if (c.every((x) => x === '')) {
      blank++;
      continue;
    }
    const [format, normalization, key, group, label, date, status, role, emails, name, phone, id] =
      c;
    const rowStamp = `${format}.${normalization}.${key}`;
    if (format !== String(HASH_FORMAT_VERSION) || normalization !== String(NORMALIZATION_VERSION)) {
      throw new InputError(
        'hash-version',
        path,
        row.line,
        `hashed with format ${format} and normalisation ${normalization}; this netz reads format ${HASH_FORMAT_VERSION}, normalisation ${NORMALIZATION_VERSION}: hash every export again with this netz`,
      );
    }
    if (stamp !== undefined && rowStamp !== stamp) {
      throw new InputError(
        'hash-key-mismatch',
        path,
        row.line,
        'rows hashed with different keys; hash every export with the same key',
      );
    }
    stamp = rowStamp;
    if (!STATUSES.has(status as Status) || !ROLES.has(role as Role) || !group) {
      throw new InputError(
        'bad-hash-file',
        path,
        row.line,
        'the row is not what netz hash writes (group, status or role); hash the export again',
      );
    }
    const eventLabel = label ?? '';
    const dateText = date === '' ? undefined : date;
    records.push({
      source,
      line: row.line,
      group: group as string,
      event: `${group}\u0000${eventLabel}\u0000${dateText ?? ''}`,
      eventLabel,
      date: dateText,
      status: status as Status,
      role: role as Role,
      name: name === '' ? undefined : name,
      emails: emails === undefined || emails === '' ? [] : emails.split(' '),
      phone: phone === '' ? undefined : phone,
      platformId: id === '' || id === undefined ? undefined : `hashed:${id}`,
      pseudonymous: true,
    });
  }
  return { records, skipped: [], findings: [], blank, stamp: stamp ?? '' };
}

/** Hashed and plain inputs never meet, nor inputs hashed with different keys or versions. */
export function checkPseudonymousInputs(
  inputs: readonly InputSummary[],
  stamps: ReadonlyMap<number, string>,
): void {
  const hashed = inputs.filter((i) => i.profile === 'netz-hash');
  if (hashed.length === 0) return;
  const plain = inputs.find((i) => i.profile !== 'netz-hash');
  if (plain !== undefined) {
    throw new InputError(
      'mixed-inputs',
      plain.path,
      undefined,
      'hashed and plain inputs cannot be compared; hash every export with netz hash and the same key',
    );
  }
  const first = stamps.get(0);
  inputs.forEach((input, index) => {
    if (stamps.get(index) !== first) {
      throw new InputError(
        'hash-key-mismatch',
        input.path,
        undefined,
        `hashed with another key or version than ${inputs[0]?.path}; hash every export with the same key`,
      );
    }
  });
}
