// Identity with --match exact (DESIGN.md "Identity"): normalisation and the joining rules.
import { describe, expect, it } from 'vitest';
import { readAndResolve } from '../src/analyze.js';
import { emailKey, foldUmlauts, nameKey, reorderLastFirst } from '../src/resolve/normalize.js';
import { memory } from './helpers/sources.js';

describe('normalisation rules', () => {
  it('folds umlauts and ß per DIN 5007-2', () => {
    expect(foldUmlauts('müller größe äöü')).toBe('mueller groesse aeoeue');
  });

  it('reorders "Nachname, Vorname" only when there is exactly one comma', () => {
    expect(reorderLastFirst('Köhler, Jürgen')).toBe('Jürgen Köhler');
    expect(reorderLastFirst('a, b, c')).toBe('a, b, c');
    expect(reorderLastFirst('Köhler,')).toBe('Köhler,');
  });

  it('builds name keys: NFC, case fold, umlauts, white space, order', () => {
    // "Mu\u0308ller" is ü written as u + combining diaeresis; NFC makes it one letter first.
    expect(nameKey('  MU\u0308LLER,   Thomas ')).toBe('thomas mueller');
    expect(nameKey('Thomas Mueller')).toBe('thomas mueller');
    expect(nameKey('Köhler, Jürgen')).toBe(nameKey('Jürgen  Köhler'));
  });

  it('builds e-mail keys: trimmed, lower case, nothing else yet', () => {
    expect(emailKey(' A.Buescher@Klingenstadt.example ')).toBe('a.buescher@klingenstadt.example');
  });
});

async function people(...files: [string, string][]) {
  const result = await readAndResolve(
    files.map(([name, text]) => memory(name, text)),
    { match: 'exact' },
  );
  return result.people.map((p) => ({
    name: p.name,
    emails: p.emails,
    groups: p.groups,
    records: p.records.length,
  }));
}

describe('exact matching', () => {
  it('numbers people by name key, then name, e-mails and first record (short keys, shared starts, other scripts)', async () => {
    // Name keys (nameKey: folded, lower case): "a", "ab", "ab", "aa z", "abc", "oe", "ol", "zoe",
    // "ωa" — sorted as strings by UTF-16 units, the shorter first where one starts the other:
    // a < aa z < ab (Ab, then ab: equal keys go by name, "Ab" < "ab") < abc < oe (Ö) < ol < zoe
    // < ωa (U+03C9 after every ASCII letter). Many keys share their first three units, which the
    // sort's first, numeric comparison must leave to the full one.
    const rows = ['ab', 'Ωa', 'Ö', 'Abc', 'Zoë', 'Ab', 'A', 'Ol', 'Aa Z'];
    const csv = `Name,Email\n${rows.map((n, i) => `${n},p${i}@x.example`).join('\n')}\n`;
    const found = await people(['a.csv', csv]);
    expect(found.map((p) => p.name)).toEqual([
      'A',
      'Aa Z',
      'Ab',
      'ab',
      'Abc',
      'Ö',
      'Ol',
      'Zoë',
      'Ωa',
    ]);
  });

  it('joins Müller and Mueller that share an e-mail in another case', async () => {
    const found = await people(
      ['a.csv', 'Name,Email\nThomas Müller,t.mueller@dach.example\n'],
      ['b.csv', 'Name,Email\nThomas Mueller,T.Mueller@Dach.example\n'],
    );
    expect(found).toEqual([
      { name: 'Thomas Müller', emails: ['t.mueller@dach.example'], groups: ['a', 'b'], records: 2 },
    ]);
  });

  it('keeps two Thomas Müller with different e-mails apart', async () => {
    const found = await people(
      ['a.csv', 'Name,Email\nThomas Müller,t.mueller@dach.example\n'],
      ['b.csv', 'Name,Email\nThomas Müller,thomas@gruender.example\n'],
    );
    expect(found.map((p) => p.groups)).toEqual([['a'], ['b']]);
  });

  it('joins a name-only "Köhler, Jürgen" to the one person carrying that name', async () => {
    const found = await people(
      ['a.csv', 'Name,Email\nJürgen Köhler,j@k.example\n'],
      ['b.csv', 'Teilnehmer\n"Köhler, Jürgen"\n'],
    );
    expect(found).toEqual([
      { name: 'Jürgen Köhler', emails: ['j@k.example'], groups: ['a', 'b'], records: 2 },
    ]);
  });

  it('keeps a name-only row apart when two people carry the name, and says so', async () => {
    const result = await readAndResolve(
      [
        memory('a.csv', 'Name,Email\nThomas Müller,t@dach.example\n'),
        memory('b.csv', 'Name,Email\nThomas Müller,t@gruender.example\n'),
        memory('c.csv', 'Name\nThomas Müller\n'),
      ],
      { match: 'exact' },
    );
    expect(result.people).toHaveLength(3);
    expect(result.findings).toEqual([
      { code: 'ambiguous-name', path: 'c.csv', line: 2, args: { candidates: 2 } },
    ]);
  });

  it('joins name-only rows of the same name when nobody with a key carries it (Revere lists)', async () => {
    const found = await people(['a.csv', 'name\nRevere.Paul\n'], ['b.csv', 'name\nRevere.Paul\n']);
    expect(found).toEqual([{ name: 'Revere.Paul', emails: [], groups: ['a', 'b'], records: 2 }]);
  });

  it('joins nobody on a name with nothing left to compare ("🚀", "Dr.")', async () => {
    // Both names fold to the empty key: it names nobody, so each row stays alone (the e-mail
    // row's person too), in exact mode as in fuzzy.
    const rows = ['a.csv', 'Name;Email\n🚀🚀;\n✨ ✨;a@x.example\nDr.;\n'] as [string, string];
    const other = ['b.csv', 'Name;Email\n🚀🚀;\n'] as [string, string];
    const found = await people(rows, other);
    expect(found.map((p) => p.records)).toEqual([1, 1, 1, 1]);
    const fuzzy = await readAndResolve([memory(...rows), memory(...other)]);
    expect(fuzzy.people.map((p) => p.records.length)).toEqual([1, 1, 1, 1]);
  });

  it('never gives one person two different e-mails, even when a phone links them', async () => {
    const found = await people(
      ['a.csv', 'Name,Email,Telefon\nAnke,a@one.example,+49 202 123456\n'],
      ['b.csv', 'Name,Email,Telefon\nAnke,a@two.example,+49 202 123456\n'],
    );
    expect(found).toHaveLength(2);
  });

  it('joins one e-mail in any spelling, and a phone, across rows with and without other keys', async () => {
    // a.csv:2 owns anke@x.example (one e-mail, nothing else); b.csv:2 spells it in capitals and
    // adds a phone: it joins a.csv:2 by the e-mail and owns the phone; c.csv:2 has the phone
    // alone and joins them. d.csv:2 has the same phone but another e-mail: joining would give
    // one person two e-mails, so it stays apart and is reported. e.csv:2 spells the first
    // e-mail in capitals again, alone: it joins the first person. People: Anke (a, b, c, e: 4
    // records), Other (d).
    const result = await readAndResolve(
      [
        memory('a.csv', 'Name,Email\nAnke Berg,anke@x.example\n'),
        memory('b.csv', 'Name,Email,Telefon\nAnke Berg,ANKE@X.example,+49 202 123456\n'),
        memory('c.csv', 'Name,Telefon\nA. Berg,0202 123456\n'),
        memory('d.csv', 'Name,Email,Telefon\nOther,other@x.example,+49 202 123456\n'),
        memory('e.csv', 'Name,Email\nAnke Berg,ANKE@X.example\n'),
      ],
      { match: 'exact' },
    );
    expect(result.people.map((p) => [p.name, p.emails, p.groups, p.records.length])).toEqual([
      ['Anke Berg', ['anke@x.example'], ['a', 'b', 'c', 'e'], 4],
      ['Other', ['other@x.example'], ['d'], 1],
    ]);
    expect(result.findings).toEqual([{ code: 'conflicting-emails', path: 'd.csv', line: 2 }]);
  });

  it('folds a second row of the same person at the same event into one record (merged)', async () => {
    const result = await readAndResolve([
      memory(
        'form.csv',
        'Zeitstempel,E-Mail-Adresse,Name\n01.02.2025 10:00:00,a@x.example,A\n01.02.2025 10:05:00,A@X.example,A\n',
      ),
    ]);
    expect(result.people[0]?.records).toHaveLength(1);
    const input = result.inputs[0];
    expect([input?.rows, input?.records, input?.merged]).toEqual([2, 1, 1]);
  });

  it("takes a person's name, e-mail and groups from every row, wherever the rows lie", async () => {
    // Anke's and Bob's rows alternate in a.csv and go on in b.csv. Anke writes "Anke Berg" in
    // her first row and "Anke Berg-Sauer" in her two others: the name seen most often wins, not
    // the first. Her two rows at a's Treffen on 2025-02-01 (the second in capitals) fold into the
    // first (a.csv:4 merged into a.csv:2), so she has two events: a's Treffen and b's export.
    // Bob: three rows, three events (Treffen, Stammtisch, b's), one spelling throughout.
    const a = memory(
      'a.csv',
      'Name,E-Mail,Event,Datum\n' +
        'Anke Berg,anke@x.example,Treffen,01.02.2025\n' +
        'Bob Kurz,bob@x.example,Treffen,01.02.2025\n' +
        'Anke Berg-Sauer,ANKE@x.example,Treffen,01.02.2025\n' +
        'Bob Kurz,bob@x.example,Stammtisch,08.02.2025\n',
    );
    const b = memory(
      'b.csv',
      'Name,E-Mail\nAnke Berg-Sauer,anke@x.example\nBob Kurz,bob@x.example\n',
    );
    for (const mode of ['exact', 'fuzzy'] as const) {
      const result = await readAndResolve([b, a], { match: mode });
      expect(
        result.people.map((p) => [p.id, p.name, p.emails, p.groups, p.events, p.records]),
      ).toEqual([
        ['p0001', 'Anke Berg-Sauer', ['anke@x.example'], ['a', 'b'], 2, [0, 4]],
        ['p0002', 'Bob Kurz', ['bob@x.example'], ['a', 'b'], 3, [1, 3, 5]],
      ]);
      expect(result.inputs.map((i) => [i.path, i.records, i.merged])).toEqual([
        ['a.csv', 3, 1],
        ['b.csv', 2, 0],
      ]);
    }
  });

  it('numbers people p0001… in canonical order whatever the argument order', async () => {
    const a = memory('a.csv', 'Name\nZoe\nAnke\n');
    const b = memory('b.csv', 'Name\nMaria\n');
    const one = await readAndResolve([a, b]);
    const two = await readAndResolve([b, a]);
    expect(one.people.map((p) => [p.id, p.name])).toEqual([
      ['p0001', 'Anke'],
      ['p0002', 'Maria'],
      ['p0003', 'Zoe'],
    ]);
    expect(two.people).toEqual(one.people);
  });

  it('leaves declined, cancelled and waitlisted rows out of people', async () => {
    const meetup =
      'Name\tUser ID\tTitle\tEvent Host\tRSVP\tGuests\tRSVPed on\tJoined Group on\tURL of Member Profile\n' +
      'A\tuser 1\t\tNo\tYes\t0\t02/01/2025\t1/1/2023\tu\nB\tuser 2\t\tNo\tNo\t0\t02/01/2025\t1/1/2023\tu\n';
    const result = await readAndResolve([memory('m.tsv', meetup)]);
    expect(result.people.map((p) => p.name)).toEqual(['A']);
    expect(result.inputs[0]?.records).toBe(2);
  });
});
