// How common a name is, estimated from the inputs themselves (Splink's term-frequency
// adjustment, applied per name part). A full name's chance frequency is the product of its first
// name's and its surname's frequencies among the distinct identities of the inputs, so that a
// name seen once still gets an honest estimate: "Thomas Müller" is common even when only one
// Thomas Müller came, "Friedhelm vom Stein" is rare. Identities are counted once however many
// records they have (records sharing an e-mail, platform id or phone are one identity), so a
// person's own repeated records do not make their name common.

import type { NameParts } from './names.js';

/**
 * Frequencies from a short list are noise (one "Jürgen" among 20 people is not 5 % of the
 * region), so they are taken over at least this many people: a name's counts are shrunk toward
 * "one in a thousand".
 */
export const NAME_POPULATION_FLOOR = 1000;

export interface NameFrequency {
  /** Distinct identities counted. */
  readonly identities: number;
  /**
   * Expected number of people among the identities who carry this full name by chance:
   * identities × f(first) × f(surname), identities at least NAME_POPULATION_FLOOR.
   */
  expectedCarriers(name: NameParts): number;
  /** Expected number of people with this first name and this surname initial ("Jürgen K."). */
  expectedWithInitial(name: NameParts): number;
  /** Expected number of people with this first name. */
  expectedWithFirst(name: NameParts): number;
}

interface Counted {
  readonly identity: string;
  readonly name: NameParts | undefined;
}

function countDistinct(target: Map<string, Set<string>>, key: string, identity: string): void {
  let set = target.get(key);
  if (set === undefined) {
    set = new Set();
    target.set(key, set);
  }
  set.add(identity);
}

/** Counts first names, surnames and surname initials over distinct identities. */
export function nameFrequency(entries: Iterable<Counted>): NameFrequency {
  const identities = new Set<string>();
  const first = new Map<string, Set<string>>();
  const last = new Map<string, Set<string>>();
  const initial = new Map<string, Set<string>>();
  for (const { identity, name } of entries) {
    identities.add(identity);
    if (name === undefined || name.key === '') continue;
    countDistinct(first, name.first, identity);
    if (name.firstOnly) continue;
    if (!name.initialOnly) countDistinct(last, name.last, identity);
    countDistinct(initial, name.last.slice(0, 1), identity);
  }
  const total = Math.max(NAME_POPULATION_FLOOR, identities.size);
  const count = (map: Map<string, Set<string>>, key: string) =>
    Math.max(1, map.get(key)?.size ?? 0);
  return {
    identities: total,
    expectedCarriers: (name) => (count(first, name.first) * count(last, name.last)) / total,
    expectedWithInitial: (name) =>
      (count(first, name.first) * count(initial, name.last.slice(0, 1))) / total,
    expectedWithFirst: (name) => count(first, name.first),
  };
}
