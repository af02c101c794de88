// Affiliation → the person projection as a compact graph (CSR over typed arrays): two people are
// adjacent when they share at least one event; an edge's weight is the number of events shared.
import type { Affiliation } from './affiliation.js';

export interface Projection {
  readonly nodes: number;
  /** offsets[u]..offsets[u+1] index u's neighbours (ascending) and weights. */
  readonly offsets: Int32Array;
  readonly neighbors: Int32Array;
  readonly weights: Int32Array;
}

/** For each event, the people at it (ascending person index). */
export function eventMembers(graph: Affiliation): Int32Array[] {
  const counts = new Int32Array(graph.eventGroup.length);
  for (const events of graph.personEvents)
    for (const e of events) counts[e] = (counts[e] as number) + 1;
  const lists = Array.from(counts, (c) => new Int32Array(c));
  const filled = new Int32Array(graph.eventGroup.length);
  graph.personEvents.forEach((events, p) => {
    for (const e of events) {
      (lists[e] as Int32Array)[filled[e] as number] = p;
      filled[e] = (filled[e] as number) + 1;
    }
  });
  return lists;
}

/** Builds the person projection. */
export function personProjection(graph: Affiliation): Projection {
  const n = graph.people.length;
  const members = eventMembers(graph);
  const mark = new Int32Array(n).fill(-1);
  const count = new Int32Array(n);
  const offsets = new Int32Array(n + 1);
  const chunks: Int32Array[] = [];
  const chunkWeights: Int32Array[] = [];
  let total = 0;
  for (let u = 0; u < n; u++) {
    const found: number[] = [];
    for (const e of graph.personEvents[u] ?? []) {
      for (const v of members[e] as Int32Array) {
        if (v === u) continue;
        if (mark[v] !== u) {
          mark[v] = u;
          count[v] = 0;
          found.push(v);
        }
        count[v] = (count[v] as number) + 1;
      }
    }
    const ns = Int32Array.from(found).sort();
    chunks.push(ns);
    chunkWeights.push(Int32Array.from(ns, (v) => count[v] as number));
    total += ns.length;
    offsets[u + 1] = total;
  }
  const neighbors = new Int32Array(total);
  const weights = new Int32Array(total);
  for (let u = 0; u < n; u++) {
    neighbors.set(chunks[u] as Int32Array, offsets[u] as number);
    weights.set(chunkWeights[u] as Int32Array, offsets[u] as number);
  }
  return { nodes: n, offsets, neighbors, weights };
}

/** The edges of weight at least `minWeight` (the strong-tie graph). */
export function strongTies(projection: Projection, minWeight: number): Projection {
  const { nodes, offsets, neighbors, weights } = projection;
  const keep: number[] = [];
  const newOffsets = new Int32Array(nodes + 1);
  for (let u = 0; u < nodes; u++) {
    for (let i = offsets[u] as number; i < (offsets[u + 1] as number); i++) {
      if ((weights[i] as number) >= minWeight) keep.push(i);
    }
    newOffsets[u + 1] = keep.length;
  }
  return {
    nodes,
    offsets: newOffsets,
    neighbors: Int32Array.from(keep, (i) => neighbors[i] as number),
    weights: Int32Array.from(keep, (i) => weights[i] as number),
  };
}

/** True when u and v are adjacent (binary search in u's sorted neighbours). */
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
