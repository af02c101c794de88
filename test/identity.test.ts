// Identity resolution (--match fuzzy, the default): each normalisation rule, and scenarios with
// the merges and non-merges they must give.
import { describe, expect, it } from 'vitest';
import { readAndResolve } from '../src/analyze.js';
import { parseName } from '../src/resolve/names.js';
import {
  dropTitles,
  emailKey,
  foldAccents,
  nameKey,
  personOfDevice,
  phoneKey,
} from '../src/resolve/normalize.js';
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
});
