// Hostile and broken input, fuzzed (fast-check, fixed seed): random bytes, random tables in every
// encoding and delimiter with quotes, NUL bytes, line breaks and long cells, through the reader
// and the whole pipeline (the CLI in-process, reading standard input). Never a crash or a hang:
// always exit 0, 1 or 2; exit 2 is one line on stderr; a report always validates against its
// schema. NETZ_FC_RUNS and NETZ_FC_SEED run longer or other cases (README, "Development").
import { cpSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/main.js';
import { InputError } from '../src/errors.js';
import { readSource } from '../src/read/source.js';
import { OverlapReportSchema } from '../src/report/schema.js';
import { netz } from './helpers/run.js';
import { FIXTURES } from './helpers/sources.js';

const RUNS = Number(process.env.NETZ_FC_RUNS ?? 1000);
const SEED = Number(process.env.NETZ_FC_SEED ?? 20251126);

/** Runs `netz overlap - -f json` in-process on the bytes, as if piped in. */
async function overlapOf(bytes: Uint8Array, extra: string[] = []) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(['overlap', '-', '-f', 'json', ...extra], {
    cwd: process.cwd(),
    env: {},
    stdoutIsTTY: false,
    stdout: (s) => {
      stdout += s;
    },
    stderr: (s) => {
      stderr += s;
    },
    readStdin: async () => bytes,
  });
  return { code, stdout, stderr };
}

function expectWellBehaved(run: { code: number; stdout: string; stderr: string }) {
  expect([0, 1, 2]).toContain(run.code);
  if (run.code === 2) {
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.stdout).toBe('');
  } else {
    const parsed = OverlapReportSchema.safeParse(JSON.parse(run.stdout));
    expect(parsed.success, JSON.stringify(parsed.error?.issues?.slice(0, 2))).toBe(true);
  }
}

// Cells with what breaks readers: quotes, delimiters, line breaks, NUL, BOM, control and
// combining characters, umlauts, emoji, and now and then a long run.
const nasty = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.constantFrom(
    '"',
    '""',
    '"""',
    ';',
    ',',
    '\t',
    '|',
    '\n',
    '\r\n',
    '\r',
    '\u0000',
    '\uFEFF',
    '\u001b[31m',
    'Müller, Jürgen',
    'a@b.example',
    '=1+1',
    'user 123',
    'sep=;',
    'Name',
    'E-Mail',
  ),
  fc
    .tuple(fc.constantFrom('"', 'x', ';', '\n', 'ä'), fc.integer({ min: 100, max: 5000 }))
    .map(([c, n]) => c.repeat(n)),
);
const header = fc.array(
  fc.oneof(
    fc.constantFrom(
      'Name',
      'Email',
      'Vorname',
      'Nachname',
      'E-Mail',
      'Telefon',
      'Status',
      'Teilnehmer',
    ),
    nasty,
  ),
  { minLength: 1, maxLength: 6 },
);
const table = fc.record({
  header,
  rows: fc.array(fc.array(nasty, { maxLength: 7 }), { maxLength: 12 }),
  delimiter: fc.constantFrom(',', ';', '\t', '|'),
  quoteAll: fc.boolean(),
  lineEnd: fc.constantFrom('\n', '\r\n', '\r'),
  encoding: fc.constantFrom('utf-8', 'utf-8-bom', 'utf-16le', 'windows-1252'),
});

function encode(t: {
  header: string[];
  rows: string[][];
  delimiter: string;
  quoteAll: boolean;
  lineEnd: string;
  encoding: string;
}): Uint8Array {
  const cell = (c: string) =>
    t.quoteAll || /[",;\t|\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c;
  const text = [t.header, ...t.rows].map((r) => r.map(cell).join(t.delimiter)).join(t.lineEnd);
  if (t.encoding === 'utf-8') return new TextEncoder().encode(text);
  if (t.encoding === 'utf-8-bom') return new TextEncoder().encode(`\uFEFF${text}`);
  if (t.encoding === 'utf-16le')
    return new Uint8Array(iconv.encode(text, 'utf-16le', { addBOM: true }));
  return new Uint8Array(iconv.encode(text, 'windows-1252'));
}

describe('fuzzing the reader and the pipeline', () => {
  it(`random bytes: read or refused with an InputError (${RUNS} cases)`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 3000 }), async (bytes) => {
        try {
          await readSource({ name: 'fuzz.csv', bytes }, 0, {});
        } catch (error) {
          expect(error).toBeInstanceOf(InputError);
        }
      }),
      { numRuns: RUNS, seed: SEED },
    );
  }, 120_000);

  it(`random tables in every encoding and delimiter: exit 0, 1 or 2, never a stack trace (${RUNS} cases)`, async () => {
    await fc.assert(
      fc.asyncProperty(table, async (t) => {
        expectWellBehaved(await overlapOf(encode(t)));
      }),
      { numRuns: RUNS, seed: SEED },
    );
  }, 240_000);

  it('pathological inputs end quickly and well', async () => {
    const cases: Uint8Array[] = [
      // 2 MB of quotes, a 6 MB field, 100,000 cells on one line, NUL bytes, a lone BOM.
      new TextEncoder().encode(`Name,Email\n${'"'.repeat(2_000_000)}\n`),
      new TextEncoder().encode(
        `Name,Email\n"${'x'.repeat(6_000_000)}",a@b.example\nAnke,a@x.example\n`,
      ),
      new TextEncoder().encode(`Name,Email\n${'a,'.repeat(100_000)}\nAnke,a@x.example\n`),
      new TextEncoder().encode('Name,Email\nAn\u0000ke,a@x.example\n'),
      new TextEncoder().encode('\uFEFF'),
      new TextEncoder().encode(`${'Name,'.repeat(5000)}Email\nAnke,a@x.example\n`),
      new TextEncoder().encode(`Name,Email\n${'Anke,a@x.example\n'.repeat(50_000)}`),
    ];
    for (const bytes of cases) {
      const started = performance.now();
      expectWellBehaved(await overlapOf(bytes));
      expect(performance.now() - started).toBeLessThan(20_000);
      // Memory stays in proportion to the input (the largest here is 6 MB), far below a gigabyte.
      expect(process.memoryUsage().rss).toBeLessThan(1024 ** 3);
    }
  }, 120_000);
});

describe('hostile spreadsheets, and inputs left as they were', () => {
  it('reads a formula cell as no value, never as text that could run in a spreadsheet', async () => {
    const { default: writeExcelFile } = await import('write-excel-file/node');
    const bytes = await writeExcelFile([
      [{ value: 'Name' }, { value: 'Email' }],
      [
        { type: 'Formula', value: '=HYPERLINK("https://evil.example","klick")' },
        { value: 'a@x.example' },
      ],
      [{ value: 'Anke' }, { value: 'b@x.example' }],
    ]).toBuffer();
    const run = await overlapOf(new Uint8Array(bytes));
    expectWellBehaved(run);
    expect(run.stdout).not.toContain('HYPERLINK');
    expect(JSON.parse(run.stdout).totals.people).toBe(2);
  });

  it('refuses an .xlsx whose parts inflate more than 200-fold, before inflating them', async () => {
    const { default: writeExcelFile } = await import('write-excel-file/node');
    // 3 MB of one letter compresses to a few kB: the declared ratio gives the bomb away.
    const bytes = await writeExcelFile([
      [{ value: 'Name' }, { value: 'Email' }],
      [{ value: 'a'.repeat(3_000_000) }, { value: 'c@x.example' }],
    ]).toBuffer();
    const run = await overlapOf(new Uint8Array(bytes));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/compresses a part more than 200-fold \(a decompression bomb\?\)/);
  });

  it('never writes to an input: every command leaves the files byte for byte, and -o onto an input is refused', () => {
    const dir = mkdtempSync(join(tmpdir(), 'netz-inputs-'));
    cpSync(FIXTURES, dir, { recursive: true });
    const before = readdirSync(dir).map((f) => [
      f,
      statSync(join(dir, f)).mtimeMs,
      readFileSync(join(dir, f)),
    ]);
    for (const args of [
      ['overlap', dir, '-f', 'md'],
      ['people', dir, '-f', 'csv'],
      ['inspect', dir],
      ['review', dir, '-f', 'json'],
      ['overlap', dir, '-o', join(dir, 'bergisch-digital.csv')],
    ])
      netz(args, { env: { NETZ_KEY: 'x'.repeat(40) } });
    const refused = netz(['overlap', dir, '-o', join(dir, 'bergisch-digital.csv')]);
    expect(refused.status).toBe(2);
    const after = readdirSync(dir).map((f) => [
      f,
      statSync(join(dir, f)).mtimeMs,
      readFileSync(join(dir, f)),
    ]);
    expect(after).toEqual(before);
  });
});
