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
  budget: 2.5e7,
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

/** Whether the run is exact, and how many sources it searches from. */
export function betweennessPlan(
  p: Projection,
  options: Partial<BetweennessOptions> = {},
): { exact: boolean; sources: number; work: number } {
  const o = { ...BETWEENNESS_DEFAULTS, ...options };
  const n = p.nodes;
  const ties = Math.max(1, p.neighbors.length);
  // Dense projections (one large member list) make exact Brandes slow; sample fewer pivots there.
  const affordable = Math.max(16, Math.floor(o.budget / ties));
  const pivots = Math.min(o.pivots, affordable);
  const exact = o.exact || pivots >= n || (n <= o.exactLimit && n * ties <= o.budget);
  const sources = exact ? n : pivots;
  return { exact, sources, work: sources * ties };
}

/** Normalised betweenness of every node. */
export function betweenness(p: Projection, options: Partial<BetweennessOptions> = {}): Betweenness {
  const o = { ...BETWEENNESS_DEFAULTS, ...options };
  const n = p.nodes;
  const { exact, sources: count } = betweennessPlan(p, o);
  const sources = exact
    ? Int32Array.from({ length: n }, (_, i) => i)
    : samplePivots(n, count, o.seed);
  const bc = new Float64Array(n);
  const sigma = new Float64Array(n);
  // A node's BFS level mod 3, plus 1 (0: not reached). A node's neighbours lie one level
  // before, on or after its own, and those three differ mod 3, so this tells them apart; one
  // byte per node keeps the array read on every tie in cache (1M rows: 6.1 → 5.1 s).
  const level = new Uint8Array(n);
  const delta = new Float64Array(n);
  const queue = new Int32Array(n);
  // The shortest-path DAG of one search: the successors of the node at queue position q are
  // successors[firstSuccessor[q] .. firstSuccessor[q + 1]]. Each tie is in it at most once, so
  // half the directed ties is enough; the backward pass then reads only these.
  const successors = new Int32Array(Math.ceil(p.neighbors.length / 2));
  const firstSuccessor = new Int32Array(n + 1);
  const { offsets, neighbors } = p;
  for (const s of sources) {
    sigma[s] = 1;
    level[s] = 1;
    let head = 0;
    let tail = 0;
    let edges = 0;
    queue[tail++] = s;
    while (head < tail) {
      firstSuccessor[head] = edges;
      const v = queue[head++] as number;
      const next = ((level[v] as number) % 3) + 1;
      const sv = sigma[v] as number;
      for (let i = offsets[v] as number; i < (offsets[v + 1] as number); i++) {
        const w = neighbors[i] as number;
        const lw = level[w] as number;
        if (lw === 0) {
          level[w] = next;
          queue[tail++] = w;
          sigma[w] = sv;
          successors[edges++] = w;
        } else if (lw === next) {
          sigma[w] = (sigma[w] as number) + sv;
          successors[edges++] = w;
        }
      }
    }
    firstSuccessor[tail] = edges;
    for (let q = tail - 1; q >= 0; q--) {
      const v = queue[q] as number;
      let sum = 0;
      for (let k = firstSuccessor[q] as number; k < (firstSuccessor[q + 1] as number); k++) {
        const w = successors[k] as number;
        sum += (1 + (delta[w] as number)) / (sigma[w] as number);
      }
      const dv = (sigma[v] as number) * sum;
      delta[v] = dv;
      if (v !== s) bc[v] = (bc[v] as number) + dv;
    }
    for (let q = 0; q < tail; q++) {
      const u = queue[q] as number;
      level[u] = 0;
      sigma[u] = 0;
      delta[u] = 0;
    }
  }
  if (n > 2) {
    let scale = 1 / ((n - 1) * (n - 2));
    if (!exact) scale *= n / sources.length;
    for (let i = 0; i < n; i++) bc[i] = (bc[i] as number) * scale;
  }
  return { values: bc, exact, pivots: exact ? null : sources.length };
}
