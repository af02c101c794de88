// Each measure on tiny hand-made inputs, with the arithmetic written down.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { analyze, checkProjectionSize, overlapReport, readAndResolve } from '../src/analyze.js';
import { type Affiliation, buildAffiliation } from '../src/graph/affiliation.js';
import {
  affiliationMemberships,
  coAttendancePairs,
  memberships,
  type Projection,
  personProjection,
  projectionAndStrongTies,
  strongTies,
  tieBound,
} from '../src/graph/projection.js';
import { articulationPoints, cutVertices } from '../src/measure/articulation.js';
import { betweenness } from '../src/measure/betweenness.js';
import { coreNumbers, measureCliques } from '../src/measure/cliques.js';
import { byInsideWeight, insideWeights } from '../src/measure/communities.js';
import { gini, topShare } from '../src/measure/fish.js';
import {
  compactLouvain,
  eventTies,
  levelTies,
  membershipLouvain,
} from '../src/measure/louvain-compact.js';
import { chao1, chapman } from '../src/measure/population.js';
import { seededRandom } from '../src/measure/rng.js';
import { awaitTasks, runClaimedTasks } from '../src/measure/shared-tasks.js';
import { benjaminiHochberg, hypergeometricUpperTail, logChoose } from '../src/measure/stats.js';
import {
  abandonHoles,
  HOLES_PARTS,
  HolesTasks,
  helpWithHoles,
  holesContext,
  holesShare,
  type StructuralHoles,
  sharedStructuralHoles,
  startHoles,
  structuralHolesOf,
} from '../src/measure/structural-holes.js';

/** Burt's measures of one node. */
const structuralHoles = (ctx: ReturnType<typeof holesContext>, u: number): StructuralHoles =>
  structuralHolesOf(ctx, [u])[0] as StructuralHoles;

import { memory } from './helpers/sources.js';

/** A projection from an edge list (nodes 0..n-1, unit weights unless given). */
function graphOf(n: number, edges: [number, number, number?][]): Projection {
  const adj: Map<number, number>[] = Array.from({ length: n }, () => new Map());
  for (const [a, b, w = 1] of edges) {
    adj[a]?.set(b, w);
    adj[b]?.set(a, w);
  }
  const offsets = new Int32Array(n + 1);
  const neighbors: number[] = [];
  const weights: number[] = [];
  adj.forEach((m, u) => {
    for (const v of [...m.keys()].sort((x, y) => x - y)) {
      neighbors.push(v);
      weights.push(m.get(v) as number);
    }
    offsets[u + 1] = neighbors.length;
  });
  return {
    nodes: n,
    offsets,
    neighbors: Int32Array.from(neighbors),
    weights: Int32Array.from(weights),
  };
}

// Two triangles a-b-c and x-y-z joined by c–x: nodes 0 1 2 | 3 4 5, bridge 2–3.
const twoTriangles = graphOf(6, [
  [0, 1],
  [1, 2],
  [0, 2],
  [3, 4],
  [4, 5],
  [3, 5],
  [2, 3],
]);

/** Random event lists: up to maxPeople people and maxEvents events, each attended with chance p. */
function randomLists(rng: () => number, maxPeople: number, maxEvents: number, p: number) {
  const people = 1 + Math.floor(rng() * maxPeople);
  const events = 1 + Math.floor(rng() * maxEvents);
  const lists = Array.from({ length: people }, () =>
    Array.from({ length: events }, (_, e) => e).filter(() => rng() < p),
  );
  return { people, events, lists };
}

describe('person projection', () => {
  it('links people sharing events, weight = events shared; strong ties ascending (random lists)', () => {
    // The reference counts every pair of people at every event, straight from the lists.
    const rng = seededRandom(5);
    for (let round = 0; round < 100; round++) {
      const { people, events, lists } = randomLists(rng, 15, 8, 0.3);
      const shared = new Map<string, number>();
      for (let u = 0; u < people; u++)
        for (let v = 0; v < people; v++) {
          if (u === v) continue;
          const both = (lists[u] as number[]).filter((e) => (lists[v] as number[]).includes(e));
          if (both.length > 0) shared.set(`${u},${v}`, both.length);
        }
      const p = personProjection(memberships(lists, events));
      const got = new Map<string, number>();
      for (let u = 0; u < people; u++) {
        for (let i = p.offsets[u] as number; i < (p.offsets[u + 1] as number); i++)
          got.set(`${u},${p.neighbors[i]}`, p.weights[i] as number);
      }
      expect(got).toEqual(shared);
      const strong = strongTies(p, 2);
      const strongGot = new Map<string, number>();
      for (let u = 0; u < people; u++) {
        const ns = [...strong.neighbors.subarray(strong.offsets[u], strong.offsets[u + 1])];
        expect(ns).toEqual([...ns].sort((a, b) => a - b));
        for (let i = strong.offsets[u] as number; i < (strong.offsets[u + 1] as number); i++)
          strongGot.set(`${u},${strong.neighbors[i]}`, strong.weights[i] as number);
      }
      expect(strongGot).toEqual(new Map([...shared].filter(([, w]) => w >= 2)));
      // Collected while the projection is built: the same projection and the same strong ties
      // (arrays equal, so the cliques read them in the same order), for minimum weights 1 to 3.
      for (const minWeight of [1, 2, 3]) {
        const both = projectionAndStrongTies(memberships(lists, events), minWeight);
        expect([...both.projection.neighbors]).toEqual([...p.neighbors]);
        expect([...both.projection.weights]).toEqual([...p.weights]);
        const alone = strongTies(p, minWeight);
        expect([...both.strong.offsets]).toEqual([...alone.offsets]);
        expect([...both.strong.neighbors]).toEqual([...alone.neighbors]);
        expect([...both.strong.weights]).toEqual([...alone.weights]);
      }
    }
  });

  it('allocates the ties at a bound that stays tight when the same people meet again and again', () => {
    // Five people at ten events together: 5 · 4 = 20 directed ties. Twice the co-attendance
    // pairs would be 10 · 2 · C(5,2) = 200; per person, the people met at its events (10 · 4 = 40)
    // capped at everyone else (4): 5 · 4 = 20.
    const m = memberships(
      Array.from({ length: 5 }, () => Array.from({ length: 10 }, (_, e) => e)),
      10,
    );
    expect(coAttendancePairs(m)).toBe(100);
    expect(tieBound(m)).toBe(20);
    const p = personProjection(m);
    expect(p.neighbors.length).toBe(20);
    expect(p.neighbors.buffer.byteLength).toBe(20 * 4);
    // People 0–2 at event 0, people 2–3 at event 1: person 2 met 2 + 1 = 3, the others 2, 2, 1.
    const chain = memberships([[0], [0], [0, 1], [1]], 2);
    expect(tieBound(chain)).toBe(2 + 2 + 3 + 1);
    expect(personProjection(chain).neighbors.length).toBe(8);
  });

  it('three people at event 0, two of them also at event 1: weights 2 between those two, 1 otherwise', () => {
    const p = personProjection(memberships([[0, 1], [0], [0, 1]], 2));
    expect([...p.offsets]).toEqual([0, 2, 4, 6]);
    expect([...p.neighbors]).toEqual([1, 2, 0, 2, 0, 1]);
    expect([...p.weights]).toEqual([1, 2, 1, 1, 2, 1]);
  });
});

describe('statistics', () => {
  it('hypergeometric upper tail: N=10, K=4, n=3, P(X≥2) = (C(4,2)C(6,1) + C(4,3)C(6,0)) / C(10,3) = 40/120', () => {
    expect(hypergeometricUpperTail(2, 10, 4, 3)).toBeCloseTo(1 / 3, 14);
    expect(hypergeometricUpperTail(0, 10, 4, 3)).toBe(1);
    // P(X ≥ 1) = 1 − C(6,3)/C(10,3) = 1 − 20/120, summed through the lower tail.
    expect(hypergeometricUpperTail(1, 10, 4, 3)).toBeCloseTo(100 / 120, 14);
  });

  it('stays finite for huge populations (log space)', () => {
    // N = 10^7, two lists of 10^5 sharing 2,000 (expected 1,000): p is tiny but not NaN.
    const p = hypergeometricUpperTail(2000, 1e7, 1e5, 1e5);
    expect(Number.isFinite(p)).toBe(true);
    expect(p).toBeGreaterThanOrEqual(0);
    expect(p).toBeLessThan(1e-100);
    expect(logChoose(1e7, 5e6)).toBeGreaterThan(6e6);
  });

  it('Benjamini–Hochberg: p = [0.01, 0.04, 0.03, 0.5] → q = [0.04, 0.0533, 0.0533, 0.5]', () => {
    // Sorted: 0.01·4/1 = 0.04, 0.03·4/2 = 0.06, 0.04·4/3 = 0.0533, 0.5·4/4 = 0.5;
    // running minimum from the largest: 0.5, 0.0533, 0.0533, 0.04.
    const q = benjaminiHochberg([0.01, 0.04, 0.03, 0.5]);
    expect(q[0]).toBeCloseTo(0.04, 12);
    expect(q[1]).toBeCloseTo(0.16 / 3, 12);
    expect(q[2]).toBeCloseTo(0.16 / 3, 12);
    expect(q[3]).toBeCloseTo(0.5, 12);
  });
});

describe('betweenness (Brandes, normalised like networkx)', () => {
  it('path a–b–c: b is on the one a–c path: 2 ordered pairs / ((n−1)(n−2) = 2) = 1', () => {
    const bc = betweenness(
      graphOf(3, [
        [0, 1],
        [1, 2],
      ]),
    );
    expect([...bc.values]).toEqual([0, 1, 0]);
    expect(bc.exact).toBe(true);
  });

  it('two triangles joined by c–x: c and x carry 2·3 pairs each way: 12 / (5·4) = 0.6', () => {
    const bc = betweenness(twoTriangles);
    expect([...bc.values].map((v) => Number(v.toFixed(12)))).toEqual([0, 0, 0.6, 0.6, 0, 0]);
  });

  it('path of 9 (distances up to 8): node i lies between i·(8−i) pairs, over 8·7/2 = 28', () => {
    const path = graphOf(
      9,
      Array.from({ length: 8 }, (_, i) => [i, i + 1] as [number, number]),
    );
    const expected = Array.from({ length: 9 }, (_, i) => (i * (8 - i)) / 28);
    expect([...betweenness(path).values].map((v) => Number(v.toFixed(12)))).toEqual(
      expected.map((v) => Number(v.toFixed(12))),
    );
  });

  it('cycle of 10 (two shortest paths between opposite nodes): (k−1)²/2 = 8 pairs, over 36', () => {
    // n = 2k = 10: pairs at distance d < 5 have d−1 intermediates, the 5 opposite pairs two
    // paths with 4 intermediates each (half a pair each); by symmetry each node gets
    // (k−1)(k−2)/2 + (k−1)/2 = (k−1)²/2 = 8, normalised by (n−1)(n−2)/2 = 36: 2/9.
    const cycle = graphOf(
      10,
      Array.from({ length: 10 }, (_, i) => [i, (i + 1) % 10] as [number, number]),
    );
    for (const v of betweenness(cycle).values) expect(v).toBeCloseTo(2 / 9, 12);
  });

  it('equals pair-by-pair counting on random graphs, sparse to dense (bottom-up levels too)', () => {
    // The reference counts, for every ordered pair s ≠ t and every v between them, the share
    // σ(s,v)·σ(v,t)/σ(s,t) of shortest s–t paths through v (d(s,v) + d(v,t) = d(s,t)), from a
    // plain BFS per node, normalised by (n−1)(n−2). Dense graphs make the search take its last
    // levels bottom-up (few people left unreached, most ties on the level before), sparse ones
    // and several components keep it top-down.
    const rng = seededRandom(23);
    for (let round = 0; round < 60; round++) {
      const n = 3 + Math.floor(rng() * 40);
      const density = [0.05, 0.15, 0.4, 0.8][round % 4] as number;
      const edges: [number, number][] = [];
      for (let a = 0; a < n; a++)
        for (let b = a + 1; b < n; b++) if (rng() < density) edges.push([a, b]);
      const g = graphOf(n, edges);
      const adjacency = Array.from({ length: n }, (_, u) =>
        Array.from(g.neighbors.subarray(g.offsets[u] as number, g.offsets[u + 1] as number)),
      );
      const bfs = (s: number) => {
        const dist = new Array<number>(n).fill(-1);
        const paths = new Array<number>(n).fill(0);
        dist[s] = 0;
        paths[s] = 1;
        const queue = [s];
        for (let i = 0; i < queue.length; i++) {
          const v = queue[i] as number;
          for (const w of adjacency[v] as number[]) {
            if (dist[w] === -1) {
              dist[w] = (dist[v] as number) + 1;
              queue.push(w);
            }
            if (dist[w] === (dist[v] as number) + 1)
              paths[w] = (paths[w] as number) + (paths[v] as number);
          }
        }
        return { dist, paths };
      };
      const from = Array.from({ length: n }, (_, s) => bfs(s));
      const expected = Array.from({ length: n }, (_, v) => {
        let sum = 0;
        for (let s = 0; s < n; s++) {
          for (let t = 0; t < n; t++) {
            if (s === t || v === s || v === t) continue;
            const { dist, paths } = from[s] as ReturnType<typeof bfs>;
            const back = from[v] as ReturnType<typeof bfs>;
            if ((dist[t] as number) < 0 || (dist[v] as number) < 0) continue;
            if ((dist[v] as number) + (back.dist[t] as number) !== dist[t]) continue;
            sum += ((paths[v] as number) * (back.paths[t] as number)) / (paths[t] as number);
          }
        }
        return n > 2 ? sum / ((n - 1) * (n - 2)) : 0;
      });
      const values = betweenness(g, { exact: true }).values;
      values.forEach((value, v) => {
        expect(value).toBeCloseTo(expected[v] as number, 12);
      });
    }
  });

  it('samples pivots with the seed above the exact limit, scaled by n/k', () => {
    const a = betweenness(twoTriangles, { exactLimit: 2, pivots: 3, seed: 7 });
    const b = betweenness(twoTriangles, { exactLimit: 2, pivots: 3, seed: 7 });
    expect(a.exact).toBe(false);
    expect(a.pivots).toBe(3);
    expect([...a.values]).toEqual([...b.values]);
  });
});

describe('compact Louvain (typed arrays, above 50,000 ties)', () => {
  it('finds the two triangles joined by c–x, modularity 2·(3/7 − (7/14)²) = 5/14', () => {
    // Σ over communities of L_c/m − (d_c/2m)² with m = 7 ties, L_c = 3 ties inside each triangle
    // and d_c = 7 (degrees 2 + 2 + 3): 2·(3/7 − (7/14)²) = 5/14 ≈ 0.357.
    const result = compactLouvain(twoTriangles, 1, seededRandom(42));
    expect([...result.communities]).toEqual([0, 0, 0, 1, 1, 1]);
    expect(result.modularity).toBeCloseTo(2 * (3 / 7 - (7 / 14) ** 2), 12);
  });

  it('finds four 5-cliques on a ring, whatever the seed', () => {
    // Cliques {0..4}, {5..9}, {10..14}, {15..19}, each joined to the next by one tie.
    const edges: [number, number][] = [];
    for (let c = 0; c < 4; c++) {
      for (let i = 0; i < 5; i++)
        for (let j = i + 1; j < 5; j++) edges.push([c * 5 + i, c * 5 + j]);
      edges.push([c * 5 + 4, ((c + 1) % 4) * 5]);
    }
    const ring = graphOf(20, edges);
    for (const seed of [1, 2, 3]) {
      const { communities } = compactLouvain(ring, 1, seededRandom(seed));
      const groups = [0, 5, 10, 15].map(
        (start) => new Set([...communities].slice(start, start + 5)),
      );
      expect(groups.every((g) => g.size === 1)).toBe(true);
      expect(new Set(communities).size).toBe(4);
    }
  });
});

describe('compact Louvain on the memberships (first level from per-event tallies)', () => {
  /** A node's tie weight per community, as a sorted list of [community, weight ≠ 0]. */
  const sumsOf = (
    ties: ReturnType<typeof levelTies>,
    i: number,
    community: Int32Array,
  ): [number, number][] => {
    const toCommunity = new Float64Array(community.length);
    const touched = new Int32Array(community.length);
    const count = ties.collect(i, community, toCommunity, touched);
    const listed = [...touched.subarray(0, count)];
    expect(new Set(listed).size).toBe(count);
    const out = listed
      .map((c) => [c, toCommunity[c] as number] as [number, number])
      .filter(([, w]) => w !== 0)
      .sort((a, b) => a[0] - b[0]);
    // Every community with a tie is listed.
    for (let c = 0; c < community.length; c++)
      if ((toCommunity[c] as number) !== 0) expect(listed).toContain(c);
    return out;
  };

  it('tallies give every node the same tie weights per community as the ties, through moves and renumbering, and the same graph of communities', () => {
    // Example: events {0,1,2} and {1,2,3}, all alone: node 1 shares 1 event with 0, 2 with 2,
    // 1 with 3, so its sums are {0: 1, 2: 2, 3: 1}.
    const tiny = memberships([[0], [0, 1], [0, 1], [1]], 2);
    const alone = Int32Array.from([0, 1, 2, 3]);
    expect(sumsOf(eventTies(tiny, alone), 1, alone)).toEqual([
      [0, 1],
      [2, 2],
      [3, 1],
    ]);
    const rng = seededRandom(5);
    for (let round = 0; round < 60; round++) {
      const people = 3 + Math.floor(rng() * 30);
      const events = 1 + Math.floor(rng() * 12);
      const lists: number[][] = Array.from({ length: people }, () => []);
      for (let e = 0; e < events; e++)
        for (let u = 0; u < people; u++) if (rng() < 0.3) lists[u]?.push(e);
      const m = memberships(lists, events);
      const p = personProjection(m);
      const community = Int32Array.from({ length: people }, () => Math.floor(rng() * people));
      const tallies = eventTies(m, community);
      const plain = levelTies({ ...p, n: p.nodes, loops: new Float64Array(p.nodes) });
      for (let step = 0; step < 40; step++) {
        const i = Math.floor(rng() * people);
        expect(sumsOf(tallies, i, community)).toEqual(sumsOf(plain, i, community));
        // Move i to another community, or renumber all labels.
        if (rng() < 0.15) {
          const renumber = Int32Array.from({ length: people }, (_, c) => people - 1 - c);
          for (let u = 0; u < people; u++)
            community[u] = renumber[community[u] as number] as number;
          tallies.renumbered(renumber);
        } else {
          const to = Math.floor(rng() * people);
          const from = community[i] as number;
          if (to !== from) {
            community[i] = to;
            tallies.moved(i, from, to);
          }
        }
      }
      // The graph of communities (labels 0.. by first member) from the tallies is the one
      // aggregated from the ties: the same neighbours, weights and self-loops.
      const renumber = new Int32Array(people).fill(-1);
      let count = 0;
      for (let u = 0; u < people; u++) {
        const c = community[u] as number;
        if (renumber[c] === -1) renumber[c] = count++;
        community[u] = renumber[c] as number;
      }
      tallies.renumbered(renumber);
      const fromTallies = tallies.aggregate(community, count);
      const fromTies = plain.aggregate(community, count);
      expect(fromTallies.n).toBe(fromTies.n);
      expect([...fromTallies.offsets]).toEqual([...fromTies.offsets]);
      expect([...fromTallies.neighbors]).toEqual([...fromTies.neighbors]);
      expect([...fromTallies.weights]).toEqual([...fromTies.weights]);
      expect([...fromTallies.loops]).toEqual([...fromTies.loops]);
    }
  });

  it('finds the same planted groups as on the ties: two events of 6 and one person in both', () => {
    // Events A = {0..5}, B = {5..10}: two 6-cliques sharing person 5. Both ways find {0..4} and
    // {6..10}, person 5 with one of them. Modularity (m = 30 ties, 15 inside each clique; person
    // 5 in A's community): A holds 15 ties and degrees 5·5 + 10 = 35, B 10 ties and 25:
    // 15/30 − (35/60)² + 10/30 − (25/60)² = 0.5 − 0.3403 + 0.3333 − 0.1736 = 0.3194.
    const lists = Array.from({ length: 11 }, (_, u) => (u < 5 ? [0] : u === 5 ? [0, 1] : [1]));
    const m = memberships(lists, 2);
    const p = personProjection(m);
    for (const seed of [1, 2, 3]) {
      const byEvents = membershipLouvain(m, 1, seededRandom(seed));
      const byTies = compactLouvain(p, 1, seededRandom(seed));
      expect(byEvents.modularity).toBeCloseTo(
        15 / 30 - (35 / 60) ** 2 + 10 / 30 - (25 / 60) ** 2,
        12,
      );
      for (const { communities } of [byEvents, byTies]) {
        expect(new Set([...communities].slice(0, 5)).size).toBe(1);
        expect(new Set([...communities].slice(6)).size).toBe(1);
        expect(communities[0]).not.toBe(communities[6]);
      }
      expect(byEvents.modularity).toBeCloseTo(byTies.modularity, 12);
    }
  });

  it('on random memberships finds partitions as good as on the ties', () => {
    // 400 people at 150 events of 3–12 (seeded): both ways reach a modularity within 0.02 of each
    // other (the local moving visits candidates in another order), well above 0.
    const rng = seededRandom(9);
    for (let round = 0; round < 5; round++) {
      const lists: number[][] = Array.from({ length: 400 }, () => []);
      for (let e = 0; e < 150; e++) {
        const at = new Set<number>();
        const size = 3 + Math.floor(rng() * 10);
        while (at.size < size) at.add(Math.floor(rng() * 400));
        for (const u of at) lists[u]?.push(e);
      }
      const m = memberships(lists, 150);
      const byEvents = membershipLouvain(m, 1, seededRandom(round));
      const byTies = compactLouvain(personProjection(m), 1, seededRandom(round));
      expect(Math.abs(byEvents.modularity - byTies.modularity)).toBeLessThan(0.02);
      expect(byEvents.modularity).toBeGreaterThan(0.25);
    }
  });
});

describe("a community's members ordered by their ties inside it", () => {
  it('sums the ties inside from the events: by hand, and as the projection gives them', () => {
    // Events e0 = {0, 1, 2}, e1 = {0, 1}, e2 = {2, 3}; communities {0, 1} and {2, 3}.
    // Weights: 0–1 share e0 and e1 (2), 0–2 and 1–2 e0 (1), 2–3 e2 (1). Inside: 0 and 1 have
    // 2 (each other), 2 and 3 have 1 (each other; 2's ties to 0 and 1 lead outside).
    const m = memberships([[0, 1], [0, 1], [0, 2], [2]], 3);
    expect([...insideWeights(m, Int32Array.from([0, 0, 1, 1]))]).toEqual([2, 2, 1, 1]);
    // Random lists and communities: the same as summing the projection's ties.
    const rng = seededRandom(11);
    for (let round = 0; round < 50; round++) {
      const { people, events, lists } = randomLists(rng, 20, 8, 0.35);
      const community = Int32Array.from({ length: people }, () => Math.floor(rng() * 4));
      const lm = memberships(lists, events);
      const p = personProjection(lm);
      const expected = Array.from({ length: people }, (_, u) => {
        let sum = 0;
        for (let i = p.offsets[u] as number; i < (p.offsets[u + 1] as number); i++)
          if (community[p.neighbors[i] as number] === community[u]) sum += p.weights[i] as number;
        return sum;
      });
      expect([...insideWeights(lm, community)]).toEqual(expected);
    }
  });

  it('orders members by weight inside, most first, then by id, also beyond exact number keys', () => {
    // Weights 5, 7, 5, 0 of people 0–3: 1 (7), then 0 and 2 (5, by id), then 3 (0).
    const inside = Float64Array.from([5, 7, 5, 0, 9]);
    expect([...byInsideWeight([0, 1, 2, 3], inside)]).toEqual([1, 0, 2, 3]);
    // Person 4 is not a member: its weight plays no part. Members given in any order.
    expect([...byInsideWeight([3, 2, 1, 0], inside)]).toEqual([1, 0, 2, 3]);
    // Weights near 2⁵³: (weight + 1) × people is no exact integer any more, so the comparison
    // sort decides, with the same order (2⁵² + 1 and 2⁵² differ by one, still exact).
    const huge = Float64Array.from([2 ** 52, 2 ** 52 + 1, 2 ** 52, 0]);
    expect([...byInsideWeight([0, 1, 2, 3], huge)]).toEqual([1, 0, 2, 3]);
    expect([...byInsideWeight([], huge)]).toEqual([]);
  });
});

describe('cut vertices and structural holes', () => {
  it('two triangles joined by c–x: c and x are cut vertices', () => {
    expect([...articulationPoints(twoTriangles)]).toEqual([0, 0, 1, 1, 0, 0]);
  });

  it('from the memberships: person 2 joins events {0,1,2} and {2,3}; a one-person event cuts nobody', () => {
    // Projection: triangle 0–1–2 and tie 2–3, so 2 is the only cut vertex. Person 1 also came
    // alone to event 2: removing 1 leaves that event empty, which separates no people.
    const m = memberships([[0], [0, 2], [0, 1], [1]], 3);
    expect([...cutVertices(m)]).toEqual([0, 0, 1, 0]);
    expect([...articulationPoints(personProjection(m))]).toEqual([0, 0, 1, 0]);
    // Events {0,1}, {1,2} and {3}: ties 0–1 and 1–2, so 1 is a cut vertex; 3, alone at their
    // event, is isolated and cuts nothing.
    const chain = memberships([[0], [0, 1], [1], [2]], 3);
    expect([...cutVertices(chain)]).toEqual([0, 1, 0, 0]);
    expect([...articulationPoints(personProjection(chain))]).toEqual([0, 1, 0, 0]);
  });

  it('from the memberships equals the projection articulation points (random event lists)', () => {
    // 300 seeded graphs: 2–40 people, 1–25 events of 1–6 people each (sparse ones have many
    // cut vertices, several components and people without events).
    const rng = seededRandom(11);
    for (let g = 0; g < 300; g++) {
      const people = 2 + Math.floor(rng() * 39);
      const events = 1 + Math.floor(rng() * 25);
      const lists: number[][] = Array.from({ length: people }, () => []);
      for (let e = 0; e < events; e++) {
        const size = 1 + Math.floor(rng() * 6);
        const at = new Set<number>();
        while (at.size < Math.min(size, people)) at.add(Math.floor(rng() * people));
        for (const u of [...at].sort((a, b) => a - b)) lists[u]?.push(e);
      }
      const m = memberships(lists, events);
      expect([...cutVertices(m)]).toEqual([...articulationPoints(personProjection(m))]);
    }
  });

  it('star centre with 3 unconnected leaves: constraint 3·(1/3)² = 1/3, effective size 3 − 0 = 3', () => {
    const star = graphOf(4, [
      [0, 1],
      [0, 2],
      [0, 3],
    ]);
    const h = structuralHoles(holesContext(star), 0);
    expect(h.constraint).toBeCloseTo(1 / 3, 14);
    expect(h.effectiveSize).toBe(3);
  });

  it('a triangle corner: each tie (1/2 + 1/2·1/2)² = 9/16, twice = 9/8; effective size 2 − 2·1/2 = 1', () => {
    const triangle = graphOf(3, [
      [0, 1],
      [1, 2],
      [0, 2],
    ]);
    const h = structuralHoles(holesContext(triangle), 0);
    expect(h.constraint).toBeCloseTo(9 / 8, 14);
    expect(h.effectiveSize).toBe(1);
  });

  it('path 0–1–2–3–4, node 1 (read through its neighbours): no common neighbours, constraint 2·(1/2)² = 1/2, effective size 2', () => {
    const path = graphOf(5, [
      [0, 1],
      [1, 2],
      [2, 3],
      [3, 4],
    ]);
    // Neighbours' ties (1 + 2 = 3) are no more than the ties outside (8 − 3 − 2 = 3): direct way.
    const h = structuralHoles(holesContext(path), 1);
    expect(h.constraint).toBeCloseTo(1 / 2, 14);
    expect(h.effectiveSize).toBe(2);
  });

  it('shared holes: tasks a helper computed, or left half-written when it failed, give the same values to the bit', () => {
    // 60 people at 30 events of 2–9 (seeded); the holes of 40 nodes are two batches × 16 parts.
    const rng = seededRandom(8);
    const lists: number[][] = Array.from({ length: 60 }, () => []);
    for (let e = 0; e < 30; e++) {
      const at = new Set<number>();
      const size = 2 + Math.floor(rng() * 8);
      while (at.size < size) at.add(Math.floor(rng() * 60));
      for (const u of [...at].sort((a, b) => a - b)) lists[u]?.push(e);
    }
    const p = personProjection(memberships(lists, 30));
    const nodes = Array.from({ length: 40 }, (_, i) => 59 - i);
    const alone = structuralHolesOf(holesContext(p), nodes);
    const tasks = new HolesTasks(holesContext(p), nodes);
    expect(tasks.count).toBe(2 * HOLES_PARTS);
    // A helper computed tasks 0–9 before the owner claimed any: the owner adds them in.
    const helped = holesShare(40, p.nodes);
    startHoles(helped);
    for (let t = 0; t < 10; t++) {
      tasks.compute(t, helped.sums.subarray(t * 64, (t + 1) * 64));
      helped.done[t] = 1;
    }
    helped.state[1] = 10;
    expect(sharedStructuralHoles(p, nodes, helped)).toEqual(alone);
    expect([...helped.done]).toEqual(Array(2 * HOLES_PARTS).fill(1));
    // A helper claimed tasks 0–9, wrote garbage and failed: the owner computes them again.
    const failed = holesShare(40, p.nodes);
    failed.state[1] = 10;
    failed.state[2] = 1;
    failed.sums.fill(123, 0, 10 * 64);
    expect(sharedStructuralHoles(p, nodes, failed)).toEqual(alone);
    // A helper that comes once the nodes are published computes every task left; the owner
    // then only adds.
    const late = holesShare(40, p.nodes);
    startHoles(late);
    // As the owner publishes: what every node's holes share first, then the nodes.
    holesContext(p, late.inverseDegree, late.reach);
    late.nodes.set(nodes);
    late.state[0] = nodes.length + 2;
    helpWithHoles(p, late);
    expect([...late.done]).toEqual(Array(2 * HOLES_PARTS).fill(1));
    expect(tasks.holes(late.sums)).toEqual(alone);
  });

  it('shared tasks: a helper that throws flags it, and the owner redoes what it left', () => {
    const board = {
      control: new Int32Array(new SharedArrayBuffer(8)),
      next: 0,
      failed: 1,
      done: new Int32Array(new SharedArrayBuffer(6 * 4)),
    };
    const ranBy: string[] = Array(6).fill('');
    // The helper runs tasks 0, 1, 2 and throws on 3.
    expect(() =>
      runClaimedTasks(board, 6, (t) => {
        if (t === 3) throw new Error('out of memory');
        ranBy[t] = 'helper';
      }),
    ).toThrow('out of memory');
    expect([...board.done]).toEqual([1, 1, 1, 0, 0, 0]);
    expect(board.control[1]).toBe(1);
    // The owner claims nothing more than is left (4, 5), then redoes 3, which the helper claimed.
    runClaimedTasks(board, 6, (t) => {
      ranBy[t] = 'owner';
    });
    awaitTasks(board, 6, (t) => {
      ranBy[t] = 'redone';
    });
    expect(ranBy).toEqual(['helper', 'helper', 'helper', 'redone', 'owner', 'owner']);
    expect([...board.done]).toEqual([1, 1, 1, 1, 1, 1]);
  });

  it('a holes helper does not wait for an owner that has not started or failed, nor past its patience', () => {
    const p = graphOf(4, [
      [0, 1],
      [1, 2],
      [2, 3],
    ]);
    const idle = holesShare(4, p.nodes);
    helpWithHoles(p, idle, 60_000);
    expect(idle.state[1]).toBe(0);
    const abandoned = holesShare(4, p.nodes);
    startHoles(abandoned);
    abandonHoles(abandoned);
    helpWithHoles(p, abandoned, 60_000);
    expect(abandoned.state[1]).toBe(0);
    // Started but never publishing: the helper gives up after its patience (50 ms here).
    const slow = holesShare(4, p.nodes);
    startHoles(slow);
    const t0 = performance.now();
    helpWithHoles(p, slow, 50);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(45);
    expect(slow.state[1]).toBe(0);
  });

  it('both ways of summing, one node or many at once (batches of 32), give the definition on random graphs', () => {
    // The definition, straight from adjacency sets: p_uv = 1/deg(u);
    // constraint = Σ_v (1/d + Σ_{w ∈ N(u)∩N(v)} (1/d)(1/deg(w)))², effective size = d − 2t/d.
    const rng = seededRandom(11);
    for (let round = 0; round < 200; round++) {
      // Every tenth graph has more nodes than one batch of 32.
      const n = round % 10 === 0 ? 33 + Math.floor(rng() * 40) : 2 + Math.floor(rng() * 12);
      const density = rng();
      const edges: [number, number][] = [];
      for (let a = 0; a < n; a++)
        for (let b = a + 1; b < n; b++) if (rng() < density) edges.push([a, b]);
      const g = graphOf(n, edges);
      const ctx = holesContext(g);
      // All nodes at once, in a shuffled order (several batches when n > 32).
      const order = Array.from({ length: n }, (_, i) => i).sort(() => rng() - 0.5);
      const together = new Map(structuralHolesOf(ctx, order).map((h, k) => [order[k], h]));
      const adj = Array.from({ length: n }, () => new Set<number>());
      for (const [a, b] of edges) {
        adj[a]?.add(b);
        adj[b]?.add(a);
      }
      for (let u = 0; u < n; u++) {
        const nu = adj[u] as Set<number>;
        const d = nu.size;
        const h = structuralHoles(ctx, u);
        const many = together.get(u) as StructuralHoles;
        if (d === 0) {
          expect(h).toEqual({ constraint: null, effectiveSize: null });
          expect(many).toEqual(h);
          continue;
        }
        let constraint = 0;
        let ties2 = 0;
        for (const v of nu) {
          let indirect = 0;
          for (const w of adj[v] as Set<number>) {
            if (!nu.has(w)) continue;
            indirect += (1 / d) * (1 / (adj[w] as Set<number>).size);
            ties2++;
          }
          constraint += (1 / d + indirect) ** 2;
        }
        expect(h.constraint).toBeCloseTo(constraint, 12);
        expect(h.effectiveSize).toBeCloseTo(d - ties2 / d, 12);
        expect(many.constraint).toBeCloseTo(constraint, 12);
        expect(many.effectiveSize).toBeCloseTo(d - ties2 / d, 12);
      }
    }
  });

  it('core numbers: two triangles are 2-cores', () => {
    expect([...coreNumbers(twoTriangles)]).toEqual([2, 2, 2, 2, 2, 2]);
  });

  it('cliques: the cap largest maximal cliques, largest first then by members, capped iff more exist (random graphs)', () => {
    // The reference tries every subset of nodes: a clique when every pair is tied, maximal when
    // no node outside is tied to all of it. Sorted largest first, then by members.
    const rng = seededRandom(11);
    for (let round = 0; round < 150; round++) {
      const n = 3 + Math.floor(rng() * 10);
      const density = 0.3 + rng() * 0.6;
      const edges: [number, number][] = [];
      for (let a = 0; a < n; a++)
        for (let b = a + 1; b < n; b++) if (rng() < density) edges.push([a, b]);
      const g = graphOf(n, edges);
      const tied = (a: number, b: number) =>
        edges.some(([x, y]) => (x === a && y === b) || (x === b && y === a));
      const all: number[][] = [];
      for (let mask = 1; mask < 1 << n; mask++) {
        const members = Array.from({ length: n }, (_, i) => i).filter((i) => mask & (1 << i));
        if (members.length < 3) continue;
        if (!members.every((a, i) => members.slice(i + 1).every((b) => tied(a, b)))) continue;
        const outside = Array.from({ length: n }, (_, i) => i).filter((i) => !(mask & (1 << i)));
        if (outside.some((u) => members.every((m) => tied(u, m)))) continue;
        all.push(members);
      }
      const firstDifference = (a: number[], b: number[]) => {
        const at = a.findIndex((x, i) => x !== b[i]);
        return at < 0 ? 0 : (a[at] as number) - (b[at] as number);
      };
      all.sort((a, b) => b.length - a.length || firstDifference(a, b));
      const graph = {
        people: Array.from({ length: n }, (_, i) => ({ id: `p${i}`, name: `P${i}` })),
        personGroups: Array.from({ length: n }, () => [0]),
        groups: ['G'],
      } as unknown as Affiliation;
      for (const cap of [1, 2, 3, 5, 1000]) {
        const found = measureCliques(graph, g, { minShared: 1, cap }, g);
        const listed = found.list.map((c) => c.members.map((m) => Number(m.slice(1))));
        // The sizes are those of the reference's first `cap`; every clique larger than the last
        // one listed is listed; those of the last one's size are maximal cliques (which of them,
        // when more than fit, is the search's order); all in the reference's order.
        expect(listed.map((c) => c.length)).toEqual(all.slice(0, cap).map((c) => c.length));
        const last = listed.at(-1)?.length ?? 0;
        const key = (c: number[]) => c.join(' ');
        expect(listed.filter((c) => c.length > last)).toEqual(all.filter((c) => c.length > last));
        const maximal = new Set(all.map(key));
        for (const c of listed) expect(maximal.has(key(c))).toBe(true);
        expect([...listed].sort((a, b) => b.length - a.length || firstDifference(a, b))).toEqual(
          listed,
        );
        if (all.length > cap) expect(found.capped).toBe(true);
        if (all.length <= cap) expect(found.capped).toBe(false);
      }
    }
  });
});

describe('concentration', () => {
  it('Gini: equal records give 0; [0,0,0,4] gives Σ|xᵢ−xⱼ| / (2n²μ) = 24 / (2·16·1) = 0.75', () => {
    expect(gini([1, 1, 1, 1])).toBe(0);
    expect(gini([0, 0, 0, 4])).toBeCloseTo(0.75, 14);
  });

  it('top 10 %: ten people with [5,1,…,1] records: ⌈1⌉ person holds 5 of 14', () => {
    expect(topShare([5, 1, 1, 1, 1, 1, 1, 1, 1, 1])).toBeCloseTo(5 / 14, 14);
  });
});

describe('pond size', () => {
  it('Chao1 with f2 = 0 is bias-corrected: S=5, f1=3 → 5 + 3·2/2 = 8', () => {
    expect(chao1(5, 3, 0).estimate).toBe(8);
  });

  it('Chapman: n1=10, n2=8, m=4 → 11·9/5 − 1 = 18.8, variance 11·9·6·4/(25·6) = 15.84', () => {
    const c = chapman(10, 8, 4);
    expect(c.estimate).toBeCloseTo(18.8, 12);
    expect(c.se).toBeCloseTo(Math.sqrt(15.84), 12);
    // Log-normal interval around S = 14: f0 = 4.8, C = exp(1.96·√ln(1 + 15.84/4.8²)).
    const C = Math.exp(1.959963984540054 * Math.sqrt(Math.log(1 + 15.84 / 4.8 ** 2)));
    expect(c.ci95[0]).toBeCloseTo(14 + 4.8 / C, 12);
    expect(c.ci95[1]).toBeCloseTo(14 + 4.8 * C, 12);
  });
});

// A = {p1, p2, p3}, B = {p2, p3, p4, p5}, C = {p5} (member lists: one event per group).
const abc = [
  memory('A.csv', 'Email\np1@x.example\np2@x.example\np3@x.example\n'),
  memory('B.csv', 'Email\np2@x.example\np3@x.example\np4@x.example\np5@x.example\n'),
  memory('C.csv', 'Email\np5@x.example\n'),
];

describe('the measures on three tiny groups', async () => {
  const report = await analyze(abc, { members: true, have: ['A'] });

  it('releasing the records once measured changes nothing in the report', async () => {
    // A, B and C give 3 + 4 + 1 = 8 records of 5 people.
    const kept = await readAndResolve(abc);
    const released = await readAndResolve(abc);
    const options = { members: true, have: ['A'] };
    const withRecords = await overlapReport(kept, options);
    const without = await overlapReport(released, { ...options, releaseRecords: true });
    expect(kept.records).toHaveLength(8);
    expect(released.records).toHaveLength(0);
    expect(released.people).toEqual(kept.people);
    expect(without).toEqual(withRecords);
    expect(without).toEqual(report);
  });
  const id = (email: string) => `p000${Number(email.slice(1, 2))}`;

  it('pairs: expected |A||B|/N = 3·4/5 = 2.4, lift 2/2.4; p = P(X≥2 | N=5, K=3, n=4) = C(3,2)C(2,2)/C(5,4) + C(3,3)C(2,1)/C(5,4) = 5/5', () => {
    const ab = report.pairs[0];
    expect(ab?.expected).toBeCloseTo(2.4, 14);
    expect(ab?.lift).toBeCloseTo(2 / 2.4, 14);
    // With N = 5 two lists of 3 and 4 must share at least 2: p = 1.
    expect(ab?.pValue).toBeCloseTo(1, 14);
    expect(report.options.population).toEqual({ n: 5, source: 'observed' });
  });

  it('intersections (exclusive): {A,B}: p2 p3; then single people, more groups first', () => {
    expect(report.intersections).toEqual([
      {
        groups: ['A', 'B'],
        people: 2,
        members: [id('p2'), id('p3')],
        memberNames: ['(no name)', '(no name)'],
      },
      { groups: ['B', 'C'], people: 1, members: [id('p5')], memberNames: ['(no name)'] },
      { groups: ['A'], people: 1, members: [id('p1')], memberNames: ['(no name)'] },
      { groups: ['B'], people: 1, members: [id('p4')], memberNames: ['(no name)'] },
    ]);
  });

  it('reach: B (4 new), then A (+p1), then C (+0); with A already: B adds p4 p5, C adds p5', () => {
    expect(report.reach).toEqual({
      order: [
        { group: 'B', gain: 4, cumulative: 4 },
        { group: 'A', gain: 1, cumulative: 5 },
        { group: 'C', gain: 0, cumulative: 5 },
      ],
      have: ['A'],
      marginal: [
        { group: 'B', gain: 2 },
        { group: 'C', gain: 1 },
      ],
    });
  });

  it('disconnected: A and C share nobody; path A –p2– B –p5– C; p5 knows p2 and p3 in A', () => {
    expect(report.disconnected).toEqual([
      {
        a: 'A',
        b: 'C',
        path: ['A', id('p2'), 'B', id('p5'), 'C'],
        introducers: [
          // No names in these lists: a person without one is "(no name)", never the e-mail.
          { id: id('p5'), name: '(no name)', ties: 2 },
          { id: id('p2'), name: '(no name)', ties: 1 },
          { id: id('p3'), name: '(no name)', ties: 1 },
        ],
      },
    ]);
  });

  it('regular share: with minGroups 3 nobody is a regular, so every share is 0', () => {
    expect(report.groups.map((g) => g.regularShare)).toEqual([0, 0, 0]);
  });

  it('regular share with minGroups 2: p2, p3 (A, B) and p5 (B, C) hold 2/3 of A, 3/4 of B, all of C', async () => {
    const two = await analyze(abc, { minGroups: 2 });
    expect(two.groups.map((g) => g.regularShare)).toEqual([2 / 3, 3 / 4, 1]);
  });

  it('pond: f1 = 2 (p1, p4), f2 = 3 → Chao1 = 5 + 4/6', () => {
    expect(report.population.f1).toBe(2);
    expect(report.population.f2).toBe(3);
    expect(report.population.chao1.estimate).toBeCloseTo(5 + 4 / 6, 14);
    // The two largest lists are B (4) and A (3), sharing 2: (4·5)/3 − 1.
    expect(report.population.chapman?.estimate).toBeCloseTo(20 / 3 - 1, 14);
  });
});

describe('communities and cliques', async () => {
  // Two triangles of people who met twice, joined by one person-pair who met once.
  const rows = (names: string[]) => `Name\n${names.join('\n')}\n`;
  const report = await analyze([
    memory('t1.csv', rows(['A', 'B', 'C'])),
    memory('t1b.csv', rows(['A', 'B', 'C'])),
    memory('t2.csv', rows(['X', 'Y', 'Z'])),
    memory('t2b.csv', rows(['X', 'Y', 'Z'])),
    memory('link.csv', rows(['C', 'X'])),
  ]);

  it('Louvain finds the two triangles; modularity Σ(L_c/m − (d_c/2m)²) = 2·(6/13 − (13/26)²)', () => {
    // Weighted edges: each triangle 3 edges of weight 2 (= 6), the link 1: m = 13.
    // Each community: inside weight 6, total degree 2·6 + 1 = 13.
    expect(report.communities.list.map((c) => c.size)).toEqual([3, 3]);
    expect(report.communities.modularity).toBeCloseTo(2 * (6 / 13 - (13 / 26) ** 2), 12);
  });

  it('cliques among people who met at least twice: the two triangles; 2-cores of 6 people', () => {
    expect(report.cliques.list.map((c) => c.size)).toEqual([3, 3]);
    expect(report.cliques.maxCore).toBe(2);
    expect(report.cliques.coreSize).toBe(6);
    expect(report.cliques.capped).toBe(false);
  });

  it('C and X are the bridges and cut vertices: 0.6 each', () => {
    expect(
      report.bridges.map((b) => [b.name, Number(b.betweenness.toFixed(12)), b.cutVertex]),
    ).toEqual([
      ['C', 0.6, true],
      ['X', 0.6, true],
    ]);
  });

  it('caps the clique list and says so', async () => {
    const capped = await analyze(
      [
        memory('t1.csv', rows(['A', 'B', 'C'])),
        memory('t1b.csv', rows(['A', 'B', 'C'])),
        memory('t2.csv', rows(['X', 'Y', 'Z'])),
        memory('t2b.csv', rows(['X', 'Y', 'Z'])),
      ],
      { cliqueCap: 1 },
    );
    expect(capped.cliques.capped).toBe(true);
    expect(capped.cliques.list).toHaveLength(1);
  });
});

describe('fresh faces over time', async () => {
  // Stammtisch: Jan: A B; Feb: B C; Mar: C. Frühstück: Feb: A D.
  const report = await analyze([
    memory(
      'stammtisch.csv',
      'Datum;Name\n15.01.2025;A\n15.01.2025;B\n12.02.2025;B\n12.02.2025;C\n12.03.2025;C\n',
    ),
    memory('fruehstueck.csv', 'Datum;Name\n20.02.2025;A\n20.02.2025;D\n'),
  ]);

  it('counts attendees, newcomers (first seen anywhere that month) and those seen again later', () => {
    expect(report.freshness).toEqual([
      // Frühstück Feb: A (seen in Jan → not new, never later), D (new, never later).
      { group: 'fruehstueck', month: '2025-02', attendees: 2, newcomers: 1, returningLater: 0 },
      // Stammtisch Jan: A, B both new; B is seen again in Feb; A in Feb too (Frühstück).
      { group: 'stammtisch', month: '2025-01', attendees: 2, newcomers: 2, returningLater: 2 },
      // Feb: B (old, not later), C (new, seen in Mar).
      { group: 'stammtisch', month: '2025-02', attendees: 2, newcomers: 1, returningLater: 1 },
      { group: 'stammtisch', month: '2025-03', attendees: 1, newcomers: 0, returningLater: 0 },
    ]);
  });
});

describe('cliques deeper than the call stack', () => {
  it('finds a clique of 2,000 people (two days of one conference) with a 100 KB stack', () => {
    // A complete graph of 2,000 nodes: one maximal clique of 2,000, found by a search 2,000 deep.
    // Run from the compiled module in a process with a small stack, where a recursive search
    // overflows. The work limit then stops the search, so the list says it may be incomplete.
    const script = `
      const { measureCliques } = await import(${JSON.stringify(new URL('../dist/measure/cliques.js', import.meta.url).href)});
      const n = 2000;
      const offsets = new Int32Array(n + 1);
      const neighbors = new Int32Array(n * (n - 1));
      let t = 0;
      for (let u = 0; u < n; u++) {
        for (let v = 0; v < n; v++) if (v !== u) neighbors[t++] = v;
        offsets[u + 1] = t;
      }
      const p = { nodes: n, offsets, neighbors, weights: new Int32Array(neighbors.length).fill(2) };
      const graph = {
        people: Array.from({ length: n }, (_, i) => ({ id: 'p' + i, name: 'P' + i })),
        personGroups: Array.from({ length: n }, () => [0]),
        groups: ['G'],
      };
      const c = measureCliques(graph, p, { minShared: 2 }, p);
      console.log(JSON.stringify([c.list.length, c.list[0]?.size, c.maxCore]));`;
    const run = spawnSync(
      process.execPath,
      ['--stack-size=100', '--input-type=module', '-e', script],
      {
        encoding: 'utf8',
      },
    );
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual([1, 2000, 1999]);
  });
});

describe('inputs too large for the person projection', () => {
  it('are refused with the file, the event and the fix', async () => {
    // One event of 5 people: 5·4/2 = 10 pairs, 20 directed ties. A limit of 20 lets it pass, 19
    // refuses it (the real limit is 2^31 − 1: an event of ~46,000 people).
    const names = ['A', 'B', 'C', 'D', 'E'].map((n) => `01.02.2025;${n}`).join('\n');
    const analysis = await readAndResolve([memory('webinar.csv', `Datum;Name\n${names}\n`)]);
    const graph = buildAffiliation(analysis.people, analysis.records);
    const m = affiliationMemberships(graph);
    expect(() => checkProjectionSize(graph, m, analysis.inputs, 20)).not.toThrow();
    expect(() => checkProjectionSize(graph, m, analysis.inputs, 19)).toThrow(
      'webinar.csv: its event of 2025-02-01 with 5 people makes the person projection too large (up to 20 ties, at most 19); leave this file out or split the event',
    );
  });

  it('are not refused for the same people meeting again and again', async () => {
    // The same 5 people at 30 events: 30 · 10 = 300 co-attendance pairs (600 directed), but only
    // 5 · 4 = 20 ties. A limit of 20 lets it pass.
    const rows = [];
    for (let day = 1; day <= 30; day++)
      for (const n of ['A', 'B', 'C', 'D', 'E'])
        rows.push(`${String(day).padStart(2, '0')}.01.2025;${n}`);
    const analysis = await readAndResolve([
      memory('weekly.csv', `Datum;Name\n${rows.join('\n')}\n`),
    ]);
    const graph = buildAffiliation(analysis.people, analysis.records);
    const m = affiliationMemberships(graph);
    expect(m.events).toBe(30);
    expect(2 * coAttendancePairs(m)).toBe(600);
    expect(() => checkProjectionSize(graph, m, analysis.inputs, 20)).not.toThrow();
  });
});
