// Records → clusters, by scored evidence (the default `--match fuzzy`). Takes records in
// canonical order and returns clusters of record indices, the pairs left for review and
// findings. Candidate pairs come from blocking keys (never all pairs); each pair is scored with
// the weights in weights.ts; pairs at or above the merge threshold are joined with union-find,
// strongest first, unless a cannot-link decision or two accounts on one platform forbid it; a
// record without e-mail or phone joins a person in the review band when that person is its only
// candidate ("Jürgen K." joins "Jürgen Köhler" only when nothing else competes).
import { jaroWinkler } from '@skyra/jaro-winkler';
import { colognePhonetic } from 'cologne-phonetic';
import type { Finding, SourceRecord } from '../types.js';
import { type NameParts, parseName } from './names.js';
import { emailKey, foldName, phoneKey } from './normalize.js';
import { UnionFind } from './union-find.js';
import { MAX_BLOCK, THRESHOLDS, WEIGHTS } from './weights.js';

export interface Evidence {
  readonly field: 'email' | 'id' | 'phone' | 'name' | 'company';
  readonly level: string;
  readonly weight: number;
}

export interface ScoredPair {
  readonly a: number;
  readonly b: number;
  readonly weight: number;
  readonly evidence: Evidence[];
}

/** What a record brings to comparison, computed once. */
export interface Profile {
  readonly emails: ReadonlySet<string>;
  readonly ids: ReadonlyMap<string, string>;
  readonly phone: string | undefined;
  readonly name: NameParts | undefined;
  readonly company: string | undefined;
  readonly domains: ReadonlySet<string>;
}

/** Decisions from the links file, as pairs of record indices. */
export interface Constraints {
  readonly must: readonly [number, number][];
  readonly cannot: readonly [number, number][];
}

export interface FuzzyResult {
  readonly clusters: number[][];
  readonly review: ScoredPair[];
  /** The pair that joined each merged record, for `people --explain`. */
  readonly merges: ScoredPair[];
  readonly findings: Finding[];
}

function companyKey(company: string | undefined): string | undefined {
  if (company === undefined) return undefined;
  const key = foldName(company)
    .replace(
      /\b(gmbh|ug|ag|kg|ohg|eg|e\.v\.|ev|mbh|co\.|co|inc\.?|ltd\.?|haftungsbeschraenkt)\b/g,
      '',
    )
    .replace(/[^a-z0-9]/g, '');
  return key === '' ? undefined : key;
}

export function profileOf(record: SourceRecord): Profile {
  const emails = new Set(record.emails.map(emailKey));
  const ids = new Map<string, string>();
  if (record.platformId !== undefined) {
    const at = record.platformId.indexOf(':');
    ids.set(record.platformId.slice(0, at), record.platformId.slice(at + 1));
  }
  const domains = new Set(
    [...emails].map(
      (e) =>
        e
          .slice(e.lastIndexOf('@') + 1)
          .split('.')
          .slice(-2, -1)[0] ?? '',
    ),
  );
  return {
    emails,
    ids,
    phone: record.phone === undefined ? undefined : phoneKey(record.phone),
    name: record.name === undefined ? undefined : parseName(record.name),
    company: companyKey(record.company),
    domains,
  };
}

/** Blocking keys: candidates share at least one. */
export function blockingKeys(p: Profile): string[] {
  const keys: string[] = [];
  for (const e of p.emails) keys.push(`e:${e}`);
  for (const [platform, id] of p.ids) keys.push(`i:${platform}:${id}`);
  if (p.phone !== undefined) keys.push(`p:${p.phone}`);
  const n = p.name;
  if (n !== undefined && n.key !== '') {
    keys.push(`n:${n.key}`);
    if (n.firstOnly) keys.push(`f:${n.first}`);
    else {
      keys.push(`fi:${n.first} ${n.last.slice(0, 1)}`);
      if (!n.initialOnly) keys.push(`c:${colognePhonetic(n.last)} ${n.first.slice(0, 1)}`);
      keys.push(`f:${n.first}`);
    }
  }
  return keys;
}

function nameEvidence(a: NameParts, b: NameParts, frequency: (key: string) => number): Evidence {
  if (a.key === b.key && (!a.firstOnly || !a.device)) {
    const u = Math.max(frequency(a.key), 1e-6);
    const w = Math.min(
      WEIGHTS.nameExactMax,
      Math.max(WEIGHTS.nameExactMin, Math.log2(WEIGHTS.nameExactM / u)),
    );
    return { field: 'name', level: 'exact', weight: w };
  }
  if (a.first === b.first && a.first !== '') {
    if (a.firstOnly || b.firstOnly)
      return { field: 'name', level: 'first-name-only', weight: WEIGHTS.nameInitial };
    if ((a.initialOnly || b.initialOnly) && a.last.slice(0, 1) === b.last.slice(0, 1)) {
      return { field: 'name', level: 'initial', weight: WEIGHTS.nameInitial };
    }
  }
  const jw = jaroWinkler(a.key, b.key);
  if (jw >= WEIGHTS.nameJaroWinklerHigh)
    return { field: 'name', level: 'jaro-winkler≥0.94', weight: WEIGHTS.nameCloseHigh };
  if (jw >= WEIGHTS.nameJaroWinklerLow)
    return { field: 'name', level: 'jaro-winkler≥0.88', weight: WEIGHTS.nameCloseLow };
  return { field: 'name', level: 'different', weight: WEIGHTS.nameDiffer };
}

/** Scores one pair of records. */
export function scorePair(a: Profile, b: Profile, frequency: (key: string) => number): Evidence[] {
  const evidence: Evidence[] = [];
  if (a.emails.size > 0 && b.emails.size > 0) {
    const shared = [...a.emails].some((e) => b.emails.has(e));
    evidence.push(
      shared
        ? { field: 'email', level: 'same', weight: WEIGHTS.emailMatch }
        : { field: 'email', level: 'different', weight: WEIGHTS.emailDiffer },
    );
  }
  for (const [platform, id] of a.ids) {
    const other = b.ids.get(platform);
    if (other !== undefined) {
      evidence.push(
        other === id
          ? { field: 'id', level: 'same', weight: WEIGHTS.idMatch }
          : { field: 'id', level: 'different', weight: WEIGHTS.idDiffer },
      );
    }
  }
  if (a.phone !== undefined && b.phone !== undefined) {
    evidence.push(
      a.phone === b.phone
        ? { field: 'phone', level: 'same', weight: WEIGHTS.phoneMatch }
        : { field: 'phone', level: 'different', weight: WEIGHTS.phoneDiffer },
    );
  }
  if (a.name !== undefined && b.name !== undefined && a.name.key !== '' && b.name.key !== '') {
    evidence.push(nameEvidence(a.name, b.name, frequency));
  }
  const companyHit =
    (a.company !== undefined && (a.company === b.company || b.domains.has(a.company))) ||
    (b.company !== undefined && a.domains.has(b.company));
  if (companyHit) evidence.push({ field: 'company', level: 'same', weight: WEIGHTS.companyMatch });
  return evidence;
}

const total = (evidence: readonly Evidence[]) => evidence.reduce((s, e) => s + e.weight, 0);

/** Clusters records by scored evidence. */
export function clusterFuzzy(
  records: readonly SourceRecord[],
  paths: readonly string[],
  constraints: Constraints = { must: [], cannot: [] },
): FuzzyResult {
  const n = records.length;
  const profiles = records.map(profileOf);
  // Term frequency of a name among likely-distinct identities (records of one e-mail, id or
  // phone count once), so that a person's own repeated records do not make the name common.
  const carriers = new Map<string, Set<string>>();
  const identities = new Set<string>();
  profiles.forEach((p, i) => {
    const identity = [...p.emails][0] ?? [...p.ids.values()][0] ?? p.phone ?? `#${i}`;
    identities.add(identity);
    if (p.name === undefined) return;
    const set = carriers.get(p.name.key) ?? new Set<string>();
    set.add(identity);
    carriers.set(p.name.key, set);
  });
  const frequency = (key: string) => (carriers.get(key)?.size ?? 0) / Math.max(1, identities.size);

  // Blocking: candidate pairs share a key; oversized blocks are skipped for name keys. A pair is
  // scored once, in the first block (by key order) the two records share. In the first-name and
  // initial blocks only pairs with an initial-only or first-name-only record are compared.
  const keysOfRecord = profiles.map((p) => blockingKeys(p).sort());
  const blocks = new Map<string, number[]>();
  keysOfRecord.forEach((keys, i) => {
    for (const key of keys) {
      const list = blocks.get(key) ?? [];
      list.push(i);
      blocks.set(key, list);
    }
  });
  const partial = (i: number) => {
    const name = (profiles[i] as Profile).name;
    return name !== undefined && (name.firstOnly || name.initialOnly);
  };
  const loose = (key: string) => key.startsWith('f:') || key.startsWith('fi:');
  const active = (key: string) =>
    (blocks.get(key)?.length ?? 0) <= MAX_BLOCK || /^[eip]:/.test(key);
  // The first shared block that compares a pair is the only one that scores it.
  const firstShared = (a: number, b: number): string | undefined => {
    // Both key lists are sorted: walk them together.
    const ka = keysOfRecord[a] as string[];
    const kb = keysOfRecord[b] as string[];
    for (let i = 0, j = 0; i < ka.length && j < kb.length; ) {
      const x = ka[i] as string;
      const y = kb[j] as string;
      if (x < y) i++;
      else if (x > y) j++;
      else {
        if (active(x) && (!loose(x) || partial(a) || partial(b))) return x;
        i++;
        j++;
      }
    }
    return undefined;
  };
  const pairs: ScoredPair[] = [];
  const consider = (key: string, a: number, b: number) => {
    if (a === b) return;
    const [x, y] = a < b ? [a, b] : [b, a];
    if (firstShared(x, y) !== key) return;
    const evidence = scorePair(profiles[x] as Profile, profiles[y] as Profile, frequency);
    const weight = total(evidence);
    // Below the review band only same-name pairs are kept: weak records of one name may join.
    if (
      weight >= THRESHOLDS.review ||
      evidence.some((e) => e.field === 'name' && e.level === 'exact')
    ) {
      pairs.push({ a: x, b: y, weight, evidence });
    }
  };
  for (const key of [...blocks.keys()].sort()) {
    const members = blocks.get(key) as number[];
    if (members.length < 2 || !active(key)) continue;
    if (loose(key)) {
      const some = members.filter(partial);
      const inSome = new Set(some);
      for (const a of some)
        for (const b of members) if (a !== b && !(inSome.has(b) && b < a)) consider(key, a, b);
      continue;
    }
    for (let x = 0; x < members.length; x++) {
      for (let y = x + 1; y < members.length; y++)
        consider(key, members[x] as number, members[y] as number);
    }
  }
  pairs.sort((x, y) => y.weight - x.weight || x.a - y.a || x.b - y.b);

  const uf = new UnionFind(n);
  const cannot = new Map<number, Set<number>>(); // root → roots it must not join
  const forbid = (x: number, y: number) => {
    const set = cannot.get(x) ?? new Set<number>();
    set.add(y);
    cannot.set(x, set);
  };
  for (const [a, b] of constraints.cannot) {
    forbid(a, b);
    forbid(b, a);
  }
  const ids = new Map<number, Map<string, string>>(); // root → platform ids of the cluster
  profiles.forEach((p, i) => {
    if (p.ids.size > 0) ids.set(i, new Map(p.ids));
  });
  const members = new Map<number, number[]>();
  for (let i = 0; i < n; i++) members.set(i, [i]);
  const findings: Finding[] = [];
  const merges: ScoredPair[] = [];

  const blocked = (ra: number, rb: number): boolean => {
    for (const x of members.get(ra) ?? [])
      for (const y of cannot.get(x) ?? []) if (uf.find(y) === rb) return true;
    const ia = ids.get(ra);
    const ib = ids.get(rb);
    if (ia && ib)
      for (const [platform, id] of ia) if (ib.has(platform) && ib.get(platform) !== id) return true;
    return false;
  };
  const join = (a: number, b: number): boolean => {
    const ra = uf.find(a);
    const rb = uf.find(b);
    if (ra === rb) return true;
    if (blocked(ra, rb)) return false;
    const root = uf.union(ra, rb);
    const other = root === ra ? rb : ra;
    members.set(root, [...(members.get(root) ?? []), ...(members.get(other) ?? [])]);
    members.delete(other);
    const merged = new Map([...(ids.get(ra) ?? []), ...(ids.get(rb) ?? [])]);
    if (merged.size > 0) ids.set(root, merged);
    return true;
  };

  for (const [a, b] of constraints.must) join(a, b);
  const review: ScoredPair[] = [];
  for (const pair of pairs) {
    if (pair.weight < THRESHOLDS.merge || uf.find(pair.a) === uf.find(pair.b)) continue;
    // A name alone never merges here (DESIGN.md): weak records join through the rules below.
    if (!pair.evidence.some((e) => e.weight > 0 && e.field !== 'name')) continue;
    if (join(pair.a, pair.b)) merges.push(pair);
    else {
      const record = records[pair.b] as SourceRecord;
      findings.push({
        code: 'conflicting-evidence',
        path: paths[record.source],
        line: record.line,
      });
    }
  }

  // Weak records (no e-mail, no phone) in the review band. First by exact name: the weak records
  // of one name join the one person with an e-mail or phone who carries it, or each other when
  // nobody does, or stay apart when several do. Then initials and first names ("Jürgen K."):
  // they join their only candidate.
  const weak = (i: number) => {
    const p = profiles[i] as Profile;
    return p.emails.size === 0 && p.phone === undefined;
  };
  const strong = (root: number) => (members.get(uf.find(root)) ?? []).some((i) => !weak(i));
  const exactPairs = new Map<string, ScoredPair[]>(); // name key → pairs with exact name evidence
  const loosePairs: ScoredPair[] = [];
  for (const pair of pairs) {
    if (
      pair.weight >= THRESHOLDS.merge &&
      pair.evidence.some((e) => e.weight > 0 && e.field !== 'name')
    )
      continue;
    const name = pair.evidence.find((e) => e.field === 'name');
    if (name === undefined) continue;
    if (name.level === 'exact') {
      const key = (profiles[pair.a] as Profile).name?.key ?? '';
      const list = exactPairs.get(key) ?? [];
      list.push(pair);
      exactPairs.set(key, list);
    } else if (name.level === 'initial' || name.level === 'first-name-only') loosePairs.push(pair);
  }
  const joinPair = (pair: ScoredPair) => {
    if (uf.find(pair.a) !== uf.find(pair.b) && join(pair.a, pair.b)) merges.push(pair);
  };
  for (const key of [...exactPairs.keys()].sort()) {
    const list = exactPairs.get(key) as ScoredPair[];
    const weakOnes = new Set<number>();
    for (const pair of list) for (const i of [pair.a, pair.b]) if (weak(i)) weakOnes.add(i);
    if (weakOnes.size === 0) continue;
    const carriers = new Set<number>();
    for (const pair of list)
      for (const i of [pair.a, pair.b]) if (strong(i)) carriers.add(uf.find(i));
    if (carriers.size >= 2) continue;
    for (const pair of list) {
      if (weakOnes.has(pair.a) || weakOnes.has(pair.b)) joinPair(pair);
    }
  }
  for (let pass = 0, changed = true; changed && pass < 10; pass++) {
    changed = false;
    const options = new Map<number, Map<number, ScoredPair>>();
    for (const pair of loosePairs) {
      for (const [self, other] of [
        [pair.a, pair.b],
        [pair.b, pair.a],
      ] as const) {
        if (!weak(self) || uf.find(self) === uf.find(other)) continue;
        const map = options.get(self) ?? new Map<number, ScoredPair>();
        if (!map.has(uf.find(other))) map.set(uf.find(other), pair);
        options.set(self, map);
      }
    }
    for (const [self, map] of [...options.entries()].sort((x, y) => x[0] - y[0])) {
      const roots = [...new Set([...map.keys()].map((r) => uf.find(r)))].filter(
        (r) => r !== uf.find(self),
      );
      if (roots.length !== 1) continue;
      const pair = [...map.entries()].find(([r]) => uf.find(r) === roots[0])?.[1] as ScoredPair;
      if (join(pair.a, pair.b)) {
        merges.push(pair);
        changed = true;
      }
    }
  }
  for (const pair of pairs) {
    if (pair.weight >= THRESHOLDS.review && uf.find(pair.a) !== uf.find(pair.b)) review.push(pair);
  }

  const byRoot = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const root = uf.find(i);
    const list = byRoot.get(root) ?? [];
    list.push(i);
    byRoot.set(root, list);
  }
  review.sort(
    (x, y) =>
      Math.abs(x.weight - (THRESHOLDS.merge + THRESHOLDS.review) / 2) -
        Math.abs(y.weight - (THRESHOLDS.merge + THRESHOLDS.review) / 2) ||
      x.a - y.a ||
      x.b - y.b,
  );
  return { clusters: [...byRoot.values()], review, merges, findings };
}
