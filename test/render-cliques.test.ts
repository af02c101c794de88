// Which cliques the text and Markdown reports show (the JSON lists them all).
import { describe, expect, it } from 'vitest';
import { distinctCliques } from '../src/render/document.js';

describe('cliques shown in the text and Markdown reports', () => {
  const clique = (name: string, members: string) => ({ name, members: members.split(' ') });
  // Largest first, as the report lists them.
  const list = [
    clique('A', 'a b c d e f'),
    clique('B', 'a b c d g h'), // 4 of 6 in A: more than half → skipped
    clique('C', 'a b c x y'), // 3 of 5 in A: more than 2.5 → skipped
    clique('D', 'a b x y z'), // 2 of 5 in A (≤ 2.5), none taken besides A → shown
    clique('E', 'x y z w'), // 3 of 4 in D → skipped
    clique('F', 'p q r'), // shares nobody → shown
  ];

  it('skips a clique sharing more than half its members with one shown before it', () => {
    expect(distinctCliques(list, 5).map((c) => c.name)).toEqual(['A', 'D', 'F']);
  });

  it('stops at the limit', () => {
    expect(distinctCliques(list, 2).map((c) => c.name)).toEqual(['A', 'D']);
    expect(distinctCliques([], 5)).toEqual([]);
  });
});
