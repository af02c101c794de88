// Jaro–Winkler against published values and hand computations.
import { describe, expect, it } from 'vitest';
import { jaroWinkler } from '../src/resolve/jaro-winkler.js';

describe('Jaro–Winkler', () => {
  it('gives the published values (Winkler 1990; Wikipedia "Jaro–Winkler distance")', () => {
    // MARTHA/MARHTA: m = 6, t = 1 (T and H change places), jaro = (1 + 1 + 5/6) / 3 = 0.9444,
    // prefix MAR = 3: 0.9444 + 0.3 · 0.0556 = 0.9611.
    expect(jaroWinkler('MARTHA', 'MARHTA')).toBeCloseTo(0.9611, 4);
    // DWAYNE/DUANE: m = 4 (D, A, N, E), t = 0, jaro = (4/6 + 4/5 + 1) / 3 = 0.8222, prefix 1:
    // 0.8222 + 0.1 · 0.1778 = 0.84.
    expect(jaroWinkler('DWAYNE', 'DUANE')).toBeCloseTo(0.84, 4);
    // DIXON/DICKSONX: window ⌊8/2⌋ − 1 = 3, m = 4 (D, I, O, N), jaro = (4/5 + 4/8 + 1) / 3 =
    // 0.7667, prefix DI = 2: 0.7667 + 0.2 · 0.2333 = 0.8133.
    expect(jaroWinkler('DIXON', 'DICKSONX')).toBeCloseTo(0.8133, 4);
    expect(jaroWinkler('JELLYFISH', 'SMELLYFISH')).toBeCloseTo(0.8963, 4);
  });

  it('counts at most four characters of common prefix', () => {
    // abcd/abcde: m = 4, t = 0, jaro = (1 + 4/5 + 1) / 3 = 0.9333; prefix 4 (not 5):
    // 0.9333 + 0.4 · 0.0667 = 0.96.
    expect(jaroWinkler('abcd', 'abcde')).toBeCloseTo(0.96, 10);
    // abcdef/abcdeg: m = 5, jaro = (5/6 + 5/6 + 1) / 3 = 0.8889, + 0.4 · 0.1111 = 0.9333.
    expect(jaroWinkler('abcdef', 'abcdeg')).toBeCloseTo(0.9333, 4);
  });

  it('matches within ⌊max/2⌋ − 1 positions only', () => {
    // dhlenkamp/dahlenkamp: window ⌊10/2⌋ − 1 = 4. The "a" at position 6 of dhlenkamp is 5 away
    // from the "a" at 1 and matches the one at 7: all nine letters match in order, t = 0,
    // jaro = (9/9 + 9/10 + 1) / 3 = 0.9667, prefix d: 0.9667 + 0.1 · 0.0333 = 0.97. (A window of
    // 5 matches it with position 1 and counts three transpositions: 0.87.)
    expect(jaroWinkler('dhlenkamp', 'dahlenkamp')).toBeCloseTo(0.97, 10);
    // Same for both orders.
    expect(jaroWinkler('dahlenkamp', 'dhlenkamp')).toBeCloseTo(0.97, 10);
  });

  it('is 1 for equal strings and 0 with nothing in common or an empty one', () => {
    expect(jaroWinkler('mueller', 'mueller')).toBe(1);
    expect(jaroWinkler('abc', 'xyz')).toBe(0);
    expect(jaroWinkler('', 'abc')).toBe(0);
    expect(jaroWinkler('abc', '')).toBe(0);
  });

  it('rounds half the characters out of order down (strcmp95)', () => {
    // abcdefgh/bcadefgh, window ⌊8/2⌋ − 1 = 3: a matches b's third letter, b and c the first
    // two, the rest in place: m = 8, in order a b c … against b c a …: three out of order,
    // t = ⌊3/2⌋ = 1, jaro = (1 + 1 + 7/8) / 3 = 0.9583, no common prefix (1.5 would give 0.9375).
    expect(jaroWinkler('abcdefgh', 'bcadefgh')).toBeCloseTo(0.9583, 4);
    // abcde/abdce (window 1): d and c change places, two out of order, t = 1: jaro = (1 + 1 +
    // 4/5) / 3 = 0.9333, prefix ab: 0.9333 + 0.2 · 0.0667 = 0.9467.
    expect(jaroWinkler('abcde', 'abdce')).toBeCloseTo(0.9467, 4);
  });
});
