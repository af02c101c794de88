// Affiliation → the person projection as a compact graph (CSR over typed arrays): two people are
// adjacent when they share at least one event; an edge's weight is the number of events shared.
import type { Affiliation } from './affiliation.js';

export interface Projection {
  readonly nodes: number;
  /**
   * offsets[u]..offsets[u+1] index u's neighbours and weights: in the order met in the full
   * projection, ascending in `strongTies` (which `adjacent` needs).
   */
  readonly offsets: Int32Array;
  readonly neighbors: Int32Array;
  readonly weights: Int32Array;
}

/**
 * The person × event incidence in both directions, as CSR over typed arrays: person u's events
 * are personEvents[personOffsets[u]..personOffsets[u+1]] and event e's people (ascending)
 * eventPeople[eventOffsets[e]..eventOffsets[e+1]]. The projection is built from it, each
 * event a clique; its size grows with the memberships, the projection's with (event size)².
 */
export interface Memberships {
  readonly people: number;
  readonly events: number;
  readonly personOffsets: Int32Array;
  readonly personEvents: Int32Array;
  readonly eventOffsets: Int32Array;
  readonly eventPeople: Int32Array;
}

/** The memberships of the people of an affiliation (or any list of per-person event lists). */
export function memberships(
  personEventLists: readonly (readonly number[])[],
  events: number,
): Memberships {
  const people = personEventLists.length;
  const personOffsets = new Int32Array(people + 1);
  personEventLists.forEach((list, u) => {
    personOffsets[u + 1] = (personOffsets[u] as number) + list.length;
  });
  const personEvents = new Int32Array(personOffsets[people] as number);
  const eventOffsets = new Int32Array(events + 1);
  personEventLists.forEach((list, u) => {
    personEvents.set(list, personOffsets[u] as number);
    for (const e of list) eventOffsets[e + 1] = (eventOffsets[e + 1] as number) + 1;
  });
  for (let e = 0; e < events; e++)
    eventOffsets[e + 1] = (eventOffsets[e + 1] as number) + (eventOffsets[e] as number);
  const eventPeople = new Int32Array(personEvents.length);
  const next = eventOffsets.slice(0, events);
  for (let u = 0; u < people; u++) {
    for (let i = personOffsets[u] as number; i < (personOffsets[u + 1] as number); i++) {
      const e = personEvents[i] as number;
      eventPeople[next[e] as number] = u;
      next[e] = (next[e] as number) + 1;
    }
  }
  return { people, events, personOffsets, personEvents, eventOffsets, eventPeople };
}

/**
 * Σ over events of the pairs of their members: the ties the projection would have if no two
 * people shared more than one event (an upper bound of its ties, known before building it).
 */
export function coAttendancePairs(m: Memberships): number {
  let pairs = 0;
  for (let e = 0; e < m.events; e++) {
    const size = (m.eventOffsets[e + 1] as number) - (m.eventOffsets[e] as number);
    pairs += (size * (size - 1)) / 2;
  }
  return pairs;
}

/**
 * An upper bound of the projection's directed ties: per person, the people met at each of their
 * events, at most everyone else. Tighter than twice the co-attendance pairs where the same people
 * meet again and again (200 regulars at 200 weekly events: 39,800 ties, not 7,960,000).
 */
export function tieBound(m: Memberships): number {
  const { personOffsets, personEvents, eventOffsets } = m;
  let bound = 0;
  for (let u = 0; u < m.people; u++) {
    let met = 0;
    for (let i = personOffsets[u] as number; i < (personOffsets[u + 1] as number); i++) {
      const e = personEvents[i] as number;
      met += (eventOffsets[e + 1] as number) - (eventOffsets[e] as number) - 1;
    }
    bound += Math.min(m.people - 1, met);
  }
  return bound;
}

/** Most directed ties a projection holds: its offsets are 32-bit integers. */
export const MAX_PROJECTION_TIES = 2 ** 31 - 1;

/** The event with the most people (the first of them), and its size. */
export function largestEvent(m: Memberships): { event: number; size: number } {
  let event = -1;
  let size = -1;
  for (let e = 0; e < m.events; e++) {
    const s = (m.eventOffsets[e + 1] as number) - (m.eventOffsets[e] as number);
    if (s > size) {
      event = e;
      size = s;
    }
  }
  return { event, size };
}

/** The memberships of an affiliation's people. */
export function affiliationMemberships(graph: Affiliation): Memberships {
  return memberships(graph.personEvents, graph.eventGroup.length);
}

/**
 * Builds the person projection in one sweep: each person's distinct neighbours are collected
 * and written straight after the previous person's, in the order they are met (the person's
 * events in order, their people ascending). Work is Σ (event size)², with sequential writes and
 * no allocation per person. The tie arrays are allocated at an upper bound (tieBound) and only
 * the ties found are used: the operating system gives the rest no memory until it is written,
 * and a first sweep to count them took ~40 % of the time. Sorting every slice, or writing each
 * tie into its neighbour's slice to keep them ascending, took 4–7 s at 1M rows.
 */
export function personProjection(m: Memberships): Projection {
  return projectionAndStrongTies(m).projection;
}

/**
 * The person projection and, collected in the same sweep, its ties of weight at least
 * `minWeight` (as strongTies gives them: each node's neighbours ascending), which saves the
 * cliques a second pass over every tie (40 M at 1M rows).
 */
export function projectionAndStrongTies(
  m: Memberships,
  minWeight = Number.POSITIVE_INFINITY,
): { projection: Projection; strong: Projection } {
  const n = m.people;
  const { personOffsets, personEvents, eventOffsets, eventPeople } = m;
  const mark = new Int32Array(n).fill(-1);
  const count = new Int32Array(n);
  const found = new Int32Array(n);
  const offsets = new Int32Array(n + 1);
  /** Collects u's distinct neighbours into `found` (their shared events in `count`). */
  const neighboursOf = (u: number): number => {
    let size = 0;
    for (let i = personOffsets[u] as number; i < (personOffsets[u + 1] as number); i++) {
      const e = personEvents[i] as number;
      for (let j = eventOffsets[e] as number; j < (eventOffsets[e + 1] as number); j++) {
        const v = eventPeople[j] as number;
        if (v === u) continue;
        if (mark[v] !== u) {
          mark[v] = u;
          count[v] = 0;
          found[size++] = v;
        }
        count[v] = (count[v] as number) + 1;
      }
    }
    return size;
  };
  // Ties and weights in shared memory, so that worker threads can read them without a copy.
  // Never a silent wrap-around of the 32-bit offsets (overlapReport checks tieBound first).
  const capacity = Math.min(tieBound(m), MAX_PROJECTION_TIES);
  const tieBuffer = new SharedArrayBuffer(capacity * 4);
  const weightBuffer = new SharedArrayBuffer(capacity * 4);
  const allNeighbors = new Int32Array(tieBuffer);
  const allWeights = new Int32Array(weightBuffer);
  const strongOffsets = new Int32Array(n + 1);
  let strongNeighbors = new Int32Array(1024);
  let strongWeights = new Int32Array(1024);
  let strongCount = 0;
  const weightOf = new Int32Array(n);
  let total = 0;
  for (let u = 0; u < n; u++) {
    const size = neighboursOf(u);
    const start = total;
    if (size > capacity - start)
      throw new RangeError(`the person projection has more than ${MAX_PROJECTION_TIES} ties`);
    const strongStart = strongCount;
    for (let i = 0; i < size; i++) {
      const v = found[i] as number;
      const w = count[v] as number;
      allNeighbors[start + i] = v;
      allWeights[start + i] = w;
      if (w >= minWeight) {
        if (strongCount === strongNeighbors.length) {
          const grown = new Int32Array(strongCount * 2);
          grown.set(strongNeighbors);
          strongNeighbors = grown;
          const grownWeights = new Int32Array(strongCount * 2);
          grownWeights.set(strongWeights);
          strongWeights = grownWeights;
        }
        strongNeighbors[strongCount++] = v;
        weightOf[v] = w;
      }
    }
    total = start + size;
    offsets[u + 1] = total;
    sortSlice(strongNeighbors, strongWeights, weightOf, strongStart, strongCount);
    strongOffsets[u + 1] = strongCount;
  }
  const neighbors = new Int32Array(tieBuffer, 0, total);
  const weights = new Int32Array(weightBuffer, 0, total);
  return {
    projection: { nodes: n, offsets, neighbors, weights },
    strong: {
      nodes: n,
      offsets: strongOffsets,
      neighbors: strongNeighbors.slice(0, strongCount),
      weights: strongWeights.slice(0, strongCount),
    },
  };
}

/**
 * Sorts one node's neighbours neighbors[start..end) ascending and writes their weights beside
 * them (weightOf holds each neighbour's weight to this node).
 */
function sortSlice(
  neighbors: Int32Array,
  weights: Int32Array,
  weightOf: Int32Array,
  start: number,
  end: number,
): void {
  const list = neighbors.subarray(start, end).sort();
  for (let i = 0; i < list.length; i++) weights[start + i] = weightOf[list[i] as number] as number;
}

/** The edges of weight at least `minWeight` (the strong-tie graph). */
export function strongTies(projection: Projection, minWeight: number): Projection {
  const { nodes, offsets, neighbors, weights } = projection;
  const newOffsets = new Int32Array(nodes + 1);
  let kept = 0;
  for (let i = 0; i < weights.length; i++) if ((weights[i] as number) >= minWeight) kept++;
  const strongNeighbors = new Int32Array(kept);
  const strongWeights = new Int32Array(kept);
  const weightOf = new Int32Array(nodes);
  let at = 0;
  for (let u = 0; u < nodes; u++) {
    const start = at;
    for (let i = offsets[u] as number; i < (offsets[u + 1] as number); i++) {
      const w = weights[i] as number;
      if (w >= minWeight) {
        const v = neighbors[i] as number;
        strongNeighbors[at++] = v;
        weightOf[v] = w;
      }
    }
    sortSlice(strongNeighbors, strongWeights, weightOf, start, at);
    newOffsets[u + 1] = at;
  }
  return { nodes, offsets: newOffsets, neighbors: strongNeighbors, weights: strongWeights };
}

/** True when u and v are adjacent (binary search in u's neighbours, which must be ascending). */
export function adjacent(p: Projection, u: number, v: number): boolean {
  let lo = p.offsets[u] as number;
  let hi = (p.offsets[u + 1] as number) - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const x = p.neighbors[mid] as number;
    if (x === v) return true;
    if (x < v) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

export function degree(p: Projection, u: number): number {
  return (p.offsets[u + 1] as number) - (p.offsets[u] as number);
}
