// Articulation points (cut vertices): people whose removal disconnects their part of the person
// projection. Tarjan's low-link algorithm, iterative so deep graphs cannot overflow; the report
// takes them from the memberships (cutVertices), the projection version is the reference.
import type { Memberships, Projection } from '../graph/projection.js';

/** A flag per node: true for a cut vertex. */
export function articulationPoints(p: Projection): Uint8Array {
  const n = p.nodes;
  const disc = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const parent = new Int32Array(n).fill(-1);
  const next = new Int32Array(n); // the next neighbour index to visit
  const cut = new Uint8Array(n);
  const stack = new Int32Array(n);
  let time = 0;
  for (let root = 0; root < n; root++) {
    if (disc[root] !== -1) continue;
    let rootChildren = 0;
    let top = 0;
    stack[top++] = root;
    disc[root] = low[root] = time++;
    next[root] = p.offsets[root] as number;
    while (top > 0) {
      const u = stack[top - 1] as number;
      const end = p.offsets[u + 1] as number;
      if ((next[u] as number) < end) {
        const v = p.neighbors[next[u] as number] as number;
        next[u] = (next[u] as number) + 1;
        if (disc[v] === -1) {
          parent[v] = u;
          disc[v] = low[v] = time++;
          next[v] = p.offsets[v] as number;
          stack[top++] = v;
          if (u === root) rootChildren++;
        } else if (v !== parent[u]) {
          low[u] = Math.min(low[u] as number, disc[v] as number);
        }
      } else {
        top--;
        const w = parent[u] as number;
        if (w !== -1) {
          low[w] = Math.min(low[w] as number, low[u] as number);
          if (w !== root && (low[u] as number) >= (disc[w] as number)) cut[w] = 1;
        }
      }
    }
    if (rootChildren > 1) cut[root] = 1;
  }
  return cut;
}

/**
 * The same flags from the memberships instead of the projection: two people are connected in
 * the projection exactly when they are in the person–event graph, with or without any one
 * person, so a person is a cut vertex of the projection exactly when removing them from the
 * person–event graph separates people (an event left with nobody does not count). Tarjan's
 * low-link over memberships instead of ties: at 1M rows a million memberships instead of 40
 * million ties.
 */
export function cutVertices(m: Memberships): Uint8Array {
  const people = m.people;
  const n = people + m.events; // people 0.., events people..
  const disc = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const parent = new Int32Array(n).fill(-1);
  const next = new Int32Array(n); // the next neighbour index to visit
  const peopleBelow = new Int32Array(n); // people in the node's DFS subtree
  const cut = new Uint8Array(people);
  const stack = new Int32Array(n);
  const start = (x: number) =>
    x < people ? (m.personOffsets[x] as number) : (m.eventOffsets[x - people] as number);
  const end = (x: number) =>
    x < people ? (m.personOffsets[x + 1] as number) : (m.eventOffsets[x - people + 1] as number);
  const neighbour = (x: number, i: number) =>
    x < people ? people + (m.personEvents[i] as number) : (m.eventPeople[i] as number);
  let time = 0;
  for (let root = 0; root < people; root++) {
    if (disc[root] !== -1) continue;
    let separated = 0; // the root's children whose subtree holds people
    let top = 0;
    stack[top++] = root;
    disc[root] = low[root] = time++;
    next[root] = start(root);
    while (top > 0) {
      const u = stack[top - 1] as number;
      if ((next[u] as number) < end(u)) {
        const v = neighbour(u, next[u] as number);
        next[u] = (next[u] as number) + 1;
        if (disc[v] === -1) {
          parent[v] = u;
          disc[v] = low[v] = time++;
          peopleBelow[v] = v < people ? 1 : 0;
          next[v] = start(v);
          stack[top++] = v;
        } else if (v !== parent[u]) {
          low[u] = Math.min(low[u] as number, disc[v] as number);
        }
      } else {
        top--;
        const w = parent[u] as number;
        if (w === -1) continue;
        low[w] = Math.min(low[w] as number, low[u] as number);
        peopleBelow[w] = (peopleBelow[w] as number) + (peopleBelow[u] as number);
        // Removing person w cuts u's subtree off; it matters when people are in it (the other
        // side always holds the root, a person).
        if (w < people && (low[u] as number) >= (disc[w] as number) && peopleBelow[u] !== 0) {
          if (w === root) separated++;
          else cut[w] = 1;
        }
      }
    }
    if (separated > 1) cut[root] = 1;
  }
  return cut;
}
