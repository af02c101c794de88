// People + records → the person × group × event affiliation structure. Takes resolved people and
// the records they are made of and returns compact index lists that the measures read: groups in
// sorted order, each person's groups, and per group its events and records.
import type { Person, SourceRecord } from '../types.js';

export interface Affiliation {
  /** Group names, sorted by code point. */
  readonly groups: readonly string[];
  readonly people: readonly Person[];
  /** For each person (same order as `people`), the sorted indices of its groups. */
  readonly personGroups: readonly (readonly number[])[];
  /** For each person, the sorted indices of its events. */
  readonly personEvents: readonly (readonly number[])[];
  /** For each event, its group index. */
  readonly eventGroup: readonly number[];
  /** For each event, its calendar date (`YYYY-MM-DD` or as written), when known. */
  readonly eventDate: readonly (string | undefined)[];
  /** Per group: distinct events and counting records. */
  readonly groupEvents: readonly number[];
  readonly groupRecords: readonly number[];
  readonly records: number;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The numbers ascending, each once (in place; most lists are one or a few numbers long). */
function sortedDistinct(values: number[]): number[] {
  if (values.length < 2) return values;
  values.sort((a, b) => a - b);
  let kept = 1;
  for (let i = 1; i < values.length; i++) {
    if (values[i] !== values[kept - 1]) values[kept++] = values[i] as number;
  }
  values.length = kept;
  return values;
}

/** Builds the affiliation structure; `records` is indexed by the people's record indices. */
export function buildAffiliation(
  people: readonly Person[],
  records: readonly SourceRecord[],
): Affiliation {
  const groupSet = new Set<string>();
  const eventSet = new Set<string>();
  for (const person of people) {
    for (const r of person.records) {
      const record = records[r] as SourceRecord;
      groupSet.add(record.group);
      eventSet.add(record.event);
    }
  }
  const groups = [...groupSet].sort(compare);
  const groupIndex = new Map(groups.map((g, i) => [g, i]));
  const events = [...eventSet].sort(compare);
  const eventIndex = new Map(events.map((e, i) => [e, i]));
  const eventGroup = events.map((e) => groupIndex.get(e.slice(0, e.indexOf('\u0000'))) ?? 0);
  const eventDate = events.map((e) => e.split('\u0000')[2] || undefined);
  const groupEvents = new Array<number>(groups.length).fill(0);
  for (const g of eventGroup) groupEvents[g] = (groupEvents[g] ?? 0) + 1;
  const groupRecords = new Array<number>(groups.length).fill(0);
  let total = 0;
  const personGroups: number[][] = [];
  const personEvents: number[][] = [];
  for (const person of people) {
    const gs: number[] = [];
    const es: number[] = [];
    for (const r of person.records) {
      const record = records[r] as SourceRecord;
      const e = eventIndex.get(record.event) as number;
      const g = groupIndex.get(record.group) as number;
      gs.push(g);
      es.push(e);
      groupRecords[g] = (groupRecords[g] ?? 0) + 1;
      total++;
    }
    personGroups.push(sortedDistinct(gs));
    personEvents.push(sortedDistinct(es));
  }
  return {
    groups,
    people,
    personGroups,
    personEvents,
    eventGroup,
    eventDate,
    groupEvents,
    groupRecords,
    records: total,
  };
}
