// Records → clusters, by scored evidence (the default `--match fuzzy`). Takes records in
// canonical order and returns clusters of record indices, the pairs left for review and
// findings. Candidate pairs come from blocking keys (never all pairs); each pair is scored with
// the weights in weights.ts. Two stages join records:
// 1. identifiers: pairs at the merge threshold with a shared e-mail, platform id or phone, strongest
//    first, unless a cannot-link decision or two accounts on one platform forbid it;
// 2. names: a record joins the one person its name points to ("Köhler, Jürgen", "Tom Müller",
//    "Jürgen K.", a typing error), when the odds that they are one person rather than a namesake
//    reach THRESHOLDS.nameJoin; the odds come from how many people carry such a name by chance
//    (name-frequency.ts). Records with e-mail or phone join on a name only with supporting
//    evidence (the same company); a record without them and with the same full name joins as in
//    --match exact, when exactly one person carries the name. Several candidates: nobody joins.
import { jaroWinkler } from '@skyra/jaro-winkler';
import { colognePhonetic } from 'cologne-phonetic';
import type { Finding, SourceRecord } from '../types.js';
import { type NameFrequency, nameFrequency } from './name-frequency.js';
import { fullFirstNames, type NameParts, parseName, sameFirstName } from './names.js';
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

/**
 * Blocking keys: candidates share at least one. Short first names also key under their full
 * forms ("Tom Müller" meets "Thomas Müller").
 */
export function blockingKeys(p: Profile): string[] {
  const keys: string[] = [];
  for (const e of p.emails) keys.push(`e:${e}`);
  for (const [platform, id] of p.ids) keys.push(`i:${platform}:${id}`);
  if (p.phone !== undefined) keys.push(`p:${p.phone}`);
  const n = p.name;
  if (n !== undefined && n.key !== '') {
    keys.push(`n:${n.key}`);
    for (const first of fullFirstNames(n.first)) {
      if (n.firstOnly) keys.push(`f:${first}`);
      else {
        if (first !== n.first && !n.initialOnly) keys.push(`n:${first} ${n.last}`);
        keys.push(`fi:${first} ${n.last.slice(0, 1)}`);
        if (!n.initialOnly) keys.push(`c:${colognePhonetic(n.last)} ${first.slice(0, 1)}`);
        keys.push(`f:${first}`);
      }
    }
  }
  return [...new Set(keys)];
}

/** Weight of an exact full-name match: log2(m / E), E the expected chance carriers of the name. */
function exactNameWeight(name: NameParts, names: NameFrequency): number {
  const expected = names.expectedCarriers(name);
  return Math.min(
    WEIGHTS.nameExactMax,
    Math.max(WEIGHTS.nameExactMin, Math.log2(WEIGHTS.nameExactM / expected)),
  );
}

function nameEvidence(a: NameParts, b: NameParts, names: NameFrequency): Evidence {
  if (a.key === b.key && !(a.firstOnly && (a.device || b.device))) {
    return { field: 'name', level: 'exact', weight: exactNameWeight(a, names) };
  }
  if (a.first !== '' && sameFirstName(a.first, b.first)) {
    if (a.firstOnly || b.firstOnly) {
      if (a.device || b.device || a.first === b.first)
        return { field: 'name', level: 'first-name-only', weight: WEIGHTS.nameInitial };
    } else if ((a.initialOnly || b.initialOnly) && a.last.slice(0, 1) === b.last.slice(0, 1)) {
      return { field: 'name', level: 'initial', weight: WEIGHTS.nameInitial };
    } else if (a.last === b.last) {
      // "Tom Müller" and "Thomas Müller": the full form's rarity, a little less sure.
      const full = fullFirstNames(a.first).includes(b.first) ? b : a;
      return {
        field: 'name',
        level: 'short-form',
        weight: Math.max(0, exactNameWeight(full, names) - WEIGHTS.nameShortFormPenalty),
      };
    }
  }
  // A typing error in the surname of a compatible first name ("Andi Mlüler", "Andreas Müller").
  // An initial or a lone first name is no spelling of another surname.
  if (a.firstOnly || b.firstOnly || a.initialOnly || b.initialOnly)
    return { field: 'name', level: 'different', weight: WEIGHTS.nameDiffer };
  const jw = sameFirstName(a.first, b.first)
    ? jaroWinkler(a.last, b.last)
    : jaroWinkler(a.key, b.key);
  if (jw >= WEIGHTS.nameJaroWinklerHigh)
    return { field: 'name', level: 'jaro-winkler≥0.94', weight: WEIGHTS.nameCloseHigh };
  if (jw >= WEIGHTS.nameJaroWinklerLow)
    return { field: 'name', level: 'jaro-winkler≥0.88', weight: WEIGHTS.nameCloseLow };
  return { field: 'name', level: 'different', weight: WEIGHTS.nameDiffer };
}

/** Scores one pair of records. */
export function scorePair(a: Profile, b: Profile, names: NameFrequency): Evidence[] {
  const evidence: Evidence[] = [];
  if (a.emails.size > 0 && b.emails.size > 0) {
    let shared = false;
    for (const e of a.emails) if (b.emails.has(e)) shared = true;
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
    evidence.push(nameEvidence(a.name, b.name, names));
  }
  const companyHit =
    (a.company !== undefined && (a.company === b.company || b.domains.has(a.company))) ||
    (b.company !== undefined && a.domains.has(b.company));
  if (companyHit) evidence.push({ field: 'company', level: 'same', weight: WEIGHTS.companyMatch });
  return evidence;
}

const total = (evidence: readonly Evidence[]) => evidence.reduce((s, e) => s + e.weight, 0);

/** Name levels that can join records on the name (with the odds below), weakest last. */
const NAME_JOIN_LEVELS = new Set([
  'exact',
  'short-form',
  'initial',
  'first-name-only',
  'jaro-winkler≥0.94',
]);

/** Interned, sorted blocking keys and the blocks they form. */
interface Blocking {
  /** Per record: the ranks of its keys in ascending order (rank = position in sorted key order). */
  readonly keysOf: Int32Array[];
  /** Per key rank: the records that carry it, ascending. */
  readonly members: number[][];
  /** Per key rank: 0 = identifier (e-mail, id, phone), 1 = name, 2 = loose (first name, initial). */
  readonly kind: Uint8Array;
}

function buildBlocking(profiles: readonly Profile[]): Blocking {
  const index = new Map<string, number>();
  const raw: number[][] = profiles.map((p) =>
    blockingKeys(p).map((key) => {
      let id = index.get(key);
      if (id === undefined) {
        id = index.size;
        index.set(key, id);
      }
      return id;
    }),
  );
  const strings = [...index.keys()];
  const order = strings
    .map((_, i) => i)
    .sort((x, y) => {
      const a = strings[x] as string;
      const b = strings[y] as string;
      return a < b ? -1 : a > b ? 1 : 0;
    });
  const rank = new Int32Array(strings.length);
  const kind = new Uint8Array(strings.length);
  order.forEach((id, r) => {
    rank[id] = r;
    const key = strings[id] as string;
    kind[r] = /^[eip]:/.test(key) ? 0 : key.startsWith('f:') || key.startsWith('fi:') ? 2 : 1;
  });
  const members: number[][] = strings.map(() => []);
  const keysOf = raw.map((ids, i) => {
    const ranks = Int32Array.from(ids, (id) => rank[id] as number).sort();
    for (const r of ranks) (members[r] as number[]).push(i);
    return ranks;
  });
  return { keysOf, members, kind };
}

/** Clusters records by scored evidence. */
export function clusterFuzzy(
  records: readonly SourceRecord[],
  paths: readonly string[],
  constraints: Constraints = { must: [], cannot: [] },
): FuzzyResult {
  const n = records.length;
  const profiles = records.map(profileOf);
  const weak = new Uint8Array(n);
  profiles.forEach((p, i) => {
    weak[i] = p.emails.size === 0 && p.phone === undefined ? 1 : 0;
  });
  // Name frequencies over distinct identities: records of one e-mail, id or phone count once,
  // records without any of them once per name.
  const names = nameFrequency(
    profiles.map((p) => ({
      identity: [...p.emails][0] ?? [...p.ids.values()][0] ?? p.phone ?? `n:${p.name?.key ?? ''}`,
      name: p.name,
    })),
  );

  // Blocking: candidate pairs share a key; oversized name blocks are skipped. A pair is scored
  // once, in the first block (by key order) the two records share. In the loose blocks (first
  // name, first name + initial) only pairs with an initial-only or first-name-only record meet.
  const blocking = buildBlocking(profiles);
  const partial = new Uint8Array(n);
  profiles.forEach((p, i) => {
    partial[i] = p.name !== undefined && (p.name.firstOnly || p.name.initialOnly) ? 1 : 0;
  });
  const active = (rank: number) =>
    blocking.kind[rank] === 0 || (blocking.members[rank] as number[]).length <= MAX_BLOCK;
  const firstShared = (a: number, b: number): number => {
    const ka = blocking.keysOf[a] as Int32Array;
    const kb = blocking.keysOf[b] as Int32Array;
    for (let i = 0, j = 0; i < ka.length && j < kb.length; ) {
      const x = ka[i] as number;
      const y = kb[j] as number;
      if (x < y) i++;
      else if (x > y) j++;
      else {
        if (active(x) && (blocking.kind[x] !== 2 || partial[a] === 1 || partial[b] === 1)) return x;
        i++;
        j++;
      }
    }
    return -1;
  };
  const pairs: ScoredPair[] = [];
  const consider = (rank: number, a: number, b: number) => {
    const [x, y] = a < b ? [a, b] : [b, a];
    if (firstShared(x, y) !== rank) return;
    const evidence = scorePair(profiles[x] as Profile, profiles[y] as Profile, names);
    const weight = total(evidence);
    const name = evidence.find((e) => e.field === 'name');
    // Below the review band only pairs that may join on the name are kept.
    if (weight >= THRESHOLDS.review || (name !== undefined && NAME_JOIN_LEVELS.has(name.level)))
      pairs.push({ a: x, b: y, weight, evidence });
  };
  blocking.members.forEach((members, rank) => {
    if (members.length < 2 || !active(rank)) return;
    if (blocking.kind[rank] === 2) {
      for (const a of members) {
        if (partial[a] !== 1) continue;
        for (const b of members) if (a !== b && !(partial[b] === 1 && b < a)) consider(rank, a, b);
      }
      return;
    }
    for (let x = 0; x < members.length; x++) {
      for (let y = x + 1; y < members.length; y++)
        consider(rank, members[x] as number, members[y] as number);
    }
  });
  pairs.sort((x, y) => y.weight - x.weight || x.a - y.a || x.b - y.b);

  // Clusters: union-find with what each cluster holds, kept at its root.
  const uf = new UnionFind(n);
  const strongCount = Int32Array.from(weak, (w) => 1 - w);
  const ids = new Map<number, Map<string, string>>(); // root → platform ids of the cluster
  profiles.forEach((p, i) => {
    if (p.ids.size > 0) ids.set(i, new Map(p.ids));
  });
  const cannotOf = new Map<number, Set<number>>(); // record → records it must not join
  for (const [a, b] of constraints.cannot) {
    for (const [x, y] of [
      [a, b],
      [b, a],
    ] as const) {
      const set = cannotOf.get(x) ?? new Set<number>();
      set.add(y);
      cannotOf.set(x, set);
    }
  }
  const constrained = new Map<number, number[]>(); // root → its records with cannot-links
  for (const x of cannotOf.keys()) constrained.set(x, [x]);
  const findings: Finding[] = [];
  const merges: ScoredPair[] = [];

  const blocked = (ra: number, rb: number): boolean => {
    for (const x of constrained.get(ra) ?? [])
      for (const y of cannotOf.get(x) ?? []) if (uf.find(y) === rb) return true;
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
    strongCount[root] = (strongCount[root] as number) + (strongCount[other] as number);
    const io = ids.get(other);
    if (io !== undefined) {
      const into = ids.get(root) ?? new Map<string, string>();
      for (const [platform, id] of io) into.set(platform, id);
      ids.set(root, into);
      ids.delete(other);
    }
    const co = constrained.get(other);
    if (co !== undefined) {
      constrained.set(root, [...(constrained.get(root) ?? []), ...co]);
      constrained.delete(other);
    }
    return true;
  };
  const link = (pair: ScoredPair): boolean => {
    if (uf.find(pair.a) === uf.find(pair.b)) return false;
    if (join(pair.a, pair.b)) {
      merges.push(pair);
      return true;
    }
    const record = records[pair.b] as SourceRecord;
    findings.push({ code: 'conflicting-evidence', path: paths[record.source], line: record.line });
    return false;
  };

  for (const [a, b] of constraints.must) join(a, b);
  // Identifier evidence first: a pair at the merge threshold with a shared e-mail, id or phone.
  const nameOf = (pair: ScoredPair) => pair.evidence.find((e) => e.field === 'name');
  const byIdentifier = (pair: ScoredPair) =>
    pair.evidence.some((e) => e.weight > 0 && e.field !== 'name');
  for (const pair of pairs) {
    if (pair.weight >= THRESHOLDS.merge && byIdentifier(pair)) link(pair);
  }

  // Then the name: a record joins the one person its name points to when the odds that they are
  // one person, rather than a namesake, reach THRESHOLDS.nameJoin. The odds combine the name's
  // rarity (expected chance carriers E) and the other evidence of the pair.
  const odds = (self: number, other: number, pair: ScoredPair): number => {
    const mine = (profiles[self] as Profile).name as NameParts;
    const theirs = (profiles[other] as Profile).name as NameParts;
    const level = nameOf(pair)?.level;
    // The same full name on a record without e-mail or phone joins as in --match exact: when
    // exactly one person carries it (checked below).
    if (level === 'exact' && weak[self] === 1) return Number.POSITIVE_INFINITY;
    const expected =
      level === 'initial'
        ? names.expectedWithInitial(mine.initialOnly ? mine : theirs)
        : level === 'first-name-only'
          ? names.expectedWithFirst(mine.firstOnly ? mine : theirs)
          : level === 'jaro-winkler≥0.94'
            ? names.expectedCarriers(theirs) * WEIGHTS.closeNameSpread
            : names.expectedCarriers(
                fullFirstNames(mine.first).includes(theirs.first) ? theirs : mine,
              );
    const rest = pair.evidence.reduce((s, e) => (e.field === 'name' ? s : s + e.weight), 0);
    return Math.log2(WEIGHTS.nameExactM / expected) + rest;
  };
  const candidates: ScoredPair[][] = Array.from({ length: n }, () => []);
  for (const pair of pairs) {
    const level = nameOf(pair)?.level;
    if (level === undefined || !NAME_JOIN_LEVELS.has(level)) continue;
    if (pair.weight >= THRESHOLDS.merge && byIdentifier(pair)) continue;
    // Records with e-mail or phone join each other only on a full name (second e-mails)
    const full = level === 'exact' || level === 'short-form';
    for (const [self, other] of [
      [pair.a, pair.b],
      [pair.b, pair.a],
    ] as const) {
      // and with supporting evidence besides it, such as the same company (DESIGN.md).
      if (weak[self] === 0 && (weak[other] === 1 || !full || !byIdentifier(pair))) continue;
      if (odds(self, other, pair) >= THRESHOLDS.nameJoin)
        (candidates[self] as ScoredPair[]).push(pair);
    }
  }
  for (let pass = 0, changed = true; changed && pass < 10; pass++) {
    changed = false;
    for (let self = 0; self < n; self++) {
      const list = candidates[self] as ScoredPair[];
      if (list.length === 0) continue;
      const own = uf.find(self);
      const strongRoots = new Map<number, ScoredPair>();
      const weakRoots = new Map<number, ScoredPair>();
      for (const pair of list) {
        const other = pair.a === self ? pair.b : pair.a;
        const root = uf.find(other);
        if (root === own) continue;
        const target = (strongCount[root] as number) > 0 ? strongRoots : weakRoots;
        if (!target.has(root)) target.set(root, pair);
      }
      // Several people carry the name: nobody can tell which, it waits for review.
      if (strongRoots.size > 1) continue;
      if (strongRoots.size === 1) {
        if (link([...strongRoots.values()][0] as ScoredPair)) changed = true;
        continue;
      }
      // Nobody with e-mail or phone: records of the same full name without any join each other.
      for (const pair of weakRoots.values()) {
        const level = nameOf(pair)?.level;
        if ((level === 'exact' || weakRoots.size === 1) && link(pair)) changed = true;
      }
    }
  }

  const review: ScoredPair[] = [];
  for (const pair of pairs) {
    if (pair.weight >= THRESHOLDS.review && uf.find(pair.a) !== uf.find(pair.b)) review.push(pair);
  }
  const byRoot = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const root = uf.find(i);
    const list = byRoot.get(root);
    if (list === undefined) byRoot.set(root, [i]);
    else list.push(i);
  }
  const middle = (THRESHOLDS.merge + THRESHOLDS.review) / 2;
  review.sort(
    (x, y) => Math.abs(x.weight - middle) - Math.abs(y.weight - middle) || x.a - y.a || x.b - y.b,
  );
  return { clusters: [...byRoot.values()], review, merges, findings };
}
