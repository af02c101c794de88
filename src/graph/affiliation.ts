// People + records → the person × group × event affiliation structure. Takes resolved people and
// the records they are made of and returns compact index lists that the measures read: groups in
// sorted order, each person's groups, and per group its events and records.
import { fitted } from '../arrays.js';
import { numberIn } from '../numbering.js';
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
  if (values.length > 16) values.sort((a, b) => a - b);
  else {
    // Most lists are a person's few events: an insertion sort calls no comparator.
    for (let i = 1; i < values.length; i++) {
      const v = values[i] as number;
      let j = i - 1;
      while (j >= 0 && (values[j] as number) > v) {
        values[j + 1] = values[j] as number;
        j--;
      }
      values[j + 1] = v;
    }
  }
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
  // One pass over the people's records in record order (not person by person, which jumps
  // around a large heap) numbers events and groups by first appearance, one lookup per record;
  // the numbers are then mapped to the sorted order.
  const used = new Uint8Array(records.length);
  for (const person of people) for (const r of person.records) used[r] = 1;
  const firstEvent = new Map<string, number>();
  const firstGroup = new Map<string, number>();
  // Per record its event's and its group's number side by side: read person by person below,
  // at scattered records, one cache line gives both.
  const recordEventGroup = new Int32Array(2 * records.length);
  // A file's rows of one event follow each other: the last record's event and group are looked
  // up again only when they change.
  let lastEvent: string | undefined;
  let lastGroup: string | undefined;
  let e = -1;
  let g = -1;
  for (let r = 0; r < records.length; r++) {
    if (used[r] === 0) continue;
    const record = records[r] as SourceRecord;
    if (record.event !== lastEvent) {
      lastEvent = record.event;
      e = numberIn(firstEvent, lastEvent);
    }
    if (record.group !== lastGroup) {
      lastGroup = record.group;
      g = numberIn(firstGroup, lastGroup);
    }
    recordEventGroup[2 * r] = e;
    recordEventGroup[2 * r + 1] = g;
  }
  const groups = [...firstGroup.keys()].sort(compare);
  const groupIndex = new Map(groups.map((g, i) => [g, i]));
  const events = [...firstEvent.keys()].sort(compare);
  const eventOrder = new Int32Array(events.length);
  events.forEach((e, i) => {
    eventOrder[firstEvent.get(e) as number] = i;
  });
  const groupOrder = new Int32Array(groups.length);
  for (const [g, first] of firstGroup) groupOrder[first] = groupIndex.get(g) as number;
  const eventGroup = events.map((e) => groupIndex.get(e.slice(0, e.indexOf('\u0000'))) ?? 0);
  const eventDate = events.map((e) => e.split('\u0000')[2] || undefined);
  const groupEvents = new Array<number>(groups.length).fill(0);
  for (const g of eventGroup) groupEvents[g] = (groupEvents[g] ?? 0) + 1;
  const groupRecords = new Array<number>(groups.length).fill(0);
  let total = 0;
  const personGroups: number[][] = [];
  const personEvents: number[][] = [];
  // A person's groups once each (most of their records are at one group's events).
  const groupSeen = new Int32Array(groups.length).fill(-1);
  for (let p = 0; p < people.length; p++) {
    const person = people[p] as Person;
    const gs: number[] = [];
    const es: number[] = [];
    for (const r of person.records) {
      const g = groupOrder[recordEventGroup[2 * r + 1] as number] as number;
      if (groupSeen[g] !== p) {
        groupSeen[g] = p;
        gs.push(g);
      }
      es.push(eventOrder[recordEventGroup[2 * r] as number] as number);
      groupRecords[g] = (groupRecords[g] ?? 0) + 1;
      total++;
    }
    personGroups.push(fitted(sortedDistinct(gs)));
    personEvents.push(fitted(sortedDistinct(es)));
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
