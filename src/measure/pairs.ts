// Affiliation → one row per unordered pair of groups: shared people, Jaccard |A∩B|/|A∪B|, the
// overlap coefficient |A∩B|/min(|A|,|B|), the overlap expected under independence |A|·|B|/N, lift
// (shared / expected), the hypergeometric upper-tail p = P(X ≥ shared) with population N, and
// Benjamini–Hochberg q across all pairs.
import type { Affiliation } from '../graph/affiliation.js';
import { benjaminiHochberg, hypergeometricUpperTail } from './stats.js';

export interface PairFigures {
  a: string;
  b: string;
  shared: number;
  jaccard: number;
  overlap: number;
  expected: number;
  lift: number | null;
  pValue: number;
  qValue: number;
}

export interface PairOptions {
  /** The population N; by default the number of people observed. */
  readonly population?: number | undefined;
}

/** Group sizes and the shared-people matrix (n × n, upper triangle filled). */
export function sharedMatrix(graph: Affiliation): { size: number[]; shared: Int32Array } {
  const n = graph.groups.length;
  const size = new Array<number>(n).fill(0);
  const shared = new Int32Array(n * n);
  for (const gs of graph.personGroups) {
    for (let i = 0; i < gs.length; i++) {
      const a = gs[i] as number;
      size[a] = (size[a] ?? 0) + 1;
      for (let j = i + 1; j < gs.length; j++) {
        const k = a * n + (gs[j] as number);
        shared[k] = (shared[k] as number) + 1;
      }
    }
  }
  return { size, shared };
}

/** Every unordered pair (a < b by name), in name order. */
export function measurePairs(graph: Affiliation, options: PairOptions = {}): PairFigures[] {
  const n = graph.groups.length;
  const N = options.population ?? graph.people.length;
  const { size, shared } = sharedMatrix(graph);
  const pairs: PairFigures[] = [];
  for (let a = 0; a < n; a++) {
    for (let b = a + 1; b < n; b++) {
      const s = shared[a * n + b] as number;
      const sa = size[a] as number;
      const sb = size[b] as number;
      const expected = (sa * sb) / N;
      pairs.push({
        a: graph.groups[a] as string,
        b: graph.groups[b] as string,
        shared: s,
        jaccard: s / (sa + sb - s),
        overlap: s / Math.min(sa, sb),
        expected,
        lift: expected > 0 ? s / expected : null,
        pValue: hypergeometricUpperTail(s, N, sa, sb),
        qValue: 1,
      });
    }
  }
  const q = benjaminiHochberg(pairs.map((p) => p.pValue));
  pairs.forEach((p, i) => {
    p.qValue = q[i] as number;
  });
  return pairs;
}
