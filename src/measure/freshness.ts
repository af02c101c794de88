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
  const month = graph.eventDate.map((d) =>
    d !== undefined && /^\d{4}-\d{2}/.test(d) ? d.slice(0, 7) : undefined,
  );
  const first: (string | undefined)[] = [];
  const last: (string | undefined)[] = [];
  const cells = new Map<string, { group: number; month: string; people: Set<number> }>();
  graph.personEvents.forEach((events, p) => {
    for (const e of events) {
      const m = month[e];
      if (m === undefined) continue;
      if (first[p] === undefined || m < (first[p] as string)) first[p] = m;
      if (last[p] === undefined || m > (last[p] as string)) last[p] = m;
      const group = graph.eventGroup[e] as number;
      const key = `${group}\u0000${m}`;
      const cell = cells.get(key) ?? { group, month: m, people: new Set<number>() };
      cell.people.add(p);
      cells.set(key, cell);
    }
  });
  return [...cells.values()]
    .sort((a, b) => a.group - b.group || (a.month < b.month ? -1 : a.month > b.month ? 1 : 0))
    .map((cell) => {
      let newcomers = 0;
      let returningLater = 0;
      for (const p of cell.people) {
        if (first[p] === cell.month) newcomers++;
        if ((last[p] as string) > cell.month) returningLater++;
      }
      return {
        group: graph.groups[cell.group] as string,
        month: cell.month,
        attendees: cell.people.size,
        newcomers,
        returningLater,
      };
    });
}
