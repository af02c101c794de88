// Records → people. The one entry point of identity resolution: takes every counting record in
// canonical order and returns people with the records each is made of, the merged rows, the pairs
// waiting for review and findings. `fuzzy` (the default) scores evidence; `exact` uses
// deterministic keys only (DESIGN.md, "Identity").
import type { Finding, Person, SourceRecord } from '../types.js';
import { clusterExact, recordNormalizers } from './exact.js';
import { type Constraints, clusterFuzzy, type ScoredPair } from './fuzzy.js';
import { nameKey } from './normalize.js';
import { buildPeople } from './people.js';

export type MatchMode = 'fuzzy' | 'exact';

export interface Resolution {
  readonly people: Person[];
  readonly merged: number[];
  readonly findings: Finding[];
  /** Pairs in the review band, most uncertain first (fuzzy mode only). */
  readonly review: ScoredPair[];
  /** The pairs whose evidence merged records (fuzzy mode only). */
  readonly merges: ScoredPair[];
}

/** Resolves who is who among `records` (indices in the result refer to this list). */
export function resolvePeople(
  records: SourceRecord[],
  paths: readonly string[],
  mode: MatchMode = 'fuzzy',
  constraints: Constraints = { must: [], cannot: [] },
  /** Keep the evidence of every merge (`people --explain`); false leaves `merges` empty. */
  keepMerges = true,
): Resolution {
  const normalizers = recordNormalizers();
  if (mode === 'exact') {
    const { clusters, findings, recordEmails, namesFolded } = clusterExact(
      records,
      paths,
      constraints,
      normalizers,
    );
    // Each person's name is folded once for sorting: through the memo only when it holds them.
    const { people, merged } = buildPeople(
      records,
      clusters,
      namesFolded ? normalizers : { email: normalizers.email, name: nameKey },
      recordEmails,
    );
    return { people, merged, findings, review: [], merges: [] };
  }
  const result = clusterFuzzy(records, paths, constraints, normalizers, keepMerges);
  const { people, merged } = buildPeople(
    records,
    result.clusters,
    normalizers,
    result.recordEmails,
  );
  return {
    people,
    merged,
    findings: result.findings,
    review: result.review,
    merges: result.merges,
  };
}
