// Projection → Burt's constraint and effective size of a node, as networkx defines them for an
// unweighted undirected graph: p_uv = 1/deg(u) for a neighbour v; constraint(u) =
// Σ_v (p_uv + Σ_w p_uw·p_wv)²; effective size = n − 2t/n (n neighbours, t ties among them).
//
// Both need, for each neighbour v of u, the common neighbours of u and v: their Σ 1/deg(w)
// ("indirect") and their count. Read from v's neighbours, that costs Σ deg(v) over u's
// neighbours — for a regular adjacent to most of a large network, nearly every tie. Then it is
// cheaper to start from everything v can reach, Σ_{w ∈ N(v)} 1/deg(w) and deg(v) (computed once
// for all nodes), and subtract u itself and the nodes outside u's neighbourhood, reading only the
// ties of those outside nodes. Each node takes the cheaper way; both give the same sums. The pass
// over the ties is cut into parts, which a worker and the main thread can share (HolesShare).
import { degree, type Projection } from '../graph/projection.js';
import { awaitTasks, runClaimedTasks, type TaskBoard } from './shared-tasks.js';

export interface StructuralHoles {
  readonly constraint: number | null;
  readonly effectiveSize: number | null;
}

/** What every node's structural holes share: 1/deg and Σ 1/deg over each node's neighbours. */
export interface HolesContext {
  readonly projection: Projection;
  readonly inverseDegree: Float64Array;
  readonly reach: Float64Array;
}

export function holesContext(
  p: Projection,
  inverseDegree: Float64Array = new Float64Array(p.nodes),
  reach: Float64Array = new Float64Array(p.nodes),
): HolesContext {
  const n = p.nodes;
  for (let u = 0; u < n; u++) {
    const d = degree(p, u);
    inverseDegree[u] = d === 0 ? 0 : 1 / d;
  }
  for (let v = 0; v < n; v++) {
    let sum = 0;
    for (let i = p.offsets[v] as number; i < (p.offsets[v + 1] as number); i++)
      sum += inverseDegree[p.neighbors[i] as number] as number;
    reach[v] = sum;
  }
  return { projection: p, inverseDegree, reach };
}

/** Nodes handled by one pass over the ties: one bit each in a 32-bit mask. */
const BATCH = 32;

/**
 * Parts the pass over the ties is cut into (ranges of nodes with about equal ties), so that two
 * threads can share it; each part's sums are added in part order, whoever computed them, so the
 * values do not depend on how the parts were shared.
 */
export const HOLES_PARTS = 16;

/**
 * Constraint and effective size of each of `nodes` (null for an isolated node), from one pass
 * over the ties per 32 nodes: each node's neighbours v are visited once, and each tie (v, c)
 * adds to the sums of the nodes that bit masks say it concerns — inside the node's neighbourhood
 * (c a neighbour too) or outside it (c neither a neighbour nor the node), whichever reads fewer
 * ties for that node. One pass per node took 5 s for the top 25 brokers at 1M rows.
 */
export function structuralHolesOf(ctx: HolesContext, nodes: readonly number[]): StructuralHoles[] {
  const tasks = new HolesTasks(ctx, nodes);
  const sums = new Float64Array(tasks.count * SUMS);
  for (let t = 0; t < tasks.count; t++) tasks.compute(t, sums.subarray(t * SUMS, (t + 1) * SUMS));
  return tasks.holes(sums);
}

/** Per task: BATCH partial constraints, then BATCH partial counts of ties among neighbours. */
const SUMS = 2 * BATCH;

/** One batch's nodes marked on the projection's nodes, and their degrees. */
interface BatchMarks {
  /** Bit b of adjacentTo[x]: x is a neighbour of batch[b]; of self[x]: x is batch[b] itself. */
  readonly adjacentTo: Int32Array;
  readonly self: Int32Array;
  readonly d: Float64Array;
  readonly inverse: Float64Array;
  readonly ownInverse: Float64Array;
  /** Bit b: batch[b] sums inside its neighbourhood (else outside it). */
  readonly insideMode: number;
}

/**
 * The pass for some nodes as tasks — batch × part of the ties — whose partial sums any thread
 * may compute (`compute`) and which add up to the nodes' holes (`holes`).
 */
export class HolesTasks {
  readonly count: number;
  /** First node of each part (HOLES_PARTS + 1 bounds). */
  private readonly bounds: Int32Array;
  private readonly marks = new Map<number, BatchMarks>();

  constructor(
    private readonly ctx: HolesContext,
    private readonly nodes: readonly number[],
  ) {
    const { offsets, nodes: n } = ctx.projection;
    this.count = Math.ceil(nodes.length / BATCH) * HOLES_PARTS;
    // Part k starts at the first node whose ties begin at or after k/HOLES_PARTS of all ties.
    const ties = offsets[n] as number;
    this.bounds = new Int32Array(HOLES_PARTS + 1);
    let v = 0;
    for (let k = 1; k < HOLES_PARTS; k++) {
      const from = Math.ceil((k * ties) / HOLES_PARTS);
      while (v < n && (offsets[v] as number) < from) v++;
      this.bounds[k] = v;
    }
    this.bounds[HOLES_PARTS] = n;
  }

  /** Writes task t's partial sums (SUMS values) to `out`. */
  compute(t: number, out: Float64Array): void {
    const batch = Math.floor(t / HOLES_PARTS);
    const part = t % HOLES_PARTS;
    let marks = this.marks.get(batch);
    if (marks === undefined) {
      marks = markBatch(this.ctx, this.nodes.slice(batch * BATCH, (batch + 1) * BATCH));
      this.marks.set(batch, marks);
    }
    out.fill(0);
    partialHoles(
      this.ctx,
      marks,
      this.bounds[part] as number,
      this.bounds[part + 1] as number,
      out,
    );
  }

  /** The nodes' holes from all tasks' partial sums (task t at t·SUMS), added in part order. */
  holes(sums: Float64Array): StructuralHoles[] {
    const p = this.ctx.projection;
    return this.nodes.map((u, k) => {
      const du = degree(p, u);
      if (du === 0) return { constraint: null, effectiveSize: null };
      const batch = Math.floor(k / BATCH);
      const b = k % BATCH;
      let constraint = 0;
      let ties2 = 0;
      for (let part = 0; part < HOLES_PARTS; part++) {
        const at = (batch * HOLES_PARTS + part) * SUMS;
        constraint += sums[at + b] as number;
        ties2 += sums[at + BATCH + b] as number;
      }
      return { constraint, effectiveSize: du - ties2 / du };
    });
  }
}

function markBatch(ctx: HolesContext, batch: readonly number[]): BatchMarks {
  const { projection: p, inverseDegree } = ctx;
  const { offsets, neighbors } = p;
  const m = batch.length;
  const adjacentTo = new Int32Array(p.nodes);
  const self = new Int32Array(p.nodes);
  const d = new Float64Array(m);
  const inverse = new Float64Array(m);
  const ownInverse = new Float64Array(m);
  let insideMode = 0;
  batch.forEach((u, b) => {
    const bit = 1 << b;
    const degreeU = degree(p, u);
    d[b] = degreeU;
    inverse[b] = 1 / degreeU;
    ownInverse[b] = inverseDegree[u] as number;
    self[u] = (self[u] as number) | bit;
    let inside = 0;
    for (let i = offsets[u] as number; i < (offsets[u + 1] as number); i++) {
      const v = neighbors[i] as number;
      adjacentTo[v] = (adjacentTo[v] as number) | bit;
      inside += degree(p, v);
    }
    if (inside <= neighbors.length - inside - degreeU) insideMode |= bit;
  });
  return { adjacentTo, self, d, inverse, ownInverse, insideMode };
}

/** Adds the batch's constraint and tie counts over the neighbours v in [from, to) to `out`. */
function partialHoles(
  ctx: HolesContext,
  marks: BatchMarks,
  from: number,
  to: number,
  out: Float64Array,
): void {
  const { projection: p, inverseDegree, reach } = ctx;
  const { offsets, neighbors } = p;
  const { adjacentTo, self, d, inverse, ownInverse, insideMode } = marks;
  const m = d.length;
  const outsideMode = ~insideMode;
  const constraint = out.subarray(0, BATCH);
  const ties2 = out.subarray(BATCH, SUMS);
  // Per v: inside, Σ (1/d)·(1/deg c) and the count over common neighbours c; outside, Σ 1/deg c
  // and the count over v's neighbours c outside u's closed neighbourhood.
  const sum = new Float64Array(m);
  const count = new Int32Array(m);
  for (let v = from; v < to; v++) {
    const here = adjacentTo[v] as number;
    if (here === 0) continue;
    const inHere = here & insideMode;
    const outHere = here & outsideMode;
    for (let i = offsets[v] as number; i < (offsets[v + 1] as number); i++) {
      const c = neighbors[i] as number;
      const there = adjacentTo[c] as number;
      let inside = inHere & there;
      let outside = outHere & ~there & ~(self[c] as number);
      if ((inside | outside) === 0) continue;
      const share = inverseDegree[c] as number;
      while (inside !== 0) {
        const b = 31 - Math.clz32(inside & -inside);
        inside &= inside - 1;
        sum[b] = (sum[b] as number) + (inverse[b] as number) * share;
        count[b] = (count[b] as number) + 1;
      }
      while (outside !== 0) {
        const b = 31 - Math.clz32(outside & -outside);
        outside &= outside - 1;
        sum[b] = (sum[b] as number) + share;
        count[b] = (count[b] as number) + 1;
      }
    }
    let bits = here;
    while (bits !== 0) {
      const b = 31 - Math.clz32(bits & -bits);
      bits &= bits - 1;
      const du = d[b] as number;
      if ((insideMode >> b) & 1) {
        constraint[b] = (constraint[b] as number) + (1 / du + (sum[b] as number)) ** 2;
        ties2[b] = (ties2[b] as number) + (count[b] as number);
      } else {
        const indirect = (reach[v] as number) - (ownInverse[b] as number) - (sum[b] as number);
        ties2[b] = (ties2[b] as number) + degree(p, v) - 1 - (count[b] as number);
        constraint[b] = (constraint[b] as number) + (1 / du + indirect / du) ** 2;
      }
      sum[b] = 0;
      count[b] = 0;
    }
  }
}

/**
 * The holes tasks of the top brokers, shared between the thread that found the brokers (the
 * owner) and a helper, in shared memory. The owner publishes the nodes; both claim tasks; the
 * owner adds the sums, in part order, as one thread does (the same values to the bit).
 */
export interface HolesShare {
  /**
   * [the owner's progress: 0 not started, 1 finding the brokers, the nodes' count + 2 once they
   * are published, −1 failed before; the next task to claim; 1 once a helper failed]
   */
  readonly state: Int32Array;
  readonly nodes: Int32Array;
  /** Per task: 1 once its sums are written. */
  readonly done: Int32Array;
  /** Per task: its SUMS partial sums. */
  readonly sums: Float64Array;
  /** What every node's holes share (holesContext), computed once by the owner before it publishes. */
  readonly inverseDegree: Float64Array;
  readonly reach: Float64Array;
}

/** A share for the holes of at most `maxNodes` nodes of a projection of `people` nodes. */
export function holesShare(maxNodes: number, people: number): HolesShare {
  const tasks = Math.max(1, Math.ceil(maxNodes / BATCH) * HOLES_PARTS);
  return {
    state: new Int32Array(new SharedArrayBuffer(3 * 4)),
    nodes: new Int32Array(new SharedArrayBuffer(Math.max(1, maxNodes) * 4)),
    done: new Int32Array(new SharedArrayBuffer(tasks * 4)),
    sums: new Float64Array(new SharedArrayBuffer(tasks * SUMS * 8)),
    inverseDegree: new Float64Array(new SharedArrayBuffer(people * 8)),
    reach: new Float64Array(new SharedArrayBuffer(people * 8)),
  };
}

/** How long a helper waits for the owner to publish the nodes before leaving the work to it. */
export const HOLES_PATIENCE_MS = 5000;

/**
 * The owner's side: computes what every node's holes share into the share, publishes the nodes,
 * computes the tasks it claims, and waits for those a helper claimed (should the helper fail, it
 * computes them here: it never waits forever).
 */
export function sharedStructuralHoles(
  p: Projection,
  nodes: readonly number[],
  share: HolesShare,
): StructuralHoles[] {
  const ctx = holesContext(p, share.inverseDegree, share.reach);
  share.nodes.set(nodes);
  Atomics.store(share.state, 0, nodes.length + 2);
  Atomics.notify(share.state, 0);
  const tasks = new HolesTasks(ctx, nodes);
  const compute = (t: number) => tasks.compute(t, share.sums.subarray(t * SUMS, (t + 1) * SUMS));
  runClaimedTasks(board(share), tasks.count, compute);
  awaitTasks(board(share), tasks.count, compute);
  return tasks.holes(share.sums);
}

/** The owner's side as it starts finding the brokers: from now on helpers wait for the nodes. */
export function startHoles(share: HolesShare): void {
  Atomics.compareExchange(share.state, 0, 0, 1);
}

/** The owner's side when it fails before publishing: helpers stop waiting. */
export function abandonHoles(share: HolesShare): void {
  Atomics.store(share.state, 0, -1);
  Atomics.notify(share.state, 0);
}

/**
 * A helper's side, once an owner has started: waits for the owner to publish the nodes (at most
 * `patience` ms; an owner that has not started or has failed is not waited for), reads what every
 * node's holes share from the share (the owner computed it first), and computes the tasks nobody
 * has claimed; returns when none is left.
 */
export function helpWithHoles(
  p: Projection,
  share: HolesShare,
  patience: number = HOLES_PATIENCE_MS,
): void {
  if (Atomics.load(share.state, 0) === 0) return;
  const ctx: HolesContext = {
    projection: p,
    inverseDegree: share.inverseDegree,
    reach: share.reach,
  };
  const deadline = performance.now() + patience;
  while (Atomics.load(share.state, 0) === 1) {
    const left = deadline - performance.now();
    if (left <= 0) return;
    Atomics.wait(share.state, 0, 1, Math.min(left, 100));
  }
  const published = Atomics.load(share.state, 0);
  if (published < 2) return;
  const tasks = new HolesTasks(ctx, Array.from(share.nodes.subarray(0, published - 2)));
  runClaimedTasks(board(share), tasks.count, (t) =>
    tasks.compute(t, share.sums.subarray(t * SUMS, (t + 1) * SUMS)),
  );
}

function board(share: HolesShare): TaskBoard {
  return { control: share.state, next: 1, failed: 2, done: share.done };
}
