// Reading through the real binary: netz inspect, the config file, overrides, standard input.
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectAtMost } from '../src/cli/io.js';
import { tooLarge } from '../src/read/decode.js';
import { InspectReportSchema } from '../src/report/schema.js';
import { tablesUnder } from './helpers/readme-tables.js';
import { netz, pipeline } from './helpers/run.js';
import { BIN, FIXTURES, ROOT } from './helpers/sources.js';

const scratch = mkdtempSync(join(tmpdir(), 'netz-read-'));
const READ = join(ROOT, 'test', 'fixtures', 'read');

describe('netz inspect fixtures/bergisches-land', () => {
  const run = netz(['inspect', 'fixtures/bergisches-land', '-f', 'json']);
  const report = InspectReportSchema.parse(JSON.parse(run.stdout));

  it('recognises every file with the counts of the truth table', () => {
    expect(run.status).toBe(0);
    const [perFile] = tablesUnder('## Rows per file');
    expect(
      report.inputs
        .map((i) => [
          i.path.split('/').pop(),
          i.group,
          i.rows,
          i.records,
          i.merged,
          i.skipped,
          i.blank,
        ])
        .sort(),
    ).toEqual(
      (perFile ?? [])
        .map((r) => [
          r.file,
          r.group,
          Number(r.rows),
          Number(r.records),
          Number(r.merged),
          Number(r.skipped),
          Number(r.blank),
        ])
        .sort(),
    );
  });

  it('names the profile, encoding and delimiter of each export', () => {
    expect(
      report.inputs.map((i) => [i.path.split('/').pop(), i.profile, i.encoding, i.delimiter]),
    ).toEqual([
      ['Wupper Startups - Guests - 2025-03-13-21-04-55.csv', 'luma', 'utf-8-bom', ','],
      ['bergisch-digital.csv', 'eventbrite', 'utf-8', ','],
      ['frauen-netzwerk-solingen.csv', 'google-forms', 'utf-8', ','],
      ['gruenderstammtisch-remscheid.tsv', 'meetup', 'utf-8', '\t'],
      ['junge-wirtschaft-wuppertal.csv', 'teams', 'utf-16le', '\t'],
      ['makerspace-remscheid.xlsx', 'generic', 'utf-8', ''],
      ['repair-cafe-wuppertal.csv', 'zoom-webinar', 'utf-8', ','],
      ['unternehmerfruehstueck-solingen.csv', 'generic', 'windows-1252', ';'],
    ]);
  });

  it('shows the column roles and findings with their lines', () => {
    const excel = report.inputs.find((i) => i.path.endsWith('unternehmerfruehstueck-solingen.csv'));
    expect(excel?.columns).toEqual({
      date: ['Datum'],
      title: ['Titel'],
      firstName: ['Vorname'],
      lastName: ['Nachname'],
      email: ['E-Mail'],
      company: ['Firma'],
    });
    expect(excel?.findings).toEqual([{ line: 11, code: 'missing-identity' }]);
  });

  it('prints a readable text form', () => {
    const text = netz([
      'inspect',
      'fixtures/bergisches-land/junge-wirtschaft-wuppertal.csv',
    ]).stdout;
    expect(text).toContain('profile    teams');
    expect(text).toContain('encoding   utf-16le, delimiter TAB');
    expect(text).toContain('rows       20 = 20 records + 0 merged + 0 skipped + 0 blank');
  });
});

describe('overrides', () => {
  it('--map reads a column the aliases do not know', () => {
    const file = join(scratch, 'mitglieder.csv');
    writeFileSync(file, 'Mitgliedsname;Kontakt\nAnke Büscher;a@x.example\n');
    expect(netz(['inspect', file]).status).toBe(2);
    const run = netz([
      'inspect',
      file,
      '--map',
      'name=Mitgliedsname',
      '--map',
      'email=kontakt',
      '-f',
      'json',
    ]);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).inputs[0].columns).toEqual({
      name: ['Mitgliedsname'],
      email: ['Kontakt'],
    });
  });

  it('--map naming a missing column is a usage error listing the columns', () => {
    const file = join(scratch, 'm2.csv');
    writeFileSync(file, 'Name;E-Mail\nA;a@x.example\n');
    const run = netz(['inspect', file, '--map', 'company=Firma']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(
      /--map company=Firma names no column; the columns are: Name, E-Mail/,
    );
  });

  it('--encoding and --delimiter override detection', () => {
    const run = netz([
      'inspect',
      join(READ, 'excel-semicolon-windows-1252.csv'),
      '--encoding',
      'windows-1252',
      '--delimiter',
      ';',
      '-f',
      'json',
    ]);
    expect(JSON.parse(run.stdout).inputs[0]).toMatchObject({
      encoding: 'windows-1252',
      delimiter: ';',
      records: 3,
    });
  });

  it('--group-from dir takes the folder name as the group', () => {
    const dir = join(scratch, 'stammtisch');
    mkdirSync(dir);
    writeFileSync(join(dir, 'januar.csv'), 'Email\na@x.example\nb@x.example\n');
    writeFileSync(join(dir, 'februar.csv'), 'Email\na@x.example\n');
    const report = JSON.parse(netz(['overlap', dir, '--group-from', 'dir', '-f', 'json']).stdout);
    // One group, two events (one per export), two people.
    expect(report.totals).toEqual({ groups: 1, events: 2, records: 3, people: 2 });
  });
});

describe('the config file', () => {
  const dir = join(scratch, 'project');
  mkdirSync(join(dir, 'exports'), { recursive: true });
  writeFileSync(join(dir, 'exports', 'stammtisch-jan.csv'), 'Name;Email\nAnke;a@x.example\n');
  writeFileSync(
    join(dir, 'exports', 'stammtisch-feb.csv'),
    'Name;Email\nAnke;a@x.example\nJürgen;j@x.example\n',
  );
  writeFileSync(join(dir, 'exports', 'fruehstueck.csv'), 'Wer;Mail\nJürgen;j@x.example\n');
  writeFileSync(
    join(dir, 'netz.config.json'),
    JSON.stringify({
      sources: [
        { match: 'exports/stammtisch-*.csv', group: 'Stammtisch' },
        {
          match: 'exports/fruehstueck.csv',
          group: 'Frühstück',
          map: { name: 'Wer', email: 'Mail' },
        },
      ],
      minGroups: 2,
    }),
  );

  it('is found in the working directory: groups from globs, column maps, minGroups', () => {
    const run = netz(['overlap', 'exports', '-f', 'json'], { cwd: dir });
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.groups.map((g: { name: string; events: number }) => [g.name, g.events])).toEqual([
      ['Frühstück', 1],
      ['Stammtisch', 2],
    ]);
    expect(report.options.minGroups).toBe(2);
    expect(report.fish.regulars.map((r: { name: string }) => r.name)).toEqual(['Jürgen']);
  });

  it('loses to flags given on the command line', () => {
    const report = JSON.parse(
      netz(['overlap', 'exports', '-f', 'json', '--min-groups', '3'], { cwd: dir }).stdout,
    );
    expect(report.options.minGroups).toBe(3);
  });

  it('rejects unknown keys with the key and the file named', () => {
    const bad = join(scratch, 'bad.json');
    writeFileSync(bad, JSON.stringify({ sources: [], colour: 'red' }));
    const run = netz(['overlap', join(dir, 'exports'), '--config', bad]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/bad\.json: .*colour/);
  });

  it('reads a config saved with a UTF-8 BOM (Windows editors write one), which JSON itself forbids', () => {
    const saved = join(scratch, 'bom.json');
    writeFileSync(saved, `\ufeff${JSON.stringify({ minGroups: 3 })}`);
    const run = netz(['overlap', join(dir, 'exports'), '--config', saved, '-f', 'json']);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).options.minGroups).toBe(3);
  });

  it.each([
    [
      '--config',
      'a folder',
      () => scratch,
      /^netz: --config .*: this is a folder; name the file\n$/,
    ],
    ['--links', 'a folder', () => scratch, /^netz: --links .*: this is a folder; name the file\n$/],
    [
      '--config',
      'a device that never ends',
      () => '/dev/zero',
      /^netz: --config \/dev\/zero: the file has more than 64 MiB; check that it is the right file\n$/,
    ],
  ])('refuses %s that is %s in one line, exit 2', (flag, _what, path, message) => {
    const run = netz(['overlap', join(dir, 'exports'), flag, path()]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(message);
  });

  it('a folder where the links file would be stops the run instead of being passed over', () => {
    // netz review appends its decisions there: a links file it cannot read must not be replaced.
    const here = join(scratch, 'links-folder');
    mkdirSync(join(here, 'netz.links.csv'), { recursive: true });
    writeFileSync(join(here, 'a.csv'), 'Name;Email\nAnke;a@x.example\n');
    const run = netz(['review', 'a.csv'], { cwd: here });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('netz: netz.links.csv: this is a folder; name the file\n');
    expect(readdirSync(join(here, 'netz.links.csv'))).toEqual([]);
  });

  it('rejects a config that is not JSON', () => {
    const bad = join(scratch, 'broken.json');
    writeFileSync(bad, '{ sources: ');
    const run = netz(['overlap', join(dir, 'exports'), '--config', bad]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/broken\.json: not valid JSON/);
  });
});

describe('hosts, attendance and standard input', () => {
  const zoom = join(READ, 'zoom-webinar-attendee-report.csv');

  it('--exclude-hosts leaves the Zoom host out; --attended-only leaves the no-show out', () => {
    const count = (...args: string[]) =>
      JSON.parse(netz(['overlap', zoom, '-f', 'json', ...args]).stdout).totals.people;
    // Ute (host), Kai (two joins), Birgit (no-show), Jürgen: 4 people.
    expect(count()).toBe(4);
    expect(count('--exclude-hosts')).toBe(3);
    expect(count('--attended-only')).toBe(3);
  });

  it('says which inputs carry no attendance with --attended-only', () => {
    const report = JSON.parse(
      netz(['overlap', zoom, join(READ, 'pipe-delimited.txt'), '--attended-only', '-f', 'json'])
        .stdout,
    );
    expect(report.notes).toContain(
      `attended-only: these inputs say nothing about attendance: ${join(READ, 'pipe-delimited.txt')}`,
    );
  });

  it.each(
    readdirSync(READ).filter((f) => /\.(csv|tsv|txt|xlsx)$/.test(f) && !/unclosed|legacy/.test(f)),
  )('reads %s from standard input the same as from the file', (name) => {
    const file = join(READ, name);
    const direct = JSON.parse(netz(['inspect', file, '-f', 'json']).stdout).inputs[0];
    const piped = pipeline(`node '${BIN}' inspect - -f json < '${file}'`);
    expect(piped.status).toBe(0);
    const fromStdin = JSON.parse(piped.stdout).inputs[0];
    expect({ ...fromStdin, path: file, group: direct.group }).toEqual(direct);
    expect(readFileSync(file).length).toBeGreaterThan(0);
  });
});

describe('one export for all groups, every field quoted', () => {
  // The same attendance as three files (a.csv, b.csv, c.csv: the group from the file name) and
  // as one quoted export with a Gruppe column, whose fields hold a comma, doubled quotes and,
  // in one note, a line break (from there csv-parse reads the rest). By hand: A = {Anke, Jürgen,
  // Lena}, B = {Anke, Jürgen}, C = {Anke, Ute}; exclusive: Lena (A), Ute (C); A–B share 2
  // (Jaccard 2/3), A–C 1 (1/4), B–C 1 (1/3).
  const dir = join(scratch, 'one-export');
  const files = join(dir, 'files');
  const one = join(dir, 'one');
  mkdirSync(files, { recursive: true });
  mkdirSync(one, { recursive: true });
  writeFileSync(
    join(files, 'A.csv'),
    'Name,E-Mail\nAnke Büscher,anke@x.example\nJürgen Köhler,jk@x.example\nLena Vogt,lena@x.example\n',
  );
  writeFileSync(
    join(files, 'B.csv'),
    'Name,E-Mail\nAnke Büscher,anke@x.example\nJürgen Köhler,jk@x.example\n',
  );
  writeFileSync(
    join(files, 'C.csv'),
    'Name,E-Mail\nAnke Büscher,anke@x.example\nUte Kahl,ute@x.example\n',
  );
  writeFileSync(
    join(one, 'export.csv'),
    [
      '"Gruppe","Name","E-Mail","Firma","Notiz"',
      '"A","Anke Büscher","anke@x.example","Büscher, Anke GbR",""',
      '"A","Jürgen Köhler","jk@x.example","",""',
      '"A","Lena ""Lenni"" Vogt","lena@x.example","",""',
      '"B","Anke Büscher","anke@x.example","",""',
      '"B","Jürgen Köhler","jk@x.example","","zwei',
      'Zeilen"',
      '"C","Anke Büscher","anke@x.example","",""',
      '"C","Ute Kahl","ute@x.example","",""',
      '',
    ].join('\r\n'),
  );
  const report = (at: string) =>
    JSON.parse(netz(['overlap', at, '--match', 'exact', '-f', 'json', '--min-groups', '2']).stdout);

  it('gives the groups and pairs counted by hand, as the files one per group do', () => {
    const fromOne = report(one);
    const fromFiles = report(files);
    for (const r of [fromOne, fromFiles]) {
      expect(
        r.groups.map((g: { name: string; people: number; exclusive: number }) => [
          g.name,
          g.people,
          g.exclusive,
        ]),
      ).toEqual([
        ['A', 3, 1],
        ['B', 2, 0],
        ['C', 2, 1],
      ]);
      expect(
        r.pairs.map((p: { a: string; b: string; shared: number; jaccard: number }) => [
          p.a,
          p.b,
          p.shared,
          p.jaccard,
        ]),
      ).toEqual([
        ['A', 'B', 2, 2 / 3],
        ['A', 'C', 1, 1 / 4],
        ['B', 'C', 1, 1 / 3],
      ]);
      expect(r.totals.people).toBe(4);
    }
    // The note's line break puts the rows after it one line further down: all 7 rows read.
    const inspect = JSON.parse(netz(['inspect', join(one, 'export.csv'), '-f', 'json']).stdout);
    expect(inspect.inputs[0].rows).toBe(7);
    expect(inspect.inputs[0].records).toBe(7);
    const people = JSON.parse(netz(['people', one, '--match', 'exact', '-f', 'json']).stdout);
    const lena = people.people.find((p: { name: string }) => p.name.startsWith('Lena'));
    expect(lena.name).toBe('Lena "Lenni" Vogt');
  });
});

describe('unusable inputs through the binary', () => {
  it.each([
    ['legacy-meetup-members.xls', /legacy Excel \.xls file; save it as \.xlsx/],
    ['unclosed-quote.csv', /unclosed-quote\.csv:3: a quoted field opens here and is never closed/],
  ])('%s exits 2 with one line', (name, message) => {
    const run = netz(['overlap', join(READ, name)]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('a file larger than any text netz can read is refused before it is read', () => {
    // Sparse: 1 GiB + 3 bytes on disk in no time, more than MAX_INPUT_BYTES (2 × (2^29 − 24) + 2).
    const path = join(scratch, 'riesig.csv');
    writeFileSync(path, '');
    truncateSync(path, 2 ** 30 + 3);
    const run = netz(['overlap', path]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(
      /riesig\.csv: the file is too large to read as one text \(more than 536870888 characters\); split the export into smaller files/,
    );
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('a device is read as a stream: /dev/null is an empty file', () => {
    const run = netz(['overlap', '/dev/null']);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('netz: /dev/null: the file is empty; export the list again\n');
  });

  it('standard input and pipes are refused as soon as they pass the limit', async () => {
    // Three chunks of 4 bytes: 12 bytes fit a limit of 12; with a limit of 11 the third chunk
    // passes it, and a fourth, endless one is never asked for (as /dev/zero would be).
    let asked = 0;
    async function* chunks(endless: boolean) {
      for (let i = 0; i < 3 || endless; i++) {
        asked++;
        yield new Uint8Array([i, i, i, i]);
      }
    }
    const refuse = () => tooLarge('-');
    expect(await collectAtMost(chunks(false), 12, refuse)).toEqual(
      new Uint8Array([0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2]),
    );
    asked = 0;
    await expect(collectAtMost(chunks(true), 11, refuse)).rejects.toThrow(
      /^-: the file is too large to read as one text/,
    );
    expect(asked).toBe(3);
  });

  it('a folder of inputs includes .xlsx and refuses a legacy .xls in it', () => {
    const run = netz(['overlap', FIXTURES, '-f', 'json']);
    expect(
      JSON.parse(run.stdout).inputs.some((i: { path: string }) => i.path.endsWith('.xlsx')),
    ).toBe(true);
  });
});
