// Reading: decoding, delimiter detection, line numbers and the accounting of every data row.
import { describe, expect, it } from 'vitest';
import { readSources } from '../src/analyze.js';
import { InputError } from '../src/errors.js';
import {
  decodeBytes,
  detectEncoding,
  MAX_INPUT_BYTES,
  MAX_TEXT_CHARS,
  textLength,
} from '../src/read/decode.js';
import { addressesInName, emailsInCell } from '../src/read/emails.js';
import { SectionSplitter } from '../src/read/sections.js';
import { groupFromName, readSource } from '../src/read/source.js';
import { detectDelimiter, eachTableRow, parseTable, type TableRow } from '../src/read/table.js';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('decoding', () => {
  it('strips a UTF-8 BOM and reports it', () => {
    const d = decodeBytes(new Uint8Array([0xef, 0xbb, 0xbf, 0x4e, 0xc3, 0xbc]), 'x.csv');
    expect(d).toEqual({ text: 'Nü', encoding: 'utf-8-bom' });
  });

  it('falls back to Windows-1252 and keeps € „ “ (bytes 80 84 93), which Latin-1 lacks', () => {
    const bytes = new Uint8Array([
      0x80, 0x20, 0x84, 0x4b, 0x93, 0x20, 0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72,
    ]);
    expect(detectEncoding(bytes)).toBe('windows-1252');
    expect(decodeBytes(bytes, 'x.csv').text).toBe('€ „K“ Müller');
  });

  it('reads UTF-16LE with BOM', () => {
    const body = Buffer.from('Name\tE-Mail\r\nJürgen\tj@x.example\r\n', 'utf16le');
    const bytes = new Uint8Array([0xff, 0xfe, ...body]);
    expect(decodeBytes(bytes, 'teams.csv')).toEqual({
      text: 'Name\tE-Mail\r\nJürgen\tj@x.example\r\n',
      encoding: 'utf-16le',
    });
  });

  it('refuses invalid UTF-8 under a forced --encoding utf-8 and names the fix', () => {
    expect(() => decodeBytes(new Uint8Array([0x4d, 0xfc]), 'a.csv', 'utf-8')).toThrow(
      /--encoding windows-1252/,
    );
  });
});

describe('a file too large to be one text', () => {
  // V8's longest string on 64-bit is 2^29 − 24 characters; a file is decoded into one, so
  // its text may have at most that many, and in UTF-16 (two bytes each, a BOM) twice as many bytes.
  it('knows the limits', () => {
    expect(MAX_TEXT_CHARS).toBe(2 ** 29 - 24);
    expect(MAX_INPUT_BYTES).toBe(2 * (2 ** 29 - 24) + 2);
  });

  it('counts characters without decoding, per encoding', () => {
    // "Nü" + BOM in UTF-8: EF BB BF 4E C3 BC: the BOM and the continuation byte BC not counted.
    expect(textLength(new Uint8Array([0xef, 0xbb, 0xbf, 0x4e, 0xc3, 0xbc]), 'utf-8-bom')).toBe(2);
    // "Jü" in UTF-16LE with BOM: FF FE 4A 00 FC 00: (6 − 2) / 2.
    expect(textLength(new Uint8Array([0xff, 0xfe, 0x4a, 0x00, 0xfc, 0x00]), 'utf-16le')).toBe(2);
    // Windows-1252: one character per byte (80 84 = € „).
    expect(textLength(new Uint8Array([0x80, 0x84, 0x41]), 'windows-1252')).toBe(3);
  });

  const refused = (bytes: Uint8Array, limit: number) => {
    try {
      decodeBytes(bytes, 'gross.csv', undefined, limit);
    } catch (error) {
      return error instanceof InputError ? `${error.code}: ${error.message}` : String(error);
    }
    return 'read';
  };

  it('refuses more characters than the limit, with the fix, and reads as many as it', () => {
    expect(refused(utf8('Name;Mail\n'), 10)).toBe('read'); // 10 characters
    expect(refused(utf8('Name;Mail\nx'), 10)).toBe(
      'too-large: gross.csv: the file is too large to read as one text (more than 10 characters); split the export into smaller files, by year or by event',
    );
  });

  it('counts characters, not bytes: umlauts in UTF-8, UTF-16 and a BOM fit where their bytes would not', () => {
    // "Jürgen Köhler" is 13 characters in 15 UTF-8 bytes, 18 with a BOM, 28 in UTF-16LE with BOM.
    const name = 'Jürgen Köhler';
    expect(refused(utf8(name), 13)).toBe('read');
    expect(refused(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(name)]), 13)).toBe('read');
    expect(refused(new Uint8Array([0xff, 0xfe, ...Buffer.from(name, 'utf16le')]), 13)).toBe('read');
    expect(
      refused(new Uint8Array([0xff, 0xfe, ...Buffer.from(`${name}!`, 'utf16le')]), 13),
    ).toMatch(/^too-large/);
  });

  it('refuses a Windows-1252 file whose bytes look like few UTF-8 characters', () => {
    // "A" and ten „ (byte 84): counted as UTF-8, 84 continues a character (1 character); the
    // bytes are not UTF-8, so they are Windows-1252: 11 characters, more than 10.
    expect(refused(new Uint8Array([0x41, ...new Array(10).fill(0x84)]), 10)).toMatch(/^too-large/);
  });
});

describe('delimiter detection', () => {
  it('picks ; for a German Excel list even though values hold commas', () => {
    expect(
      detectDelimiter(
        'Vorname;Nachname;Firma\nAnke;Büscher;Klingenstadt, Solingen\nJürgen;Köhler;KW GmbH\n',
      ),
    ).toBe(';');
  });

  it('picks TAB for a Meetup list', () => {
    expect(detectDelimiter('Name\tUser ID\tRSVP\nA\tuser 1\tYes\nB\tuser 2\tNo\n')).toBe('\t');
  });

  it('does not split a lone Teilnehmer column at the comma of "Nachname, Vorname"', () => {
    const d = detectDelimiter('Teilnehmer\nKöhler, Jürgen\nBüscher, Anke\n');
    expect(d).not.toBe(',');
  });

  it('is not fooled by the first line alone', () => {
    // The first line has two commas, but every line has exactly two semicolons.
    expect(detectDelimiter('a,b,c;d;e\n1;2;3\n4;5;6\n7;8;9\n')).toBe(';');
  });
});

describe('table rows and their lines', () => {
  it('gives each row the physical line where it starts, also after a quoted newline', () => {
    const t = parseTable('Name,Note\r\nAnke,"two\nlines"\r\nJürgen,x\r\n', 'a.csv');
    expect(t.rows.map((r) => [r.line, r.cells])).toEqual([
      [1, ['Name', 'Note']],
      [2, ['Anke', 'two\nlines']],
      [4, ['Jürgen', 'x']],
    ]);
  });

  it('counts lines the same in a text without quotes, with one or mixed kinds of line end', () => {
    // CRLF first, so the lone LF stays in Anke's cell (as csv-parse keeps it) and moves the next
    // row one line down; in a plain LF or CRLF text every row is on its own line.
    const mixed = parseTable('Name;Ort\r\nAnke;Wupper\ntal\r\nB;x\r\n', 'm.csv');
    expect(mixed.rows.map((r) => [r.line, r.cells])).toEqual([
      [1, ['Name', 'Ort']],
      [2, ['Anke', 'Wupper\ntal']],
      [4, ['B', 'x']],
    ]);
    for (const end of ['\n', '\r\n', '\r']) {
      const t = parseTable(['Name;Ort', 'Anke;Wuppertal', 'B;x', ''].join(end), 'p.csv');
      expect(t.rows.map((r) => r.line)).toEqual([1, 2, 3]);
    }
  });

  it('honours an Excel sep= line and counts it as a line', () => {
    const t = parseTable('sep=;\nName;E-Mail\nA;a@x.example\n', 'a.csv');
    expect(t.delimiter).toBe(';');
    expect(t.rows.map((r) => r.line)).toEqual([2, 3]);
  });

  it('names the line where an unclosed quote opens', () => {
    const run = () => parseTable('Name,Note\nA,ok\nB,"never closed\nC,x\n', 'q.csv');
    expect(run).toThrow(InputError);
    expect(run).toThrow(/^q\.csv:3: a quoted field opens here/);
  });
});

describe('rows as they are read', () => {
  // Each row goes on to the sections and records before the next is read, so that a file's
  // rows are never all in memory at once.
  const rowsOf = (text: string) =>
    text.split('\n').map((line, i) => ({ line: i + 1, cells: line.split(',') }));

  it('hands each row on before reading the next, with or without quotes', () => {
    for (const text of [
      'Name,Ort\nAnke,Solingen\nB,x\nC,y\n',
      'Name,Ort\n"Anke",Solingen\nB,x\nC,y\n',
    ]) {
      const seen: number[] = [];
      // The third row fails: the rows before it were handed on, the one after it never read.
      const run = () =>
        eachTableRow(text, 'a.csv', (row) => {
          if (row.line === 3) throw new Error('stop at 3');
          seen.push(row.line);
        });
      expect(run).toThrow('stop at 3');
      expect(seen).toEqual([1, 2]);
    }
  });

  it('hands the rows of a section on as they come, holding back only blanks and lone cells', () => {
    // A Zoom-like report: preamble, a titled host section, a lone cell that only the next row
    // shows to be a title, and blank rows between. Expected by hand from the rules: the
    // preamble's "Topic" is metadata; "Host Details" (line 3) titles the first section; the lone
    // "Gäste" (line 7) is a title because line 9 is a header; the blank line 6 before it closes
    // the host section and is dropped; the lone "Anke Büscher" (line 11) is a data row, because
    // its next non-blank row (13) is data; the blank line 12 between them is kept as a row.
    const rows = rowsOf(
      [
        'Topic,Stammtisch', // 1
        ',', // 2
        'Host Details,', // 3
        'Name,E-Mail', // 4
        'Jan Peters,jan@x.example', // 5
        ',', // 6
        'Gäste,', // 7
        ',', // 8
        'Name,E-Mail', // 9
        'Lena Vogt,lena@x.example', // 10
        'Anke Büscher,', // 11
        ',', // 12
        'Ute Kahl,ute@x.example', // 13
        ',', // 14
      ].join('\n'),
    );
    const events: string[] = [];
    const splitter = new SectionSplitter({
      section: (title, header, meta) =>
        events.push(`section ${title} @${header.line} topic=${meta.get('topic')}`),
      row: (row) => events.push(`row ${row.line}`),
    });
    const handedAfter: number[] = [];
    for (const row of rows as TableRow[]) {
      splitter.push(row);
      handedAfter.push(events.length);
    }
    splitter.end();
    expect(events).toEqual([
      'section Host Details @4 topic=Stammtisch',
      'row 5',
      'section Gäste @9 topic=Stammtisch',
      'row 10',
      'row 11',
      'row 12',
      'row 13',
      // The table's last blank row stays in its last section.
      'row 14',
    ]);
    // Row 5 went on when it was pushed; the lone cell of line 11 and the blank line 12 waited
    // for line 13, then all three went on.
    expect(handedAfter[4]).toBe(2);
    expect(handedAfter[10]).toBe(4);
    expect(handedAfter[11]).toBe(4);
    expect(handedAfter[12]).toBe(7);
  });
});

describe('e-mail cells', () => {
  it.each([
    ['a@x.example', ['a@x.example']],
    ['Hans Müller <Hans.Mueller@web.example>', ['Hans.Mueller@web.example']],
    ['"Müller, Hans" <hm@web.example>', ['hm@web.example']],
    ['mailto:anke@x.example', ['anke@x.example']],
    ['a@x.example; b@y.example, a@x.example', ['a@x.example', 'b@y.example']],
    ['a@x.example / b@y.example.', ['a@x.example', 'b@y.example']],
    ['keine', []],
    ['@', []],
  ])('%s → %j', (cell, addresses) => {
    expect(emailsInCell(cell)).toEqual(addresses);
  });

  it('a record takes every address of its cells, each once, as written', async () => {
    const text =
      'Name;E-Mail\nHans Müller;"Hans Müller <Hans.Mueller@web.example>, hans@privat.example; Hans.Mueller@web.example"\n';
    const r = await readSource({ name: 'liste.csv', bytes: utf8(text) }, 0);
    expect(r.records.map((x) => x.emails)).toEqual([
      ['Hans.Mueller@web.example', 'hans@privat.example'],
    ]);
  });
});

describe('addresses in a name cell', () => {
  it.each([
    ['juergen.koehler@web.example', undefined, ['juergen.koehler@web.example']],
    ['Jürgen Köhler <jk@web.example>', 'Jürgen Köhler', ['jk@web.example']],
    ['"Köhler, Jürgen" <jk@web.example>', 'Köhler, Jürgen', ['jk@web.example']],
    ['Anna (a@x.example)', 'Anna', ['a@x.example']],
    ['mailto:a@x.example', undefined, ['a@x.example']],
    ['Anna Schmidt', 'Anna Schmidt', []],
    ['Jürgen @ Köhler GmbH', 'Jürgen @ Köhler GmbH', []],
  ])('%s → %s, %j', (cell, name, addresses) => {
    expect(addressesInName(cell)).toEqual({ name, emails: addresses });
  });

  it('a record takes the address from its name cell and shows no address as its name', async () => {
    // Row 2: the address alone, and the same address in the e-mail column: one e-mail, no name.
    // Row 3: a name with its address and an empty e-mail cell: the name and that address.
    const text = 'Name,Email\njk@web.example,jk@web.example\n"Anna Schmidt <as@web.example>",\n';
    const r = await readSource({ name: 'zoom.csv', bytes: utf8(text) }, 0);
    expect(r.records.map((x) => [x.name, x.emails])).toEqual([
      [undefined, ['jk@web.example']],
      ['Anna Schmidt', ['as@web.example']],
    ]);
  });
});

describe('readSource accounting', async () => {
  // 6 data rows: 3 records, 1 skipped (no name, no e-mail), 2 blank. 3 + 0 + 1 + 2 = 6.
  const text =
    'Vorname;Nachname;E-Mail;Firma\nAnke;Büscher;a@x.example;K\n;;;\n;;;Sparkasse\nJürgen;Köhler;;\n\n;;b@x.example;\n';
  const result = await readSource({ name: 'list.csv', bytes: utf8(text) }, 0);

  it('accounts for every data row', () => {
    const s = result.summary;
    expect([s.rows, s.records, s.merged, s.skipped, s.blank]).toEqual([6, 3, 0, 1, 2]);
    expect(s.rows).toBe(s.records + s.merged + s.skipped + s.blank);
  });

  it('reports the skipped row with its line and code, never its content', () => {
    expect(result.skipped).toEqual([{ path: 'list.csv', line: 4, code: 'missing-identity' }]);
  });

  it('joins first and last names and keeps e-mail-only rows', () => {
    expect(result.records.map((r) => [r.line, r.name, r.emails])).toEqual([
      [2, 'Anke Büscher', ['a@x.example']],
      [5, 'Jürgen Köhler', []],
      [7, undefined, ['b@x.example']],
    ]);
  });

  it('matches German and English headers case-insensitively', async () => {
    const r = await readSource(
      { name: 'x.csv', bytes: utf8('E-MAIL-ADRESSE,TEILNEHMER\na@x.example,Anke\n') },
      0,
    );
    expect(r.summary.columns).toEqual({ email: ['E-MAIL-ADRESSE'], name: ['TEILNEHMER'] });
  });

  it('folds a line break inside a name into a space, where the parser reads and in mixed line ends', async () => {
    // Quoted: rows 2 and 3 are split directly, the name of line 4 goes on over its line end, so
    // the parser reads from there (the name "Ute\nKahl" is "Ute Kahl"; Jan's row starts on line 6).
    const quoted = await readSource(
      {
        name: 'q.csv',
        bytes: utf8(
          '"Name","E-Mail"\n"Anke Büscher","a@x.example"\n"Lena Vogt","l@x.example"\n"Ute\nKahl","u@x.example"\n"Jan Peters","j@x.example"\n',
        ),
      },
      0,
    );
    expect(quoted.records.map((r) => [r.line, r.name])).toEqual([
      [2, 'Anke Büscher'],
      [3, 'Lena Vogt'],
      [4, 'Ute Kahl'],
      [6, 'Jan Peters'],
    ]);
    // Unquoted with CRLF line ends: the lone LF stays in Ute's cell (csv-parse's rule) and is a
    // space in her name.
    const mixed = await readSource(
      {
        name: 'm.csv',
        bytes: utf8('Name;E-Mail\r\nUte\nKahl;u@x.example\r\nAnke;a@x.example\r\n'),
      },
      0,
    );
    expect(mixed.records.map((r) => [r.line, r.name])).toEqual([
      [2, 'Ute Kahl'],
      [4, 'Anke'],
    ]);
  });
});

describe('inputs that cannot be used', () => {
  const read = (text: string | Uint8Array) => () =>
    readSource({ name: 'bad.csv', bytes: typeof text === 'string' ? utf8(text) : text }, 0);
  // readSource is async: assertions use `rejects`.

  it.each([
    ['an empty file', '', 'empty-file'],
    ['a header without rows', 'Name,E-Mail\n\n', 'header-only'],
    ['a table without name or e-mail column', 'Firma,Ort\nA,B\n', 'no-identity-column'],
    ['a PDF named .csv', '%PDF-1.7\n%âãÏÓ\n', 'not-a-table'],
  ])('%s is an InputError with code %s', async (_what, text, code) => {
    await expect(read(text)()).rejects.toThrow(expect.objectContaining({ code, exitCode: 2 }));
  });

  it('says which columns it found and suggests --map', async () => {
    await expect(read('Firma,Ort\nA,B\n')()).rejects.toThrow(/Firma, Ort.*--map name=HEADER/);
  });
});

describe('group names from file names', () => {
  it.each([
    ['exports/north-caucus.csv', 'north-caucus'],
    ['Wupper Startups - Guests - 2025-03-13-21-04-55.csv', 'Wupper Startups'],
    ['C:\\lists\\Stammtisch.TSV', 'Stammtisch'],
    ['-', 'stdin'],
  ])('%s → %s', (name, group) => {
    expect(groupFromName(name)).toBe(group);
  });
});

describe('older and BOM-less Teams exports', () => {
  it('reads UTF-16LE without a BOM', () => {
    const bytes = new Uint8Array(
      Buffer.from(
        'Full Name\tUser Action\tTimestamp\r\nAnke\tJoined\t2/7/2025, 6:00:00 PM\r\n',
        'utf16le',
      ),
    );
    expect(detectEncoding(bytes)).toBe('utf-16le');
  });

  it('reads the 2020 attendance list (Full Name, User Action, Timestamp) as Teams, one row per action', async () => {
    const text =
      'Meeting Summary\r\nMeeting Title\tStammtisch\r\nMeeting Start Time\t2/7/2025, 6:00:00 PM\r\n\r\n' +
      'Full Name\tUser Action\tTimestamp\r\nAnke Büscher\tJoined\t2/7/2025, 6:00:00 PM\r\nAnke Büscher\tLeft\t2/7/2025, 7:00:00 PM\r\n';
    const bytes = new Uint8Array([0xff, 0xfe, ...Buffer.from(text, 'utf16le')]);
    const r = await readSource({ name: 'teams.csv', bytes }, 0);
    expect(r.summary.profile).toBe('teams');
    expect(r.records.map((x) => [x.line, x.name, x.status, x.eventLabel, x.date])).toEqual([
      [6, 'Anke Büscher', 'attended', 'Stammtisch', '2025-02-07'],
      [7, 'Anke Büscher', 'attended', 'Stammtisch', '2025-02-07'],
    ]);
  });
});

describe('reading several sources', () => {
  const source = (name: string, open: () => Promise<Uint8Array>) => ({ name, open });
  const good = (name: string) =>
    source(name, async () => utf8('Name,Email\nAnke Bergmann,anke@example.org\n'));

  it('reads them in name order while the next one is fetched, each opened once', async () => {
    const opened: string[] = [];
    const counting = (name: string) =>
      source(name, async () => {
        opened.push(name);
        return utf8('Name,Email\nAnke Bergmann,anke@example.org\n');
      });
    const results = await readSources([counting('c.csv'), counting('a.csv'), counting('b.csv')]);
    expect(results.map((r) => r.summary.path)).toEqual(['a.csv', 'b.csv', 'c.csv']);
    expect([...opened].sort()).toEqual(['a.csv', 'b.csv', 'c.csv']);
  });

  it('a source that cannot be opened fails the run with its own error, in its turn', async () => {
    const broken = source('b.csv', async () => {
      throw new InputError('unreadable', 'b.csv', undefined, 'cannot read the file');
    });
    await expect(readSources([good('a.csv'), broken])).rejects.toMatchObject({
      code: 'unreadable',
      path: 'b.csv',
    });
  });

  it('an earlier bad source is reported even when the next cannot be opened', async () => {
    const empty = source('a.csv', async () => new Uint8Array());
    const broken = source('b.csv', async () => {
      throw new InputError('unreadable', 'b.csv', undefined, 'cannot read the file');
    });
    const unhandled: unknown[] = [];
    const note = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', note);
    try {
      await expect(readSources([empty, broken])).rejects.toMatchObject({
        code: 'empty-file',
        path: 'a.csv',
      });
      // Give a stray rejection of the prefetched source the turn to surface.
      await new Promise((resolve) => setTimeout(resolve, 10));
    } finally {
      process.off('unhandledRejection', note);
    }
    expect(unhandled).toEqual([]);
  });
});
