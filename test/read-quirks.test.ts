// One fixture per real-export quirk (test/fixtures/read/, in their true bytes), each with the
// records written out by hand: [line, name, e-mails, status, role, event label, date].
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSource } from '../src/read/source.js';
import { ROOT } from './helpers/sources.js';

const DIR = join(ROOT, 'test', 'fixtures', 'read');

async function read(name: string) {
  return readSource({ name, bytes: new Uint8Array(readFileSync(join(DIR, name))) }, 0);
}

type Row = [number, string | undefined, string[], string, string, string, string?];

async function expectRecords(name: string, summary: Record<string, unknown>, rows: Row[]) {
  const result = await read(name);
  const s = result.summary;
  expect({
    profile: s.profile,
    encoding: s.encoding,
    delimiter: s.delimiter,
    rows: s.rows,
    records: s.records,
    skipped: s.skipped,
    blank: s.blank,
  }).toEqual(summary);
  expect(
    result.records.map((r) => [r.line, r.name, r.emails, r.status, r.role, r.eventLabel, r.date]),
  ).toEqual(rows.map(([line, n, e, st, role, label, date]) => [line, n, e, st, role, label, date]));
  return result;
}

describe('German Excel', () => {
  it('reads a Windows-1252 ; list with „quotes“, € and a Titel column kept out of the name', async () => {
    const r = await expectRecords(
      'excel-semicolon-windows-1252.csv',
      {
        profile: 'generic',
        encoding: 'windows-1252',
        delimiter: ';',
        rows: 3,
        records: 3,
        skipped: 0,
        blank: 0,
      },
      [
        [
          2,
          'Anke Büscher',
          ['a.buescher@klingenstadt.example'],
          'listed',
          'attendee',
          'excel-semicolon-windows-1252',
        ],
        [
          3,
          'Jürgen Köhler',
          ['j.koehler@kw.example'],
          'listed',
          'attendee',
          'excel-semicolon-windows-1252',
        ],
        [4, 'Heike Haßelkus', [], 'listed', 'attendee', 'excel-semicolon-windows-1252'],
      ],
    );
    expect(r.records[1]?.company).toBe('Bäckerei „Zum Kotten“ – 5 € Frühstück');
  });

  it('reads "CSV UTF-8" with BOM; an all-empty row is blank', async () => {
    await expectRecords(
      'excel-utf8-bom-semicolon.csv',
      {
        profile: 'generic',
        encoding: 'utf-8-bom',
        delimiter: ';',
        rows: 3,
        records: 2,
        skipped: 0,
        blank: 1,
      },
      [
        [
          2,
          'Gül Öztürk',
          ['g.oeztuerk@wupper.example'],
          'listed',
          'attendee',
          'excel-utf8-bom-semicolon',
        ],
        [4, 'Ülle Çelik', [], 'listed', 'attendee', 'excel-utf8-bom-semicolon'],
      ],
    );
  });

  it('honours sep=; and keeps physical line numbers', async () => {
    await expectRecords(
      'excel-sep-line.csv',
      {
        profile: 'generic',
        encoding: 'utf-8',
        delimiter: ';',
        rows: 2,
        records: 2,
        skipped: 0,
        blank: 0,
      },
      [
        [3, 'Anke Büscher', ['a@x.example'], 'listed', 'attendee', 'excel-sep-line'],
        [4, 'Sven Rautenbach', ['s@x.example'], 'listed', 'attendee', 'excel-sep-line'],
      ],
    );
  });

  it('reads Anrede/Titel columns and a German status column', async () => {
    await expectRecords(
      'anrede-titel-columns.csv',
      {
        profile: 'generic',
        encoding: 'utf-8',
        delimiter: ';',
        rows: 2,
        records: 2,
        skipped: 0,
        blank: 0,
      },
      [
        [2, 'Anke Büscher', ['a@x.example'], 'registered', 'attendee', 'anrede-titel-columns'],
        [
          3,
          'Heinz Müller-Lüdenscheidt',
          ['h@x.example'],
          'declined',
          'attendee',
          'anrede-titel-columns',
        ],
      ],
    );
  });

  it('keeps "Nachname, Vorname" whole under a lone Teilnehmer column', async () => {
    await expectRecords(
      'teilnehmer-nachname-vorname.csv',
      {
        profile: 'generic',
        encoding: 'utf-8-bom',
        delimiter: ';',
        rows: 3,
        records: 3,
        skipped: 0,
        blank: 0,
      },
      [
        [2, 'Köhler, Jürgen', [], 'listed', 'attendee', 'teilnehmer-nachname-vorname'],
        [3, 'Büscher, Anke', [], 'listed', 'attendee', 'teilnehmer-nachname-vorname'],
        [4, 'vom Stein, Friedhelm', [], 'listed', 'attendee', 'teilnehmer-nachname-vorname'],
      ],
    );
  });
});

describe('platform exports', () => {
  it('Meetup attendee list: TAB, host, RSVP No → declined, Attendance Y → attended, user ids', async () => {
    const r = await expectRecords(
      'meetup-attendee-list.tsv',
      {
        profile: 'meetup',
        encoding: 'utf-8',
        delimiter: '\t',
        rows: 3,
        records: 3,
        skipped: 0,
        blank: 0,
      },
      [
        [2, 'Anke Büscher', [], 'attended', 'host', 'meetup-attendee-list'],
        [3, 'Jürgen K.', [], 'registered', 'attendee', 'meetup-attendee-list'],
        [4, 'Sven R.', [], 'declined', 'attendee', 'meetup-attendee-list'],
      ],
    );
    expect(r.records.map((x) => x.platformId)).toEqual([
      'meetup:190055817',
      'meetup:281734552',
      'meetup:338120946',
    ]);
    expect(r.summary.hasAttendance).toBe(true);
  });

  it('Meetup member list: listed members with their ids, the Title column not taken as a degree', async () => {
    const r = await expectRecords(
      'meetup-member-list.csv',
      {
        profile: 'meetup-members',
        encoding: 'utf-8',
        delimiter: ',',
        rows: 2,
        records: 2,
        skipped: 0,
        blank: 0,
      },
      [
        [2, 'Anke Büscher', [], 'listed', 'attendee', 'meetup-member-list'],
        [3, 'Jürgen K.', [], 'listed', 'attendee', 'meetup-member-list'],
      ],
    );
    expect(r.records[0]?.platformId).toBe('meetup:190055817');
  });

  it('Eventbrite UK headers: Surname, Order no.; Checked In → attended, Not Attending → cancelled', async () => {
    const r = await expectRecords(
      'eventbrite-uk-attendees.csv',
      {
        profile: 'eventbrite',
        encoding: 'utf-8',
        delimiter: ',',
        rows: 3,
        records: 3,
        skipped: 0,
        blank: 0,
      },
      [
        [
          2,
          'Heike Haßelkus',
          ['heike.hasselkus@kultur.example'],
          'attended',
          'attendee',
          'eventbrite-uk-attendees',
        ],
        // A guest ticket on the buyer's e-mail: one row per ticket, the guest's own name.
        [
          3,
          'Jürgen Köhler',
          ['heike.hasselkus@kultur.example'],
          'registered',
          'attendee',
          'eventbrite-uk-attendees',
        ],
        [
          4,
          'Anke Büscher',
          ['a.buescher@klingenstadt.example'],
          'cancelled',
          'attendee',
          'eventbrite-uk-attendees',
        ],
      ],
    );
    expect(r.records[0]?.phone).toBe('+49 2191 123456');
  });

  it('Luma guests: BOM, CRLF, event and group from the file name, checked_in_at, pending_approval', async () => {
    const r = await expectRecords(
      'Bergisch Founders Night - Guests - 2025-03-13-21-04-55.csv',
      {
        profile: 'luma',
        encoding: 'utf-8-bom',
        delimiter: ',',
        rows: 3,
        records: 3,
        skipped: 0,
        blank: 0,
      },
      [
        [
          2,
          'Juergen Koehler',
          ['JuergenKoehler.Fixture+luma@gmail.com'],
          'attended',
          'attendee',
          'Bergisch Founders Night',
        ],
        [
          3,
          'Anke Buescher',
          ['A.Buescher@Klingenstadt-Consulting.example'],
          'registered',
          'attendee',
          'Bergisch Founders Night',
        ],
        [
          4,
          'Sven Rautenbach',
          ['s.rautenbach@wupperwerk.example'],
          'waitlist',
          'attendee',
          'Bergisch Founders Night',
        ],
      ],
    );
    expect(r.summary.group).toBe('Bergisch Founders Night');
  });

  it('Google Forms, English sheet with every field quoted', async () => {
    await expectRecords(
      'google-forms-english.csv',
      {
        profile: 'google-forms',
        encoding: 'utf-8',
        delimiter: ',',
        rows: 2,
        records: 2,
        skipped: 0,
        blank: 0,
      },
      [
        [
          2,
          'Anke Büscher',
          ['anke@klingenstadt.example'],
          'listed',
          'attendee',
          'google-forms-english',
        ],
        [3, 'Jürgen Köhler', ['jk@kw.example'], 'listed', 'attendee', 'google-forms-english'],
      ],
    );
  });

  it('Google Forms, German sheet: the Zeitstempel is a registration time, not an event date', async () => {
    await expectRecords(
      'google-forms-german.csv',
      {
        profile: 'google-forms',
        encoding: 'utf-8',
        delimiter: ',',
        rows: 3,
        records: 3,
        skipped: 0,
        blank: 0,
      },
      [
        [
          2,
          'Jürgen Köhler',
          ['juergen.koehler.fixture@gmail.com'],
          'listed',
          'attendee',
          'google-forms-german',
        ],
        [
          3,
          'Anke Büscher',
          ['a.buescher@klingenstadt-consulting.example'],
          'listed',
          'attendee',
          'google-forms-german',
        ],
        [
          4,
          'Friedhelm vom Stein',
          ['f.vomstein@bergbahn-werkstatt.example'],
          'listed',
          'attendee',
          'google-forms-german',
        ],
      ],
    );
  });

  it('Zoom webinar report: preamble, host section, an empty panelist section, re-joins, a no-show', async () => {
    const event = 'Repair-Café Online: Löten für Anfänger';
    await expectRecords(
      'zoom-webinar-attendee-report.csv',
      {
        profile: 'zoom-webinar',
        encoding: 'utf-8',
        delimiter: ',',
        rows: 5,
        records: 5,
        skipped: 0,
        blank: 0,
      },
      [
        [
          7,
          'Ute Wüstenhöfer',
          ['u.wuestenhoefer@repair.example'],
          'attended',
          'host',
          event,
          '2025-02-06',
        ],
        [12, 'Kai Dahlhaus', ['kai@dahlhaus.example'], 'attended', 'attendee', event, '2025-02-06'],
        [13, 'Kai Dahlhaus', ['kai@dahlhaus.example'], 'attended', 'attendee', event, '2025-02-06'],
        [14, 'Birgit Hoppe', ['b.hoppe@web.example'], 'noshow', 'attendee', event, '2025-02-06'],
        [
          15,
          'Köhler, Jürgen',
          ['juergen.koehler@gmail.example'],
          'attended',
          'attendee',
          event,
          '2025-02-06',
        ],
      ],
    );
  });

  it('Zoom meeting participants: the meeting row is metadata, not a person; US dates', async () => {
    const event = 'Gründerstammtisch Remscheid (online)';
    await expectRecords(
      'zoom-meeting-participants.csv',
      {
        profile: 'zoom-meeting',
        encoding: 'utf-8',
        delimiter: ',',
        rows: 3,
        records: 3,
        skipped: 0,
        blank: 0,
      },
      [
        [
          5,
          'Anke Büscher',
          ['a.buescher@klingenstadt.example'],
          'attended',
          'attendee',
          event,
          '2025-02-06',
        ],
        [6, 'iPhone von Sven', [], 'attended', 'attendee', event, '2025-02-06'],
        [
          7,
          'Anke Büscher',
          ['a.buescher@klingenstadt.example'],
          'attended',
          'attendee',
          event,
          '2025-02-06',
        ],
      ],
    );
  });

  it('Teams attendance report: UTF-16LE, TAB, only the Participants section, Organizer → host', async () => {
    const event = 'Junge Wirtschaft: Online-Stammtisch';
    await expectRecords(
      'teams-attendance-utf16le.csv',
      {
        profile: 'teams',
        encoding: 'utf-16le',
        delimiter: '\t',
        rows: 3,
        records: 3,
        skipped: 0,
        blank: 0,
      },
      [
        [
          9,
          'Mehmet Yıldız',
          ['m.yildiz@bergisch-it.example'],
          'attended',
          'host',
          event,
          '2025-02-07',
        ],
        [10, 'Köhler, Jürgen', [], 'attended', 'attendee', event, '2025-02-07'],
        [
          11,
          'Claudia Roßbach',
          ['c.rossbach@rossbach.example'],
          'attended',
          'attendee',
          event,
          '2025-02-07',
        ],
      ],
    );
  });

  it('.xlsx: title rows above the header found; sheet rows as lines; a phone-only row skipped', async () => {
    const r = await expectRecords(
      'xlsx-title-rows.xlsx',
      {
        profile: 'generic',
        encoding: 'utf-8',
        delimiter: '',
        rows: 4,
        records: 2,
        skipped: 1,
        blank: 1,
      },
      [
        [5, 'Kai Dahlhaus', ['kai@dahlhaus.example'], 'listed', 'attendee', 'xlsx-title-rows'],
        [6, 'Jörg Lüttringhaus', ['joerg@web.example'], 'listed', 'attendee', 'xlsx-title-rows'],
      ],
    );
    expect(r.skipped).toEqual([
      { path: 'xlsx-title-rows.xlsx', line: 8, code: 'missing-identity' },
    ]);
  });
});

describe('text shapes', () => {
  it('old Mac CR line ends', async () => {
    await expectRecords(
      'old-mac-cr-line-endings.csv',
      {
        profile: 'generic',
        encoding: 'utf-8',
        delimiter: ',',
        rows: 2,
        records: 2,
        skipped: 0,
        blank: 0,
      },
      [
        [2, 'Anke Büscher', ['a@x.example'], 'listed', 'attendee', 'old-mac-cr-line-endings'],
        [3, 'Jürgen Köhler', ['j@x.example'], 'listed', 'attendee', 'old-mac-cr-line-endings'],
      ],
    );
  });

  it('quoted delimiters, quotes and newlines (RFC 4180); the next row starts two lines later', async () => {
    await expectRecords(
      'quoted-newlines-and-delimiters.csv',
      {
        profile: 'generic',
        encoding: 'utf-8',
        delimiter: ',',
        rows: 2,
        records: 2,
        skipped: 0,
        blank: 0,
      },
      [
        [
          2,
          'Büscher, Anke',
          ['a@x.example'],
          'listed',
          'attendee',
          'quoted-newlines-and-delimiters',
        ],
        [
          4,
          'Jürgen Köhler',
          ['j@x.example'],
          'listed',
          'attendee',
          'quoted-newlines-and-delimiters',
        ],
      ],
    );
  });

  it('pipe-delimited text', async () => {
    await expectRecords(
      'pipe-delimited.txt',
      {
        profile: 'generic',
        encoding: 'utf-8',
        delimiter: '|',
        rows: 2,
        records: 2,
        skipped: 0,
        blank: 0,
      },
      [
        [2, 'Anke Büscher', ['a@x.example'], 'listed', 'attendee', 'pipe-delimited'],
        [3, 'Jürgen Köhler', ['j@x.example'], 'listed', 'attendee', 'pipe-delimited'],
      ],
    );
  });
});

describe('findings and refusals', () => {
  it('UTF-8 that was once read as Windows-1252 ("JÃ¼rgen") is a mojibake finding', async () => {
    const r = await read('mojibake-utf8-read-as-1252.csv');
    expect(r.findings).toEqual([
      { code: 'mojibake', path: 'mojibake-utf8-read-as-1252.csv', line: 2 },
    ]);
  });

  it('a replacement character or a broken quotation mark ("â€ž") is a mojibake finding too', async () => {
    // Each alone in its file: the table-wide look for mojibake must find either mark by itself
    // (U+FFFD, "â€"; "Ã" is the test above), or the rows are not checked.
    const findings = async (name: string, text: string) =>
      (await readSource({ name, bytes: new Uint8Array(Buffer.from(text, 'utf8')) }, 0)).findings;
    expect(
      await findings('fffd.csv', 'Name,Email\nAnke,a@x.example\nJ\uFFFDrgen K.,j@x.example\n'),
    ).toEqual([{ code: 'mojibake', path: 'fffd.csv', line: 3 }]);
    expect(await findings('quote.csv', 'Name,Email\nâ€žAnke B.,b@x.example\n')).toEqual([
      { code: 'mojibake', path: 'quote.csv', line: 2 },
    ]);
  });

  it('duplicate headers are a finding; both e-mail columns are read', async () => {
    const r = await read('duplicate-headers.csv');
    expect(r.findings).toEqual([
      { code: 'duplicate-header', path: 'duplicate-headers.csv', line: 1 },
    ]);
    expect(r.records[0]?.emails).toEqual(['a@x.example', 'anke@privat.example']);
  });

  it('ragged rows: extra filled cells are a finding, short rows are read', async () => {
    const r = await read('ragged-rows.csv');
    expect(r.findings).toEqual([{ code: 'ragged-row', path: 'ragged-rows.csv', line: 2 }]);
    expect(r.records.map((x) => x.name)).toEqual(['Anke Büscher', 'Jürgen Köhler']);
  });

  it('an unclosed quote names the line where it opens', async () => {
    await expect(read('unclosed-quote.csv')).rejects.toThrow(
      /^unclosed-quote\.csv:3: a quoted field opens here/,
    );
  });

  it('a legacy .xls (recognised by content) is refused with how to convert it', async () => {
    await expect(read('legacy-meetup-members.xls')).rejects.toThrow(
      expect.objectContaining({
        code: 'legacy-xls',
        exitCode: 2,
        message: expect.stringMatching(/save it as \.xlsx/),
      }),
    );
  });

  it('a 5 MB field is skipped as field-too-long, not made into a person', async () => {
    const huge = 'x'.repeat(5 * 1024 * 1024);
    const text = `Name,E-Mail\n"${huge}",\nAnke,a@x.example\n`;
    const r = await readSource({ name: 'huge.csv', bytes: new TextEncoder().encode(text) }, 0);
    expect(r.skipped).toEqual([{ path: 'huge.csv', line: 2, code: 'field-too-long' }]);
    expect(r.records.map((x) => x.name)).toEqual(['Anke']);
  });

  it('undecodable bytes under a forced --encoding utf-8 are refused with the fix', async () => {
    const bytes = readFileSync(join(DIR, 'excel-semicolon-windows-1252.csv'));
    await expect(
      readSource({ name: 'w.csv', bytes: new Uint8Array(bytes) }, 0, { encoding: 'utf-8' }),
    ).rejects.toThrow(/w\.csv: the file is not valid UTF-8; pass --encoding windows-1252/);
  });
});
