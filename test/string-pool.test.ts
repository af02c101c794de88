import { describe, expect, it } from 'vitest';
import { StringPool } from '../src/read/string-pool.js';

describe('StringPool', () => {
  it('holds each distinct text once and returns equal strings', () => {
    const pool = new StringPool();
    // Built at run time (as cells are), so that the two "Jürgen Köhler" are different objects.
    const first = ['Jürgen', 'Köhler'].join(' ');
    const again = `${'Jürgen'} ${'Köhler'.slice(0)}`;
    expect(pool.intern(first)).toBe('Jürgen Köhler');
    expect(pool.intern(again)).toBe('Jürgen Köhler');
    expect(pool.intern('jk@example.org')).toBe('jk@example.org');
    // Three texts in, two distinct: "Jürgen Köhler" and the e-mail.
    expect(pool.size).toBe(2);
    // Equal texts only: "jürgen köhler" is another text.
    expect(pool.intern('jürgen köhler')).toBe('jürgen köhler');
    expect(pool.size).toBe(3);
  });

  it('passes undefined through without holding it', () => {
    const pool = new StringPool();
    expect(pool.intern(undefined)).toBeUndefined();
    expect(pool.size).toBe(0);
  });
});
