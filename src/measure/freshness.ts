// Affiliation → fresh faces over time: per group and month (when event dates are known), the
// attendees, the newcomers (never seen in any group before that month) and those seen again in a
// later month. The same few faces show up as a low newcomer rate.
import type { Affiliation } from '../graph/affiliation.js';

export interface Freshness {
  group: string;
  month: string;
  attendees: number;
  newcomers: number;
  returningLater: number;
}

export function measureFreshness(graph: Affiliation): Freshness[] {
  // Months as indices into their sorted list ("YYYY-MM" sorts as text), cells (group × month)
  // numbered per event, so that the pass over every membership compares integers.
  const monthOfEvent = graph.eventDate.map((d) =>
    d !== undefined && /^\d{4}-\d{2}/.test(d) ? d.slice(0, 7) : undefined,
  );
  const months = [...new Set(monthOfEvent.filter((m) => m !== undefined))].sort();
  const monthIndex = new Map(months.map((m, i) => [m, i]));
  const cellIndex = new Map<number, number>();
  const cellGroup: number[] = [];
  const cellMonth: number[] = [];
  const cellOf = monthOfEvent.map((m, e) => {
    if (m === undefined) return -1;
    const group = graph.eventGroup[e] as number;
    const month = monthIndex.get(m) as number;
    const key = group * months.length + month;
    let cell = cellIndex.get(key);
    if (cell === undefined) {
      cell = cellGroup.length;
      cellIndex.set(key, cell);
      cellGroup.push(group);
      cellMonth.push(month);
    }
    return cell;
  });
  const cells = cellGroup.length;
  const attendees = new Int32Array(cells);
  const newcomers = new Int32Array(cells);
  const returningLater = new Int32Array(cells);
  const lastSeen = new Int32Array(cells).fill(-1);
  graph.personEvents.forEach((events, p) => {
    let first = Number.POSITIVE_INFINITY;
    let last = Number.NEGATIVE_INFINITY;
    for (const e of events) {
      const cell = cellOf[e] as number;
      if (cell < 0) continue;
      const m = cellMonth[cell] as number;
      if (m < first) first = m;
      if (m > last) last = m;
    }
    for (const e of events) {
      const cell = cellOf[e] as number;
      if (cell < 0 || lastSeen[cell] === p) continue;
      lastSeen[cell] = p;
      const m = cellMonth[cell] as number;
      attendees[cell] = (attendees[cell] as number) + 1;
      if (m === first) newcomers[cell] = (newcomers[cell] as number) + 1;
      if (last > m) returningLater[cell] = (returningLater[cell] as number) + 1;
    }
  });
  return Array.from({ length: cells }, (_, c) => c)
    .sort(
      (a, b) =>
        (cellGroup[a] as number) - (cellGroup[b] as number) ||
        (cellMonth[a] as number) - (cellMonth[b] as number),
    )
    .map((c) => ({
      group: graph.groups[cellGroup[c] as number] as string,
      month: months[cellMonth[c] as number] as string,
      attendees: attendees[c] as number,
      newcomers: newcomers[c] as number,
      returningLater: returningLater[c] as number,
    }));
}
