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
  // Per combination its people, or only their count when the members are not listed.
  const combos = new Map<string, { groups: readonly number[]; count: number; people: number[] }>();
  graph.personGroups.forEach((gs, p) => {
    const key = gs.length === 1 ? String(gs[0]) : gs.join(',');
    let entry = combos.get(key);
    if (entry === undefined) {
      entry = { groups: gs, count: 0, people: [] };
      combos.set(key, entry);
    }
    entry.count++;
    if (members) entry.people.push(p);
  });
  const list = [...combos.values()].sort((x, y) => {
    if (x.count !== y.count) return y.count - x.count;
    if (x.groups.length !== y.groups.length) return y.groups.length - x.groups.length;
    for (let i = 0; i < x.groups.length; i++) {
      if (x.groups[i] !== y.groups[i]) return (x.groups[i] as number) - (y.groups[i] as number);
    }
    return 0;
  });
  return list.map((c) => ({
    groups: c.groups.map((g) => graph.groups[g] as string),
    people: c.count,
    ...(members
      ? {
          members: c.people.map((p) => graph.people[p]?.id ?? ''),
          memberNames: c.people.map((p) => graph.people[p]?.name ?? ''),
        }
      : {}),
  }));
}
