// Affiliation → totals and per-group figures: events, counting records, people, and exclusive
// people (in no other group).
import type { Affiliation } from '../graph/affiliation.js';

export interface GroupFigures {
  readonly name: string;
  readonly events: number;
  readonly records: number;
  readonly people: number;
  readonly exclusive: number;
}

export interface Totals {
  readonly groups: number;
  readonly events: number;
  readonly records: number;
  readonly people: number;
}

/** Totals over the whole run. */
export function measureTotals(graph: Affiliation): Totals {
  return {
    groups: graph.groups.length,
    events: graph.eventGroup.length,
    records: graph.records,
    people: graph.people.length,
  };
}

/** One row per group, in group-name order. */
export function measureGroups(graph: Affiliation): GroupFigures[] {
  const people = new Array<number>(graph.groups.length).fill(0);
  const exclusive = new Array<number>(graph.groups.length).fill(0);
  for (const gs of graph.personGroups) {
    for (const g of gs) people[g] = (people[g] ?? 0) + 1;
    if (gs.length === 1) exclusive[gs[0] as number] = (exclusive[gs[0] as number] ?? 0) + 1;
  }
  return graph.groups.map((name, g) => ({
    name,
    events: graph.groupEvents[g] ?? 0,
    records: graph.groupRecords[g] ?? 0,
    people: people[g] ?? 0,
    exclusive: exclusive[g] ?? 0,
  }));
}
