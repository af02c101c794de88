// `netz overlap` and `netz people` on large inputs run their whole pipeline in a worker thread with a larger young
// generation (src/cli/pipeline-run.ts). The worker runs from the compiled files (`npm test` builds
// first), so this test loads dist/ and runs bin/netz.js; the threshold is lowered to 0 bytes
// (NETZ_WORKER_BYTES, or runPipeline's last argument) so that the small fixtures take the
// worker's path. Whatever the thread, the report, the messages and the exit code are the same.
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: the bench's generator is plain JavaScript without types.
import { generate } from '../bench/generate.mjs';
import { fileSource } from '../dist/cli/io.js';
import type { PeopleJob } from '../dist/cli/people-report.js';
import { type OverlapJob, outOfMemory, runPipeline } from '../dist/cli/pipeline-run.js';
import { InputError, NetzError, plainError, revivedError, UsageError } from '../dist/errors.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(root, 'bin', 'netz.js');
const REGION = join(root, 'fixtures', 'bergisches-land');
const READ = join(root, 'test', 'fixtures', 'read');

/** Runs the CLI in a child process (the built bundle) with the given worker threshold. */
function cli(
  args: string[],
  workerBytes: string | undefined,
  nodeFlags: string[] = [],
  cwd: string = root,
) {
  const { NETZ_WORKER_BYTES: _, ...inherited } = process.env;
  const env =
    workerBytes === undefined ? inherited : { ...inherited, NETZ_WORKER_BYTES: workerBytes };
  const run = spawnSync(process.execPath, [...nodeFlags, BIN, ...args], {
    encoding: 'utf8',
    env,
    cwd,
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

const job = (format: OverlapJob['format'], table?: OverlapJob['table']): OverlapJob => ({
  kind: 'overlap',
  settings: { match: 'fuzzy', minGroups: 3 },
  format,
  table,
  render: { color: false, top: 10, minCell: 1 },
  bytes: 1,
});

const sourcesOf = (dir: string, names: readonly string[]) =>
  names.map((name) => fileSource({ name: join(dir, name), cwd: root }));

describe('the overlap pipeline in its own worker thread', () => {
  it('gives the same report, messages and exit code as in the main thread', () => {
    // The region's eight exports (Luma, Meetup TSV, xlsx, Excel CSVs…): 2 skipped rows and one
    // pair for review, reported on stderr by the main thread from the worker's counts.
    for (const format of ['json', 'md', 'text']) {
      const here = cli(['overlap', REGION, '-f', format], undefined);
      const worker = cli(['overlap', REGION, '-f', format], '0');
      expect(here.code).toBe(0);
      expect(worker).toEqual(here);
      expect(here.stderr).toBe(
        'netz: 2 skipped row(s), listed in the report; 1 identity pair(s) waiting for a decision in netz review\n',
      );
    }
    const json = JSON.parse(cli(['overlap', REGION, '-f', 'json'], '0').stdout);
    expect(json.inputs).toHaveLength(8);
  });

  it('netz people gives the same list, messages and exit code in the worker', () => {
    // The region's exports: every format, --explain with the merges' evidence (kept only for
    // it), --strict's exit code 1 for the 2 skipped rows and the pair for review.
    const runs = [
      ['people', REGION, '-f', 'json'],
      ['people', REGION, '-f', 'csv'],
      ['people', REGION, '--explain', 'Köhler'],
      ['people', REGION, '-f', 'md', '--strict'],
    ];
    for (const args of runs) {
      const here = cli(args, undefined);
      const worker = cli(args, '0');
      expect(worker).toEqual(here);
      expect(here.code).toBe(args.includes('--strict') ? 1 : 0);
      expect(here.stdout.length).toBeGreaterThan(100);
    }
    const explained = cli(['people', REGION, '--explain', 'Köhler'], '0').stdout;
    expect(explained).toMatch(/Köhler/);
    expect(explained).toMatch(/e-?mail/i);
    const json = JSON.parse(cli(['people', REGION, '-f', 'json'], '0').stdout);
    expect(json.schema).toBe('netz/people@1');
  });

  it('the worker writes the -o file, or fails as this thread does when it cannot', () => {
    const dir = mkdtempSync(join(tmpdir(), 'netz-out-'));
    const out = join(dir, 'people.json');
    const written = cli(['people', REGION, '-f', 'json', '-o', out], '0');
    expect(written).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(readFileSync(out, 'utf8')).toBe(cli(['people', REGION, '-f', 'json'], undefined).stdout);
    expect(readdirSync(dir)).toEqual(['people.json']);
    const missing = join(dir, 'nowhere', 'report.json');
    for (const command of ['overlap', 'people']) {
      const here = cli([command, REGION, '-o', missing], undefined);
      expect(here.code).toBe(2);
      expect(here.stderr).toBe(
        `netz: ${missing}: cannot write the output (ENOENT); check the folder exists and is writable\n`,
      );
      expect(cli([command, REGION, '-o', missing], '0')).toEqual(here);
    }
  });

  it('netz review gives the same pairs, messages and exit code in the worker', () => {
    // The region's one pair in the review band; --strict exits 1 for it.
    for (const args of [
      ['review', REGION, '-f', 'json'],
      ['review', REGION, '-f', 'md'],
      ['review', REGION, '-f', 'csv', '--strict'],
    ]) {
      const here = cli(args, undefined);
      const worker = cli(args, '0');
      expect(worker).toEqual(here);
      expect(here.code).toBe(args.includes('--strict') ? 1 : 0);
    }
    expect(JSON.parse(cli(['review', REGION, '-f', 'json'], '0').stdout).pairs).toHaveLength(1);
  });

  it('netz review at the terminal decides the pairs the worker found', async () => {
    // A guest ticket on the buyer's e-mail with another name (e-mail +12, name −8 = 4: review).
    // In-process from the built files, so that the worker runs; the answer "a" writes a
    // must-link, the same as when the pairs are found in this thread.
    const { runCli } = await import('../dist/cli/main.js');
    const decided: string[] = [];
    for (const workerBytes of ['0', '99999999999']) {
      const dir = mkdtempSync(join(tmpdir(), 'netz-review-'));
      writeFileSync(
        join(dir, 'eb.csv'),
        'First Name,Last Name,Email\nHeike,Haßelkus,h@kultur.example\nJürgen,Köhler,h@kultur.example\n',
      );
      let out = '';
      const answers = ['a'];
      const code = await runCli(['review', 'eb.csv'], {
        cwd: dir,
        env: { NETZ_WORKER_BYTES: workerBytes },
        stdoutIsTTY: true,
        stdout: (text: string) => {
          out += text;
        },
        stderr: () => undefined,
        readStdin: async () => new Uint8Array(),
        ask: async () => answers.shift() ?? 'q',
      });
      expect(code).toBe(0);
      expect(out).toContain('Pair 1 of 1, weight 4.0');
      expect(out).toContain('1 decision(s) written to netz.links.csv');
      decided.push(readFileSync(join(dir, 'netz.links.csv'), 'utf8'));
    }
    expect(decided[0]).toBe(
      'kind,a,b,note\nmust,name:heike hasselkus@eb,name:juergen koehler@eb,netz review\n',
    );
    expect(decided[1]).toBe(decided[0]);
  });

  it('netz people reports a bad input from the worker as from this thread', () => {
    const dir = mkdtempSync(join(tmpdir(), 'netz-people-'));
    writeFileSync(join(dir, 'leer.csv'), '');
    const here = cli(['people', join(dir, 'leer.csv')], undefined);
    expect(here.code).toBe(2);
    expect(here.stderr).toMatch(/leer\.csv: the file is empty; export the list again/);
    expect(cli(['people', join(dir, 'leer.csv')], '0')).toEqual(here);
  });

  it('honours the config file and the links file in the worker', () => {
    // Two groups renamed by the config, minGroups 2 and seed 7 from it; a links line whose keys
    // match nobody: the unmatched-link finding is reported from the worker as from this thread.
    const dir = mkdtempSync(join(tmpdir(), 'netz-config-'));
    mkdirSync(join(dir, 'exports'));
    for (const name of readdirSync(REGION))
      writeFileSync(join(dir, 'exports', name), readFileSync(join(REGION, name)));
    writeFileSync(
      join(dir, 'netz.config.json'),
      JSON.stringify({
        sources: [
          { match: 'exports/repair-*.csv', group: 'Repair Café' },
          { match: 'exports/makerspace-remscheid.xlsx', group: 'Makerspace RS' },
        ],
        minGroups: 2,
        seed: 7,
      }),
    );
    writeFileSync(
      join(dir, 'netz.links.csv'),
      'kind,a,b,note\nmust,email:nobody@nowhere.example,email:other@nowhere.example,test\n',
    );
    const here = cli(['overlap', 'exports', '-f', 'json'], undefined, [], dir);
    const worker = cli(['overlap', 'exports', '-f', 'json'], '0', [], dir);
    expect(worker).toEqual(here);
    const report = JSON.parse(worker.stdout);
    expect(report.groups.map((g: { name: string }) => g.name)).toEqual(
      expect.arrayContaining(['Repair Café', 'Makerspace RS']),
    );
    expect(report.options).toMatchObject({ minGroups: 2, seed: 7 });
    expect(report.findings.map((f: { code: string }) => f.code)).toContain('unmatched-link');
  });

  it('reads messy German exports in the worker as in the main thread', async () => {
    // Windows-1252, UTF-8 with BOM, UTF-16LE Teams, a two-section Zoom webinar report and
    // "Nachname, Vorname": decoding (iconv-lite loads in the worker) and reading happen there.
    const names = [
      'excel-semicolon-windows-1252.csv',
      'excel-utf8-bom-semicolon.csv',
      'teams-attendance-utf16le.csv',
      'zoom-webinar-attendee-report.csv',
      'teilnehmer-nachname-vorname.csv',
    ];
    expect(readdirSync(READ)).toEqual(expect.arrayContaining(names));
    for (const [format, table] of [
      ['json', undefined],
      ['csv', 'people'],
    ] as const) {
      const here = await runPipeline(sourcesOf(READ, names), root, job(format, table));
      const worker = await runPipeline(
        sourcesOf(READ, names),
        root,
        job(format, table),
        undefined,
        0,
      );
      expect(here.ranIn).toBe('main');
      expect(worker.ranIn).toBe('worker');
      expect({ ...worker, ranIn: 'main' }).toEqual(here);
    }
    const report = JSON.parse(
      (await runPipeline(sourcesOf(READ, names), root, job('json'), undefined, 0)).text,
    );
    expect(report.inputs.map((i: { encoding: string }) => i.encoding)).toEqual(
      expect.arrayContaining(['windows-1252', 'utf-16le']),
    );
  });

  it('runs netz people in the worker: the same list, from the same messy exports', async () => {
    const names = ['excel-semicolon-windows-1252.csv', 'teilnehmer-nachname-vorname.csv'];
    const people = (format: 'json' | 'text'): PeopleJob => ({
      kind: 'people',
      settings: { match: 'fuzzy' },
      explain: undefined,
      format,
      bytes: 1,
    });
    for (const format of ['json', 'text'] as const) {
      const here = await runPipeline(sourcesOf(READ, names), root, people(format));
      const worker = await runPipeline(sourcesOf(READ, names), root, people(format), undefined, 0);
      expect(here.ranIn).toBe('main');
      expect(worker.ranIn).toBe('worker');
      expect({ ...worker, ranIn: 'main' }).toEqual(here);
    }
    // "Nachname, Vorname" read in the worker: the names come back first name first.
    const report = JSON.parse(
      (await runPipeline(sourcesOf(READ, names), root, people('json'), undefined, 0)).text,
    );
    expect(report.schema).toBe('netz/people@1');
    expect(report.people.every((p: { name: string }) => !p.name.includes(','))).toBe(true);
  });

  it('tells the main thread of each step, for the progress bar', async () => {
    const steps: { done: number; total: number; stage: string }[] = [];
    const names = ['bergisch-digital.csv', 'repair-cafe-wuppertal.csv'];
    const run = await runPipeline(
      sourcesOf(REGION, names),
      root,
      job('json'),
      (s) => steps.push(s),
      0,
    );
    expect(run.ranIn).toBe('worker');
    // Two files, resolving, measuring: 4 steps, the last one "measuring".
    expect(steps.at(-1)).toEqual({ done: 3, total: 4, stage: 'measuring' });
    expect(steps.length).toBeGreaterThanOrEqual(3);
  });

  it('standard input stays in the main thread', async () => {
    const text = 'Name;E-Mail\nAnke Schmitz;anke@example.org\n';
    const stdin = {
      name: '-',
      group: 'stdin-group',
      open: async () => new TextEncoder().encode(text),
    };
    const run = await runPipeline([stdin], root, job('json'), undefined, 0);
    expect(run.ranIn).toBe('main');
    expect(JSON.parse(run.text).totals.people).toBe(1);
  });

  it('an input error in the worker is the same one-line message and exit code', () => {
    const bad = join('test', 'fixtures', 'read', 'unclosed-quote.csv');
    const here = cli(['overlap', bad], undefined);
    const worker = cli(['overlap', bad], '0');
    expect(here.code).toBe(2);
    expect(worker).toEqual(here);
    expect(here.stderr).toMatch(/^netz: test\/fixtures\/read\/unclosed-quote\.csv:\d+: .+\n$/);
    // With --debug, the worker's stack comes along (not a stack of the message passing).
    const debug = cli(['overlap', bad, '--debug'], '0');
    expect(debug.stderr).toContain('at readSource');
  });

  it('a wrong threshold is a usage error', () => {
    const run = cli(['overlap', REGION], 'lots');
    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'netz: NETZ_WORKER_BYTES=lots: give a whole number of bytes (0: always a worker), or unset it\n',
    });
  });

  it("errors cross the thread as data: netz's keep class, code and exit code, others stay internal", () => {
    const input = new InputError('unreadable', 'a.csv', 3, 'cannot read the file');
    const back = revivedError(structuredClone(plainError(input)));
    expect(back).toBeInstanceOf(InputError);
    expect(back).toMatchObject({
      name: 'InputError',
      code: 'unreadable',
      exitCode: 2,
      message: 'a.csv:3: cannot read the file',
      path: 'a.csv',
      line: 3,
      stack: input.stack,
    });
    const usage = revivedError(structuredClone(plainError(new UsageError('--top 0: give…'))));
    expect(usage).toBeInstanceOf(UsageError);
    expect(usage).toMatchObject({ code: 'usage', exitCode: 2, message: '--top 0: give…' });
    const other = revivedError(structuredClone(plainError(new NetzError('x', 'y', 1))));
    expect(other).not.toBeInstanceOf(InputError);
    expect(other).toMatchObject({ name: 'NetzError', code: 'x', exitCode: 1, message: 'y' });
    const internal = revivedError(structuredClone(plainError(new TypeError('x is undefined'))));
    expect(internal).not.toBeInstanceOf(NetzError);
    expect(internal).toMatchObject({ name: 'TypeError', message: 'x is undefined' });
    expect(revivedError(plainError('a string'))).toMatchObject({ message: 'a string' });
  });

  it('a worker out of memory is a one-line message with the fix, and no output file', () => {
    // The bench's generator at 20,000 rows (1.6 MB, seeded): its pipeline needs more than a
    // 16 MB old generation, the main thread (which only waits) does not.
    const dir = mkdtempSync(join(tmpdir(), 'netz-oom-'));
    mkdirSync(join(dir, 'in'));
    for (const f of generate(20000, 1).files as { name: string; text: string }[])
      writeFileSync(join(dir, 'in', f.name), f.text);
    const out = join(dir, 'report.json');
    const args = ['overlap', join(dir, 'in'), '-f', 'json', '--match', 'exact', '-o', out];
    const run = cli(args, '0', ['--max-old-space-size=16']);
    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr:
        "netz: the inputs need more memory than Node's heap limit allows; raise it, such as NODE_OPTIONS=--max-old-space-size=8192 (megabytes), or report on fewer inputs\n",
    });
    expect(existsSync(out)).toBe(false);
    // With room, the same run writes its report.
    expect(cli(args, '0', ['--max-old-space-size=256']).code).toBe(0);
    expect(existsSync(out)).toBe(true);
  });

  it('suggests twice the heap limit, in whole gigabytes, at least 8 GB', () => {
    // 4,144 MB (this machine's default): 2 × 4144 = 8288 MB → 9 GB = 9216 MB; 96 MB → 8192.
    expect(outOfMemory(4144 * 2 ** 20).message).toContain('--max-old-space-size=9216 ');
    expect(outOfMemory(96 * 2 ** 20).message).toContain('--max-old-space-size=8192 ');
    expect(outOfMemory(96 * 2 ** 20)).toMatchObject({ code: 'out-of-memory', exitCode: 2 });
  });
});
