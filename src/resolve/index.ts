// Records → people. The one entry point of identity resolution: takes every counting record in
// canonical order and returns people with the records each is made of, the merged rows, and
// findings. Only `exact` exists so far; the fuzzy resolver will plug in here.
import type { Finding, Person, SourceRecord } from '../types.js';
import { clusterExact } from './exact.js';
import { buildPeople } from './people.js';

export type MatchMode = 'exact';

export interface Resolution {
  readonly people: Person[];
  readonly merged: number[];
  readonly findings: Finding[];
}

/** Resolves who is who among `records` (indices in the result refer to this list). */
export function resolvePeople(
  records: SourceRecord[],
  paths: readonly string[],
  mode: MatchMode = 'exact',
): Resolution {
  void mode;
  const { clusters, findings } = clusterExact(records, paths);
  const { people, merged } = buildPeople(records, clusters);
  return { people, merged, findings };
}
