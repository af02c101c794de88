// A compact Louvain over typed arrays, for person projections too large for graphology: the same
// algorithm (local moving with the resolution-weighted modularity gain, then aggregation, until
// nothing moves) with a seeded node order, local moving stopping once a pass moves at most 2 %
// of the nodes. Used above a size limit; the report says which ran. The reports run it on the
// memberships (membershipLouvain: the first level from per-event tallies, no projection needed);
// compactLouvain runs it on any weighted graph, tie by tie.
import type { Memberships, Projection } from '../graph/projection.js';

/** A pass that moves at most this share of the nodes ends the local moving of a level. */
export const CONVERGED_SHARE = 0.02;

interface Level {
  n: number;
  offsets: Int32Array;
  neighbors: Int32Array;
  /** The projection's integer weights on the first level, sums of them on the next. */
  weights: Float64Array | Int32Array;
  /** Weight of the self-loop of each node (twice the weight inside it). */
  loops: Float64Array;
}

export interface CompactLouvain {
  /** Community of each node of the original graph, numbered from 0. */
  readonly communities: Int32Array;
  readonly modularity: number;
}

function shuffle(order: Int32Array, rng: () => number): void {
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const t = order[i] as number;
    order[i] = order[j] as number;
    order[j] = t;
  }
}

/** Renumbers communities 0.. by first node, carrying each community's total along; returns how many. */
function relabel(
  community: Int32Array | Uint16Array,
  tot: Float64Array,
  renumber: Int32Array,
  totByLabel: Float64Array,
): number {
  renumber.fill(-1);
  let next = 0;
  for (let i = 0; i < community.length; i++) {
    const c = community[i] as number;
    if (renumber[c] === -1) {
      renumber[c] = next;
      totByLabel[next] = tot[c] as number;
      next++;
    }
    community[i] = renumber[c] as number;
  }
  tot.set(totByLabel.subarray(0, next));
  return next;
}

/**
 * How local moving learns a node's ties to each community: from the level's ties, or on the
 * first level from the people's events (see eventTies). `collect` adds node i's tie weight per
 * neighbouring community into toCommunity, listing each such community once in `touched`, and
 * returns how many it listed; `moved` and `renumbered` keep any bookkeeping current.
 */
export interface TieSums {
  collect(
    i: number,
    community: Int32Array | Uint16Array,
    toCommunity: Float64Array,
    touched: Int32Array,
  ): number;
  moved(i: number, from: number, to: number): void;
  renumbered(renumber: Int32Array): void;
  /** The graph of the communities found (labels 0..count−1, as moveNodes returns them). */
  aggregate(community: Int32Array, count: number): Level;
}

/** A level's ties, read tie by tie. */
export function levelTies(g: Level): TieSums {
  const { offsets, neighbors, weights } = g;
  return {
    collect(i, community, toCommunity, touched) {
      let count = 0;
      for (let e = offsets[i] as number; e < (offsets[i + 1] as number); e++) {
        const c = community[neighbors[e] as number] as number;
        if (toCommunity[c] === 0) touched[count++] = c;
        toCommunity[c] = (toCommunity[c] as number) + (weights[e] as number);
      }
      return count;
    },
    moved() {},
    renumbered() {},
    aggregate: (community, count) => aggregate(g, community, count),
  };
}

/**
 * The first level's ties from the memberships: a person's tie weight to a community is the
 * number of (event, other member) pairs with the member in that community, so it is the sum over
 * the person's events of how many of each event's members each community holds (a tally per
 * event, kept current as people move), less the person itself once per event. Once communities
 * form, an event's tally holds a few communities where the person has hundreds of ties to read.
 */
export function eventTies(m: Memberships, initial: Int32Array | Uint16Array): TieSums {
  const { personOffsets, personEvents, eventOffsets, eventPeople } = m;
  // Event e's tally: communities tallyCommunity[s] with tallyCount[s] members, for s from
  // eventOffsets[e] to eventOffsets[e] + tallySize[e] (room for one community per member).
  const tallyCommunity = new Int32Array(eventPeople.length);
  const tallyCount = new Int32Array(eventPeople.length);
  const tallySize = new Int32Array(m.events);
  for (let e = 0; e < m.events; e++) {
    const first = eventOffsets[e] as number;
    for (let j = first; j < (eventOffsets[e + 1] as number); j++) {
      const c = initial[eventPeople[j] as number] as number;
      let s = first;
      const end = first + (tallySize[e] as number);
      while (s < end && tallyCommunity[s] !== c) s++;
      if (s === end) {
        tallyCommunity[s] = c;
        tallySize[e] = (tallySize[e] as number) + 1;
      }
      tallyCount[s] = (tallyCount[s] as number) + 1;
    }
  }
  return {
    collect(i, community, toCommunity, touched) {
      let count = 0;
      const first = personOffsets[i] as number;
      const last = personOffsets[i + 1] as number;
      for (let k = first; k < last; k++) {
        const e = personEvents[k] as number;
        const from = eventOffsets[e] as number;
        const to = from + (tallySize[e] as number);
        for (let s = from; s < to; s++) {
          const c = tallyCommunity[s] as number;
          if (toCommunity[c] === 0) touched[count++] = c;
          toCommunity[c] = (toCommunity[c] as number) + (tallyCount[s] as number);
        }
      }
      // The person counted itself once in each of its events.
      const own = community[i] as number;
      toCommunity[own] = (toCommunity[own] as number) - (last - first);
      return count;
    },
    moved(i, from, to) {
      for (let k = personOffsets[i] as number; k < (personOffsets[i + 1] as number); k++) {
        const e = personEvents[k] as number;
        const first = eventOffsets[e] as number;
        let end = first + (tallySize[e] as number);
        let s = first;
        while (s < end && tallyCommunity[s] !== from) s++;
        // The person is in `from`, so each of its events tallies it: anything else is a bug.
        if (s === end) throw new Error(`event tally of ${e} lacks community ${from}`);
        tallyCount[s] = (tallyCount[s] as number) - 1;
        if (tallyCount[s] === 0) {
          end--;
          tallyCommunity[s] = tallyCommunity[end] as number;
          tallyCount[s] = tallyCount[end] as number;
          tallySize[e] = end - first;
        }
        s = first;
        while (s < end && tallyCommunity[s] !== to) s++;
        if (s === end) {
          tallyCommunity[s] = to;
          tallyCount[s] = 0;
          tallySize[e] = end - first + 1;
        }
        tallyCount[s] = (tallyCount[s] as number) + 1;
      }
    },
    renumbered(renumber) {
      for (let e = 0; e < m.events; e++) {
        const first = eventOffsets[e] as number;
        for (let s = first; s < first + (tallySize[e] as number); s++)
          tallyCommunity[s] = renumber[tallyCommunity[s] as number] as number;
      }
    },
    aggregate(_community, count) {
      // Communities c ≠ d of an event with a and b members there share a·b ties through it;
      // c's members share a·(a − 1) directed ties, its self-loop (twice the weight inside).
      const loops = new Float64Array(count);
      const start = new Int32Array(count + 1);
      for (let e = 0; e < m.events; e++) {
        const first = eventOffsets[e] as number;
        const size = tallySize[e] as number;
        for (let s = first; s < first + size; s++) {
          const c = tallyCommunity[s] as number;
          start[c + 1] = (start[c + 1] as number) + size - 1;
        }
      }
      for (let c = 0; c < count; c++)
        start[c + 1] = (start[c + 1] as number) + (start[c] as number);
      const other = new Int32Array(start[count] as number);
      const shared = new Float64Array(other.length);
      const fill = start.slice(0, count);
      for (let e = 0; e < m.events; e++) {
        const first = eventOffsets[e] as number;
        const end = first + (tallySize[e] as number);
        for (let s = first; s < end; s++) {
          const c = tallyCommunity[s] as number;
          const a = tallyCount[s] as number;
          loops[c] = (loops[c] as number) + a * (a - 1);
          for (let t = first; t < end; t++) {
            if (t === s) continue;
            const at = fill[c] as number;
            other[at] = tallyCommunity[t] as number;
            shared[at] = a * (tallyCount[t] as number);
            fill[c] = at + 1;
          }
        }
      }
      // Each community's neighbours once, ascending, with their summed weights (as aggregate).
      const offsets = new Int32Array(count + 1);
      const neighbors: number[] = [];
      const weights: number[] = [];
      const sum = new Float64Array(count);
      const touched = new Int32Array(count);
      for (let c = 0; c < count; c++) {
        let found = 0;
        for (let k = start[c] as number; k < (start[c + 1] as number); k++) {
          const d = other[k] as number;
          if (sum[d] === 0) touched[found++] = d;
          sum[d] = (sum[d] as number) + (shared[k] as number);
        }
        for (const d of touched.subarray(0, found).sort()) {
          neighbors.push(d);
          weights.push(sum[d] as number);
          sum[d] = 0;
        }
        offsets[c + 1] = neighbors.length;
      }
      return {
        n: count,
        offsets,
        neighbors: Int32Array.from(neighbors),
        weights: Float64Array.from(weights),
        loops,
      };
    },
  };
}

/**
 * One round of local moving over n nodes of weighted degrees k; returns each node's community
 * (renumbered from 0) and whether any moved.
 */
function moveNodes(
  n: number,
  k: Float64Array,
  ties: (community: Int32Array) => TieSums,
  m2: number,
  resolution: number,
  rng: () => number,
): { community: Int32Array; moved: boolean; sums: TieSums } {
  // Community labels: 32-bit at first, 16-bit once fewer than 65,536 remain (half the bytes to
  // read at random on every tie).
  let community: Int32Array | Uint16Array = Int32Array.from({ length: n }, (_, i) => i);
  const sums = ties(community);
  const tot = Float64Array.from(k);
  const toCommunity = new Float64Array(n);
  const touched = new Int32Array(n);
  const order = Int32Array.from({ length: n }, (_, i) => i);
  const renumber = new Int32Array(n);
  const totByLabel = new Float64Array(n);
  let movedAny = false;
  for (let pass = 0; pass < 100; pass++) {
    shuffle(order, rng);
    let moved = 0;
    for (const i of order) {
      const ci = community[i] as number;
      const ki = k[i] as number;
      const count = sums.collect(i, community, toCommunity, touched);
      tot[ci] = (tot[ci] as number) - ki;
      let best = ci;
      let bestGain = (toCommunity[ci] as number) - (resolution * (tot[ci] as number) * ki) / m2;
      for (let t = 0; t < count; t++) {
        const c = touched[t] as number;
        const gain = (toCommunity[c] as number) - (resolution * (tot[c] as number) * ki) / m2;
        if (gain > bestGain + 1e-12) {
          best = c;
          bestGain = gain;
        }
      }
      tot[best] = (tot[best] as number) + ki;
      if (best !== ci) {
        community[i] = best;
        sums.moved(i, ci, best);
        moved++;
      }
      for (let t = 0; t < count; t++) toCommunity[touched[t] as number] = 0;
      toCommunity[ci] = 0;
    }
    if (moved > 0) movedAny = true;
    // Communities numbered 0.. by first node again, so that the per-community arrays a pass
    // reads at random stay small (in cache); the choices do not depend on the numbers.
    const labels = relabel(community, tot, renumber, totByLabel);
    sums.renumbered(renumber);
    if (labels <= 65536 && community instanceof Int32Array) community = Uint16Array.from(community);
    // Converged: nobody moved, or so few (at most 2 % of the nodes) that another pass over every
    // tie would change the partition by a hair (the tail of passes costs most of the time: on
    // the 100k-row bench graph 2 % instead of 1 % saves a quarter of the time for 0.4 % of the
    // modularity, less than the seed alone changes it).
    if (moved <= Math.floor(n * CONVERGED_SHARE)) break;
  }
  return { community: Int32Array.from(community), moved: movedAny, sums };
}

/** The graph of communities: one node per community, ties summed, ties inside as self-loops. */
function aggregate(g: Level, community: Int32Array, count: number): Level {
  // The nodes of each community, by a counting sort.
  const start = new Int32Array(count + 1);
  for (let i = 0; i < g.n; i++) {
    const c = (community[i] as number) + 1;
    start[c] = (start[c] as number) + 1;
  }
  for (let c = 0; c < count; c++) start[c + 1] = (start[c + 1] as number) + (start[c] as number);
  const byCommunity = new Int32Array(g.n);
  const fill = start.slice(0, count);
  for (let i = 0; i < g.n; i++) {
    const c = community[i] as number;
    byCommunity[fill[c] as number] = i;
    fill[c] = (fill[c] as number) + 1;
  }
  const loops = new Float64Array(count);
  const offsets = new Int32Array(count + 1);
  const sum = new Float64Array(count);
  const touched = new Int32Array(count);
  let neighbors = new Int32Array(Math.max(16, count));
  let weights = new Float64Array(neighbors.length);
  let size = 0;
  for (let ci = 0; ci < count; ci++) {
    let found = 0;
    for (let k = start[ci] as number; k < (start[ci + 1] as number); k++) {
      const i = byCommunity[k] as number;
      loops[ci] = (loops[ci] as number) + (g.loops[i] as number);
      for (let e = g.offsets[i] as number; e < (g.offsets[i + 1] as number); e++) {
        const cj = community[g.neighbors[e] as number] as number;
        const w = g.weights[e] as number;
        if (cj === ci) loops[ci] = (loops[ci] as number) + w;
        else {
          if (sum[cj] === 0) touched[found++] = cj;
          sum[cj] = (sum[cj] as number) + w;
        }
      }
    }
    const list = touched.subarray(0, found).sort();
    if (size + found > neighbors.length) {
      const grown = new Int32Array(Math.max(size + found, neighbors.length * 2));
      grown.set(neighbors);
      neighbors = grown;
      const grownWeights = new Float64Array(grown.length);
      grownWeights.set(weights);
      weights = grownWeights;
    }
    for (const cj of list) {
      neighbors[size] = cj;
      weights[size] = sum[cj] as number;
      size++;
      sum[cj] = 0;
    }
    offsets[ci + 1] = size;
  }
  return {
    n: count,
    offsets,
    neighbors: neighbors.slice(0, size),
    weights: weights.slice(0, size),
    loops,
  };
}

/** The weighted degree of each node of a level: its self-loop and its ties. */
function weightedDegrees(g: Level): Float64Array {
  const k = new Float64Array(g.n);
  for (let i = 0; i < g.n; i++) {
    let s = g.loops[i] as number;
    for (let e = g.offsets[i] as number; e < (g.offsets[i + 1] as number); e++)
      s += g.weights[e] as number;
    k[i] = s;
  }
  return k;
}

/** Where Louvain starts: the nodes, their weighted degrees, and how to read their ties. */
interface FirstLevel {
  readonly n: number;
  readonly k: Float64Array;
  readonly ties: (initial: Int32Array) => TieSums;
}

/**
 * Louvain communities of a weighted projection, read tie by tie: the reference that
 * membershipLouvain (which the reports use) is tested against, and usable on any weighted graph.
 */
export function compactLouvain(
  p: Projection,
  resolution: number,
  rng: () => number,
): CompactLouvain {
  const level: Level = {
    n: p.nodes,
    offsets: p.offsets,
    neighbors: p.neighbors,
    weights: p.weights,
    loops: new Float64Array(p.nodes),
  };
  return louvain(
    { n: p.nodes, k: weightedDegrees(level), ties: () => levelTies(level) },
    resolution,
    rng,
  );
}

/**
 * Louvain communities of the projection of these memberships, without the projection: the
 * weight of a tie is the number of events two people share, so a person's weighted degree is
 * Σ (event size − 1) over its events, its ties per community come from per-event tallies of
 * communities (eventTies), and the graph of the first level's communities from the same tallies.
 * The later levels are small graphs of communities. The same sums as on the projection's ties;
 * candidates come in another order, which can break a tie between equal gains differently.
 */
export function membershipLouvain(
  m: Memberships,
  resolution: number,
  rng: () => number,
): CompactLouvain {
  const k = new Float64Array(m.people);
  for (let i = 0; i < m.people; i++) {
    let sum = 0;
    for (let j = m.personOffsets[i] as number; j < (m.personOffsets[i + 1] as number); j++) {
      const e = m.personEvents[j] as number;
      sum += (m.eventOffsets[e + 1] as number) - (m.eventOffsets[e] as number) - 1;
    }
    k[i] = sum;
  }
  return louvain({ n: m.people, k, ties: (initial) => eventTies(m, initial) }, resolution, rng);
}

function louvain(first: FirstLevel, resolution: number, rng: () => number): CompactLouvain {
  let m2 = 0;
  for (let i = 0; i < first.n; i++) m2 += first.k[i] as number;
  const membership = Int32Array.from({ length: first.n }, (_, i) => i);
  if (m2 === 0) return { communities: membership, modularity: 0 };
  // undefined: the first level, whose ties come from `first`.
  let level: Level | undefined;
  let community: Int32Array;
  let count = 0;
  for (;;) {
    const g = level;
    const n = g === undefined ? first.n : g.n;
    const result = moveNodes(
      n,
      g === undefined ? first.k : weightedDegrees(g),
      g === undefined ? first.ties : () => levelTies(g),
      m2,
      resolution,
      rng,
    );
    community = result.community;
    count = 0;
    for (let i = 0; i < community.length; i++)
      count = Math.max(count, (community[i] as number) + 1);
    for (let i = 0; i < membership.length; i++)
      membership[i] = community[membership[i] as number] as number;
    if (!result.moved || count === n) break;
    level = result.sums.aggregate(community, count);
  }
  if (level === undefined) {
    // Nobody moved on the first level: every node alone, nothing inside any community.
    let modularity = 0;
    for (let i = 0; i < first.n; i++) modularity -= resolution * ((first.k[i] as number) / m2) ** 2;
    return { communities: membership, modularity };
  }
  // Modularity, from the last level: each node's self-loop holds the ties inside it, and its
  // weighted degree its members' degrees. The weights are whole numbers, so these sums are the
  // original graph's, exactly.
  const inside = new Float64Array(count);
  const tot = new Float64Array(count);
  for (let i = 0; i < level.n; i++) {
    const ci = community[i] as number;
    const loop = level.loops[i] as number;
    inside[ci] = (inside[ci] as number) + loop;
    tot[ci] = (tot[ci] as number) + loop;
    for (let e = level.offsets[i] as number; e < (level.offsets[i + 1] as number); e++) {
      const w = level.weights[e] as number;
      tot[ci] = (tot[ci] as number) + w;
      if (community[level.neighbors[e] as number] === ci) inside[ci] = (inside[ci] as number) + w;
    }
  }
  let modularity = 0;
  for (let c = 0; c < count; c++)
    modularity += (inside[c] as number) / m2 - resolution * ((tot[c] as number) / m2) ** 2;
  return { communities: membership, modularity };
}
