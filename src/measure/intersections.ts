// Affiliation → exclusive intersections (UpSet): each combination of groups with the number of
// people whose groups are exactly that combination, largest first; members on request.
import type { Affiliation } from '../graph/affiliation.js';

export interface Intersection {
  groups: string[];
  people: number;
  members?: string[];
  /** The members' display names, in the order of `members`. */
  memberNames?: string[];
}

export interface IntersectionOptions {
  readonly members: boolean;
}

export const INTERSECTION_DEFAULTS: Readonly<IntersectionOptions> = Object.freeze({
  members: false,
});

/** Every combination that occurs; sorted by people desc, then more groups first, then names. */
export function measureIntersections(
  graph: Affiliation,
  options: Partial<IntersectionOptions> = {},
): Intersection[] {
  const { members } = { ...INTERSECTION_DEFAULTS, ...options };
  const combos = new Map<string, { groups: number[]; people: string[]; names: string[] }>();
  graph.personGroups.forEach((gs, p) => {
    const key = gs.join(',');
    const entry = combos.get(key) ?? { groups: [...gs], people: [], names: [] };
    entry.people.push(graph.people[p]?.id ?? '');
    entry.names.push(graph.people[p]?.name ?? '');
    combos.set(key, entry);
  });
  const list = [...combos.values()].sort((x, y) => {
    if (x.people.length !== y.people.length) return y.people.length - x.people.length;
    if (x.groups.length !== y.groups.length) return y.groups.length - x.groups.length;
    for (let i = 0; i < x.groups.length; i++) {
      if (x.groups[i] !== y.groups[i]) return (x.groups[i] as number) - (y.groups[i] as number);
    }
    return 0;
  });
  return list.map((c) => ({
    groups: c.groups.map((g) => graph.groups[g] as string),
    people: c.people.length,
    ...(members ? { members: c.people, memberNames: c.names } : {}),
  }));
}
