// Small-cell suppression for published reports (`--min-cell K`): a count of 1 to K−1 people is
// shown as "<K", and so is any value it can be computed from. Zero stays zero ("nobody in
// common" is the point of the report). Counts that add up to a total the report shows are
// suppressed in pairs at least (secondary suppression): when one cell of a sum is hidden, the next
// smallest cell of that sum is hidden too, so that the hidden value cannot be found by subtraction.
// The sums the report shows: each group's people and each histogram bin (sums of intersections),
// all people (the sum of the histogram), and each pair's shared count (the intersections holding
// both groups; a pair is hidden rather than give one hidden intersection back).
import type { OverlapReport } from '../report/schema.js';

export interface Suppression {
  readonly k: number;
  /** Indices into report.intersections whose count is hidden. */
  readonly intersections: ReadonlySet<number>;
  /** Indices into report.fish.groupsPerPerson whose count is hidden. */
  readonly histogram: ReadonlySet<number>;
  /** Indices into report.pairs whose shared count (and everything derived from it) is hidden. */
  readonly pairs: ReadonlySet<number>;
}

/** No suppression (K = 1). */
export const NO_SUPPRESSION: Suppression = Object.freeze({
  k: 1,
  intersections: new Set<number>(),
  histogram: new Set<number>(),
  pairs: new Set<number>(),
});

const small = (n: number, k: number) => n > 0 && n < k;

/** Hides, in each sum with exactly one hidden cell, the smallest other non-zero cell. */
function secondary(
  counts: readonly number[],
  sums: readonly number[][],
  hidden: Set<number>,
): void {
  for (let changed = true; changed; ) {
    changed = false;
    for (const cells of sums) {
      const inSum = cells.filter((i) => hidden.has(i));
      if (inSum.length !== 1) continue;
      const next = cells
        .filter((i) => !hidden.has(i) && (counts[i] as number) > 0)
        .sort((a, b) => (counts[a] as number) - (counts[b] as number) || a - b)[0];
      if (next === undefined) continue;
      hidden.add(next);
      changed = true;
    }
  }
}

export function suppression(report: OverlapReport, k: number): Suppression {
  if (k <= 1) return NO_SUPPRESSION;
  const people = report.intersections.map((i) => i.people);
  const intersections = new Set(people.flatMap((n, i) => (small(n, k) ? [i] : [])));
  const cellsWith = (test: (groups: readonly string[]) => boolean) =>
    report.intersections.flatMap((x, i) => (test(x.groups) ? [i] : []));
  // The sums of cells the report shows: each group's people, and each histogram bin (the cells
  // of that many groups).
  const sums = [
    ...report.groups.map((g) => cellsWith((gs) => gs.includes(g.name))),
    ...report.fish.groupsPerPerson.map((h) => cellsWith((gs) => gs.length === h.groups)),
  ];
  secondary(people, sums, intersections);
  const bins = report.fish.groupsPerPerson.map((h) => h.people);
  const histogram = new Set(bins.flatMap((n, i) => (small(n, k) ? [i] : [])));
  secondary(bins, [bins.map((_, i) => i)], histogram);
  // A pair's shared count is the sum of the cells holding both groups: hidden when small, or when
  // exactly one of those cells is hidden (it would give that cell back).
  const pairs = new Set(
    report.pairs.flatMap((p, i) => {
      const cells = cellsWith((gs) => gs.includes(p.a) && gs.includes(p.b));
      const hiddenCells = cells.filter((c) => intersections.has(c)).length;
      return small(p.shared, k) || hiddenCells === 1 ? [i] : [];
    }),
  );
  return { k, intersections, histogram, pairs };
}

/** A count as shown: "<K" when hidden. */
export function shownCount(n: number, hidden: boolean, k: number): string {
  return hidden ? `<${k}` : String(n);
}

/** The exclusive count of a group (its single-group intersection) is hidden with that cell. */
export function exclusiveHidden(report: OverlapReport, s: Suppression, group: string): boolean {
  const i = report.intersections.findIndex((x) => x.groups.length === 1 && x.groups[0] === group);
  return i >= 0 && s.intersections.has(i);
}
