// Real data: Fischer's Appendix D membership lists (shared/datasets/revere), read from there.
// Published figures (shared/datasets/revere/README.md): 254 people, 7 groups, 319 memberships,
// North Caucus ∩ London Enemies = 16, North Caucus ∩ Tea Party = 13, people in 1–5 lists:
// 212/28/7/5/2.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../src/analyze.js';
import { readFileSource } from './helpers/files.js';
import { REVERE } from './helpers/sources.js';

const present = existsSync(REVERE);
if (!present) {
  console.warn(`revere: ${REVERE} is missing (a clone without ../shared); these tests are skipped`);
}

describe.runIf(present)('the Revere lists', async () => {
  const files = present ? readdirSync(REVERE).filter((f) => f.endsWith('.csv')) : [];
  const report = await analyze(files.map((f) => readFileSource(join(REVERE, f), f)));

  it('has 254 people, 7 groups and 319 records', () => {
    expect(report.totals).toEqual({ groups: 7, events: 7, records: 319, people: 254 });
  });

  it('has the published overlaps', () => {
    const shared = (a: string, b: string) =>
      report.pairs.find((p) => p.a === a && p.b === b)?.shared;
    expect(shared('london-enemies', 'north-caucus')).toBe(16);
    expect(shared('north-caucus', 'tea-party')).toBe(13);
  });

  it('has groups-per-person 212/28/7/5/2', () => {
    expect(report.fish.groupsPerPerson.map((h) => h.people)).toEqual([212, 28, 7, 5, 2]);
  });
});
