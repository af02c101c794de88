// Affiliation → "the same fish": how many people are in 1, 2, 3, … groups, and the regulars
// (people in at least `minGroups` groups) with their groups.
import type { Affiliation } from '../graph/affiliation.js';

export interface FishOptions {
  readonly minGroups: number;
}

export const FISH_DEFAULTS: Readonly<FishOptions> = Object.freeze({ minGroups: 3 });

export interface Regular {
  id: string;
  name: string;
  groups: string[];
  events: number;
}

export interface Fish {
  minGroups: number;
  groupsPerPerson: { groups: number; people: number }[];
  regulars: Regular[];
}

/** Histogram from 1 to the largest number of groups anyone is in (zeros kept), and the regulars. */
export function measureFish(graph: Affiliation, options: Partial<FishOptions> = {}): Fish {
  const { minGroups } = { ...FISH_DEFAULTS, ...options };
  const most = graph.personGroups.reduce((m, gs) => Math.max(m, gs.length), 0);
  const counts = new Array<number>(most).fill(0);
  for (const gs of graph.personGroups) counts[gs.length - 1] = (counts[gs.length - 1] ?? 0) + 1;
  const regulars: Regular[] = [];
  graph.people.forEach((person, i) => {
    const gs = graph.personGroups[i] ?? [];
    if (gs.length >= minGroups) {
      regulars.push({
        id: person.id,
        name: person.name,
        groups: gs.map((g) => graph.groups[g] as string),
        events: person.events,
      });
    }
  });
  regulars.sort(
    (a, b) => b.groups.length - a.groups.length || b.events - a.events || (a.id < b.id ? -1 : 1),
  );
  return {
    minGroups,
    groupsPerPerson: counts.map((people, k) => ({ groups: k + 1, people })),
    regulars,
  };
}
