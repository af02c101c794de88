// Measures on a tiny hand-made input, with the arithmetic written down.
import { describe, expect, it } from 'vitest';
import { analyze } from '../src/analyze.js';
import { memory } from './helpers/sources.js';

// A = {p1, p2, p3}, B = {p2, p3, p4, p5}, C = {p5}; every person has an e-mail.
const sources = [
  memory('A.csv', 'Email\np1@x.example\np2@x.example\np3@x.example\n'),
  memory('B.csv', 'Email\np2@x.example\np3@x.example\np4@x.example\np5@x.example\n'),
  memory('C.csv', 'Email\np5@x.example\n'),
];

describe('overlap measures on three tiny groups', async () => {
  const report = await analyze(sources, { minGroups: 2 });

  it('counts totals: 3 groups, 3 events (one per member list), 8 records, 5 people', () => {
    expect(report.totals).toEqual({ groups: 3, events: 3, records: 8, people: 5 });
  });

  it('counts people and exclusive people per group', () => {
    // exclusive: A has p1 only in A; B has p4; C's p5 is also in B.
    expect(report.groups.map((g) => [g.name, g.people, g.exclusive])).toEqual([
      ['A', 3, 1],
      ['B', 4, 1],
      ['C', 1, 0],
    ]);
  });

  it('computes shared, Jaccard and overlap for every pair', () => {
    expect(report.pairs).toMatchObject([
      // A∩B = {p2,p3} = 2; A∪B = 5 → 2/5 = 0.4; min(3,4) = 3 → 2/3.
      { a: 'A', b: 'B', shared: 2, jaccard: 0.4, overlap: 2 / 3 },
      // A∩C = ∅.
      { a: 'A', b: 'C', shared: 0, jaccard: 0, overlap: 0 },
      // B∩C = {p5}; B∪C = 4 → 1/4; min(4,1) = 1 → 1.
      { a: 'B', b: 'C', shared: 1, jaccard: 0.25, overlap: 1 },
    ]);
  });

  it('builds the groups-per-person histogram and lists regulars', () => {
    // p1:1, p2:2, p3:2, p4:1, p5:2 → two people in 1 group, three in 2.
    expect(report.fish.groupsPerPerson).toEqual([
      { groups: 1, people: 2 },
      { groups: 2, people: 3 },
    ]);
    // No names: people are "(no name)" (never their e-mail), numbered by their e-mails.
    expect(report.fish.regulars.map((r) => [r.id, r.name, r.groups])).toEqual([
      ['p0002', '(no name)', ['A', 'B']],
      ['p0003', '(no name)', ['A', 'B']],
      ['p0005', '(no name)', ['B', 'C']],
    ]);
  });
});

describe('several exports of one group', () => {
  it('treats sources with the same group name as one group', async () => {
    const report = await analyze([
      memory('jan.csv', 'Email\na@x.example\nb@x.example\n', 'Stammtisch'),
      memory('feb.csv', 'Email\na@x.example\nc@x.example\n', 'Stammtisch'),
    ]);
    // Two events (one per export), four records, three people, all in one group.
    expect(report.totals).toEqual({ groups: 1, events: 2, records: 4, people: 3 });
    expect(report.pairs).toEqual([]);
  });
});
