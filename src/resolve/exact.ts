// Records → clusters, deterministic keys only (`--match exact`, DESIGN.md "Identity"). Takes
// records in canonical order and returns clusters of record indices: records join when they share
// a normalised e-mail, a platform id or a phone, never giving one person two different e-mails;
// a record with none of these joins by normalised full name only when exactly one person carries
// that name, else it stays alone.
import type { Finding, SourceRecord } from '../types.js';
import { memoized } from './memo.js';
import { emailKey, nameKey, phoneKey } from './normalize.js';
import { StringIds } from './string-ids.js';
import { UnionFind } from './union-find.js';

export interface Clustering {
  /** Clusters of indices into the given record list, each sorted ascending. */
  readonly clusters: number[][];
  readonly findings: Finding[];
  /** Each record's normalised e-mails (distinct, in the order first written), for buildPeople. */
  readonly recordEmails: readonly (readonly string[])[];
  /**
   * Whether the records' names went through the name normaliser (only when some record has no
   * key): then its memo already holds them for buildPeople's sort keys.
   */
  readonly namesFolded: boolean;
}

/** A record's deterministic keys besides its e-mails: `id:…`, `phone:…`. */
function otherKeys(
  record: SourceRecord,
  phoneOf: (value: string) => string | undefined = phoneKey,
): string[] {
  // Pseudonyms (netz hash) were normalised before hashing: they compare as they are.
  const others: string[] = [];
  if (record.platformId !== undefined) others.push(`id:${record.platformId}`);
  if (record.phone !== undefined) {
    const phone = record.pseudonymous === true ? record.phone : phoneOf(record.phone);
    if (phone !== undefined) others.push(`phone:${phone}`);
  }
  return others;
}

/** A normalised e-mail key while clustering: shared by its spellings. */
interface EmailEntry {
  readonly key: string;
  /** The key alone, one array shared by every record with just this e-mail. */
  readonly only: readonly string[];
  /** The first record that carried the key, -1 before any. */
  owner: number;
}

/** Whether two clusters' e-mails may be one person's: one set holds the other (or one is empty). */
function compatible(a: readonly string[], b: readonly string[]): boolean {
  if (a.length === 0 || b.length === 0) return true;
  const [small, large] = a.length <= b.length ? [a, b] : [b, a];
  for (const e of small) if (!large.includes(e)) return false;
  return true;
}

const NO_EMAILS: readonly string[] = [];

/** Normalisation computed once per distinct value, shared by the steps of one resolution. */
export interface Normalizers {
  readonly email: (value: string) => string;
  readonly phone: (value: string) => string | undefined;
  readonly name: (value: string) => string;
}

export function recordNormalizers(): Normalizers {
  return { email: memoized(emailKey), phone: memoized(phoneKey), name: memoized(nameKey) };
}

/** Clusters records with `--match exact` semantics. */
export function clusterExact(
  records: readonly SourceRecord[],
  paths: readonly string[],
  constraints: {
    readonly must: readonly [number, number][];
    readonly cannot: readonly [number, number][];
  } = {
    must: [],
    cannot: [],
  },
  normalizers: Normalizers = recordNormalizers(),
): Clustering {
  const uf = new UnionFind(records.length);
  // root → e-mail keys of the cluster (a person holds one e-mail, or the few of one record).
  const emailsOf: (readonly string[] | undefined)[] = new Array(records.length);
  // key → first record carrying it: `id:…` / `phone:…` (e-mails: EmailEntry.owner).
  const owner = new Map<string, number>();
  const findings: Finding[] = [];
  const keyless: number[] = [];
  const isKeyless = new Set<number>();

  const join = (a: number, b: number): boolean => {
    const ra = uf.find(a);
    const rb = uf.find(b);
    if (ra === rb) return true;
    for (const [x, y] of constraints.cannot) {
      const [rx, ry] = [uf.find(x), uf.find(y)];
      if ((rx === ra && ry === rb) || (rx === rb && ry === ra)) return false;
    }
    const ea = emailsOf[ra] ?? NO_EMAILS;
    const eb = emailsOf[rb] ?? NO_EMAILS;
    if (!compatible(ea, eb)) return false;
    const root = uf.union(ra, rb);
    emailsOf[ra] = undefined;
    emailsOf[rb] = undefined;
    emailsOf[root] = ea.length >= eb.length ? ea : eb;
    return true;
  };

  const { email, phone, name } = normalizers;
  // The full-name key of a record (a pseudonym as it is).
  const nameKeyOf = (record: SourceRecord) =>
    record.pseudonymous === true ? (record.name ?? '') : name(record.name ?? '');
  // One look-up per e-mail as written: its normalised key, shared by every spelling of it, and
  // the first record that carried the key (a second map, by key, is read once per spelling).
  const spellings = new StringIds(1024);
  const spelt: EmailEntry[] = [];
  const byKey = new Map<string, EmailEntry>();
  const entryOf = (value: string, plain: boolean): EmailEntry => {
    let id = -1;
    if (plain) {
      id = spellings.idOf(value);
      const known = spelt[id];
      if (known !== undefined) return known;
    }
    const key = plain ? email(value) : value;
    let entry = byKey.get(key);
    if (entry === undefined) {
      entry = { key, only: [key], owner: -1 };
      byKey.set(key, entry);
    }
    if (plain) spelt[id] = entry;
    return entry;
  };
  const simple = constraints.cannot.length === 0;
  const recordEmails: (readonly string[])[] = new Array(records.length);
  for (let i = 0; i < records.length; i++) {
    const record = records[i] as SourceRecord;
    const plain = record.pseudonymous !== true;
    if (
      simple &&
      plain &&
      record.emails.length === 1 &&
      record.platformId === undefined &&
      record.phone === undefined
    ) {
      // The common record, one e-mail and nothing else: it joins the cluster that holds the
      // e-mail already (whose e-mails then hold this record's one), else it owns it.
      const entry = entryOf(record.emails[0] as string, true);
      recordEmails[i] = entry.only;
      if (entry.owner < 0) {
        entry.owner = i;
        emailsOf[i] = entry.only;
      } else uf.union(entry.owner, i);
      continue;
    }
    const entries =
      record.emails.length === 1
        ? [entryOf(record.emails[0] as string, plain)]
        : [...new Set(record.emails.map((value) => entryOf(value, plain)))];
    const emails =
      entries.length === 1 ? (entries[0] as EmailEntry).only : entries.map((e) => e.key);
    const others = otherKeys(record, phone);
    recordEmails[i] = emails;
    if (emails.length === 0 && others.length === 0) {
      keyless.push(i);
      isKeyless.add(i);
      continue;
    }
    emailsOf[i] = emails;
    const conflict = () =>
      findings.push({ code: 'conflicting-emails', path: paths[record.source], line: record.line });
    for (const entry of entries) {
      if (entry.owner < 0) entry.owner = i;
      else if (!join(entry.owner, i)) conflict();
    }
    for (const key of others) {
      const first = owner.get(key);
      if (first === undefined) owner.set(key, i);
      else if (!join(first, i)) conflict();
    }
  }

  // Keyed clusters by the names their records carry (needed only when some record has no key).
  const rootsByName = new Map<string, Set<number>>();
  records.forEach((record, i) => {
    if (keyless.length === 0 || record.name === undefined || isKeyless.has(i)) return;
    const key = nameKeyOf(record);
    const set = rootsByName.get(key) ?? new Set<number>();
    set.add(i);
    rootsByName.set(key, set);
  });
  const keylessByName = new Map<string, number[]>();
  for (const i of keyless) {
    const key = nameKeyOf(records[i] as SourceRecord);
    const list = keylessByName.get(key) ?? [];
    list.push(i);
    keylessByName.set(key, list);
  }
  for (const [key, list] of keylessByName) {
    // A name with nothing left to compare ("🚀", "Dr."): each such record stays alone.
    if (key === '') continue;
    const carriers = new Set([...(rootsByName.get(key) ?? [])].map((i) => uf.find(i)));
    if (carriers.size >= 2) {
      for (const i of list) {
        const record = records[i] as SourceRecord;
        findings.push({
          code: 'ambiguous-name',
          path: paths[record.source],
          line: record.line,
          args: { candidates: carriers.size },
        });
      }
      continue;
    }
    const anchor = carriers.size === 1 ? [...carriers][0] : list[0];
    for (const i of list) uf.union(anchor as number, i);
  }

  // Decisions from the links file: a must-link joins, whatever the e-mails.
  for (const [a, b] of constraints.must) uf.union(a, b);

  // Clusters in order of their first record, each ascending.
  const slot = new Int32Array(records.length).fill(-1);
  const clusters: number[][] = [];
  for (let i = 0; i < records.length; i++) {
    const root = uf.find(i);
    const at = slot[root] as number;
    if (at < 0) {
      slot[root] = clusters.length;
      clusters.push([i]);
    } else (clusters[at] as number[]).push(i);
  }
  return { clusters, findings, recordEmails, namesFolded: keyless.length > 0 };
}
