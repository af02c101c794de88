// Jaro–Winkler similarity, the standard definition (Winkler 1990; strcmp95):
//   jaro = (m / |a| + m / |b| + (m − t) / m) / 3,
// m the characters of a that match an equal, not yet matched character of b at most
// ⌊max(|a|, |b|) / 2⌋ − 1 positions away, t half the matched characters that stand in another
// order (rounded down); then jw = jaro + ℓ · 0.1 · (1 − jaro), ℓ the common prefix, at most 4.
// Written here because @skyra/jaro-winkler 1.1.1 (used before) departs from it twice: its window
// is one wider (in "dhlenkamp" the "a" at position 6 matches the "a" at 1 of "dahlenkamp",
// 0.87 instead of 0.97) and four equal first characters count as a prefix of 5 ("abcd",
// "abcde": 0.967 instead of 0.96); the other packages are untyped (jaro-winkler 0.2.8) or pull
// in dozens of dependencies (talisman, natural). Compares UTF-16 code units: the names compared
// are folded (DIN 5007-2, accents dropped).

let matchedA = new Uint8Array(64);
let matchedB = new Uint8Array(64);

/** The Jaro–Winkler similarity of two strings, from 0 (nothing in common) to 1 (equal). */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return 1;
  const la = a.length;
  const lb = b.length;
  if (la === 0 || lb === 0) return 0;
  if (matchedA.length < la) matchedA = new Uint8Array(2 * la);
  if (matchedB.length < lb) matchedB = new Uint8Array(2 * lb);
  matchedA.fill(0, 0, la);
  matchedB.fill(0, 0, lb);
  const window = Math.max(0, Math.floor(Math.max(la, lb) / 2) - 1);
  let matches = 0;
  for (let i = 0; i < la; i++) {
    const c = a.charCodeAt(i);
    const to = Math.min(lb - 1, i + window);
    for (let j = Math.max(0, i - window); j <= to; j++) {
      if (matchedB[j] === 0 && b.charCodeAt(j) === c) {
        matchedA[i] = 1;
        matchedB[j] = 1;
        matches++;
        break;
      }
    }
  }
  if (matches === 0) return 0;
  let outOfOrder = 0;
  for (let i = 0, j = 0; i < la; i++) {
    if (matchedA[i] === 0) continue;
    while (matchedB[j] === 0) j++;
    if (a.charCodeAt(i) !== b.charCodeAt(j)) outOfOrder++;
    j++;
  }
  const t = Math.floor(outOfOrder / 2);
  const jaro = (matches / la + matches / lb + (matches - t) / matches) / 3;
  let prefix = 0;
  while (prefix < 4 && prefix < la && prefix < lb && a.charCodeAt(prefix) === b.charCodeAt(prefix))
    prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}
