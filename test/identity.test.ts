// Identity resolution (--match fuzzy, the default): each normalisation rule, and scenarios with
// the merges and non-merges they must give.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readAndResolve } from '../src/analyze.js';
import { seededRandom } from '../src/measure/rng.js';
import { usernameOf } from '../src/resolve/fuzzy.js';
import { nameFrequency } from '../src/resolve/name-frequency.js';
import { doubleFirstName, fullFirstNames, parseName, sameFirstName } from '../src/resolve/names.js';
import {
  annotationCompany,
  companyOrRole,
  dropAnnotations,
  dropBirthName,
  dropSymbols,
  dropTitles,
  emailKey,
  foldAccents,
  nameKey,
  personOfDevice,
  phoneKey,
  reorderLastFirst,
  splitJoinedName,
} from '../src/resolve/normalize.js';
import { strongestFirst } from '../src/resolve/pair-order.js';
import { memory } from './helpers/sources.js';

describe('normalisation rules', () => {
  it.each([
    ['J.Doe+x@googlemail.com', 'jdoe@gmail.com'],
    ['jdoe@gmail.com', 'jdoe@gmail.com'],
    [' Anke.Buescher+netz@Outlook.de ', 'anke.buescher@outlook.de'],
    ['a.b+c@icloud.com', 'a.b@icloud.com'],
    ['first.last+tag@gmx.example', 'first.last+tag@gmx.example'],
  ])('e-mail %s → %s', (raw, key) => {
    expect(emailKey(raw)).toBe(key);
  });

  it.each([
    ['02191 / 46 30 01', '+492191463001'],
    ['+49 2191 463001', '+492191463001'],
    ['0049 202 7781245', '+492027781245'],
    ['12', undefined],
  ])('phone %s → %s (E.164, Germany by default)', (raw, key) => {
    expect(phoneKey(raw)).toBe(key);
  });

  it('drops titles, degrees and salutations', () => {
    expect(dropTitles('Dr. Anke Büscher')).toBe('Anke Büscher');
    expect(dropTitles('Prof. Dr.-Ing. Dipl.-Ing. Heinz Meyer')).toBe('Heinz Meyer');
    expect(nameKey('Herr Prof. Dr. Heinz Müller-Lüdenscheidt')).toBe('heinz mueller-luedenscheidt');
  });

  it('leaves out a part of titles after a comma: "Köhler, Jürgen, Dr." is Jürgen Köhler', () => {
    expect(reorderLastFirst('Köhler, Jürgen, Dr.')).toBe('Jürgen Köhler');
    expect(reorderLastFirst('Köhler, Jürgen, Dr., MBA')).toBe('Jürgen Köhler');
    expect(reorderLastFirst('Müller, Dr.')).toBe('Müller');
    expect(reorderLastFirst('Köhler, Jürgen')).toBe('Jürgen Köhler');
    // Three parts that are not titles: which is which is not known, the value stays.
    expect(reorderLastFirst('Köhler, Jürgen, Anna')).toBe('Köhler, Jürgen, Anna');
    expect(nameKey('Köhler, Jürgen, Dr.')).toBe('juergen koehler');
  });

  it('reads a name written as a handle as two words', () => {
    expect(splitJoinedName('juergen.koehler')).toBe('juergen koehler');
    expect(splitJoinedName('jürgen_köhler')).toBe('jürgen köhler');
    expect(splitJoinedName('JürgenKöhler')).toBe('Jürgen Köhler');
    expect(nameKey('juergen.koehler')).toBe('juergen koehler');
    // Not a handle: initials, a short prefix, a name with spaces, one word.
    expect(splitJoinedName('H.-J.')).toBe('H.-J.');
    expect(splitJoinedName('McDonald')).toBe('McDonald');
    expect(splitJoinedName('j.koehler')).toBe('j.koehler');
    expect(splitJoinedName('Anna Lena.Schmidt')).toBe('Anna Lena.Schmidt');
    expect(splitJoinedName('Köhler')).toBe('Köhler');
  });

  it('leaves out a company or a role written beside a name', () => {
    // After a comma: a legal form among words, or a role.
    expect(nameKey('Jürgen Köhler, Köhler GmbH')).toBe('juergen koehler');
    expect(nameKey('Köhler, Jürgen, Köhler GmbH')).toBe('juergen koehler');
    expect(nameKey('Jürgen Köhler, Geschäftsführer')).toBe('juergen koehler');
    expect(nameKey('Jürgen Köhler, CEO')).toBe('juergen koehler');
    // After a spaced slash or at sign, like a bar or a dash; a company before a dash.
    expect(nameKey('Jürgen Köhler / Köhler GmbH')).toBe('juergen koehler');
    expect(nameKey('Jürgen Köhler @ Köhler GmbH')).toBe('juergen koehler');
    expect(nameKey('Köhler GmbH – Jürgen Köhler')).toBe('juergen koehler');
    // Not a company: a double surname before the comma, a lone word that is a legal form's
    // letters, a slash without spaces.
    expect(nameKey('Müller Schmidt, Anna')).toBe('anna mueller schmidt');
    expect(nameKey('Co, Anna')).toBe('anna co');
    expect(nameKey('AC/DC Fan')).toBe('ac/dc fan');
    expect(companyOrRole('Köhler GmbH')).toBe(true);
    expect(companyOrRole('Anna')).toBe(false);
  });

  it('drops emoji and other symbols from a name', () => {
    expect(dropSymbols('Lena Vogt 🚀')).toBe('Lena Vogt  ');
    expect(nameKey('Lena Vogt 🚀')).toBe('lena vogt');
    // A sequence joined by zero-width joiners, and a symbol between the words.
    expect(nameKey('👩‍💻 Anke Büscher')).toBe('anke buescher');
    expect(nameKey('Jürgen ⭐ Köhler')).toBe('juergen koehler');
    // Letters of any script, digits and hyphens stay.
    expect(nameKey('Anna-Lena Öztürk 2')).toBe('anna-lena oeztuerk 2');
  });

  it('drops a title only as a whole token (1,000 generated names against the definition)', () => {
    // The definition: split at spaces, drop tokens whose lower case is a title, join.
    const titles = ['Dr.', 'dr', 'PROF.', 'Herr', 'Frau', 'MdB', 'll.m.', 'Dipl.-Ing.', 'RA', 'pd'];
    const tokens = [
      ...titles,
      'Andreas',
      'Conrad',
      'Dr.x',
      'xDr.',
      'Prof',
      'Jürgen',
      '',
      'Ra.',
      'd.r',
    ];
    const rng = seededRandom(9);
    for (let round = 0; round < 1000; round++) {
      const name = Array.from(
        { length: Math.floor(rng() * 5) },
        () => tokens[Math.floor(rng() * tokens.length)] as string,
      ).join(' ');
      const expected = name
        .split(' ')
        .filter(
          (t) =>
            ![...titles, 'prof', 'dipl.-ing', 'herr'].some(
              (x) => x.toLowerCase() === t.toLowerCase(),
            ),
        )
        .join(' ');
      expect(dropTitles(name)).toBe(expected);
    }
  });

  it('folds accents after DIN 5007-2: Yıldız → yildiz, Çelik → celik, René → rene', () => {
    expect(foldAccents('yıldız çelik rené')).toBe('yildiz celik rene');
  });

  it('recognises device names', () => {
    expect(personOfDevice('iPhone von Anke')).toBe('Anke');
    expect(personOfDevice('iPhone (Brian Smith)')).toBe('Brian Smith');
    expect(personOfDevice("Sven's iPad")).toBe('Sven');
    expect(personOfDevice('Galaxy S21')).toBe('');
    expect(personOfDevice('Anke Büscher')).toBeUndefined();
  });

  it('keeps particles with the surname, middle names apart, initials recognised', () => {
    expect(parseName('Friedhelm vom Stein')).toMatchObject({
      first: 'friedhelm',
      last: 'vom stein',
      key: 'friedhelm vom stein',
    });
    expect(parseName('Anna Maria Schmidt')).toMatchObject({
      first: 'anna',
      last: 'schmidt',
      middle: ['maria'],
      key: 'anna schmidt',
    });
    expect(parseName('Jürgen K.')).toMatchObject({
      first: 'juergen',
      last: 'k',
      initialOnly: true,
    });
    expect(parseName('Köhler, Jürgen')).toMatchObject({ key: 'juergen koehler' });
    expect(parseName('Heinz Müller-Lüdenscheidt')).toMatchObject({ last: 'mueller-luedenscheidt' });
  });

  it.each([
    ['Anke Büscher (sie/ihr)', 'Anke Büscher'],
    ['Jan Peters [Stadtwerke Solingen]', 'Jan Peters'],
    ['Lena Vogt | Makerspace', 'Lena Vogt'],
    ['Lena Vogt|Makerspace', 'Lena Vogt'],
    ['Lena Vogt – Makerspace Remscheid', 'Lena Vogt'],
    ['Anke (Anke Büscher)', 'Anke Büscher'],
    ['Anke B. (Anke Büscher)', 'Anke Büscher'],
    ['Anke Büscher (Anke B.)', 'Anke Büscher'],
    ['Anke (Gast)', 'Anke'],
    ['Anna-Lena Müller-Lüdenscheidt', 'Anna-Lena Müller-Lüdenscheidt'],
    ['(Gast)', '(Gast)'],
  ])('video-call additions: %s → %s', (raw, name) => {
    expect(dropAnnotations(raw)).toBe(name);
  });

  it.each([
    ['Jan Peters [Stadtwerke Solingen]', 'Stadtwerke Solingen'],
    ['Lena Vogt | Makerspace', 'Makerspace'],
    ['Lena Vogt|Makerspace', 'Makerspace'],
    ['Lena Vogt – Makerspace Remscheid', 'Makerspace Remscheid'],
    ['Köhler GmbH – Jürgen Köhler', 'Köhler GmbH'],
    ['Jan Peters (Peters Consulting)', 'Peters Consulting'],
    // Pronouns, a guest mark, a renamed account's other spelling, two additions, none.
    ['Anke Büscher (sie/ihr)', undefined],
    ['Anke (Gast)', undefined],
    ['Anke (Anke Büscher)', undefined],
    ['Anke B. (Anke Büscher)', undefined],
    ['Anke Büscher (Anke B.)', undefined],
    ['Jan Peters (Stadtwerke) | Makerspace', undefined],
    ['Anna-Lena Müller-Lüdenscheidt', undefined],
    ['(Gast)', undefined],
  ])('the company a display name adds: %s → %s', (raw, company) => {
    expect(annotationCompany(raw)).toBe(company);
  });

  it('drops a birth name (geb., geborene, née), not a name that starts so', () => {
    expect(dropBirthName('Anna Schmidt geb. Müller')).toBe('Anna Schmidt');
    expect(dropBirthName('Anna Schmidt (geb. Müller)')).toBe('Anna Schmidt');
    expect(dropBirthName('Anna Schmidt, geborene Müller')).toBe('Anna Schmidt');
    expect(dropBirthName('Anne Martin née Dupont')).toBe('Anne Martin');
    expect(nameKey('Schmidt geb. Müller, Anna')).toBe('anna schmidt');
    expect(dropBirthName('Gebhard Schmidt')).toBe('Gebhard Schmidt');
    expect(dropBirthName('Anna Gebauer')).toBe('Anna Gebauer');
  });

  it('spells a double first name with and without its hyphen alike (compound)', () => {
    // first + middle names joined by hyphens, then the surname; none for a single first name or
    // an initial surname; a hyphen in the surname stays there.
    expect(parseName('Hans-Peter Müller')).toMatchObject({
      first: 'hans-peter',
      key: 'hans-peter mueller',
      compound: 'hans-peter mueller',
    });
    expect(parseName('Müller, Hans Peter')).toMatchObject({
      first: 'hans',
      middle: ['peter'],
      key: 'hans mueller',
      compound: 'hans-peter mueller',
    });
    expect(parseName('Hans Peter vom Stein').compound).toBe('hans-peter vom stein');
    expect(parseName('Anna Müller-Lüdenscheidt').compound).toBeUndefined();
    expect(parseName('Hans-Peter M.').compound).toBeUndefined();
    expect(parseName('Hans').compound).toBeUndefined();
  });

  it.each([
    ['Hans-Peter D.', 'hans-peter'],
    ['Hans Peter D.', 'hans-peter'],
    ['Hans Peter Dahl', 'hans-peter'],
    ['Dahl, Hans-Peter', 'hans-peter'],
    ['Karl Heinz Otto W.', 'karl-heinz-otto'],
    ['Hans Dahl', undefined],
    ['Hans D.', undefined],
    ['Hans', undefined],
    ['Hans-Peter', undefined],
  ])('reads the double first name of %s as %s, an initial surname or not', (raw, double) => {
    expect(doubleFirstName(parseName(raw))).toBe(double);
  });

  it('reads a three-word name with a double surname too (doubleSurname)', () => {
    // first name, then the middle word and the surname joined by a hyphen; none for a middle
    // initial, a surname with a particle, two or four words, or an initial surname.
    expect(parseName('Anna Müller Schmidt')).toMatchObject({
      key: 'anna schmidt',
      middle: ['mueller'],
      doubleSurname: 'anna mueller-schmidt',
    });
    expect(parseName('Müller Schmidt, Anna').doubleSurname).toBe('anna mueller-schmidt');
    expect(parseName('Anna Müller-Schmidt')).toMatchObject({
      key: 'anna mueller-schmidt',
      doubleSurname: undefined,
    });
    expect(parseName('Anna M. Schmidt').doubleSurname).toBeUndefined();
    expect(parseName('Friedhelm vom Stein').doubleSurname).toBeUndefined();
    expect(parseName('Anna Maria von Stein').doubleSurname).toBeUndefined();
    expect(parseName('Anna Schmidt').doubleSurname).toBeUndefined();
    expect(parseName('Anna Lena Marie Schmidt').doubleSurname).toBeUndefined();
    expect(parseName('Anna Müller S.').doubleSurname).toBeUndefined();
  });

  it('reads a name of two words the other way round too (swapped)', () => {
    expect(parseName('Köhler Jürgen')).toMatchObject({
      key: 'koehler juergen',
      swapped: 'juergen koehler',
    });
    // Particles, one word and a first name: "vom Stein Annette" is "Annette vom Stein".
    expect(parseName('vom Stein Annette').swapped).toBe('annette vom stein');
    expect(parseName('von der Heydt Jörg').swapped).toBe('joerg von der heydt');
    expect(parseName('Annette vom Stein').swapped).toBeUndefined();
    expect(parseName('von Stein Anna Lena').swapped).toBeUndefined();
    expect(parseName('Hans Peter Müller').swapped).toBeUndefined();
    expect(parseName('Jürgen K.').swapped).toBeUndefined();
    expect(parseName('Jürgen').swapped).toBeUndefined();
  });
});

async function resolve(...files: [string, string][]) {
  const result = await readAndResolve(files.map(([name, text]) => memory(name, text)));
  return result.people.map((p) => ({ name: p.name, groups: p.groups }));
}

describe('scenarios', () => {
  it('Müller and Mueller with the same e-mail are one person', async () => {
    expect(
      await resolve(
        ['a.csv', 'Name,Email\nThomas Müller,t.mueller@dach.example\n'],
        ['b.csv', 'Name,Email\nThomas Mueller,T.Mueller@Dach.example\n'],
      ),
    ).toEqual([{ name: 'Thomas Müller', groups: ['a', 'b'] }]);
  });

  it('two Thomas Müller with different e-mails stay two', async () => {
    const people = await resolve(
      ['a.csv', 'Name,Email\nThomas Müller,t.mueller@dach.example\nAnke Büscher,a@x.example\n'],
      ['b.csv', 'Name,Email\nThomas Müller,thomas@gruender.example\n'],
    );
    expect(people.filter((p) => p.name === 'Thomas Müller')).toHaveLength(2);
  });

  it('the same user name at another provider joins, a role address or another name does not', async () => {
    // As above, "Thomas Müller" weighs log2(0.95 / 0.001) ≈ 9.9 here. thomas.mueller@ at two
    // providers: 9.9 + 6 (user name) ≥ 10, one person; info@ at two providers is a role
    // address, −3 as for any two addresses: 6.9 < 10, two people.
    const joined = await resolve(
      [
        'a.csv',
        'Name,Email\nThomas Müller,thomas.mueller@dach.example\nAnke Büscher,a@x.example\n',
      ],
      ['b.csv', 'Name,Email\nThomas Müller,Thomas_Mueller+netz@gruender.example\n'],
    );
    expect(joined.filter((p) => p.name === 'Thomas Müller')).toEqual([
      { name: 'Thomas Müller', groups: ['a', 'b'] },
    ]);
    const roles = await resolve(
      ['a.csv', 'Name,Email\nThomas Müller,kontakt@dach.example\nAnke Büscher,a@x.example\n'],
      ['b.csv', 'Name,Email\nThomas Müller,kontakt@gruender.example\n'],
    );
    expect(roles.filter((p) => p.name === 'Thomas Müller')).toHaveLength(2);
    // The same user name with another person's name stays apart (names differ: −8).
    const other = await resolve(
      ['a.csv', 'Name,Email\nThomas Müller,tmueller@dach.example\nAnke Büscher,a@x.example\n'],
      ['b.csv', 'Name,Email\nTobias Müller,tmueller@gruender.example\n'],
    );
    expect(other).toHaveLength(3);
  });

  it('user names: the part before the @ without +tag and separators, not short or a role', () => {
    expect(usernameOf('thomas.mueller+netz@dach.example')).toBe('thomasmueller');
    expect(usernameOf('thomas_mueller@web.example')).toBe('thomasmueller');
    expect(usernameOf('tm@web.example')).toBeUndefined();
    expect(usernameOf('info@web.example')).toBeUndefined();
    expect(usernameOf('kontakt@web.example')).toBeUndefined();
    expect(usernameOf('o.f.f.i.c.e@web.example')).toBeUndefined();
  });

  it('"Schmitz, Karl Heinz" without e-mail is "Karl-Heinz Schmitz", "Anna Becker" is not "Anna-Lena Becker"', async () => {
    // Zoom's "Schmitz, Karl Heinz" → karl + heinz (middle) + schmitz, the compound karl-heinz
    // schmitz: the Eventbrite name's own key. Exact-level evidence; the Zoom row has no e-mail
    // and one person carries the name: it joins (as for any exact name). "Anna Becker" has no
    // middle name and no hyphen, so no compound: it stays apart from Anna-Lena Becker.
    const people = await resolve(
      [
        'eventbrite.csv',
        'First Name,Last Name,Email\nKarl-Heinz,Schmitz,kh.schmitz@web.example\nAnna-Lena,Becker,al.becker@gmx.example\n',
      ],
      ['zoom.csv', 'Name (Original Name),User Email\n"Schmitz, Karl Heinz",\nAnna Becker,\n'],
    );
    expect(people).toEqual([
      { name: 'Anna Becker', groups: ['zoom'] },
      { name: 'Anna-Lena Becker', groups: ['eventbrite'] },
      { name: 'Karl-Heinz Schmitz', groups: ['eventbrite', 'zoom'] },
    ]);
  });

  it('two addresses of "Karl-Heinz" and "Karl Heinz" Schmitz at one company meet and join', async () => {
    // Both have e-mails (different: −3) and the same company (+3): keyed records join on an
    // exact name with supporting evidence. They meet only in the block of the compound
    // "karl-heinz schmitz" (their own name keys differ); the name weighs log2(0.95 / E) with
    // E = 1 · 1 / 1000 (one karl-heinz, one schmitz, the floor of 1,000 names): 9.9 bits, odds
    // 9.9 − 3 + 3 ≥ 4.3.
    const people = await resolve(
      [
        'formular.csv',
        'Vorname;Nachname;E-Mail;Firma\nKarl-Heinz;Schmitz;kh@web.example;Schmitz Bau GmbH\n',
      ],
      [
        'liste.csv',
        'Name;E-Mail;Firma\n"Schmitz, Karl Heinz";karl.heinz@schmitz-bau.example;Schmitz Bau GmbH\n',
      ],
    );
    expect(people).toEqual([{ name: 'Karl-Heinz Schmitz', groups: ['formular', 'liste'] }]);
  });

  it('"Anna Müller Schmidt" without e-mail is "Anna Müller-Schmidt", "Anna Schmidt" is not', async () => {
    // The Zoom guest "Müller Schmidt, Anna" → anna + mueller (middle) + schmidt, read with a
    // double surname "anna mueller-schmidt": the Eventbrite name's own key, exact-level evidence;
    // the guest has no e-mail and one person carries the name, so it joins (as any exact name).
    // The display name: of the two spellings, one record each, the one with the hyphen.
    const eventbrite: [string, string] = [
      'eventbrite.csv',
      'First Name,Last Name,Email\nAnna,Müller-Schmidt,ams@web.example\n',
    ];
    expect(
      await resolve(eventbrite, [
        'zoom.csv',
        'Name (Original Name),User Email\n"Müller Schmidt, Anna",\n',
      ]),
    ).toEqual([{ name: 'Anna Müller-Schmidt', groups: ['eventbrite', 'zoom'] }]);
    // "Anna Schmidt" has no middle word: key "anna schmidt", no reading of its own, and the
    // surnames schmidt / mueller-schmidt are far apart (Jaro–Winkler below 0.88): apart.
    expect(
      await resolve(eventbrite, ['zoom.csv', 'Name (Original Name),User Email\nAnna Schmidt,\n']),
    ).toEqual([
      { name: 'Anna Müller-Schmidt', groups: ['eventbrite'] },
      { name: 'Anna Schmidt', groups: ['zoom'] },
    ]);
  });

  it('different middle words make two people; an initial of the same word does not', async () => {
    // The Zoom guests (no e-mail) share the key "karl schmitz" with the Eventbrite "Karl Heinz
    // Schmitz" (middle words are set aside). "Karl Otto" has another middle word: different
    // names (−8), apart. "Karl H." has its initial: the same name, one person carries it, so it
    // joins.
    const people = await resolve(
      ['eventbrite.csv', 'First Name,Last Name,Email\nKarl Heinz,Schmitz,khs@web.example\n'],
      ['zoom.csv', 'Name (Original Name),User Email\n"Schmitz, Karl Otto",\n"Schmitz, Karl H.",\n'],
    );
    expect(people).toEqual([
      { name: 'Karl Heinz Schmitz', groups: ['eventbrite', 'zoom'] },
      { name: 'Karl Otto Schmitz', groups: ['zoom'] },
    ]);
  });

  it('a name without a middle word does not bring two different middle words together', async () => {
    // "Karl Schmitz" (Zoom guest) points to the one person with e-mail, "Karl Heinz Schmitz"
    // (middle words set aside: the same key), and joins him. "Karl Otto Schmitz" (guest) is a
    // different name from Karl Heinz (−8) but the same as "Karl Schmitz": the cluster it would
    // join holds the middle word "heinz", which differs from "otto", so it stays apart.
    const people = await resolve(
      ['eventbrite.csv', 'First Name,Last Name,Email\nKarl Heinz,Schmitz,khs@web.example\n'],
      ['zoom.csv', 'Name (Original Name),User Email\nKarl Schmitz,\n"Schmitz, Karl Otto",\n'],
    );
    expect(people).toEqual([
      { name: 'Karl Heinz Schmitz', groups: ['eventbrite', 'zoom'] },
      { name: 'Karl Otto Schmitz', groups: ['zoom'] },
    ]);
  });

  it('two addresses of "Anna Müller-Schmidt" and "Anna Müller Schmidt" at one company join', async () => {
    // Different e-mails (−3), the same company (+3); they meet only in the block of the double
    // surname reading "anna mueller-schmidt" (their own keys differ). The name weighs as the
    // hyphenated one: E = 1 · 1 / 1000 (one anna, one mueller-schmidt among fewer than 1,000
    // names), log2(0.95 / 0.001) = 9.9 bits; odds 9.9 − 3 + 3 ≥ 4.3.
    const people = await resolve(
      [
        'formular.csv',
        'Vorname;Nachname;E-Mail;Firma\nAnna;Müller-Schmidt;anna@web.example;Schmidt Bau GmbH\n',
      ],
      [
        'liste.csv',
        'Name;E-Mail;Firma\nAnna Müller Schmidt;a.mueller@schmidt-bau.example;Schmidt Bau GmbH\n',
      ],
    );
    expect(people).toEqual([{ name: 'Anna Müller-Schmidt', groups: ['formular', 'liste'] }]);
  });

  it('"Köhler Jürgen" without a comma joins "Jürgen Köhler" when the two readings are rare', async () => {
    // Distinct names: juergen koehler, koehler juergen (first names juergen 1, koehler 1;
    // surnames koehler 1, juergen 1), fewer than 1,000: E = 1·1/1000 + 1·1/1000 = 0.002 for the
    // two readings, odds log2(0.95 / 0.002) = 8.9 ≥ 4.3, and one person carries the name.
    const people = await resolve(
      ['eventbrite.csv', 'First Name,Last Name,Email\nJürgen,Köhler,jk@web.example\n'],
      ['liste.csv', 'Name;Firma\nKöhler Jürgen;Köhler GmbH\n'],
    );
    expect(people).toEqual([{ name: 'Jürgen Köhler', groups: ['eventbrite', 'liste'] }]);
  });

  it('names turned round, with a typing error, a short form or hyphens, join on the same e-mail', async () => {
    // Each pair shares its e-mail (+12); as parsed the names differ (−8, 12 − 8 = 4 < 10: review
    // only). Read the other way (nameReadings), they agree:
    // - "Bergke Tom" turned: [tom, bergke] against [thomas, bergke]: Tom = Thomas, the rest equal:
    //   distinct names bergke tom, thomas bergke: E = 1·1/1000 + 1·1/1000 = 0.002, log2(0.95 /
    //   0.002) = 8.89, less 1 for the short form: 12 + 7.89 ≥ 10.
    // - "Kttschner Anke" turned: [anke, kttschner] against [anke, kottschner]: Jaro–Winkler 0.97
    //   ≥ 0.94 (+5): 17.
    // - "Marie Luise Ronselfeld-Becker" and "Marie-Luise Ronselfeld Becker": the same words
    //   [marie, luise, ronselfeld, becker]: 12 + log2(0.95 / 0.002) = 20.9.
    // - "Annette vo Stein" and "Annette vom Stein": the rest "vo stein" / "vom stein", Jaro–
    //   Winkler 0.97 (+5): 17.
    const pairs = [
      ['Thomas Bergke', 'Bergke Tom', 'tb@web.example'],
      ['Anke Kottschner', 'Kttschner Anke', 'ak@web.example'],
      ['Marie-Luise Ronselfeld Becker', 'Marie Luise Ronselfeld-Becker', 'mlrb@web.example'],
      ['Annette vom Stein', 'Annette vo Stein', 'avs@web.example'],
    ];
    for (const [x, y, email] of pairs) {
      const people = await resolve(
        ['a.csv', `Name,Email\n${x},${email}\n`],
        ['b.csv', `Name,Email\n${y},${email}\n`],
      );
      expect(people, `${x} / ${y}`).toHaveLength(1);
    }
    // Other first names stay different whichever way they are read: "Thomas Bergke" and
    // "Bergke Anna" on one address are two people (a shared family address).
    expect(
      await resolve(
        ['a.csv', 'Name,Email\nThomas Bergke,fam@web.example\n'],
        ['b.csv', 'Name,Email\nBergke Anna,fam@web.example\n'],
      ),
    ).toHaveLength(2);
  });

  it('an umlaut without its e, an initial first name or a lone surname join on the same e-mail', async () => {
    // Each pair shares its e-mail (+12); as parsed the names differ (−8: review only).
    // - "Jurgen Kohler" (a list that drops accents) against "Jürgen Köhler" (juergen koehler):
    //   the same words with the e of umlauts left out on both sides: distinct names jurgen kohler
    //   and juergen koehler, E = 1/1000 + 1/1000, log2(0.95 / 0.002) = 8.89: 20.89.
    // - "J. Köhler": a first name written as its initial with the same surname, +4: 16.
    // - "Köhler": a lone word that is the other's surname, +4: 16.
    for (const [x, y] of [
      ['Jurgen Kohler', 'Jürgen Köhler'],
      ['J. Köhler', 'Jürgen Köhler'],
      ['"Köhler, J."', 'Jürgen Köhler'],
      ['Köhler', 'Jürgen Köhler'],
    ]) {
      const people = await resolve(
        ['a.csv', `Name,Email\n${x},jk@web.example\n`],
        ['b.csv', `Name,Email\n${y},jk@web.example\n`],
      );
      expect(people, `${x} / ${y}`).toEqual([{ name: 'Jürgen Köhler', groups: ['a', 'b'] }]);
    }
    // Too little to join on without the e-mail: "J. Köhler" on a name-only list stays apart,
    // and so does an initial of another first name.
    expect(
      await resolve(
        ['a.csv', 'Name;Firma\nJ. Köhler;\n'],
        ['b.csv', 'Name,Email\nJürgen Köhler,jk@web.example\n'],
      ),
    ).toHaveLength(2);
    expect(
      await resolve(
        ['a.csv', 'Name,Email\nA. Köhler,jk@web.example\n'],
        ['b.csv', 'Name,Email\nJürgen Köhler,jk@web.example\n'],
      ),
    ).toHaveLength(2);
  });

  it('initials of a double first name and a handle join on the same e-mail', async () => {
    // "Hans J. Köhler", "H.-J. Köhler": words [hans, j., koehler], [h., j., koehler] against
    // [hans, juergen, koehler], each word equal or its initial (+4): 12 + 4 = 16. The handle
    // "juergen.koehler" reads as "juergen koehler" (exact). The display name is the one without
    // abbreviated words.
    for (const other of ['Hans J. Köhler', 'H.-J. Köhler']) {
      expect(
        await resolve(
          ['a.csv', `Name,Email\n${other},hjk@web.example\n`],
          ['b.csv', 'Name,Email\nHans-Jürgen Köhler,hjk@web.example\n'],
        ),
        other,
      ).toEqual([{ name: 'Hans-Jürgen Köhler', groups: ['a', 'b'] }]);
    }
    expect(
      await resolve(
        ['a.csv', 'Name,Email\njuergen.koehler,jk@web.example\n'],
        ['b.csv', 'Name,Email\nJürgen Köhler,jk@web.example\n'],
      ),
    ).toEqual([{ name: 'Jürgen Köhler', groups: ['a', 'b'] }]);
    // The address shown as the name (no name given): no name, the address joins (+12).
    expect(
      await resolve(
        ['a.csv', 'Name,Email\njk@web.example,\n'],
        ['b.csv', 'Name,Email\nJürgen Köhler,jk@web.example\n'],
      ),
    ).toEqual([{ name: 'Jürgen Köhler', groups: ['a', 'b'] }]);
  });

  it('a partial name on a shared address joins only the one person it points to', async () => {
    // Jürgen and Julia Köhler share a family address (different first names: −8, two people).
    // "Köhler" and "J. Köhler" fit both (+4 each, 16 with the address): they join neither, or
    // the two would become one person. "Jürgen K." fits Jürgen only and joins him.
    const family = 'Name,Email\nJürgen Köhler,fam@web.example\nJulia Köhler,fam@web.example\n';
    for (const partial of ['Köhler', 'J. Köhler']) {
      const people = await resolve(
        ['a.csv', family],
        ['b.csv', `Name,Email\n${partial},fam@web.example\n`],
      );
      expect(people, partial).toHaveLength(3);
      expect(people).toContainEqual({ name: partial, groups: ['b'] });
      expect(people).toContainEqual({ name: 'Jürgen Köhler', groups: ['a'] });
      expect(people).toContainEqual({ name: 'Julia Köhler', groups: ['a'] });
    }
    expect(
      await resolve(['a.csv', family], ['b.csv', 'Name,Email\nJürgen K.,fam@web.example\n']),
    ).toEqual([
      { name: 'Jürgen Köhler', groups: ['a', 'b'] },
      { name: 'Julia Köhler', groups: ['a'] },
    ]);
  });

  it('shows the name without a salutation, title or emoji when spellings tie', async () => {
    // One record each: the counts tie, the plain spelling comes first.
    for (const other of ['Herr Jürgen Köhler', 'Dr. Jürgen Köhler', 'Jürgen Köhler 🚀']) {
      const people = await resolve(
        ['a.csv', `Name,Email\n${other},jk@web.example\n`],
        ['b.csv', 'Name,Email\nJürgen Köhler,jk@web.example\n'],
      );
      expect(people, other).toEqual([{ name: 'Jürgen Köhler', groups: ['a', 'b'] }]);
    }
  });

  it('shows a name turned round as the first-name and surname columns write it', async () => {
    // Twice "Zöllgener Jürgen" in Zoom on the same e-mail, once "Jürgen" "Zöllgener" in
    // Eventbrite's columns: the columns say which word is the surname, whatever the counts.
    const people = await resolve(
      ['eb.csv', 'First Name,Last Name,Email\nJürgen,Zöllgener,jz@web.example\n'],
      ['z1.csv', 'Name (Original Name),User Email\nZöllgener Jürgen,jz@web.example\n'],
      ['z2.csv', 'Name (Original Name),User Email\nZöllgener Jürgen,jz@web.example\n'],
    );
    expect(people).toEqual([{ name: 'Jürgen Zöllgener', groups: ['eb', 'z1', 'z2'] }]);
  });

  it('"Jochen Schmidt" is not "Grahhausen Schmidt, Jochen" where "Grahhausen-Schmidt" is written', async () => {
    // The Zoom name parses as jochen + grahhausen (middle) + schmidt, key "jochen schmidt": the
    // Meetup name's key. The inputs also write "Jochen Grahhausen-Schmidt", the Zoom name's
    // double-surname reading, so grahhausen is part of the surname: different names (−8), and
    // the name-only "Jochen Schmidt" has nobody to join. The Zoom row joins Eventbrite on the
    // e-mail (+12) and the double-surname reading (exact).
    const people = await resolve(
      ['eventbrite.csv', 'Name,Email\nJochen Grahhausen-Schmidt,jgs@gmx.example\n'],
      [
        'zoom.csv',
        'Name (Original Name),User Email\n"Grahhausen Schmidt, Jochen",jgs@gmx.example\n',
      ],
      ['meetup.csv', 'Name,User ID\nJochen Schmidt,user 1\n'],
    );
    expect(people).toEqual([
      { name: 'Jochen Grahhausen-Schmidt', groups: ['eventbrite', 'zoom'] },
      { name: 'Jochen Schmidt', groups: ['meetup'] },
    ]);
    // Without the hyphenated spelling the middle word is set aside: "Karl Schmitz" joins the one
    // "Karl Heinz Schmitz".
    expect(
      await resolve(
        ['zoom.csv', 'Name (Original Name),User Email\n"Schmitz, Karl Heinz",kh@web.example\n'],
        ['meetup.csv', 'Name,User ID\nKarl Schmitz,user 2\n'],
      ),
    ).toEqual([{ name: 'Karl Heinz Schmitz', groups: ['meetup', 'zoom'] }]);
  });

  it('a name hyphenated twice meets its spelling with spaces: "Klaus Dieter Lüttelberg Ebbinghaus"', async () => {
    // The Meetup name parses as klaus + dieter, luettelberg (middle) + ebbinghaus, key "klaus
    // ebbinghaus"; the list's as klaus-dieter + luettelberg-ebbinghaus. No key of the one is the
    // other's; both have the words "klaus dieter luettelberg ebbinghaus", a block key because the
    // hyphenated name has it. Read as words they are the same name (exact): the name-only row
    // joins the one person who carries it (the list's row, with a phone).
    const people = await resolve(
      ['liste.csv', 'Name;Telefon\nKlaus-Dieter Lüttelberg-Ebbinghaus;+49 2191 100399\n'],
      ['meetup.csv', 'Name,User ID\nKlaus Dieter Lüttelberg Ebbinghaus,user 7\n'],
    );
    expect(people).toEqual([
      { name: 'Klaus-Dieter Lüttelberg-Ebbinghaus', groups: ['liste', 'meetup'] },
    ]);
  });

  it('"Vierkerbusch Tom" without e-mail joins "Thomas Vierkerbusch"', async () => {
    // Turned round with a short first name: the Zoom guest's block key "thomas vierkerbusch"
    // (the full form of "tom" before the other word) is the Forms name's key. Read turned, the
    // words are [tom, vierkerbusch] against [thomas, vierkerbusch]: Tom = Thomas, the rest equal
    // (swapped). Distinct names vierkerbusch tom, thomas vierkerbusch: E = 1/1000 + 1/1000, odds
    // log2(0.95 / 0.002) = 8.9 ≥ 4.3, one carrier.
    const people = await resolve(
      ['forms.csv', 'Name,Email\nThomas Vierkerbusch,tv@gmail.example\n'],
      ['zoom.csv', 'Name (Original Name),User Email\nVierkerbusch Tom,\n'],
    );
    expect(people).toEqual([{ name: 'Thomas Vierkerbusch', groups: ['forms', 'zoom'] }]);
    // And the other way: "Böhsching Andreas" with e-mail, "Andi Böhsching" without.
    expect(
      await resolve(
        ['zoom.csv', 'Name (Original Name),User Email\nBöhsching Andreas,ab@web.example\n'],
        ['meetup.csv', 'Name,User ID\nAndi Böhsching,user 9\n'],
      ),
    ).toHaveLength(1);
  });

  it('"vom Stein Annette" without e-mail joins "Annette vom Stein"', async () => {
    // The Zoom guest, turned at its particles: "annette vom stein", the other's key. E = 1/1000
    // (vom · annette) + 1/1000 (annette · vom stein) = 0.002, odds 8.9 ≥ 4.3, one carrier.
    const people = await resolve(
      ['eventbrite.csv', 'Name,Email\nAnnette vom Stein,avs@web.example\n'],
      ['zoom.csv', 'Name (Original Name),User Email\nvom Stein Annette,\n'],
    );
    expect(people).toEqual([{ name: 'Annette vom Stein', groups: ['eventbrite', 'zoom'] }]);
  });

  it('"Martin Thomas" stays apart from "Thomas Martin" when both readings are common', async () => {
    // Ten first names Thomas (Thomas Martin and Thomas A1…A9), five surnames Martin (Thomas
    // Martin and four more), and Martin a first name of others too (Martin Abel, Martin Bauer):
    // distinct names 17, first names Thomas 10 and Martin 3 (with "Martin Thomas" itself),
    // surnames Martin 5 and Thomas 1. E = 10·5/1000 + 3·1/1000 = 0.053, odds log2(0.95 / 0.053)
    // = 4.16 < 4.3: the list's "Martin Thomas" joins nobody.
    const keyed = ['Thomas Martin,tm@web.example', 'Martin Abel,ma@web.example'];
    keyed.push('Martin Bauer,mb@web.example');
    for (let i = 1; i <= 9; i++) keyed.push(`Thomas A${'bcdefghij'[i - 1]}mann,t${i}@web.example`);
    for (let i = 1; i <= 4; i++)
      keyed.push(`${['Ute', 'Eva', 'Ida', 'Kai'][i - 1]} Martin,m${i}@web.example`);
    const people = await resolve(
      ['eventbrite.csv', `Name,Email\n${keyed.join('\n')}\n`],
      ['liste.csv', 'Name;Firma\nMartin Thomas;Werkstatt\n'],
    );
    expect(people.filter((p) => p.name === 'Thomas Martin' || p.name === 'Martin Thomas')).toEqual([
      { name: 'Martin Thomas', groups: ['liste'] },
      { name: 'Thomas Martin', groups: ['eventbrite'] },
    ]);
  });

  it('"Müller Thomas" without e-mail joins the one Thomas Müller where Müller is no first name', async () => {
    // Ten Thomases (Thomas Müller and nine more), five Müllers: the two readings together
    // E = 10·5/1000 + 1·1/1000 = 0.051, 4.22 bits < 4.3, and the Zoom guest stayed apart. But no
    // name of the inputs besides the guest's own has the first name Müller, and Thomas is one:
    // written so, it is a surname first, and it joins as the same name would (one carrier).
    // Shown as written in Eventbrite's first-name and surname columns.
    const keyed = ['Thomas,Müller,tm@web.example'];
    for (let i = 1; i <= 9; i++) keyed.push(`Thomas,A${'bcdefghij'[i - 1]}mann,t${i}@web.example`);
    for (let i = 1; i <= 4; i++)
      keyed.push(`${['Ute', 'Eva', 'Ida', 'Kai'][i - 1]},Müller,m${i}@web.example`);
    const zoom = 'Name (Original Name),User Email\nMüller Thomas,\n';
    const eventbrite = (rows: string[]) => `First Name,Last Name,Email\n${rows.join('\n')}\n`;
    const people = await resolve(['eventbrite.csv', eventbrite(keyed)], ['zoom.csv', zoom]);
    expect(people.filter((p) => p.name.includes('Thomas') && p.name.includes('Müller'))).toEqual([
      { name: 'Thomas Müller', groups: ['eventbrite', 'zoom'] },
    ]);
    // With a second Thomas Müller (another e-mail) nobody can tell which: it stays apart.
    const two = await resolve(
      ['eventbrite.csv', eventbrite([...keyed, 'Thomas,Müller,t2@web.example'])],
      ['zoom.csv', zoom],
    );
    expect(two.filter((p) => p.groups.includes('zoom'))).toEqual([
      { name: 'Müller Thomas', groups: ['zoom'] },
    ]);
  });

  it('an address with its display name, two in one cell and a birth name join what they name', async () => {
    // "Hans Müller <…>" is the address inside the brackets: the same key as the other list's
    // (case folded), one person. The other list's cell holds that address and a second one: the
    // record carries both, and joins by the first. "Anna Schmidt geb. Müller" is "Anna Schmidt":
    // the list's row without e-mail joins its only carrier. Names in capitals lose a tie.
    const people = await resolve(
      [
        'a.csv',
        'Name;E-Mail\nHans Müller;"Hans Müller <Hans.Mueller@web.example>"\nAnna Schmidt geb. Müller;anna@gmx.example\n',
      ],
      [
        'b.csv',
        'Name;E-Mail\nMÜLLER, HANS;hans.mueller@web.example; h.m@firma.example\nAnna Schmidt;\n',
      ],
    );
    expect(people).toEqual([
      { name: 'Anna Schmidt geb. Müller', groups: ['a', 'b'] },
      { name: 'Hans Müller', groups: ['a', 'b'] },
    ]);
  });

  it('Zoom guests with pronouns, a company or a renamed display name join their registrations', async () => {
    // Folded without their additions the three Zoom names are the registrations' names: each
    // joins the one person with e-mail who carries it (the exact-name rule).
    const people = await resolve(
      [
        'eventbrite.csv',
        'First Name,Last Name,Email\nAnke,Büscher,anke@x.example\nJan,Peters,jan@x.example\nLena,Vogt,lena@x.example\n',
      ],
      [
        'zoom.csv',
        'Name (Original Name),User Email\nAnke (Anke Büscher),\nJan Peters (Stadtwerke Solingen),\nLena Vogt | Makerspace,\n',
      ],
    );
    expect(people).toEqual([
      { name: 'Anke Büscher', groups: ['eventbrite', 'zoom'] },
      { name: 'Jan Peters', groups: ['eventbrite', 'zoom'] },
      { name: 'Lena Vogt', groups: ['eventbrite', 'zoom'] },
    ]);
  });

  it('a Zoom guest "Jan Peters [Stadtwerke Solingen]" joins the Jan Peters at that company', async () => {
    // Two Jan Peters with e-mail, at Stadtwerke Solingen and at Peters Consulting. The guest's
    // name alone fits both: it waits. The company its display name adds is the first one's:
    // name (E = 1 · 1 / 1000, 9.9 bits) + company 3 = 12.9 ≥ 10 joins them; the second stays
    // apart (its pair with the guest, 9.9, is no more than the name, which two people carry).
    const forms = [
      'Vorname,Nachname,E-Mail,Firma',
      'Jan,Peters,jan.peters@stadtwerke.example,Stadtwerke Solingen GmbH',
      'Jan,Peters,jp@consulting.example,Peters Consulting',
    ].join('\n');
    const groupsOf = async (guest: string) =>
      (
        await readAndResolve([memory('forms.csv', forms), memory('zoom.csv', `Name\n${guest}\n`)])
      ).people
        .map((p) => `${p.emails.join('+') || '-'} ${p.groups.join('+')}`)
        .sort();
    expect(await groupsOf('Jan Peters [Stadtwerke Solingen]')).toEqual([
      'jan.peters@stadtwerke.example forms+zoom',
      'jp@consulting.example forms',
    ]);
    expect(await groupsOf('Jan Peters | Peters Consulting')).toEqual([
      'jan.peters@stadtwerke.example forms',
      'jp@consulting.example forms+zoom',
    ]);
    // Without the addition nothing tells which Jan Peters came.
    expect(await groupsOf('Jan Peters (er/ihm)')).toEqual([
      '- zoom',
      'jan.peters@stadtwerke.example forms',
      'jp@consulting.example forms',
    ]);
  });

  it('"Köhler, Jürgen" without e-mail is "Jürgen Köhler"', async () => {
    expect(
      await resolve(
        ['a.csv', 'Name,Email\nJürgen Köhler,j@k.example\n'],
        ['teams.csv', 'Teilnehmer\n"Köhler, Jürgen"\n'],
      ),
    ).toEqual([{ name: 'Jürgen Köhler', groups: ['a', 'teams'] }]);
  });

  it('J.Doe+x@googlemail.com and jdoe@gmail.com are one mailbox', async () => {
    expect(
      await resolve(
        ['a.csv', 'Name,Email\nJohn Doe,J.Doe+x@googlemail.com\n'],
        ['b.csv', 'Name,Email\nJohn Doe,jdoe@gmail.com\n'],
      ),
    ).toHaveLength(1);
  });

  it('"Jürgen K." on Meetup joins "Jürgen Köhler" when nothing else competes', async () => {
    const meetup = 'Name\tUser ID\tRSVP\nJürgen K.\tuser 1\tYes\n';
    expect(
      await resolve(['a.csv', 'Name,Email\nJürgen Köhler,j@k.example\n'], ['m.tsv', meetup]),
    ).toHaveLength(1);
  });

  it('"Jürgen K." stays alone when a Jürgen Kaiser competes', async () => {
    const meetup = 'Name\tUser ID\tRSVP\nJürgen K.\tuser 1\tYes\n';
    const people = await resolve(
      ['a.csv', 'Name,Email\nJürgen Köhler,j@k.example\nJürgen Kaiser,jk@kaiser.example\n'],
      ['m.tsv', meetup],
    );
    expect(people).toHaveLength(3);
  });

  it("a guest ticket on the buyer's e-mail with another name is another person", async () => {
    const people = await resolve([
      'eb.csv',
      'First Name,Last Name,Email\nHeike,Haßelkus,h@kultur.example\nJürgen,Köhler,h@kultur.example\n',
    ]);
    expect(people.map((p) => p.name)).toEqual(['Heike Haßelkus', 'Jürgen Köhler']);
  });

  it('two Meetup accounts with the same name stay two', async () => {
    const meetup = 'Name\tUser ID\tRSVP\nAnke B.\tuser 1\tYes\nAnke B.\tuser 2\tYes\n';
    expect(await resolve(['m.tsv', meetup])).toHaveLength(2);
  });

  it('a second e-mail joins when the phone agrees too', async () => {
    const people = await resolve(
      ['a.csv', 'Name,Email,Telefon\nFriedhelm vom Stein,f@stein.example,02191 / 46 30 01\n'],
      [
        'b.csv',
        'Name,Email,Telefon\nFriedhelm vom Stein,friedhelm@privat.example,+49 2191 463001\n',
      ],
    );
    expect(people).toHaveLength(1);
  });

  it('a second e-mail joins on a rare name when the company agrees, not on the name alone', async () => {
    // E("Friedhelm vom Stein") = 1 · 1 / 1000 (population floor) → log2(0.95 / 0.001) = 9.9 bits;
    // different e-mails −3 → 6.9; the name alone is never enough (DESIGN.md), the same company is.
    const a = 'Name,Email,Firma\nFriedhelm vom Stein,f@stein.example,Stein GmbH\n';
    const withCompany = 'Name,Email,Firma\nFriedhelm vom Stein,friedhelm@privat.example,Stein\n';
    const without = 'Name,Email,Firma\nFriedhelm vom Stein,friedhelm@privat.example,\n';
    expect(await resolve(['a.csv', a], ['b.csv', withCompany])).toHaveLength(1);
    expect(await resolve(['a.csv', a], ['b.csv', without])).toHaveLength(2);
  });

  it('a short first name is the full one: "Tom Müller" (no e-mail) joins "Thomas Müller"', async () => {
    expect(
      await resolve(
        ['a.csv', 'Name,Email\nThomas Müller,t.mueller@dach.example\n'],
        ['zoom.csv', 'Teilnehmer\nTom Müller\n'],
      ),
    ).toEqual([{ name: 'Thomas Müller', groups: ['a', 'zoom'] }]);
  });

  it('a typing error with the same e-mail is one person; "Andi Mlüler" is Andreas Müller', async () => {
    // Same e-mail +12; surnames "mlueler" / "mueller" have Jaro–Winkler ≥ 0.88 under compatible
    // first names (Andi = Andreas), so the name is close (+2) instead of different (−8).
    expect(
      await resolve(
        ['a.csv', 'Name,Email\nAndreas Müller,a.mueller@dach.example\n'],
        ['b.csv', 'Name,Email\nAndi Mlüler,a.mueller@dach.example\n'],
      ),
    ).toHaveLength(1);
  });

  it('"Doris S." joins the one Doris S… present however common Doris and S are', async () => {
    // 8 people named Doris (one of them Doris Schmitz) and 7 surnames with S. By chance
    // E = 8 · 7 / 1000 = 0.056 people would be called "Doris S…" (4.08 bits, below the 4.3 a
    // name join needs), but the initial says no more than which people present it fits: Doris
    // Schmitz alone fits it, so nothing competes and it joins her.
    const list = (dorises: number, extra: string[] = []) =>
      [
        'Name,Email',
        'Doris Schmitz,ds@x.example',
        ...['Sauer', 'Seidel', 'Sommer', 'Stark', 'Sturm', 'Sander'].map(
          (last, i) => `Peter ${last},p${i}@x.example`,
        ),
        ...['Abel', 'Bauer', 'Claus', 'Dietz', 'Ernst', 'Fuchs', 'Graf']
          .slice(0, dorises - 1)
          .map((last, i) => `Doris ${last},d${i}@x.example`),
        ...extra,
      ].join('\n');
    const meetup = 'Name\tUser ID\tRSVP\nDoris S.\tuser 1\tYes\n';
    const joined = await resolve(['a.csv', list(8)], ['m.tsv', meetup]);
    expect(joined.filter((p) => p.groups.includes('m'))).toEqual([
      { name: 'Doris Schmitz', groups: ['a', 'm'] },
    ]);
    // A second Doris S… with a full name, even one without e-mail, competes: it waits.
    const two = await resolve(['a.csv', list(8, ['Doris Sommer,'])], ['m.tsv', meetup]);
    expect(two.filter((p) => p.groups.includes('m'))).toEqual([
      { name: 'Doris S.', groups: ['m'] },
    ]);
  });

  it('"Doris S." on two Meetup accounts: neither can be told to be Doris Schmitz', async () => {
    // user 1 and user 2 are two people ("two Meetup accounts with the same name stay two"); only
    // one of them can be Doris Schmitz, and nothing says which.
    const meetup = 'Name\tUser ID\tRSVP\nDoris S.\tuser 1\tYes\nDoris S.\tuser 2\tYes\n';
    const people = await resolve(
      ['a.csv', 'Name,Email\nDoris Schmitz,ds@x.example\n'],
      ['m.tsv', meetup],
    );
    expect(people).toEqual([
      { name: 'Doris S.', groups: ['m'] },
      { name: 'Doris S.', groups: ['m'] },
      { name: 'Doris Schmitz', groups: ['a'] },
    ]);
    // The same account at two events is one person, and joins her.
    const same = 'Name\tUser ID\tRSVP\nDoris S.\tuser 1\tYes\n';
    const events = await resolve(
      ['a.csv', 'Name,Email\nDoris Schmitz,ds@x.example\n'],
      ['m1.tsv', same],
      ['m2.tsv', same],
    );
    expect(events).toEqual([{ name: 'Doris Schmitz', groups: ['a', 'm1', 'm2'] }]);
  });

  it('a registration "Jürgen K." with e-mail competes for a Meetup "Jürgen K." too', async () => {
    // The Meetup "Jürgen K." may be the registration's Jürgen K. (the same name as written) or
    // Jürgen Köhler (whom the initial fits, E = 1 · 1 / 1000: 9.9 bits): two people, it waits
    // for review. Whether the registration is Jürgen Köhler (another e-mail, a partial name)
    // nothing says either.
    const people = await resolve(
      ['a.csv', 'Name,Email\nJürgen Köhler,jk@x.example\n'],
      ['eb.csv', 'Name,Email\nJürgen K.,jk2@y.example\n'],
      ['m.tsv', 'Name\tUser ID\tRSVP\nJürgen K.\tuser 1\tYes\n'],
    );
    expect(people).toEqual([
      { name: 'Jürgen K.', groups: ['m'] },
      { name: 'Jürgen K.', groups: ['eb'] },
      { name: 'Jürgen Köhler', groups: ['a'] },
    ]);
  });

  it('an account whose full name is known does not join another person by its initial', async () => {
    // Meetup user 1 wrote "Lutz Quabelke" once and "Lutz Q." once: one person, Lutz Quabelke,
    // with no e-mail. "Lutz Q." fits Lutz Quabkamp too, but its account is Lutz Quabelke's.
    const meetup = 'Name\tUser ID\tRSVP\nLutz Quabelke\tuser 1\tYes\nLutz Q.\tuser 1\tYes\n';
    const people = await resolve(
      ['a.csv', 'Name,Email\nLutz Quabkamp,lq@x.example\n'],
      ['m.tsv', meetup],
    );
    expect(people).toEqual([
      { name: 'Lutz Quabelke', groups: ['m'] },
      { name: 'Lutz Quabkamp', groups: ['a'] },
    ]);
  });

  it('of two "Anke Osenler" with e-mail, a guest without one joins the one at her company', async () => {
    // Two people carry "Anke Osenler" with different e-mails (other user names): a record without
    // e-mail that says only the name waits, nobody can tell which. Four Ankes and three Osenlers
    // make the name common enough that name and company do not reach the merge threshold
    // together: E = 4 · 3 / 1000 = 0.012, log2(0.95 / 0.012) = 6.3 bits, + company 3 = 9.3 < 10.
    // The Excel row says Firma 1 GmbH, and so does the first one's form: she is the one at that
    // company. The second Anke Osenler is not brought along by the guest's name: two people with
    // e-mail join only on evidence besides a name, and a guest's name is no such evidence.
    const forms = (second: string) =>
      [
        'Name,Email,Firma',
        'Anke Osenler,anke.osenler@web.example,Firma 1 GmbH',
        `Anke Osenler,a.o@posteo.example,${second}`,
        'Anke Abel,aa@x.example,',
        'Anke Bauer,ab@x.example,',
        'Anke Claus,ac@x.example,',
        'Peter Osenler,po@x.example,',
        'Jan Osenler,jo@x.example,',
      ].join('\n');
    const excel = (firma: string) =>
      `Anrede;Titel;Vorname;Nachname;E-Mail;Telefon;Firma\n;;Anke;Osenler;;;${firma}\n`;
    const osenlers = async (second: string, firma: string) => {
      const { people, merges } = await readAndResolve([
        memory('f.csv', forms(second)),
        memory('x.csv', excel(firma)),
      ]);
      return {
        people: people
          .filter((p) => p.name === 'Anke Osenler')
          .map((p) => `${p.emails.join('+') || '-'} ${p.records.length}`)
          .sort(),
        rules: merges.map((m) => m.rule),
      };
    };
    expect(await osenlers('', 'Firma 1 GmbH')).toEqual({
      people: ['a.o@posteo.example 1', 'anke.osenler@web.example 2'],
      rules: ['name-company'],
    });
    // Another company, or none: nothing tells which Anke Osenler the row is; it stays alone.
    for (const firma of ['Stein GmbH', ''])
      expect((await osenlers('', firma)).people).toEqual([
        '- 1',
        'a.o@posteo.example 1',
        'anke.osenler@web.example 1',
      ]);
  });

  it('a double first name with or without its hyphen fits its surname initial', async () => {
    // "Karl Heinz W." (Meetup, no e-mail) is first name Karl-Heinz, surname initial W: the one
    // person present it fits is Karl-Heinz Wagner (the initial rule); "Hans-Peter D." likewise
    // fits "Hans Peter Dahl" and nobody else. Before, neither fitting was seen: "karl" is not
    // "karl-heinz".
    const people = await resolve(
      ['a.csv', 'Name,Email\nKarl-Heinz Wagner,khw@x.example\nHans Peter Dahl,hpd@x.example\n'],
      ['m.tsv', 'Name\tUser ID\tRSVP\nKarl Heinz W.\tuser 1\tYes\nHans-Peter D.\tuser 2\tYes\n'],
    );
    expect(people).toEqual([
      { name: 'Hans Peter Dahl', groups: ['a', 'm'] },
      { name: 'Karl-Heinz Wagner', groups: ['a', 'm'] },
    ]);
    // A second Hans-Peter D… competes: "Hans-Peter D." waits.
    const two = await resolve(
      ['a.csv', 'Name,Email\nHans Peter Dahl,hpd@x.example\nHans-Peter Dörr,hpdoerr@x.example\n'],
      ['m.tsv', 'Name\tUser ID\tRSVP\nHans-Peter D.\tuser 2\tYes\n'],
    );
    expect(two.filter((p) => p.groups.includes('m'))).toEqual([
      { name: 'Hans-Peter D.', groups: ['m'] },
    ]);
    // One Meetup account that wrote "Hans-Jürgen H." at one group and "Hans Jürgen Holtenfeld"
    // at another: the same id (+12) and a name that fits (+4), not a different name (−8).
    const one = 'Name\tUser ID\tRSVP\nHans-Jürgen H.\tuser 7\tYes\n';
    const other = 'Name\tUser ID\tRSVP\nHans Jürgen Holtenfeld\tuser 7\tYes\n';
    const { people: account, review } = await readAndResolve([
      memory('m1.tsv', one),
      memory('m2.tsv', other),
    ]);
    expect(account).toHaveLength(1);
    expect(review).toEqual([]);
  });

  it("a person's own records without e-mail do not make their name common", async () => {
    // 20 Andreas with distinct surnames, one of them Andreas Kottesdorf, who also came as a Meetup
    // member and as a guest without e-mail. Counted per distinct full name: Andreas 20,
    // Kottesdorf 1 → E = 20 · 1 / 1000 = 0.02, log2(0.95 / 0.02) = 5.57 bits ≥ 4.3: "Andi
    // Kottesdorf" joins him. Counted per e-mail, account and guest row (as before), Kottesdorf
    // would count 3 and Andreas 22: E = 0.066, 3.85 bits, and the guest would stay alone.
    const others = ['Abel', 'Bauer', 'Claus', 'Dietz', 'Ernst', 'Fuchs', 'Graf', 'Hahn', 'Iske']
      .concat(['Jung', 'Kern', 'Lang', 'Mohr', 'Nagel', 'Ott', 'Pohl', 'Quast', 'Roth', 'Seitz'])
      .map((last, i) => `Andreas ${last},a${i}@x.example`);
    const people = await resolve(
      ['a.csv', ['Name,Email', 'Andreas Kottesdorf,ak@x.example', ...others].join('\n')],
      ['m.tsv', 'Name\tUser ID\tRSVP\nAndreas Kottesdorf\tuser 5\tYes\n'],
      ['c.csv', 'Name,Email\n"Kottesdorf, Andreas",\nAndi Kottesdorf,\n'],
    );
    expect(people.filter((p) => p.name.includes('Kottesdorf'))).toEqual([
      { name: 'Andreas Kottesdorf', groups: ['a', 'c', 'm'] },
    ]);
  });
});

describe('name frequency', () => {
  it('expects chance carriers from first-name and surname counts over distinct full names', () => {
    // Distinct full names: Thomas Müller, Thomas Weber, Anke Müller. The repeated Thomas Müller
    // (a second e-mail, a Zoom guest row of the same person) counts once, and the initial-only and
    // first-name-only records not at all.
    const freq = nameFrequency(
      [
        'Thomas Müller',
        'Thomas Müller',
        'Müller, Thomas',
        'Thomas Weber',
        'Anke Müller',
        'Thomas M.',
        'Thomas',
      ].map((name) => parseName(name)),
    );
    expect(freq.names).toBe(1000);
    // Thomas: 2 names, Müller: 2 → 2 · 2 / max(1000, 3) = 0.004.
    expect(freq.expectedCarriers(parseName('Thomas Müller'))).toBeCloseTo(0.004, 10);
    // Anke: 1, Weber: 1 → 0.001; an unseen name counts as 1 · 1.
    expect(freq.expectedCarriers(parseName('Anke Weber'))).toBeCloseTo(0.001, 10);
    expect(freq.expectedCarriers(parseName('Zoë Quabeck'))).toBeCloseTo(0.001, 10);
    // "Thomas M.": Thomas 2, surnames with M 2 (Müller in two names) → 0.004.
    expect(freq.expectedWithInitial(parseName('Thomas M.'))).toBeCloseTo(0.004, 10);
    expect(freq.expectedWithFirst(parseName('Thomas'))).toBe(2);
  });

  it('knows a word as a first name when a name other than the one asked about has it', () => {
    // Distinct full names: jürgen zöllgener, zöllgener jürgen (a surname first), jürgen abel.
    const names = ['Jürgen Zöllgener', 'Zöllgener Jürgen', 'Jürgen Abel'].map((n) => parseName(n));
    const freq = nameFrequency(names);
    const turned = names[1] as ReturnType<typeof parseName>;
    // "zoellgener" is the first name of the turned name only; "juergen" of two others.
    expect(freq.knowsFirst('zoellgener', turned)).toBe(false);
    expect(freq.knowsFirst('juergen', turned)).toBe(true);
    expect(freq.knowsFirst('zoellgener', names[0] as ReturnType<typeof parseName>)).toBe(true);
    expect(freq.knowsFirst('abel', turned)).toBe(false);
  });

  it('counts over at least the population floor, and over every distinct name above it', () => {
    // 1,500 distinct surnames, each with Anna: Anna 1,500, Anna Name7 1 → 1,500 · 1 / 1,500 = 1.
    const freq = nameFrequency(Array.from({ length: 1500 }, (_, i) => parseName(`Anna Name${i}`)));
    expect(freq.names).toBe(1500);
    expect(freq.expectedCarriers(parseName('Anna Name7'))).toBeCloseTo(1, 10);
  });

  it('treats short first names as their full forms', () => {
    expect(sameFirstName('tom', 'thomas')).toBe(true);
    expect(sameFirstName('alex', 'alexandra')).toBe(true);
    expect(sameFirstName('chris', 'christina')).toBe(true);
    expect(sameFirstName('christian', 'christina')).toBe(false);
    // German short forms that are rarely names of their own: Kalle, Moni, Uschi, Rudi.
    expect(sameFirstName('kalle', 'karl')).toBe(true);
    expect(sameFirstName('moni', 'monika')).toBe(true);
    expect(sameFirstName('uschi', 'ursula')).toBe(true);
    expect(sameFirstName('rudi', 'rudolf')).toBe(true);
    expect(sameFirstName('kalle', 'karla')).toBe(false);
    expect(fullFirstNames('andi')).toEqual(['andreas', 'andrea']);
  });
});

describe('pair order', () => {
  it('is the comparator order: weight descending, then first and second record ascending', () => {
    // Worked example: weights [4, 12, 4, -0, 0, 12] on pairs (2,5) (1,3) (0,7) (4,6) (1,2) (0,9):
    // 12s first by first record: k=5 (0,9), k=1 (1,3); then the 4s: k=2 (0,7), k=0 (2,5); then
    // 0 and -0 as ties: k=4 (1,2), k=3 (4,6).
    const order = strongestFirst([4, 12, 4, -0, 0, 12], [2, 1, 0, 4, 1, 0], [5, 3, 7, 6, 2, 9], 10);
    expect([...order]).toEqual([5, 1, 2, 0, 4, 3]);
  });

  it('agrees with a comparator sort on generated pairs', () => {
    const pair = fc.record({
      weight: fc.oneof(
        fc.constantFrom(-8, -3, 0, -0, 4, 10, 12, 15.2),
        fc.double({ min: -20, max: 30, noNaN: true }),
      ),
      a: fc.nat(30),
      b: fc.nat(30),
    });
    fc.assert(
      fc.property(fc.array(pair, { maxLength: 200 }), (pairs) => {
        const weight = pairs.map((p) => p.weight);
        const first = pairs.map((p) => p.a);
        const second = pairs.map((p) => p.b);
        const expected = pairs
          .map((_, k) => k)
          .sort(
            (x, y) =>
              (weight[y] as number) - (weight[x] as number) ||
              (first[x] as number) - (first[y] as number) ||
              (second[x] as number) - (second[y] as number) ||
              x - y,
          );
        expect([...strongestFirst(weight, first, second, 31)]).toEqual(expected);
      }),
      { numRuns: 500, seed: 20261126 },
    );
  });
});
