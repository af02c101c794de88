// Affiliation → one row per unordered pair of groups: shared people, Jaccard |A∩B|/|A∪B| and the
// overlap coefficient |A∩B|/min(|A|,|B|).
import type { Affiliation } from '../graph/affiliation.js';

export interface PairFigures {
  readonly a: string;
  readonly b: string;
  readonly shared: number;
  readonly jaccard: number;
  readonly overlap: number;
}

/** Every unordered pair (a < b by name), in name order. */
export function measurePairs(graph: Affiliation): PairFigures[] {
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
  const pairs: PairFigures[] = [];
  for (let a = 0; a < n; a++) {
    for (let b = a + 1; b < n; b++) {
      const s = shared[a * n + b] as number;
      const sa = size[a] as number;
      const sb = size[b] as number;
      pairs.push({
        a: graph.groups[a] as string,
        b: graph.groups[b] as string,
        shared: s,
        jaccard: s / (sa + sb - s),
        overlap: s / Math.min(sa, sb),
      });
    }
  }
  return pairs;
}
