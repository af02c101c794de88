// Dense string ids (src/resolve/string-ids.ts) against a Map, the plain way to number strings.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hashString, StringIds } from '../src/resolve/string-ids.js';

describe('StringIds', () => {
  it('numbers strings in order of first appearance, as a Map would, through every resize', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: 'binary', maxLength: 6 }), { minLength: 10, maxLength: 800 }),
        (values) => {
          const ids = new StringIds(1);
          const reference = new Map<string, number>();
          for (const value of values) {
            if (!reference.has(value)) reference.set(value, reference.size);
            expect(ids.idOf(value)).toBe(reference.get(value));
          }
          expect(ids.values).toEqual([...reference.keys()]);
          // Every value found again after all the resizes.
          for (const [value, id] of reference) expect(ids.idOf(value)).toBe(id);
          expect(ids.values).toHaveLength(reference.size);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('tells apart two strings with the same hash', () => {
    // Found by numbering person0@region.example, person1@… until two hashes met (a birthday
    // search: the 517,803rd string met the 99,239th).
    const a = 'person99238@region.example';
    const b = 'person517802@region.example';
    expect(hashString(a)).toBe(hashString(b));
    const ids = new StringIds();
    expect([ids.idOf(a), ids.idOf(b), ids.idOf(a), ids.idOf(b)]).toEqual([0, 1, 0, 1]);
  });

  it('gives way to a Map when values collide on purpose, and keeps their ids', () => {
    // Every value hashes alike: each new one would walk all before it (a made-up input could do
    // that to the real hash). After 128 slots the table hands over, the ids stay first-come.
    const ids = new StringIds(16, () => 7);
    const values = Array.from({ length: 3000 }, (_, i) => `p${i}@x.example`);
    expect(values.map((v) => ids.idOf(v))).toEqual(values.map((_, i) => i));
    expect(ids.degraded).toBe(true);
    expect(values.map((v) => ids.idOf(v))).toEqual(values.map((_, i) => i));
    expect(ids.idOf('new@x.example')).toBe(3000);
    expect(ids.values).toHaveLength(3001);
  });

  it('does not give way on ordinary values', () => {
    const ids = new StringIds();
    for (let i = 0; i < 50_000; i++) ids.idOf(`person${i}@region.example`);
    expect(ids.degraded).toBe(false);
  });
});
