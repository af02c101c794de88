// Numbers for strings in order of first appearance.

/** The number of `key` in `numbered`: the next one when it is new. */
export function numberIn(numbered: Map<string, number>, key: string): number {
  let id = numbered.get(key);
  if (id === undefined) {
    id = numbered.size;
    numbered.set(key, id);
  }
  return id;
}
