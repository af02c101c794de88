// Clusters → people. Takes the records and their clusters and returns the people in canonical
// order with stable ids (p0001, …), plus the records folded into another record of the same
// person at the same event ("merged": a Zoom re-join, a duplicate form submission).
import { fitted } from '../arrays.js';
import { numberIn } from '../numbering.js';
import type { Person, SourceRecord, Status } from '../types.js';
import { type Normalizers, recordNormalizers } from './exact.js';
import { parseName } from './names.js';
import {
  dropAnnotations,
  dropSymbols,
  dropTitles,
  personOfDevice,
  reorderLastFirst,
} from './normalize.js';

const STATUS_RANK: Readonly<Record<Status, number>> = {
  attended: 0,
  registered: 1,
  listed: 2,
  noshow: 3,
  waitlist: 4,
  declined: 5,
  cancelled: 6,
};

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function hasNonAscii(value: string): boolean {
  return /[^\x20-\x7e]/.test(value);
}

/** Written in capitals throughout ("MÜLLER, HANS", as older member systems export names). */
function inCapitals(value: string): boolean {
  return value !== value.toLowerCase() && value === value.toUpperCase();
}

/**
 * Display name: the most frequent spelling, written first name first ("Köhler, Jürgen" →
 * "Jürgen Köhler"); device names ("iPhone von Anke") only when nothing else is known, initials and lone
 * first names only after full names; ties prefer a name not in capitals throughout, then one
 * without additions ("Anke Büscher" over "Anke Büscher (sie/ihr)", "Herr Anke Büscher", "Dr.
 * Anke Büscher" or "Anke Büscher 🚀"), then the
 * original letters (ü over ue), then code point order.
 */
/** The display name of a person whose records carry no name. */
export const NO_NAME = '(no name)';

/** A word of one letter and a dot ("Karl H. Schmitz", "H.-J. Köhler"). */
const ABBREVIATED_WORD = /(?:^|[\s-])\p{L}\.(?=[\s-]|$)/u;

export function displayName(records: readonly SourceRecord[]): string {
  // Most people write their name the same way every time: one spelling, nothing to count.
  const only = records[0]?.name;
  if (only !== undefined && records.every((r) => r.name === only && r.pseudonymous !== true))
    return reorderLastFirst(only);
  const counts = new Map<string, number>();
  for (const r of records) {
    // A pseudonym (netz hash) is no name to show.
    if (r.name === undefined || r.pseudonymous === true) continue;
    const name = reorderLastFirst(r.name);
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  if (counts.size <= 1) {
    for (const name of counts.keys()) return name;
  }
  // A device name last, a full name before "Jürgen K." and before a lone first name.
  const rank = (n: string) => {
    if (personOfDevice(n) !== undefined) return 3;
    const parts = parseName(n);
    return parts.firstOnly ? 2 : parts.initialOnly ? 1 : 0;
  };
  // A spelling that is turned round ("Müller Thomas") from one written in a first-name and a
  // surname column ("Thomas", "Müller") has its surname first: the other is shown, however often
  // each was written.
  const ordered = new Set<string>();
  for (const r of records)
    if (r.name !== undefined && r.firstName !== undefined && r.lastName !== undefined)
      ordered.add(parseName(r.name).key);
  const turned = (n: string) => {
    if (ordered.size === 0) return false;
    const parts = parseName(n);
    return parts.swapped !== undefined && ordered.has(parts.swapped) && !ordered.has(parts.key);
  };
  const names = [...counts.entries()]
    .map(([name, count]) => ({
      name,
      count,
      rank: rank(name) + (turned(name) ? 0.5 : 0),
      capitals: inCapitals(name),
      annotated: dropSymbols(dropTitles(dropAnnotations(name))) !== name,
      nonAscii: hasNonAscii(name),
      abbreviated: ABBREVIATED_WORD.test(name),
      hyphens: name.split('-').length - 1,
    }))
    .sort(
      (a, b) =>
        a.rank - b.rank ||
        b.count - a.count ||
        Number(a.capitals) - Number(b.capitals) ||
        Number(a.annotated) - Number(b.annotated) ||
        Number(b.nonAscii) - Number(a.nonAscii) ||
        // "Karl Heinz Schmitz" before "Karl H. Schmitz"; "Karl-Heinz", "Müller-Schmidt" as
        // double names are written in German, before "Karl Heinz", "Müller Schmidt".
        Number(a.abbreviated) - Number(b.abbreviated) ||
        b.hyphens - a.hyphens ||
        compare(a.name, b.name),
    )
    .map((entry) => [entry.name, entry.count] as const);
  if (names[0] !== undefined) return names[0][0];
  // Never the e-mail: reports that show names must not show addresses.
  return NO_NAME;
}

/** The values once each, in code point order (a new array). */
function distinctSorted(values: readonly string[]): string[] {
  if (values.length <= 1) return [...values];
  return [...new Set(values)].sort(compare);
}

export interface PeopleResult {
  readonly people: Person[];
  /** Indices of records folded into an earlier record of the same person and event. */
  readonly merged: number[];
}

/** The first three UTF-16 units of a string as one number (48 bits), a missing unit as 0. */
function leadingUnits(text: string): number {
  const unit = (i: number) => (i < text.length ? text.charCodeAt(i) : 0);
  return (unit(0) * 65536 + unit(1)) * 65536 + unit(2);
}

/** Builds people from clusters of record indices; record indices must be in canonical order. */
export function buildPeople(
  records: SourceRecord[],
  clusters: readonly number[][],
  normalizers: Pick<Normalizers, 'email' | 'name'> = recordNormalizers(),
  /** Each record's normalised e-mails when the clustering has them already. */
  recordEmails?: readonly (readonly string[])[],
): PeopleResult {
  const merged: number[] = [];
  const { email, name: key } = normalizers;
  const emailsOf = (i: number): readonly string[] =>
    recordEmails?.[i] ?? (records[i] as SourceRecord).emails.map(email);
  // One pass over the records in their order, where each lies next to the one before (a
  // person's records lie at scattered addresses, and reading them person by person costs a cache
  // miss or three each: the record, its name, the name's characters). It numbers the events
  // (their strings are shared, so each lookup finds a cached hash; a person's records at one event
  // are then found with a stamp per event instead of a Map per person), and finds whether each
  // person's records carry one name and one e-mail (most people) and each person's groups.
  const personOf = new Int32Array(records.length).fill(-1);
  const firstOf = new Int32Array(clusters.length);
  clusters.forEach((cluster, person) => {
    let first = cluster[0] as number;
    for (const i of cluster) {
      personOf[i] = person;
      if (i < first) first = i;
    }
    firstOf[person] = first;
  });
  const eventOf = new Int32Array(records.length);
  const eventNumbers = new Map<string, number>();
  const onlyName: (string | undefined)[] = new Array(clusters.length);
  const onlyEmail: (string | undefined)[] = new Array(clusters.length);
  const groupsOf: string[][] = new Array(clusters.length);
  const lastGroup: (string | undefined)[] = new Array(clusters.length);
  // A file's rows of one event follow each other: looked up again only when it changes.
  let lastEvent: string | undefined;
  let number = -1;
  for (let i = 0; i < records.length; i++) {
    const record = records[i] as SourceRecord;
    if (record.event !== lastEvent) {
      lastEvent = record.event;
      number = numberIn(eventNumbers, lastEvent);
    }
    eventOf[i] = number;
    const person = personOf[i] as number;
    if (person < 0) continue;
    if (firstOf[person] === i) {
      // The person's first record comes before the others.
      onlyName[person] = record.pseudonymous === true ? undefined : record.name;
      const emails = emailsOf(i);
      onlyEmail[person] = emails.length === 1 ? emails[0] : undefined;
      groupsOf[person] = [record.group];
      lastGroup[person] = record.group;
      continue;
    }
    const name = onlyName[person];
    if (name !== undefined && (record.name !== name || record.pseudonymous === true))
      onlyName[person] = undefined;
    const email = onlyEmail[person];
    if (email !== undefined) {
      const emails = emailsOf(i);
      if (emails.length !== 1 || emails[0] !== email) onlyEmail[person] = undefined;
    }
    const group = record.group;
    if (lastGroup[person] !== group) {
      lastGroup[person] = group;
      const groups = groupsOf[person] as string[];
      if (!groups.includes(group)) groups.push(group);
    }
  }
  const stamp = new Int32Array(records.length).fill(-1);
  const keptAt = new Int32Array(records.length);
  const drafts = clusters.map((cluster, person) => {
    if (cluster.length === 1) {
      // Most people come once: the same as below, without the bookkeeping.
      const i = cluster[0] as number;
      const record = records[i] as SourceRecord;
      const name =
        record.name === undefined || record.pseudonymous === true
          ? NO_NAME
          : reorderLastFirst(record.name);
      return {
        name,
        sortKey: key(name),
        emails: distinctSorted(emailsOf(i)),
        groups: [record.group],
        events: 1,
        records: [i],
        first: i,
      };
    }
    let sorted = cluster;
    for (let k = 1; k < cluster.length; k++) {
      if ((cluster[k - 1] as number) > (cluster[k] as number)) {
        sorted = [...cluster].sort((a, b) => a - b);
        break;
      }
    }
    // The first record at each event is kept (ascending, as `sorted` is); later ones fold into
    // it, which reads them only then.
    const kept: number[] = [];
    for (const i of sorted) {
      const event = eventOf[i] as number;
      if (stamp[event] !== person) {
        stamp[event] = person;
        keptAt[event] = i;
        kept.push(i);
        continue;
      }
      merged.push(i);
      const record = records[i] as SourceRecord;
      const keptRecord = records[keptAt[event] as number] as SourceRecord;
      if (STATUS_RANK[record.status] < STATUS_RANK[keptRecord.status]) {
        keptRecord.status = record.status;
      }
    }
    const only = onlyName[person];
    const name =
      only !== undefined
        ? reorderLastFirst(only)
        : displayName(sorted.map((i) => records[i] as SourceRecord));
    const email = onlyEmail[person];
    const emails = email !== undefined ? [email] : distinctSorted(sorted.flatMap(emailsOf));
    const groups = groupsOf[person] as string[];
    groups.sort(compare);
    return {
      name,
      sortKey: key(name),
      emails,
      // Kept to the end, at their size.
      groups: fitted(groups),
      events: kept.length,
      records: fitted(kept),
      first: sorted[0] ?? 0,
    };
  });
  // Sorted by the first three UTF-16 units of each sort key as one number first (in a typed
  // array, read in order), which decides most comparisons without reading the strings at their
  // scattered addresses; the order is the same as comparing the keys (a missing unit counts as 0,
  // and equal numbers go on to the full comparison).
  // The keys in an array of their own: a comparison that needs them reads no draft.
  const lead = Float64Array.from(drafts, (d) => leadingUnits(d.sortKey));
  const sortKeys = drafts.map((d) => d.sortKey);
  const order = Array.from(drafts.keys()).sort((x, y) => {
    const byKey =
      (lead[x] as number) - (lead[y] as number) ||
      compare(sortKeys[x] as string, sortKeys[y] as string);
    if (byKey !== 0) return byKey;
    const a = drafts[x] as (typeof drafts)[number];
    const b = drafts[y] as (typeof drafts)[number];
    return (
      compare(a.name, b.name) ||
      compare(a.emails.join(' '), b.emails.join(' ')) ||
      a.first - b.first
    );
  });
  const width = Math.max(4, String(drafts.length).length);
  const people: Person[] = order.map((at, i) => {
    const d = drafts[at] as (typeof drafts)[number];
    return {
      id: `p${String(i + 1).padStart(width, '0')}`,
      name: d.name,
      emails: d.emails,
      groups: d.groups,
      events: d.events,
      records: d.records,
    };
  });
  merged.sort((a, b) => a - b);
  return { people, merged };
}
