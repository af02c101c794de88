// Projection → betweenness centrality: Brandes' algorithm over typed arrays on the unweighted
// person projection, normalised as networkx's betweenness_centrality(normalized=True) for an
// undirected graph. Exact up to a size limit; above it, pivots sampled with a seeded rng (scaled
// by n/k, as networkx does), which other threads may help search (PivotShare).
import type { Projection } from '../graph/projection.js';
import { seededRandom } from './rng.js';
import { awaitTasks, runClaimedTasks, type TaskBoard } from './shared-tasks.js';

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

/**
 * Sampled pivots shared between threads: each thread claims the next pivot and writes that
 * pivot's dependencies into the pivot's own row; the thread that owns the result waits until every
 * pivot is done and sums the rows in pivot order, so the values are the same, to the bit, as one
 * thread's, whoever computed which pivot.
 */
export interface PivotShare {
  /** [the next pivot to claim, 1 once a helper failed], in shared memory. */
  readonly claims: Int32Array;
  /** Per pivot: 1 once its row is complete, in shared memory. */
  readonly done: Int32Array;
  /** One row of n dependencies per pivot, in shared memory. */
  readonly rows: Float64Array;
}

/** Most dependencies (pivots × nodes) a PivotShare holds: 64 MB. */
export const MAX_SHARED_DEPENDENCIES = 2 ** 23;

/** A share of the sampled pivots for helper threads; undefined when exact or too large. */
export function pivotShare(
  p: Projection,
  options: Partial<BetweennessOptions> = {},
): PivotShare | undefined {
  const { exact, sources } = betweennessPlan(p, options);
  if (exact || sources * p.nodes > MAX_SHARED_DEPENDENCIES) return undefined;
  return {
    claims: new Int32Array(new SharedArrayBuffer(8)),
    done: new Int32Array(new SharedArrayBuffer(sources * 4)),
    rows: new Float64Array(new SharedArrayBuffer(sources * p.nodes * 8)),
  };
}

/** The arrays of one Brandes search, allocated once for all the searches of a thread. */
interface SearchState {
  readonly offsets: Int32Array;
  readonly neighbors: Int32Array;
  readonly sigma: Float64Array;
  /**
   * A node's BFS level mod 3, plus 1 (0: not reached). A node's neighbours lie one level
   * before, on or after its own, and those three differ mod 3, so this tells them apart; one
   * byte per node keeps the array read on every tie in cache (1M rows: 6.1 → 5.1 s).
   */
  readonly level: Uint8Array;
  readonly delta: Float64Array;
  readonly queue: Int32Array;
  /**
   * The shortest-path DAG of one search, each tie in it at most once (half the directed ties is
   * enough; the backward pass reads only these): for a level searched top-down, the successors
   * of the node at queue position q are dag[firstSuccessor[q] .. firstSuccessor[q + 1]]; for a
   * level found bottom-up, the predecessors of the node at q are dag[firstPredecessor[q] ..], to
   * the next node's or, for the level's last node, to predecessorsEnd[its level].
   */
  readonly dag: Int32Array;
  readonly firstSuccessor: Int32Array;
  readonly firstPredecessor: Int32Array;
  /** Per level: its first queue position, whether the next level was found bottom-up. */
  readonly levelStart: Int32Array;
  readonly bottomUp: Uint8Array;
  readonly predecessorsEnd: Int32Array;
  /** Per node: the dependency pushed to it from a level found bottom-up. */
  readonly pushed: Float64Array;
}

function searchState(p: Projection): SearchState {
  const n = p.nodes;
  return {
    offsets: p.offsets,
    neighbors: p.neighbors,
    sigma: new Float64Array(n),
    level: new Uint8Array(n),
    delta: new Float64Array(n),
    queue: new Int32Array(n),
    dag: new Int32Array(Math.ceil(p.neighbors.length / 2)),
    firstSuccessor: new Int32Array(n + 1),
    firstPredecessor: new Int32Array(n + 1),
    levelStart: new Int32Array(n + 2),
    bottomUp: new Uint8Array(n + 1),
    predecessorsEnd: new Int32Array(n + 2),
    pushed: new Float64Array(n),
  };
}

/**
 * One Brandes search from s: adds each node's dependency on s into bc (s itself excepted).
 *
 * The breadth-first search is direction-optimising (Beamer, Asanović and Patterson, "Direction-
 * optimizing breadth-first search", SC 2012), a level at a time: a level is expanded top-down,
 * reading the ties of its nodes, unless the ties of the nodes not yet reached are fewer (by an
 * eighth of the nodes, the cost of looking at each of them), then bottom-up: each node not yet
 * reached sums the path counts of its neighbours on the level. In a person projection most
 * people are two steps from anyone: the second level holds nearly everyone and nearly every tie
 * (36 of 40 million at 1M rows lie between people of that level), and bottom-up the last step
 * reads only the few people left (1M: 16 pivots 3.5 → 0.5 s). The dependencies of a level found
 * bottom-up are pushed from it to its predecessors; they are the same sums, added in another
 * order (the values agree to 10⁻¹⁴ relative with a top-down search).
 */
function searchFrom(state: SearchState, s: number, bc: Float64Array): void {
  // Locals, not property reads, in the loops below.
  const { offsets, neighbors, sigma, level, delta, queue, dag, firstSuccessor, firstPredecessor } =
    state;
  const { levelStart, bottomUp, predecessorsEnd, pushed } = state;
  const n = sigma.length;
  sigma[s] = 1;
  level[s] = 1;
  queue[0] = s;
  let tail = 1;
  let edges = 0;
  let depth = 0;
  levelStart[0] = 0;
  let frontierTies = (offsets[s + 1] as number) - (offsets[s] as number);
  let unreachedTies = neighbors.length - frontierTies;
  for (;;) {
    const from = levelStart[depth] as number;
    const to = tail;
    if (from === to) break;
    const here = (depth % 3) + 1;
    const next = ((depth + 1) % 3) + 1;
    let foundTies = 0;
    const up = unreachedTies + (n >>> 3) < frontierTies;
    bottomUp[depth] = up ? 1 : 0;
    if (!up) {
      for (let q = from; q < to; q++) {
        firstSuccessor[q] = edges;
        const v = queue[q] as number;
        const sv = sigma[v] as number;
        for (let i = offsets[v] as number; i < (offsets[v + 1] as number); i++) {
          const w = neighbors[i] as number;
          const lw = level[w] as number;
          if (lw === 0) {
            level[w] = next;
            queue[tail++] = w;
            sigma[w] = sv;
            dag[edges++] = w;
            foundTies += (offsets[w + 1] as number) - (offsets[w] as number);
          } else if (lw === next) {
            sigma[w] = (sigma[w] as number) + sv;
            dag[edges++] = w;
          }
        }
      }
      firstSuccessor[to] = edges;
    } else {
      // A node not reached yet has no neighbour on an earlier level: those on `here` are this
      // level's, its predecessors.
      for (let w = 0; w < n; w++) {
        if (level[w] !== 0) continue;
        const start = edges;
        let paths = 0;
        for (let i = offsets[w] as number; i < (offsets[w + 1] as number); i++) {
          const v = neighbors[i] as number;
          if (level[v] === here) {
            paths += sigma[v] as number;
            dag[edges++] = v;
          }
        }
        if (paths > 0) {
          level[w] = next;
          firstPredecessor[tail] = start;
          queue[tail++] = w;
          sigma[w] = paths;
          foundTies += (offsets[w + 1] as number) - (offsets[w] as number);
        } else edges = start;
      }
      predecessorsEnd[depth + 1] = edges;
    }
    unreachedTies -= foundTies;
    frontierTies = foundTies;
    depth++;
    levelStart[depth] = to;
  }
  // Levels 0 .. depth − 1, the deepest first.
  for (let d = depth - 1; d >= 0; d--) {
    const from = levelStart[d] as number;
    const to = levelStart[d + 1] as number;
    if (bottomUp[d] === 1) {
      // Push each next-level node's share to its predecessors on this level (the deepest
      // level has none).
      const last = d + 1 < depth ? (levelStart[d + 2] as number) : to;
      for (let q = to; q < last; q++) {
        const w = queue[q] as number;
        const share = (1 + (delta[w] as number)) / (sigma[w] as number);
        const end =
          q + 1 < last ? (firstPredecessor[q + 1] as number) : (predecessorsEnd[d + 1] as number);
        for (let k = firstPredecessor[q] as number; k < end; k++) {
          const v = dag[k] as number;
          pushed[v] = (pushed[v] as number) + share;
        }
      }
      for (let q = from; q < to; q++) {
        const v = queue[q] as number;
        const dv = (sigma[v] as number) * (pushed[v] as number);
        pushed[v] = 0;
        delta[v] = dv;
        if (v !== s) bc[v] = (bc[v] as number) + dv;
      }
    } else {
      for (let q = to - 1; q >= from; q--) {
        const v = queue[q] as number;
        let sum = 0;
        for (let k = firstSuccessor[q] as number; k < (firstSuccessor[q + 1] as number); k++) {
          const w = dag[k] as number;
          sum += (1 + (delta[w] as number)) / (sigma[w] as number);
        }
        const dv = (sigma[v] as number) * sum;
        delta[v] = dv;
        if (v !== s) bc[v] = (bc[v] as number) + dv;
      }
    }
  }
  for (let q = 0; q < tail; q++) {
    const u = queue[q] as number;
    level[u] = 0;
    sigma[u] = 0;
    delta[u] = 0;
  }
}

/**
 * Claims the share's pivots one by one and computes each into its row, until none is left (the
 * helper's side of a PivotShare; it does not wait for the others). Should a search fail, the
 * share says so and the owner computes what is not done (it never waits forever).
 */
export function searchSharedPivots(
  p: Projection,
  options: Partial<BetweennessOptions>,
  share: PivotShare,
): void {
  const o = { ...BETWEENNESS_DEFAULTS, ...options };
  const { sources: count } = betweennessPlan(p, o);
  if (Atomics.load(share.claims, 0) >= count) return;
  claimPivots(p, share, samplePivots(p.nodes, count, o.seed), searchState(p));
}

/** Searches the share's unclaimed pivots, each into its row, with one thread's search arrays. */
function claimPivots(
  p: Projection,
  share: PivotShare,
  pivots: Int32Array,
  state: SearchState,
): void {
  runClaimedTasks(board(share), pivots.length, (k) =>
    searchFrom(state, pivots[k] as number, share.rows.subarray(k * p.nodes, (k + 1) * p.nodes)),
  );
}

function board(share: PivotShare): TaskBoard {
  return { control: share.claims, next: 0, failed: 1, done: share.done };
}

/**
 * Normalised betweenness of every node. With a share (sampled pivots only), other threads may
 * compute some of the pivots (searchSharedPivots); the values are the same.
 */
export function betweenness(
  p: Projection,
  options: Partial<BetweennessOptions> = {},
  share?: PivotShare,
): Betweenness {
  const o = { ...BETWEENNESS_DEFAULTS, ...options };
  const n = p.nodes;
  const { exact, sources: count } = betweennessPlan(p, o);
  const bc = new Float64Array(n);
  if (share === undefined || exact) {
    const sources = exact
      ? Int32Array.from({ length: n }, (_, i) => i)
      : samplePivots(n, count, o.seed);
    const state = searchState(p);
    for (const s of sources) searchFrom(state, s, bc);
  } else {
    // The pivots sampled and the search arrays allocated once, for the pivots this thread claims
    // and for those others claimed: wait for them, or, should a helper have failed, compute them.
    const pivots = samplePivots(n, count, o.seed);
    const state = searchState(p);
    claimPivots(p, share, pivots, state);
    awaitTasks(board(share), count, (k) => {
      searchFrom(state, pivots[k] as number, share.rows.subarray(k * n, (k + 1) * n).fill(0));
    });
    // In pivot order, as one thread adds them: a row holds 0 where its search did not reach.
    for (let k = 0; k < count; k++) {
      const row = share.rows.subarray(k * n, (k + 1) * n);
      for (let v = 0; v < n; v++) bc[v] = (bc[v] as number) + (row[v] as number);
    }
  }
  if (n > 2) {
    let scale = 1 / ((n - 1) * (n - 2));
    if (!exact) scale *= n / count;
    for (let i = 0; i < n; i++) bc[i] = (bc[i] as number) * scale;
  }
  return { values: bc, exact, pivots: exact ? null : count };
}
