// Affiliation → reach, the newcomer's question: the order in which to visit groups to meet the
// most distinct people (greedy set cover, ties by group name) with each step's gain; and, for the
// groups one already attends (`have`), the new people each other group adds.
import type { Affiliation } from '../graph/affiliation.js';

export interface Reach {
  order: { group: string; gain: number; cumulative: number }[];
  have: string[];
  marginal: { group: string; gain: number }[];
}

export function measureReach(graph: Affiliation, have: readonly string[] = []): Reach {
  const g = graph.groups.length;
  const members: number[][] = Array.from({ length: g }, () => []);
  graph.personGroups.forEach((gs, p) => {
    for (const x of gs) (members[x] as number[]).push(p);
  });
  const gainOf = (group: number, covered: Uint8Array) => {
    let gain = 0;
    for (const p of members[group] as number[]) if (!covered[p]) gain++;
    return gain;
  };
  const covered = new Uint8Array(graph.people.length);
  const left = new Set(graph.groups.map((_, i) => i));
  const order: Reach['order'] = [];
  let cumulative = 0;
  while (left.size > 0) {
    let best = -1;
    let bestGain = -1;
    for (const x of left) {
      const gain = gainOf(x, covered);
      if (gain > bestGain) {
        best = x;
        bestGain = gain;
      }
    }
    left.delete(best);
    for (const p of members[best] as number[]) covered[p] = 1;
    cumulative += bestGain;
    order.push({ group: graph.groups[best] as string, gain: bestGain, cumulative });
  }
  const index = new Map(graph.groups.map((name, i) => [name, i]));
  const mine = new Uint8Array(graph.people.length);
  for (const name of have) for (const p of members[index.get(name) as number] ?? []) mine[p] = 1;
  const marginal =
    have.length === 0
      ? []
      : graph.groups
          .map((name, i) => ({ group: name, gain: gainOf(i, mine) }))
          .filter((m) => !have.includes(m.group))
          .sort((x, y) => y.gain - x.gain || (x.group < y.group ? -1 : 1));
  return { order, have: [...have], marginal };
}
