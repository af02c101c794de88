// Projection → betweenness centrality: Brandes' algorithm over typed arrays on the unweighted
// person projection, normalised as networkx's betweenness_centrality(normalized=True) for an
// undirected graph. Exact up to a size limit; above it, pivots sampled with a seeded rng (scaled
// by n/k, as networkx does).
import type { Projection } from '../graph/projection.js';
import { seededRandom } from './rng.js';

export interface BetweennessOptions {
  /** Exact when the graph has at most this many nodes (or `exact` is set)… */
  readonly exactLimit: number;
  /** …and exact work (nodes × directed ties) stays within this budget; else pivots are sampled. */
  readonly budget: number;
  readonly exact: boolean;
  readonly pivots: number;
  readonly seed: number;
}

export const BETWEENNESS_DEFAULTS: Readonly<BetweennessOptions> = Object.freeze({
  exactLimit: 5000,
  budget: 5e7,
  exact: false,
  pivots: 256,
  seed: 42,
});

export interface Betweenness {
  readonly values: Float64Array;
  readonly exact: boolean;
  /** The number of sampled sources, or null when exact. */
  readonly pivots: number | null;
}

/** Chooses k distinct nodes with a seeded partial Fisher–Yates shuffle. */
function samplePivots(n: number, k: number, seed: number): Int32Array {
  const rng = seededRandom(seed);
  const order = Int32Array.from({ length: n }, (_, i) => i);
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(rng() * (n - i));
    const t = order[i] as number;
    order[i] = order[j] as number;
    order[j] = t;
  }
  return order.slice(0, k).sort();
}

/** Normalised betweenness of every node. */
export function betweenness(p: Projection, options: Partial<BetweennessOptions> = {}): Betweenness {
  const o = { ...BETWEENNESS_DEFAULTS, ...options };
  const n = p.nodes;
  const ties = Math.max(1, p.neighbors.length);
  // Dense projections (one large member list) make exact Brandes slow; sample fewer pivots there.
  const affordable = Math.max(16, Math.floor(o.budget / ties));
  const pivots = Math.min(o.pivots, affordable);
  const exact = o.exact || pivots >= n || (n <= o.exactLimit && n * ties <= o.budget);
  const sources = exact
    ? Int32Array.from({ length: n }, (_, i) => i)
    : samplePivots(n, pivots, o.seed);
  const bc = new Float64Array(n);
  const sigma = new Float64Array(n);
  const dist = new Int32Array(n);
  const delta = new Float64Array(n);
  const stack = new Int32Array(n);
  const queue = new Int32Array(n);
  const { offsets, neighbors } = p;
  for (const s of sources) {
    dist.fill(-1);
    sigma.fill(0);
    delta.fill(0);
    sigma[s] = 1;
    dist[s] = 0;
    let head = 0;
    let tail = 0;
    let top = 0;
    queue[tail++] = s;
    while (head < tail) {
      const v = queue[head++] as number;
      stack[top++] = v;
      const dv = dist[v] as number;
      for (let i = offsets[v] as number; i < (offsets[v + 1] as number); i++) {
        const w = neighbors[i] as number;
        if (dist[w] === -1) {
          dist[w] = dv + 1;
          queue[tail++] = w;
        }
        if (dist[w] === dv + 1) sigma[w] = (sigma[w] as number) + (sigma[v] as number);
      }
    }
    while (top > 0) {
      const w = stack[--top] as number;
      const dw = dist[w] as number;
      const coefficient = (1 + (delta[w] as number)) / (sigma[w] as number);
      for (let i = offsets[w] as number; i < (offsets[w + 1] as number); i++) {
        const v = neighbors[i] as number;
        if (dist[v] === dw - 1)
          delta[v] = (delta[v] as number) + (sigma[v] as number) * coefficient;
      }
      if (w !== s) bc[w] = (bc[w] as number) + (delta[w] as number);
    }
  }
  if (n > 2) {
    let scale = 1 / ((n - 1) * (n - 2));
    if (!exact) scale *= n / sources.length;
    for (let i = 0; i < n; i++) bc[i] = (bc[i] as number) * scale;
  }
  return { values: bc, exact, pivots: exact ? null : sources.length };
}
