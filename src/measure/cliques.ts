// Projection → cliques among strong ties: the largest maximal cliques (Bron–Kerbosch with
// pivoting) of size ≥ 3 in the graph of people who shared at least `minShared` events — at most
// `cap` of them, largest first, `capped` when there are more — and the k-core number
// (Batagelj–Zaversnik) of that graph and the size of its innermost core.
import type { Affiliation } from '../graph/affiliation.js';
import { degree, type Projection, strongTies } from '../graph/projection.js';

export interface CliqueOptions {
  readonly minShared: number;
  readonly minSize: number;
  /** List at most this many maximal cliques of at least minSize (the largest)… */
  readonly cap: number;
  /** …and stop searching after this much work (32-bit words of bit sets and ties read). */
  readonly work: number;
}

export const CLIQUE_DEFAULTS: Readonly<CliqueOptions> = Object.freeze({
  minShared: 2,
  minSize: 3,
  cap: 1000,
  work: 1e7,
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

// Bit sets are `words` 32-bit words at an offset in an Int32Array.

/** Set bits of the set at `at`. */
function count(m: Int32Array, at: number, words: number): number {
  let c = 0;
  for (let w = 0; w < words; w++) c += popcount(m[at + w] as number);
  return c;
}

/** Whether the set at `at` has no bit set (cheaper than counting them). */
function empty(m: Int32Array, at: number, words: number): boolean {
  for (let w = 0; w < words; w++) if (m[at + w] !== 0) return false;
  return true;
}

/** Set bits of (the set at `at` in m) ∧ (the row at `row` in adj). */
function countAnd(m: Int32Array, at: number, adj: Int32Array, row: number, words: number): number {
  let c = 0;
  for (let w = 0; w < words; w++) c += popcount((m[at + w] as number) & (adj[row + w] as number));
  return c;
}

/** Whether the row at `row` in adj holds every bit of the set at `at` in m. */
function covers(adj: Int32Array, row: number, m: Int32Array, at: number, words: number): boolean {
  for (let w = 0; w < words; w++)
    if (((m[at + w] as number) & ~(adj[row + w] as number)) !== 0) return false;
  return true;
}

function popcount(word: number): number {
  let v = word - ((word >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** The first set bit at or after `from` of the set at `at`, or −1. */
function firstBit(m: Int32Array, at: number, words: number, from: number): number {
  for (let w = from >>> 5; w < words; w++) {
    const bits = (m[at + w] as number) & (w === from >>> 5 ? -1 << (from & 31) : -1);
    if (bits !== 0) return (w << 5) + 31 - Math.clz32(bits & -bits);
  }
  return -1;
}

/**
 * How many greedy colour classes (independent sets) cover the set at `at`; `left` and `open`
 * are scratch sets in m.
 */
function colours(
  adj: Int32Array,
  m: Int32Array,
  at: number,
  left: number,
  open: number,
  words: number,
): number {
  m.copyWithin(left, at, at + words);
  let classes = 0;
  while (!empty(m, left, words)) {
    classes++;
    m.copyWithin(open, left, left + words);
    for (let k = firstBit(m, open, words, 0); k >= 0; k = firstBit(m, open, words, k + 1)) {
      m[left + (k >>> 5)] = (m[left + (k >>> 5)] as number) & ~(1 << (k & 31));
      for (let w = 0; w < words; w++)
        m[open + w] = (m[open + w] as number) & ~(adj[k * words + w] as number);
    }
  }
  return classes;
}

/** Node ids ordered by core number, ascending ids within each (a counting sort). */
function byCore(core: Int32Array): Int32Array {
  const max = core.reduce((m, c) => Math.max(m, c), 0);
  const start = new Int32Array(max + 2);
  for (const c of core) start[c + 1] = (start[c + 1] as number) + 1;
  for (let c = 0; c <= max; c++) start[c + 1] = (start[c + 1] as number) + (start[c] as number);
  const order = new Int32Array(core.length);
  core.forEach((c, u) => {
    order[start[c] as number] = u;
    start[c] = (start[c] as number) + 1;
  });
  return order;
}

/** Nodes tried as the pivot of a search node. */
const PIVOT_CANDIDATES = 32;

/** Largest first, then by members (ascending ids, compared in order). */
function byLargest(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length) return b.length - a.length;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return (a[i] as number) - (b[i] as number);
  return 0;
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
  // The cliques kept so far. Once more than `cap` are found, only the `cap` best (largest, then
  // by members) are kept, and from then on only cliques larger than `floor`, the size of the last
  // one kept, are looked for: every branch that cannot exceed it is pruned. The list is then the
  // `cap` largest maximal cliques (unless the work limit stops the search first); among cliques
  // of the smallest size listed, which ones is decided by the search's order, as in any capped
  // enumeration, and is the same on every run.
  let found: number[][] = [];
  let floor = 0;
  let capped = false;
  let work = 0;
  const keepBest = () => {
    found.sort(byLargest);
    if (found.length > o.cap) {
      found = found.slice(0, o.cap);
      floor = (found[o.cap - 1] as number[]).length;
      capped = true;
    }
  };
  const neighborsOf = (u: number) =>
    strong.neighbors.subarray(strong.offsets[u] as number, strong.offsets[u + 1] as number);
  /** The size a clique must reach to be kept. */
  const reach = () => Math.max(o.minSize, floor + 1);
  let stopped = false;

  // Nodes ordered by core number: each maximal clique is found once, from its first member v in
  // this order, among v's later neighbours (P), with v's earlier neighbours excluded (X). The
  // search starts from the innermost core, where the largest cliques are, so that the floor rises
  // early, and ends where no clique can reach it: a clique of s people lies in the (s − 1)-core,
  // so s ≤ core number + 1.
  const order = byCore(core);
  const rank = new Int32Array(strong.nodes);
  order.forEach((u, i) => {
    rank[u] = i;
  });
  // Within v's neighbourhood, the search runs on bit sets: local node k is neighbour k of v, and
  // row k of `adj` holds its ties to the other neighbours (`words` 32-bit words per row).
  const local = new Int32Array(strong.nodes).fill(-1);
  // The search's frames (grown as needed), the clique being built (v, then local nodes) and a
  // scratch array to sort a found clique's ids in.
  let mem = new Int32Array(0);
  let sorting = new Int32Array(64);
  let next = new Int32Array(64);
  const r: number[] = [];
  // The outer loop takes the nodes of the highest core number first, and among equal core numbers
  // the earliest first: the first node of the innermost core has that core as its P.
  const outer: number[] = [];
  for (let end = order.length; end > 0; ) {
    let start = end - 1;
    const c = core[order[start] as number] as number;
    while (start > 0 && core[order[start - 1] as number] === c) start--;
    for (let i = start; i < end; i++) outer.push(order[i] as number);
    end = start;
  }
  for (const v of outer) {
    if (stopped || (core[v] as number) + 1 < reach()) break;
    if (work > o.work && found.length > 0) {
      stopped = true;
      break;
    }
    // Only neighbours that can be in a clique of the size to reach matter, for P as for X (a
    // node of X that makes such a clique non-maximal would be in one a size larger).
    const least = reach() - 1;
    const candidates = neighborsOf(v).filter((u) => (core[u] as number) >= least);
    const d = candidates.length;
    let later = 0;
    for (const u of candidates) if ((rank[u] as number) > (rank[v] as number)) later++;
    // The cliques found from v are v and some of its later neighbours.
    if (later + 1 < reach()) continue;
    // Local numbers go to the highest core numbers and degrees first, so that the search
    // (which branches on the lowest number first) dives into large cliques early and the floor
    // rises soon: within the work limit, the 100k bench's list went from sizes 90–83 to
    // 103–98 (103 is the largest), the 1M bench's from 164–156 to 198–191.
    const around = candidates.sort(
      (a, b) =>
        (core[b] as number) - (core[a] as number) || degree(strong, b) - degree(strong, a) || a - b,
    );
    const words = (d + 31) >>> 5;
    const adj = new Int32Array(d * words);
    for (let k = 0; k < d; k++) local[around[k] as number] = k;
    // Rows of P's nodes in full; rows of X's nodes only their ties into P (set from P's side),
    // all the search reads of them: it branches only on P, and asks of an X node only whether it
    // is tied to all of P and how many of P it is tied to. Work counts every candidate's ties.
    const { offsets, neighbors } = strong;
    for (let k = 0; k < d; k++) {
      const u = around[k] as number;
      const from = offsets[u] as number;
      const to = offsets[u + 1] as number;
      work += to - from;
      if ((rank[u] as number) < (rank[v] as number)) continue;
      const row = k * words;
      for (let e = from; e < to; e++) {
        const j = local[neighbors[e] as number] as number;
        if (j < 0) continue;
        adj[row + (j >>> 5)] = (adj[row + (j >>> 5)] as number) | (1 << (j & 31));
        if ((rank[around[j] as number] as number) < (rank[v] as number)) {
          const at = j * words + (k >>> 5);
          adj[at] = (adj[at] as number) | (1 << (k & 31));
        }
      }
    }
    for (let k = 0; k < d; k++) local[around[k] as number] = -1;
    // Frames of the search, one per depth (at most `later` + 1 deep): P, X, the branches, and
    // two scratch sets for the colouring bound.
    const frame = 5 * words;
    const needed = (later + 2) * frame;
    if (mem.length < needed) mem = new Int32Array(Math.max(needed, 2 * mem.length));
    mem.fill(0, 0, 2 * words);
    for (let k = 0; k < d; k++) {
      const at = (rank[around[k] as number] as number) > (rank[v] as number) ? 0 : words;
      mem[at + (k >>> 5)] = (mem[at + (k >>> 5)] as number) | (1 << (k & 31));
    }
    r.length = 0;
    r.push(v);
    if (next.length < later + 2) next = new Int32Array(2 * (later + 2));
    searchNeighbourhood(around, adj, words);
  }

  /**
   * Bron–Kerbosch with Tomita's pivot on the bit sets of one neighbourhood, as a loop over the
   * frames rather than recursion: a clique of thousands (two days of one conference) is a search
   * thousands deep, more than the call stack holds. `next[depth]` is where the branches at that
   * depth go on.
   */
  function searchNeighbourhood(around: Int32Array, adj: Int32Array, words: number): void {
    const frame = 5 * words;
    if (!branchesAt(around, adj, words, 0)) return;
    let depth = 0;
    next[0] = 0;
    while (depth >= 0) {
      const at = depth * frame;
      const k = stopped ? -1 : firstBit(mem, at + 2 * words, words, next[depth] as number);
      if (k < 0) {
        // This depth is done: back to the branch it was entered from.
        depth--;
        if (depth >= 0) branchDone(depth * frame, words, depth);
        continue;
      }
      next[depth] = k + 1;
      // The child: P ∩ N(k), X ∩ N(k).
      const child = at + frame;
      const row = k * words;
      for (let w = 0; w < words; w++) {
        mem[child + w] = (mem[at + w] as number) & (adj[row + w] as number);
        mem[child + words + w] = (mem[at + words + w] as number) & (adj[row + w] as number);
      }
      r.push(k);
      if (branchesAt(around, adj, words, child)) {
        depth++;
        next[depth] = 0;
      } else branchDone(at, words, depth);
    }
  }

  /** After the branch on r's last node at the frame `at`: that node moves from P to X. */
  function branchDone(at: number, words: number, depth: number): void {
    const k = r.pop() as number;
    mem[at + (k >>> 5)] = (mem[at + (k >>> 5)] as number) & ~(1 << (k & 31));
    mem[at + words + (k >>> 5)] = (mem[at + words + (k >>> 5)] as number) | (1 << (k & 31));
    // No more branches here when the search stopped or P can no longer make a clique to keep.
    if (stopped || r.length + count(mem, at, words) < reach()) next[depth] = words * 32;
  }

  /**
   * A search node with P and X at `at` and the clique so far in r: keeps r when it is a maximal
   * clique to keep; otherwise, unless pruned, puts the nodes to branch on at `at` + 2·words and
   * returns true.
   */
  function branchesAt(around: Int32Array, adj: Int32Array, words: number, at: number): boolean {
    const p = at;
    const x = at + words;
    const size = count(mem, p, words);
    if (size === 0) {
      if (empty(mem, x, words) && r.length >= reach()) {
        // Sorted in one reused typed array, kept as a plain array: a typed array this size has
        // its memory outside the heap, which costs ten times as much to allocate among a
        // million-row run's objects.
        if (sorting.length < r.length) sorting = new Int32Array(2 * r.length);
        sorting[0] = r[0] as number;
        for (let i = 1; i < r.length; i++) sorting[i] = around[r[i] as number] as number;
        const sorted = sorting.subarray(0, r.length).sort();
        // Copied by a loop: Array.from walks a typed array through its iterator (twice the time).
        const members: number[] = [];
        for (let i = 0; i < sorted.length; i++) members.push(sorted[i] as number);
        found.push(members);
        if (found.length > o.cap && (floor === 0 || found.length >= 2 * o.cap)) keepBest();
      }
      return false;
    }
    if (r.length + size < reach()) return false;
    // Work: 32-bit words read, for the pivot's choice and the colouring bound.
    work += (2 * size + count(mem, x, words)) * words;
    // The work limit stops the search once it has found something: the first dives always run.
    if (work > o.work && found.length > 0) {
      stopped = true;
      return false;
    }
    // A node of X tied to all of P: no clique here is maximal.
    for (let k = firstBit(mem, x, words, 0); k >= 0; k = firstBit(mem, x, words, k + 1))
      if (covers(adj, k * words, mem, p, words)) return false;
    // Colouring bound: P's greedy colour classes are independent sets, so a clique in P has at
    // most one node of each.
    const scratch = at + 3 * words;
    if (floor > 0 && r.length + colours(adj, mem, p, scratch, scratch + words, words) <= floor)
      return false;
    // Pivot: of the first 32 nodes of P and X (the best connected come first), the one with most
    // ties into P; branch only on P outside its ties. Capping the candidates bounds a search
    // node's cost on a dive thousands deep.
    let pivot = -1;
    let best = -1;
    let tried = 0;
    for (const set of [p, x])
      for (
        let k = firstBit(mem, set, words, 0);
        k >= 0 && tried < PIVOT_CANDIDATES;
        k = firstBit(mem, set, words, k + 1)
      ) {
        tried++;
        const c = countAnd(mem, p, adj, k * words, words);
        if (c > best) {
          best = c;
          pivot = k;
        }
      }
    const branches = at + 2 * words;
    for (let w = 0; w < words; w++)
      mem[branches + w] = (mem[p + w] as number) & ~(adj[pivot * words + w] as number);
    return true;
  }
  keepBest();
  if (stopped) capped = true;
  // A clique's groups: marked with the clique's number (1000 cliques of 50 people at 10k rows).
  const marked = new Int32Array(graph.groups.length).fill(-1);
  const list = found.map((members, c) => {
    for (const u of members) for (const g of graph.personGroups[u] ?? []) marked[g] = c;
    return {
      size: members.length,
      members: Array.from(members, (u) => graph.people[u]?.id ?? ''),
      names: Array.from(members, (u) => graph.people[u]?.name ?? ''),
      groups: graph.groups.filter((_, g) => marked[g] === c),
    };
  });
  return { minShared: o.minShared, maxCore, coreSize, capped, list };
}
