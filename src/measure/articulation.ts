// Projection → articulation points (cut vertices): people whose removal disconnects their part of
// the person projection. Tarjan's low-link algorithm, iterative so deep graphs cannot overflow.
import type { Projection } from '../graph/projection.js';

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
