// Affiliation → "the same fish": how many people are in 1, 2, 3, … groups; the regulars (people
// in at least `minGroups` groups) with their groups; the share of counting records held by the
// top 10 % of people; the Gini coefficient of records per person; per group, the share of its
// records held by regulars.
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
  top10Share: number | null;
  gini: number | null;
}

/** Records per person (the counting records each person is made of). */
function recordsPerPerson(graph: Affiliation): number[] {
  return graph.people.map((p) => p.records.length);
}

/**
 * The share of all records held by the ⌈10 %⌉ of people with most records (which of several
 * people with as many records as the last one counted does not change the sum).
 */
export function topShare(records: readonly number[], fraction = 0.1): number | null {
  const total = records.reduce((a, b) => a + b, 0);
  if (total === 0) return null;
  const k = Math.ceil(records.length * fraction);
  // Ascending as numbers (no comparator): the k largest are the last k.
  const sorted = Float64Array.from(records).sort();
  let held = 0;
  for (let i = sorted.length - 1; i >= sorted.length - k; i--) held += sorted[i] as number;
  return held / total;
}

/** Gini coefficient, population formula: Σᵢ Σⱼ |xᵢ − xⱼ| / (2 n² μ); 0 = everyone equal. */
export function gini(values: readonly number[]): number | null {
  const n = values.length;
  const total = values.reduce((a, b) => a + b, 0);
  if (n === 0 || total === 0) return null;
  const sorted = Float64Array.from(values).sort();
  let weighted = 0;
  for (let i = 0; i < n; i++) weighted += (i + 1) * (sorted[i] as number);
  return (2 * weighted) / (n * total) - (n + 1) / n;
}

/** Histogram from 1 to the largest number of groups anyone is in (zeros kept), and the rest. */
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
  const records = recordsPerPerson(graph);
  return {
    minGroups,
    groupsPerPerson: counts.map((people, k) => ({ groups: k + 1, people })),
    regulars,
    top10Share: topShare(records),
    gini: gini(records),
  };
}

/**
 * Per group, the share of its counting records held by regulars (null for a group without
 * records). A person keeps one record per event, so a regular's records in a group are its
 * events there: counted from the affiliation's event lists, without reading the records.
 */
export function regularShares(graph: Affiliation, minGroups: number): (number | null)[] {
  const held = new Array<number>(graph.groups.length).fill(0);
  graph.personEvents.forEach((events, p) => {
    if ((graph.personGroups[p]?.length ?? 0) < minGroups) return;
    for (const e of events) {
      const g = graph.eventGroup[e] as number;
      held[g] = (held[g] as number) + 1;
    }
  });
  return graph.groups.map((_, g) => {
    const total = graph.groupRecords[g] ?? 0;
    return total === 0 ? null : (held[g] as number) / total;
  });
}
