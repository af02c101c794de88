// --redact: every person's name in the overlap report becomes initials and the person's stable
// id ("A. B. (p0007)"), so a published report tells who is a regular or a bridge only to those
// who can map ids to people (the organiser, with `netz people` on the same inputs).
import type { OverlapReport } from '../report/schema.js';
import { NO_NAME } from '../resolve/people.js';

/** "Anke Büscher-Roßbach" → "A. B. R."; no name → "–". */
export function initials(name: string): string {
  if (name === NO_NAME) return '–';
  const letters = name
    .split(/[\s\-–]+/)
    .map((token) => [...token].find((c) => /\p{L}/u.test(c)))
    .filter((c): c is string => c !== undefined)
    .map((c) => `${c.toLocaleUpperCase('de')}.`);
  return letters.length === 0 ? '–' : letters.join(' ');
}

/** The redacted form of a person: initials and id. */
export function redactedName(name: string, id: string): string {
  return `${initials(name)} (${id})`;
}

/** The report with every person's name redacted. */
export function redactReport(report: OverlapReport): OverlapReport {
  const r = (name: string, id: string) => redactedName(name, id);
  return {
    ...report,
    intersections: report.intersections.map((i) =>
      i.memberNames === undefined || i.members === undefined
        ? i
        : { ...i, memberNames: i.memberNames.map((n, k) => r(n, i.members?.[k] ?? '')) },
    ),
    fish: {
      ...report.fish,
      regulars: report.fish.regulars.map((x) => ({ ...x, name: r(x.name, x.id) })),
    },
    bridges: report.bridges.map((x) => ({ ...x, name: r(x.name, x.id) })),
    communities: {
      ...report.communities,
      list: report.communities.list.map((c) => ({
        ...c,
        central: c.central.map((m) => ({ ...m, name: r(m.name, m.id) })),
      })),
    },
    cliques: {
      ...report.cliques,
      list: report.cliques.list.map((c) => ({
        ...c,
        names: c.names.map((n, k) => r(n, c.members[k] ?? '')),
      })),
    },
    disconnected: report.disconnected.map((d) => ({
      ...d,
      introducers: d.introducers.map((i) => ({ ...i, name: r(i.name, i.id) })),
    })),
  };
}
