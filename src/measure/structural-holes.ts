// Projection → Burt's constraint and effective size of a node, as networkx defines them for an
// unweighted undirected graph: p_uv = 1/deg(u) for a neighbour v; constraint(u) =
// Σ_v (p_uv + Σ_w p_uw·p_wv)²; effective size = n − 2t/n (n neighbours, t ties among them).
import { degree, type Projection } from '../graph/projection.js';

export interface StructuralHoles {
  readonly constraint: number | null;
  readonly effectiveSize: number | null;
}

/** Constraint and effective size of node u (null for an isolated node). */
export function structuralHoles(p: Projection, u: number, mark: Int32Array): StructuralHoles {
  const d = degree(p, u);
  if (d === 0) return { constraint: null, effectiveSize: null };
  const start = p.offsets[u] as number;
  const end = p.offsets[u + 1] as number;
  for (let i = start; i < end; i++) mark[p.neighbors[i] as number] = u + 1;
  let constraint = 0;
  let ties2 = 0; // each tie among neighbours counted twice
  for (let i = start; i < end; i++) {
    const v = p.neighbors[i] as number;
    let indirect = 0;
    for (let j = p.offsets[v] as number; j < (p.offsets[v + 1] as number); j++) {
      const w = p.neighbors[j] as number;
      if (mark[w] === u + 1) {
        indirect += (1 / d) * (1 / degree(p, w));
        ties2++;
      }
    }
    constraint += (1 / d + indirect) ** 2;
  }
  for (let i = start; i < end; i++) mark[p.neighbors[i] as number] = 0;
  return { constraint, effectiveSize: d - ties2 / d };
}
