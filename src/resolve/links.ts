// The links file → constraints. Takes the text of netz.links.csv (columns kind,a,b,note; kind
// must | cannot; a and b record keys that survive re-exports: email:<e-mail>, id:<platform>:<id>,
// phone:<E.164>, name:<name>@<group>) and the records, and returns pairs of record indices that
// must or must not be one person, plus a finding for every key that matches no record.
import { parse } from 'csv-parse/sync';
import { InputError } from '../errors.js';
import type { Finding, SourceRecord } from '../types.js';
import { emailKey, nameKey, phoneKey } from './normalize.js';

export interface LinkEntry {
  readonly kind: 'must' | 'cannot';
  readonly a: string;
  readonly b: string;
  readonly note: string;
  readonly line: number;
}

export const LINKS_FILE = 'netz.links.csv';

/** Parses a links file; a malformed one is an InputError naming the line. */
export function parseLinks(text: string, path: string): LinkEntry[] {
  const rows: { line: number; cells: string[] }[] = [];
  let next = 1;
  parse(text.replace(/^\uFEFF/, ''), {
    relax_column_count: true,
    skip_empty_lines: false,
    on_record: (cells: string[], context: { lines: number }) => {
      rows.push({ line: next, cells });
      next = context.lines + 1;
      return null;
    },
  });
  const [header, ...body] = rows.filter((r) => r.cells.some((c) => c.trim() !== ''));
  const keys = header?.cells.map((c) => c.trim().toLowerCase()) ?? [];
  if (keys[0] !== 'kind' || keys[1] !== 'a' || keys[2] !== 'b') {
    throw new InputError('bad-links', path, header?.line ?? 1, 'the header must be kind,a,b,note');
  }
  return body.map(({ line, cells }) => {
    const kind = (cells[0] ?? '').trim();
    if (kind !== 'must' && kind !== 'cannot')
      throw new InputError('bad-links', path, line, `kind must be "must" or "cannot"`);
    const a = (cells[1] ?? '').trim();
    const b = (cells[2] ?? '').trim();
    if (!isKey(a) || !isKey(b)) {
      throw new InputError(
        'bad-links',
        path,
        line,
        'a and b must be keys such as email:…, id:meetup:…, phone:+49…, name:…@group',
      );
    }
    return { kind, a, b, note: (cells[3] ?? '').trim(), line };
  });
}

function isKey(key: string): boolean {
  return /^(email|id|phone|name):.+/.test(key);
}

/** The keys a record answers to (the forms a links file may use). */
export function keysOf(record: SourceRecord): string[] {
  const keys = record.emails.map((e) => `email:${emailKey(e)}`);
  if (record.platformId !== undefined) keys.push(`id:${record.platformId}`);
  const phone = record.phone === undefined ? undefined : phoneKey(record.phone);
  if (phone !== undefined) keys.push(`phone:${phone}`);
  if (record.name !== undefined) keys.push(`name:${nameKey(record.name)}@${record.group}`);
  return keys;
}

/** Normalises the key as written in the file, so `email:J.Doe@Gmail.com` finds `jdoe@gmail.com`. */
function normaliseKey(key: string): string {
  const at = key.indexOf(':');
  const kind = key.slice(0, at);
  const value = key.slice(at + 1);
  if (kind === 'email') return `email:${emailKey(value)}`;
  if (kind === 'phone') return `phone:${phoneKey(value) ?? value}`;
  if (kind === 'name') {
    const group = value.lastIndexOf('@');
    return group < 0
      ? `name:${nameKey(value)}`
      : `name:${nameKey(value.slice(0, group))}@${value.slice(group + 1)}`;
  }
  return key;
}

export interface LinkConstraints {
  readonly must: [number, number][];
  readonly cannot: [number, number][];
  readonly findings: Finding[];
}

export function linkConstraints(
  entries: readonly LinkEntry[],
  records: readonly SourceRecord[],
  path: string,
): LinkConstraints {
  const index = new Map<string, number[]>();
  records.forEach((record, i) => {
    for (const key of keysOf(record)) {
      const list = index.get(key) ?? [];
      list.push(i);
      index.set(key, list);
    }
  });
  const must: [number, number][] = [];
  const cannot: [number, number][] = [];
  const findings: Finding[] = [];
  for (const entry of entries) {
    const as = index.get(normaliseKey(entry.a)) ?? [];
    const bs = index.get(normaliseKey(entry.b)) ?? [];
    if (as.length === 0 || bs.length === 0) {
      findings.push({ code: 'unmatched-link', path, line: entry.line });
      continue;
    }
    for (const x of as) for (const y of bs) (entry.kind === 'must' ? must : cannot).push([x, y]);
  }
  return { must, cannot, findings };
}
