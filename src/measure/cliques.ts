// Projection → cliques among strong ties: the maximal cliques (Bron–Kerbosch with pivoting) of
// size ≥ 3 in the graph of people who shared at least `minShared` events, largest first, with a
// cap that is reported when hit; and the k-core number (Batagelj–Zaversnik) of that graph and the
// size of its innermost core.
import type { Affiliation } from '../graph/affiliation.js';
import { adjacent, degree, type Projection, strongTies } from '../graph/projection.js';

export interface CliqueOptions {
  readonly minShared: number;
  readonly minSize: number;
  /** Stop after this many maximal cliques of at least minSize… */
  readonly cap: number;
  /** …or after this many adjacency checks. */
  readonly work: number;
}

export const CLIQUE_DEFAULTS: Readonly<CliqueOptions> = Object.freeze({
  minShared: 2,
  minSize: 3,
  cap: 1000,
  work: 5e7,
});

export interface Cliques {
  minShared: number;
  maxCore: number;
  coreSize: number;
  capped: boolean;
  list: { size: number; members: string[]; names: string[]; groups: string[] }[];
}

/** Core number of every node. */
export function coreNumbers(p: Projection): Int32Array {
  const n = p.nodes;
  const deg = Int32Array.from({ length: n }, (_, u) => degree(p, u));
  const maxDeg = deg.reduce((m, d) => Math.max(m, d), 0);
  const bins = new Int32Array(maxDeg + 1);
  for (const d of deg) bins[d] = (bins[d] as number) + 1;
  let start = 0;
  for (let d = 0; d <= maxDeg; d++) {
    const count = bins[d] as number;
    bins[d] = start;
    start += count;
  }
  const pos = new Int32Array(n);
  const vert = new Int32Array(n);
  for (let u = 0; u < n; u++) {
    const d = deg[u] as number;
    pos[u] = bins[d] as number;
    vert[pos[u] as number] = u;
    bins[d] = (bins[d] as number) + 1;
  }
  for (let d = maxDeg; d > 0; d--) bins[d] = bins[d - 1] as number;
  bins[0] = 0;
  for (let i = 0; i < n; i++) {
    const v = vert[i] as number;
    for (let j = p.offsets[v] as number; j < (p.offsets[v + 1] as number); j++) {
      const u = p.neighbors[j] as number;
      if ((deg[u] as number) > (deg[v] as number)) {
        const du = deg[u] as number;
        const pu = pos[u] as number;
        const pw = bins[du] as number;
        const w = vert[pw] as number;
        if (u !== w) {
          pos[u] = pw;
          vert[pu] = w;
          pos[w] = pu;
          vert[pw] = u;
        }
        bins[du] = (bins[du] as number) + 1;
        deg[u] = du - 1;
      }
    }
  }
  return deg;
}

export function measureCliques(
  graph: Affiliation,
  projection: Projection,
  options: Partial<CliqueOptions> = {},
  /** The projection's ties of weight at least minShared, when already at hand. */
  strongAtHand?: Projection,
): Cliques {
  const o = { ...CLIQUE_DEFAULTS, ...options };
  const strong = strongAtHand ?? strongTies(projection, o.minShared);
  const core = coreNumbers(strong);
  const maxCore = core.reduce((m, c) => Math.max(m, c), 0);
  const coreSize = maxCore === 0 ? 0 : core.reduce((s, c) => s + (c === maxCore ? 1 : 0), 0);
  const found: number[][] = [];
  let capped = false;
  let work = 0;
  const neighborsOf = (u: number) =>
    strong.neighbors.subarray(strong.offsets[u] as number, strong.offsets[u + 1] as number);

  /** How many of `p` are adjacent to u (stops early once `need` is out of reach). */
  const coverage = (u: number, p: readonly number[]): number => {
    let c = 0;
    for (const v of p) if (adjacent(strong, u, v)) c++;
    work += p.length;
    return c;
  };

  const expand = (r: number[], p: number[], x: number[]): void => {
    if (capped) return;
    if (p.length === 0) {
      if (x.length === 0 && r.length >= o.minSize) {
        if (found.length >= o.cap) {
          capped = true;
          return;
        }
        found.push([...r].sort((a, b) => a - b));
      }
      return;
    }
    if (r.length + p.length < o.minSize) return;
    if (work > o.work) {
      capped = true;
      return;
    }
    // A node of X adjacent to all of P means no clique here is maximal: prune.
    for (const u of x) if (degree(strong, u) >= p.length && coverage(u, p) === p.length) return;
    // Pivot (Tomita): the node with most neighbours in P, among a bounded number of candidates.
    let pivot = p[0] as number;
    let best = -1;
    const candidates = [...p, ...x];
    for (const u of candidates.length > 32
      ? [...candidates].sort((a, b) => degree(strong, b) - degree(strong, a) || a - b).slice(0, 32)
      : candidates) {
      const c = coverage(u, p);
      if (c > best) {
        best = c;
        pivot = u;
      }
    }
    for (const v of p.filter((w) => !adjacent(strong, pivot, w))) {
      work += p.length + x.length;
      if (work > o.work) {
        capped = true;
        return;
      }
      const inN = (w: number) => adjacent(strong, v, w);
      expand([...r, v], p.filter(inN), x.filter(inN));
      p = p.filter((w) => w !== v);
      x = [...x, v];
      if (capped) return;
    }
  };

  // Degeneracy order for the outer loop keeps the candidate sets small.
  const order = Int32Array.from({ length: strong.nodes }, (_, i) => i).sort(
    (a, b) => (core[a] as number) - (core[b] as number) || a - b,
  );
  const rank = new Int32Array(strong.nodes);
  order.forEach((u, i) => {
    rank[u] = i;
  });
  for (const v of order) {
    if (degree(strong, v) < o.minSize - 1) continue;
    const later: number[] = [];
    const earlier: number[] = [];
    for (const w of neighborsOf(v))
      ((rank[w] as number) > (rank[v] as number) ? later : earlier).push(w);
    expand([v], later, earlier);
    if (capped) break;
  }
  const list = found
    .sort((a, b) => {
      if (a.length !== b.length) return b.length - a.length;
      for (let i = 0; i < a.length; i++)
        if (a[i] !== b[i]) return (a[i] as number) - (b[i] as number);
      return 0;
    })
    .map((members) => {
      const groups = new Set<number>();
      for (const u of members) for (const g of graph.personGroups[u] ?? []) groups.add(g);
      return {
        size: members.length,
        members: members.map((u) => graph.people[u]?.id ?? ''),
        names: members.map((u) => graph.people[u]?.name ?? ''),
        groups: [...groups].sort((a, b) => a - b).map((g) => graph.groups[g] as string),
      };
    });
  return { minShared: o.minShared, maxCore, coreSize, capped, list };
}
