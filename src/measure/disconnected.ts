// Affiliation + projection → the pairs of groups that share nobody, each with the shortest
// group–person–group path between them (or null) and warm-introduction suggestions: people of one
// group with the most co-attendees (projection neighbours) in the other.
import type { Affiliation } from '../graph/affiliation.js';
import type { Projection } from '../graph/projection.js';

export interface DisconnectedOptions {
  readonly introducers: number;
}

export const DISCONNECTED_DEFAULTS: Readonly<DisconnectedOptions> = Object.freeze({
  introducers: 5,
});

export interface Disconnected {
  a: string;
  b: string;
  /** Group names and person ids alternating, from a to b; null when no path exists. */
  path: string[] | null;
  introducers: { id: string; name: string; ties: number }[];
}

export function measureDisconnected(
  graph: Affiliation,
  projection: Projection,
  options: Partial<DisconnectedOptions> = {},
): Disconnected[] {
  const o = { ...DISCONNECTED_DEFAULTS, ...options };
  const g = graph.groups.length;
  const n = graph.people.length;
  // For each pair of groups, the first person (by id) in both; -1 when none.
  const link = new Int32Array(g * g).fill(-1);
  const members: number[][] = Array.from({ length: g }, () => []);
  graph.personGroups.forEach((gs, p) => {
    for (const a of gs) (members[a] as number[]).push(p);
    for (const a of gs)
      for (const b of gs) if (a !== b && link[a * g + b] === -1) link[a * g + b] = p;
  });
  const result: Disconnected[] = [];
  for (let a = 0; a < g; a++) {
    // Breadth-first search over groups from a, neighbours in name order.
    const prev = new Int32Array(g).fill(-1);
    const seen = new Uint8Array(g);
    seen[a] = 1;
    const queue = [a];
    for (let head = 0; head < queue.length; head++) {
      const x = queue[head] as number;
      for (let y = 0; y < g; y++) {
        if (!seen[y] && link[x * g + y] !== -1) {
          seen[y] = 1;
          prev[y] = x;
          queue.push(y);
        }
      }
    }
    for (let b = a + 1; b < g; b++) {
      if (link[a * g + b] !== -1) continue;
      let path: string[] | null = null;
      if (seen[b]) {
        const groups: number[] = [];
        for (let y = b; y !== -1; y = prev[y] as number) groups.unshift(y);
        path = [graph.groups[groups[0] as number] as string];
        for (let i = 1; i < groups.length; i++) {
          const via = link[(groups[i - 1] as number) * g + (groups[i] as number)] as number;
          path.push(graph.people[via]?.id ?? '', graph.groups[groups[i] as number] as string);
        }
      }
      result.push({
        a: graph.groups[a] as string,
        b: graph.groups[b] as string,
        path,
        introducers: introducers(graph, projection, members, a, b, n, o.introducers),
      });
    }
  }
  return result;
}

function introducers(
  graph: Affiliation,
  projection: Projection,
  members: number[][],
  a: number,
  b: number,
  n: number,
  limit: number,
): { id: string; name: string; ties: number }[] {
  const found: { p: number; ties: number }[] = [];
  for (const [from, to] of [
    [a, b],
    [b, a],
  ] as const) {
    const inTarget = new Uint8Array(n);
    for (const q of members[to] as number[]) inTarget[q] = 1;
    for (const p of members[from] as number[]) {
      let ties = 0;
      for (
        let i = projection.offsets[p] as number;
        i < (projection.offsets[p + 1] as number);
        i++
      ) {
        if (inTarget[projection.neighbors[i] as number]) ties++;
      }
      if (ties > 0) found.push({ p, ties });
    }
  }
  return found
    .sort((x, y) => y.ties - x.ties || x.p - y.p)
    .slice(0, limit)
    .map(({ p, ties }) => ({
      id: graph.people[p]?.id ?? '',
      name: graph.people[p]?.name ?? '',
      ties,
    }));
}
