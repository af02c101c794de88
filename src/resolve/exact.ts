// Records → clusters, deterministic keys only (`--match exact`, DESIGN.md "Identity"). Takes
// records in canonical order and returns clusters of record indices: records join when they share
// a normalised e-mail, a platform id or a phone, never giving one person two different e-mails;
// a record with none of these joins by normalised full name only when exactly one person carries
// that name, else it stays alone.
import type { Finding, SourceRecord } from '../types.js';
import { memoized } from './memo.js';
import { emailKey, nameKey, phoneKey } from './normalize.js';
import { UnionFind } from './union-find.js';

export interface Clustering {
  /** Clusters of indices into the given record list, each sorted ascending. */
  readonly clusters: number[][];
  readonly findings: Finding[];
  /** Each record's normalised e-mails (distinct, as recordKeys gives them), for buildPeople. */
  readonly recordEmails: readonly (readonly string[])[];
}

/** The deterministic keys of a record: `email:…`, `id:…`, `phone:…`. */
export function recordKeys(
  record: SourceRecord,
  email: (value: string) => string = emailKey,
  phoneOf: (value: string) => string | undefined = phoneKey,
): { emails: string[]; others: string[] } {
  // Pseudonyms (netz hash) were normalised before hashing: they compare as they are.
  const plain = record.pseudonymous !== true;
  const emails =
    record.emails.length === 1
      ? [plain ? email(record.emails[0] as string) : (record.emails[0] as string)]
      : [...new Set(plain ? record.emails.map(email) : record.emails)];
  const others: string[] = [];
  if (record.platformId !== undefined) others.push(`id:${record.platformId}`);
  if (record.phone !== undefined) {
    const phone = plain ? phoneOf(record.phone) : record.phone;
    if (phone !== undefined) others.push(`phone:${phone}`);
  }
  return { emails, others };
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
  // key → first record carrying it: e-mails (normalised), and `id:…` / `phone:…`.
  const emailOwner = new Map<string, number>();
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
  const recordEmails: (readonly string[])[] = new Array(records.length);
  records.forEach((record, i) => {
    const { emails, others } = recordKeys(record, email, phone);
    recordEmails[i] = emails;
    if (emails.length === 0 && others.length === 0) {
      keyless.push(i);
      isKeyless.add(i);
      return;
    }
    emailsOf[i] = emails;
    const claim = (keys: Map<string, number>, key: string) => {
      const first = keys.get(key);
      if (first === undefined) keys.set(key, i);
      else if (!join(first, i)) {
        findings.push({
          code: 'conflicting-emails',
          path: paths[record.source],
          line: record.line,
        });
      }
    };
    for (const key of emails) claim(emailOwner, key);
    for (const key of others) claim(owner, key);
  });

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
  return { clusters, findings, recordEmails };
}
