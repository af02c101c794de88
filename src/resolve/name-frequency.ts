// How common a name is, estimated from the inputs themselves (Splink's term-frequency
// adjustment, applied per name part). A full name's chance frequency is the product of its first
// name's and its surname's frequencies among the distinct full names of the inputs, so that a
// name seen once still gets an honest estimate: "Thomas Müller" is common even when only one
// Thomas Müller came, "Friedhelm vom Stein" is rare. Each distinct full name counts once, however
// many records, e-mail addresses or accounts carry it: a person's own repeated records (a second
// e-mail, a Meetup account, a Zoom guest row) do not make their name look common. Names known
// only by an initial or a first name are left out of the counts (they would count a person twice).

import type { NameParts } from './names.js';

/**
 * Frequencies from a short list are noise (one "Jürgen" among 20 people is not 5 % of the
 * region), so they are taken over at least this many names: a name's counts are shrunk toward
 * "one in a thousand".
 */
export const NAME_POPULATION_FLOOR = 1000;

export interface NameFrequency {
  /** Distinct full names counted, at least NAME_POPULATION_FLOOR. */
  readonly names: number;
  /**
   * Expected number of people who carry this full name by chance:
   * names × f(first) × f(surname), names at least NAME_POPULATION_FLOOR.
   */
  expectedCarriers(name: NameParts): number;
  /** Expected number of people with this first name and this surname initial ("Jürgen K."). */
  expectedWithInitial(name: NameParts): number;
  /** Expected number of people with this first name. */
  expectedWithFirst(name: NameParts): number;
  /** Whether a full name of the inputs has this key ("anna mueller-schmidt"). */
  carries(key: string): boolean;
  /**
   * Whether a full name of the inputs other than `name` itself has `word` as its first name:
   * "juergen" is a first name, "zoellgener" in a lone "Zöllgener Jürgen" is not.
   */
  knowsFirst(word: string, name: NameParts): boolean;
}

function countOnce(target: Map<string, number>, key: string): void {
  target.set(key, (target.get(key) ?? 0) + 1);
}

/** Counts first names, surnames and surname initials over the distinct full names given. */
export function nameFrequency(names: Iterable<NameParts | undefined>): NameFrequency {
  const seen = new Set<string>();
  const first = new Map<string, number>();
  const last = new Map<string, number>();
  const initial = new Map<string, number>();
  for (const name of names) {
    if (name === undefined || name.key === '' || name.firstOnly || name.initialOnly) continue;
    if (seen.has(name.key)) continue;
    seen.add(name.key);
    countOnce(first, name.first);
    countOnce(last, name.last);
    countOnce(initial, name.last.slice(0, 1));
  }
  const total = Math.max(NAME_POPULATION_FLOOR, seen.size);
  const count = (map: Map<string, number>, key: string) => Math.max(1, map.get(key) ?? 0);
  return {
    names: total,
    expectedCarriers: (name) => (count(first, name.first) * count(last, name.last)) / total,
    expectedWithInitial: (name) =>
      (count(first, name.first) * count(initial, name.last.slice(0, 1))) / total,
    expectedWithFirst: (name) => count(first, name.first),
    carries: (key) => seen.has(key),
    knowsFirst: (word, name) =>
      (first.get(word) ?? 0) - (seen.has(name.key) && name.first === word ? 1 : 0) > 0,
  };
}
