// The real binary: exit codes, one-line errors, pipes, colour and byte-identical output.
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../src/analyze.js';
import { writeInPieces } from '../src/cli/io.js';
import { runCli } from '../src/cli/main.js';
import { renderReport } from '../src/render/index.js';
import { netz, pipeline } from './helpers/run.js';
import { BIN, FIXTURES, ROOT } from './helpers/sources.js';

const scratch = mkdtempSync(join(tmpdir(), 'netz-cli-'));
function file(name: string, content: string): string {
  const path = join(scratch, name);
  writeFileSync(path, content);
  return path;
}

describe('errors: one line on stderr naming the file and the fix, exit 2, no stack trace', () => {
  const a = file('a.csv', 'Name,Email\nAnke,a@x.example\n');
  it.each([
    [
      'a missing file',
      ['overlap', join(scratch, 'nope.csv')],
      /nope\.csv: no such file or folder; check the path/,
    ],
    ['an empty file', ['overlap', file('empty.csv', '')], /empty\.csv: the file is empty/],
    [
      'a header-only file',
      ['overlap', file('header.csv', 'Name,Email\n')],
      /header\.csv:1: the table has a header but no rows/,
    ],
    [
      'no identity column',
      ['overlap', file('firma.csv', 'Firma;Ort\nA;B\n')],
      /firma\.csv:1: no name or e-mail column among: Firma, Ort; name one with --map/,
    ],
    ['an unknown flag', ['overlap', a, '--frobnicate'], /unknown option '--frobnicate'/],
    [
      'a bad --min-groups',
      ['overlap', a, '--min-groups', 'x'],
      /--min-groups x: give a whole number/,
    ],
    ['an unknown command', ['overlapp', a], /unknown command 'overlapp'/],
  ])('%s', (_what, args, message) => {
    const run = netz(args);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('shows the stack trace with --debug', () => {
    const run = netz(['overlap', join(scratch, 'nope.csv'), '--debug']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/\n\s+at /);
  });
});

describe('skipped rows', () => {
  const list = file('liste.csv', 'Vorname;Nachname;E-Mail\nAnke;Büscher;a@x.example\n;;\n;;\n');
  const other = file(
    'andere.csv',
    'Vorname;Nachname;E-Mail;Firma\nAnke;Büscher;a@x.example;\n;;;Sparkasse\n',
  );

  it('are reported with file:line and code; the run still exits 0', () => {
    const run = netz(['overlap', list, other]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/andere\.csv +3 +missing-identity/);
    expect(run.stderr).toMatch(/1 skipped row/);
  });

  it('make --strict exit 1', () => {
    expect(netz(['overlap', list, other, '--strict']).status).toBe(1);
    expect(netz(['overlap', list, '--strict']).status).toBe(0);
  });
});

describe('--strict for CI', () => {
  it('exits 1 while identity pairs wait for review, and says so', () => {
    // Two "Thomas Müller" with different e-mails: the name (log2(0.95 / 0.001) = 9.9 in so short
    // a list) and the different e-mails (−3) put the pair in the review band (6.9), and without
    // supporting evidence such as the same company it does not merge.
    const a = file('strict-a.csv', 'Name,Email\nThomas Müller,t@a.example\n');
    const b = file('strict-b.csv', 'Name,Email\nThomas Müller,tm@b.example\n');
    const json = JSON.parse(netz(['overlap', a, b, '-f', 'json']).stdout);
    expect(json.reviewPairs).toBe(1);
    const run = netz(['overlap', a, b, '--strict']);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/1 identity pair\(s\) waiting for a decision in netz review/);
    expect(netz(['overlap', a, b]).status).toBe(0);
  });

  it('exits 1 when a folder holds a file netz does not read, and names it', () => {
    const folder = join(scratch, 'strict-folder');
    mkdirSync(folder);
    writeFileSync(join(folder, 'liste.csv'), 'Name,Email\nAnke,a@x.example\n');
    writeFileSync(join(folder, 'protokoll.pdf'), '%PDF-1.4');
    writeFileSync(join(folder, '.gitkeep'), '');
    const run = netz(['overlap', folder, '--strict']);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/1 file\(s\) in the input folders not read.*protokoll\.pdf/);
    expect(netz(['overlap', join(folder, 'liste.csv'), '--strict']).status).toBe(0);
  });
});

describe('standard input and pipes', () => {
  it('reads one input from a pipe: cat a.csv | netz overlap - b.csv', () => {
    const a = file('pipe-a.csv', 'Name,Email\nAnke,a@x.example\nJürgen,j@x.example\n');
    const b = file('pipe-b.csv', 'Name,Email\nAnke,A@X.example\n');
    const run = pipeline(`cat '${a}' | node '${BIN}' overlap - '${b}' -f json`);
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.inputs.map((i: { path: string; group: string }) => [i.path, i.group])).toEqual([
      ['-', 'stdin'],
      [b, 'pipe-b'],
    ]);
    expect(report.pairs).toMatchObject([
      { a: 'pipe-b', b: 'stdin', shared: 1, jaccard: 0.5, overlap: 1 },
    ]);
  });

  it('exits 0 without a stack trace when a report longer than 64 KiB goes into head -1 or -3', () => {
    // 400 people with long names in both lists, all regulars with --min-groups 2, all shown.
    const rows = Array.from(
      { length: 400 },
      (_, i) => `${'Mitglied-mit-langem-Namen '.repeat(6)}${i},p${i}@x.example`,
    ).join('\n');
    const a = file('big-a.csv', `Name,Email\n${rows}\n`);
    const b = file('big-b.csv', `Name,Email\n${rows}\n`);
    const args = `overlap '${a}' '${b}' --min-groups 2 --top 1000 -f md`;
    const full = pipeline(`node '${BIN}' ${args}`);
    expect(full.stdout.length).toBeGreaterThan(64 * 1024);
    const run = pipeline(`node '${BIN}' ${args} | head -1`);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('# netz overlap report\n');
    expect(run.stderr).toBe('');
    const three = pipeline(`node '${BIN}' ${args} | head -3`);
    expect(three.status).toBe(0);
    expect(three.stdout).toBe(
      '# netz overlap report\n\n2 groups, 2 events, 800 records, 400 people.\n',
    );
    expect(three.stderr).toBe('');
  });
});

describe('output files', () => {
  it('writes -o FILE whole, with the format taken from the extension', () => {
    const out = join(scratch, 'report.md');
    const run = netz(['overlap', FIXTURES, '-o', out]);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('');
    const md = netz(['overlap', FIXTURES, '-f', 'md']).stdout;
    expect(readdirSync(scratch).filter((f) => f.includes('.tmp'))).toEqual([]);
    expect(readFileSync(out, 'utf8')).toBe(md);
  });

  it('writes a text in pieces without splitting a surrogate pair', async () => {
    // Pieces of 1 to 6 characters cut "a😀" and "Köhler😀😀" at every place, the middle of an
    // emoji (two UTF-16 units) among them; the file must hold the text's exact UTF-8 bytes.
    const text = 'a😀b\nKöhler😀😀;ı\n😀';
    for (let piece = 1; piece <= 6; piece++) {
      const path = join(scratch, `pieces-${piece}.txt`);
      const handle = await open(path, 'w');
      await writeInPieces(handle, text, piece);
      await handle.close();
      expect(readFileSync(path)).toEqual(Buffer.from(text, 'utf8'));
    }
  });

  it('refuses to write the report over one of its inputs', () => {
    const a = file('self.csv', 'Name\nAnke\n');
    const run = netz(['overlap', a, '-o', a, '-f', 'json']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/that is one of the inputs/);
  });
});

describe('colour', () => {
  async function text(
    args: string[],
    env: Record<string, string> = {},
    tty = true,
    columns: number | undefined = undefined,
  ) {
    let out = '';
    const code = await runCli(['overlap', FIXTURES, ...args], {
      cwd: ROOT,
      env,
      stdoutIsTTY: tty,
      columns,
      stdout: (s) => {
        out += s;
      },
      stderr: () => undefined,
      readStdin: async () => new Uint8Array(),
    });
    expect(code).toBe(0);
    return out;
  }

  it('colours a terminal, and not with NO_COLOR, --no-color or a pipe', async () => {
    // biome-ignore lint/suspicious/noControlCharactersInRegex: looking for ESC
    const ansi = /\u001b\[/;
    expect(await text([])).toMatch(ansi);
    expect(await text([], { NO_COLOR: '1' })).not.toMatch(ansi);
    expect(await text(['--no-color'])).not.toMatch(ansi);
    expect(await text([], {}, false)).not.toMatch(ansi);
  });

  it('fits 100 columns, also with long paths and notes', async () => {
    const deep = join(
      scratch,
      'a-folder-with-a-rather-long-name',
      'and-another-one-below-it-to-make-paths-long',
    );
    mkdirSync(deep, { recursive: true });
    for (const f of readdirSync(FIXTURES)) copyFileSync(join(FIXTURES, f), join(deep, f));
    let out = '';
    await runCli(['overlap', deep, '--attended-only'], {
      cwd: ROOT,
      env: {},
      stdoutIsTTY: false,
      stdout: (s) => {
        out += s;
      },
      stderr: () => undefined,
      readStdin: async () => new Uint8Array(),
    });
    const lines = out.split('\n');
    expect(out).toContain('attended-only: these inputs say nothing about attendance');
    expect(Math.max(...lines.map((l) => [...l].length))).toBeLessThanOrEqual(100);
  });

  it('fits an 80-column terminal: names are clipped, numbers kept, in either language', async () => {
    for (const lang of ['en', 'de']) {
      const out = await text(['--lang', lang], { NO_COLOR: '1' }, true, 80);
      const widest = Math.max(...out.split('\n').map((l) => [...l].length));
      expect(widest, lang).toBeLessThanOrEqual(80);
      expect(out).toContain('…');
    }
  });
});

describe('determinism', () => {
  const files = readdirSync(FIXTURES).map((f) => join(FIXTURES, f));
  const shuffled = [...files].reverse();
  const other = mkdtempSync(join(tmpdir(), 'netz-cwd-'));

  it.each(['json', 'md', 'text'])(
    '%s is byte-identical across processes, argument order, cwd, TZ and locale (--lang given)',
    (format) => {
      const one = netz(['overlap', ...files, '-f', format, '--lang', 'de'], {
        env: { TZ: 'UTC', LANG: 'C' },
      });
      const two = netz(['overlap', ...shuffled, '-f', format, '--lang', 'de'], {
        cwd: other,
        env: { TZ: 'Pacific/Kiritimati', LANG: 'en_US.UTF-8' },
      });
      expect(one.status).toBe(0);
      expect(two.stdout).toBe(one.stdout);
    },
  );

  it('takes the language from LANG when --lang is not given, and records it', () => {
    const german = netz(['overlap', FIXTURES, '-f', 'json'], { env: { LANG: 'de_DE.UTF-8' } });
    expect(JSON.parse(german.stdout).options.lang).toBe('de');
    const text = netz(['overlap', FIXTURES], { env: { LANG: 'de_DE.UTF-8' } }).stdout;
    expect(text).toContain('Auf einen Blick');
    const english = netz(['overlap', FIXTURES, '-f', 'json'], { env: { LANG: 'C.UTF-8' } });
    expect(JSON.parse(english.stdout).options.lang).toBe('en');
    const forced = netz(['overlap', FIXTURES, '--lang', 'en'], { env: { LC_ALL: 'de_DE' } });
    expect(forced.stdout).toContain('In brief');
  });
});

describe('--sections', () => {
  const sources = readdirSync(FIXTURES).map((f) => ({
    name: join(FIXTURES, f),
    open: async () => new Uint8Array(readFileSync(join(FIXTURES, f))),
  }));

  it.each([
    ['groups,pairs,fish', ['groups', 'pairs', 'fish']],
    [
      'intersections,pond,reach,fresh,accounting',
      ['intersections', 'pond', 'reach', 'fresh', 'accounting'],
    ],
  ] as const)(
    'text and Markdown of %s, measured without the person projection, are the complete report cut to them',
    async (list, sections) => {
      // The complete report (projection, bridges, communities, cliques and all), rendered with
      // only these sections: what the CLI printed before it left the projection out for them.
      const full = await analyze(sources, { lang: 'en' });
      expect(full.bridges.length).toBeGreaterThan(0);
      for (const format of ['md', 'text'] as const) {
        const run = netz(['overlap', FIXTURES, '--sections', list, '-f', format, '--lang', 'en']);
        expect(run.status).toBe(0);
        expect(run.stdout).toBe(renderReport(full, format, { color: false, sections }));
      }
      // Without the projection the graph parts are empty (the CLI shows none of them).
      const lean = await analyze(sources, { lang: 'en', graphSections: false });
      expect([lean.bridges, lean.disconnected, lean.cliques.list, lean.communities.list]).toEqual([
        [],
        [],
        [],
        [],
      ]);
      expect({ ...lean, bridges: full.bridges }).toMatchObject({
        groups: full.groups,
        pairs: full.pairs,
        intersections: full.intersections,
        fish: full.fish,
        population: full.population,
        reach: full.reach,
        freshness: full.freshness,
        notes: full.notes,
      });
    },
  );

  it('keeps JSON complete and measures the graph for the story or a graph section', () => {
    const json = JSON.parse(
      netz(['overlap', FIXTURES, '--sections', 'groups', '-f', 'json']).stdout,
    );
    expect(json.bridges.length).toBeGreaterThan(0);
    expect(json.communities.list.length).toBeGreaterThan(0);
    const story = netz(['overlap', FIXTURES, '--sections', 'story', '--lang', 'en']).stdout;
    expect(story).toMatch(/is the strongest\s+bridge/);
  });

  it('refuses an unknown section with the list to choose from, exit 2', () => {
    const run = netz(['overlap', FIXTURES, '--sections', 'groups,bridgez']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/--sections groups,bridgez: choose from story, groups, pairs/);
  });
});
