// The links file (decisions honoured by every run) and `netz people`.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readAndResolve } from '../src/analyze.js';
import { PeopleReportSchema } from '../src/report/schema.js';
import { netz } from './helpers/run.js';
import { memory } from './helpers/sources.js';

const scratch = mkdtempSync(join(tmpdir(), 'netz-links-'));
const a = memory('a.csv', 'Name,Email\nThomas Müller,t.mueller@dach.example\n');
const b = memory('b.csv', 'Name,Email\nThomas Mueller,T.Mueller@dach.example\n');
const c = memory('c.csv', 'Name,Email\nTom Müller,tom@privat.example\n');

describe('the links file', () => {
  it('a cannot-link splits a merge', async () => {
    const links = {
      path: 'netz.links.csv',
      text: 'kind,a,b,note\ncannot,email:t.mueller@dach.example,name:Thomas Mueller@b,two people after all\n',
    };
    const merged = await readAndResolve([a, b]);
    const split = await readAndResolve([a, b], { links });
    expect(merged.people).toHaveLength(1);
    expect(split.people).toHaveLength(2);
  });

  it('a must-link joins what the evidence alone would not, in both modes', async () => {
    const links = {
      path: 'netz.links.csv',
      text: 'kind,a,b,note\nmust,email:T.Mueller@Dach.example,email:tom@privat.example,same person\n',
    };
    for (const match of ['fuzzy', 'exact'] as const) {
      expect((await readAndResolve([a, c], { match })).people).toHaveLength(2);
      expect((await readAndResolve([a, c], { match, links })).people).toHaveLength(1);
    }
  });

  it('a key that matches nothing is reported with its line', async () => {
    const links = {
      path: 'netz.links.csv',
      text: 'kind,a,b,note\nmust,email:nobody@x.example,email:tom@privat.example,\n',
    };
    const result = await readAndResolve([a, c], { links });
    expect(result.findings).toContainEqual({
      code: 'unmatched-link',
      path: 'netz.links.csv',
      line: 2,
    });
  });

  it('a malformed file is refused with its line', async () => {
    const links = {
      path: 'netz.links.csv',
      text: 'kind,a,b,note\nmaybe,email:a@x.example,email:b@x.example,\n',
    };
    await expect(readAndResolve([a], { links })).rejects.toThrow(
      /netz\.links\.csv:2: kind must be "must" or "cannot"/,
    );
  });

  it('is found in the working directory by the CLI', () => {
    const dir = mkdtempSync(join(scratch, 'cwd-'));
    writeFileSync(join(dir, 'a.csv'), 'Name,Email\nThomas Müller,t.mueller@dach.example\n');
    writeFileSync(join(dir, 'c.csv'), 'Name,Email\nTom Müller,tom@privat.example\n');
    const people = () =>
      JSON.parse(netz(['overlap', 'a.csv', 'c.csv', '-f', 'json'], { cwd: dir }).stdout).totals
        .people;
    expect(people()).toBe(2);
    writeFileSync(
      join(dir, 'netz.links.csv'),
      'kind,a,b,note\nmust,email:t.mueller@dach.example,email:tom@privat.example,\n',
    );
    expect(people()).toBe(1);
  });
});

describe('netz people', () => {
  it('lists each person with the records it is made of (people@1)', () => {
    const run = netz(['people', 'fixtures/bergisches-land', '-f', 'json']);
    expect(run.status).toBe(0);
    const report = PeopleReportSchema.parse(JSON.parse(run.stdout));
    const juergen = report.people.find((p) => p.name === 'Jürgen Köhler');
    // Truth (fixtures/README.md): Jürgen Köhler is in 5 groups, 7 events.
    expect(juergen?.groups).toHaveLength(5);
    expect(juergen?.events).toBe(7);
    expect(juergen?.records.map((r) => `${r.path.split('/').pop()}:${r.line}`)).toContain(
      'gruenderstammtisch-remscheid.tsv:3',
    );
  });

  it('--explain shows which evidence merged which records with which weight, by which rule', () => {
    const text = netz(['people', 'fixtures/bergisches-land', '--explain', 'Köhler']).stdout;
    expect(text).toMatch(
      /merged .*gruenderstammtisch-remscheid\.tsv:3 on the initial, which fits one person only: name initial \+4\.0 = 4\.0/,
    );
    expect(text).toMatch(/on a shared e-mail, id or phone: email same \+12\.0/);
  });

  it('--explain names the company where it told which of two carriers of a name', () => {
    // The same Anke Osenler files as in the rules below: 6.3 bits for the name, +3 the company.
    const dir = mkdtempSync(join(scratch, 'company-'));
    writeFileSync(
      join(dir, 'a.csv'),
      'Name,Email,Firma\nAnke Osenler,ao@web.example,Firma 1\nAnke Osenler,a.o@posteo.example,\n' +
        'Anke Abel,aa@x.example,\nAnke Bauer,ab@x.example,\nAnke Claus,ac@x.example,\n' +
        'Peter Osenler,po@x.example,\nJan Osenler,jo@x.example,\n',
    );
    writeFileSync(join(dir, 'b.csv'), 'Name,Email,Firma\nAnke Osenler,,Firma 1\n');
    const text = netz(['people', dir, '--explain', 'Osenler']).stdout;
    expect(text).toMatch(
      /merged .*a\.csv:2 \+ .*b\.csv:2 on the name and the company, which one of its carriers shares: name exact \+6\.3, company same \+3\.0 = 9\.3/,
    );
    // The other Anke Osenler (p0004; a.csv:3) and the row, from both sides: the pair waits, and
    // why. (The two with e-mail: −3 + 6.3 = 3.3, below the review band.)
    expect(text).toMatch(
      /p0004 {2}Anke Osenler[\s\S]*waits with p0005: .*a\.csv:3 \+ .*b\.csv:2, its record without e-mail or phone belongs to a person with e-mail or phone who carries the name already: name exact \+6\.3 = 6\.3/,
    );
    expect(text).toMatch(/waits with p0004: .*b\.csv:2 \+ .*a\.csv:3, its record/);
  });

  it('records the rule that joined each merge', async () => {
    const juergen = 'Name,Email\nJürgen Köhler,jk@x.example\n';
    const cases: [string, string, string, string, number | undefined][] = [
      // The same e-mail and name (folded): the rows' values are one.
      [
        'Name,Email\nAnke Büscher,ab@x.example\n',
        'b.csv',
        'Name,Email\nAnke Buescher,AB@x.example\n',
        'same-values',
        undefined,
      ],
      // Tom for Thomas on one e-mail: e-mail +12, short form, at the merge threshold.
      [
        'Name,Email\nThomas Müller,tm@x.example\n',
        'b.csv',
        'Name,Email\nTom Müller,tm@x.example\n',
        'identifier',
        undefined,
      ],
      // A rare name (E = 1 · 1 / 1000: 9.9 bits) without e-mail at the same company (+3):
      // 12.9, at the merge threshold without a shared identifier.
      [
        'Name,Email,Firma\nFriedhelm vom Stein,fvs@x.example,Stein GmbH\n',
        'b.csv',
        'Name,Email,Firma\nFriedhelm vom Stein,,Stein\n',
        'name-and-company',
        undefined,
      ],
      // "J. Köhler" on Jürgen's e-mail, nobody else's: the partial name fits one person.
      [juergen, 'b.csv', 'Name,Email\nJ. Köhler,jk@x.example\n', 'partial-identifier', undefined],
      // The same name without e-mail: the one person who carries it.
      [juergen, 'b.csv', 'Name,Email\nJürgen Köhler,\n', 'name-carrier', undefined],
      // Two Anke Osenler with e-mail (4 Ankes, 3 Osenlers: 6.3 bits), a row without e-mail at
      // the first one's company (+3, 9.3 < 10): the one carrier at her company.
      [
        'Name,Email,Firma\nAnke Osenler,ao@web.example,Firma 1\nAnke Osenler,a.o@posteo.example,\n' +
          'Anke Abel,aa@x.example,\nAnke Bauer,ab@x.example,\nAnke Claus,ac@x.example,\n' +
          'Peter Osenler,po@x.example,\nJan Osenler,jo@x.example,\n',
        'b.csv',
        'Name,Email,Firma\nAnke Osenler,,Firma 1\n',
        'name-company',
        undefined,
      ],
      // A typing error without e-mail: "koehlr"/"koehler" Jaro–Winkler 0.971 (≥ 0.94). Distinct
      // names jürgen köhler and jürgen köhlr: E for Jürgen Köhler = 2 · 1 / 1000, times the
      // band's spread 4 = 0.008; odds log2(0.95 / 0.008) = 6.89 bits ≥ 4.3.
      [juergen, 'b.csv', 'Name,Email\nJürgen Köhlr,\n', 'name-odds', 6.89],
      // "Jürgen K." on Meetup, nobody else with a J-surname: the initial fits one person.
      [juergen, 'm.tsv', 'Name\tUser ID\tRSVP\nJürgen K.\tuser 1\tYes\n', 'initial', undefined],
    ];
    for (const [first, name, second, rule, odds] of cases) {
      const { merges } = await readAndResolve([memory('a.csv', first), memory(name, second)]);
      expect(
        merges.map((m) => [m.rule, m.odds === undefined ? undefined : Number(m.odds.toFixed(2))]),
        second,
      ).toEqual([[rule, odds]]);
    }
  });

  it("keeps the merges' evidence only when asked: the people are the same without it", async () => {
    // a and b share t.mueller@dach.example (after case folding): one merge, evidence e-mail
    // same +12 and the name Müller/Mueller folded equal; c stays apart (another e-mail).
    const kept = await readAndResolve([a, b, c]);
    const left = await readAndResolve([a, b, c], { merges: false });
    expect(
      kept.merges.map((m) => [m.a, m.b, m.evidence.map((e) => `${e.field}:${e.level}`)]),
    ).toEqual([[0, 1, ['email:same', 'name:exact']]]);
    expect(left.merges).toEqual([]);
    expect(left.people).toEqual(kept.people);
    // In order of the folded names: "thomas mueller" before "tom mueller" (h before o).
    expect(left.people.map((p) => p.records)).toEqual([[0, 1], [2]]);
  });

  it('writes CSV with formula-like cells neutralised', () => {
    const dir = mkdtempSync(join(scratch, 'csv-'));
    writeFileSync(join(dir, 'evil.csv'), 'Name,Email\n=HYPERLINK("x"),e@x.example\n');
    const csv = netz(['people', join(dir, 'evil.csv'), '-f', 'csv']).stdout;
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
  });
});
