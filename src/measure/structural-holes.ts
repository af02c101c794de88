// Projection → Burt's constraint and effective size of a node, as networkx defines them for an
// unweighted undirected graph: p_uv = 1/deg(u) for a neighbour v; constraint(u) =
// Σ_v (p_uv + Σ_w p_uw·p_wv)²; effective size = n − 2t/n (n neighbours, t ties among them).
//
// Both need, for each neighbour v of u, the common neighbours of u and v: their Σ 1/deg(w)
// ("indirect") and their count. Read from v's neighbours, that costs Σ deg(v) over u's
// neighbours — for a regular adjacent to most of a large network, nearly every tie. Then it is
// cheaper to start from everything v can reach, Σ_{w ∈ N(v)} 1/deg(w) and deg(v) (computed once
// for all nodes), and subtract u itself and the nodes outside u's neighbourhood, reading only the
// ties of those outside nodes. Each node takes the cheaper way; both give the same sums.
import { degree, type Projection } from '../graph/projection.js';

export interface StructuralHoles {
  readonly constraint: number | null;
  readonly effectiveSize: number | null;
}

/** What every node's structural holes share: 1/deg and Σ 1/deg over each node's neighbours. */
export interface HolesContext {
  readonly projection: Projection;
  readonly inverseDegree: Float64Array;
  readonly reach: Float64Array;
  /** Scratch space, one slot per node (marks in bytes: read at random, they stay in cache). */
  readonly mark: Uint8Array;
  readonly outside: Float64Array;
  readonly outsideCount: Int32Array;
}

export function holesContext(p: Projection): HolesContext {
  const n = p.nodes;
  const inverseDegree = new Float64Array(n);
  for (let u = 0; u < n; u++) {
    const d = degree(p, u);
    inverseDegree[u] = d === 0 ? 0 : 1 / d;
  }
  const reach = new Float64Array(n);
  for (let v = 0; v < n; v++) {
    let sum = 0;
    for (let i = p.offsets[v] as number; i < (p.offsets[v + 1] as number); i++)
      sum += inverseDegree[p.neighbors[i] as number] as number;
    reach[v] = sum;
  }
  return {
    projection: p,
    inverseDegree,
    reach,
    mark: new Uint8Array(n),
    outside: new Float64Array(n),
    outsideCount: new Int32Array(n),
  };
}

/** Constraint and effective size of node u (null for an isolated node). */
export function structuralHoles(ctx: HolesContext, u: number): StructuralHoles {
  const { projection: p, inverseDegree, reach, mark, outside, outsideCount } = ctx;
  const d = degree(p, u);
  if (d === 0) return { constraint: null, effectiveSize: null };
  const start = p.offsets[u] as number;
  const end = p.offsets[u + 1] as number;
  let inside = 0;
  for (let i = start; i < end; i++) {
    const v = p.neighbors[i] as number;
    mark[v] = 1;
    inside += degree(p, v);
  }
  const outsideWork = p.neighbors.length - inside - d;
  let constraint = 0;
  let ties2 = 0; // each tie among neighbours counted twice
  if (inside <= outsideWork) {
    for (let i = start; i < end; i++) {
      const v = p.neighbors[i] as number;
      let indirect = 0;
      for (let j = p.offsets[v] as number; j < (p.offsets[v + 1] as number); j++) {
        const w = p.neighbors[j] as number;
        if (mark[w] === 1) {
          indirect += (1 / d) * (inverseDegree[w] as number);
          ties2++;
        }
      }
      constraint += (1 / d + indirect) ** 2;
    }
  } else {
    for (let c = 0; c < p.nodes; c++) {
      if (c === u || mark[c] === 1) continue;
      const share = inverseDegree[c] as number;
      for (let j = p.offsets[c] as number; j < (p.offsets[c + 1] as number); j++) {
        const v = p.neighbors[j] as number;
        if (mark[v] === 1) {
          outside[v] = (outside[v] as number) + share;
          outsideCount[v] = (outsideCount[v] as number) + 1;
        }
      }
    }
    const self = inverseDegree[u] as number;
    for (let i = start; i < end; i++) {
      const v = p.neighbors[i] as number;
      const indirect = (reach[v] as number) - self - (outside[v] as number);
      ties2 += degree(p, v) - 1 - (outsideCount[v] as number);
      constraint += (1 / d + indirect / d) ** 2;
      outside[v] = 0;
      outsideCount[v] = 0;
    }
  }
  for (let i = start; i < end; i++) mark[p.neighbors[i] as number] = 0;
  return { constraint, effectiveSize: d - ties2 / d };
}
