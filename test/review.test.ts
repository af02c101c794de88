// netz review: uncertain pairs with evidence, the interactive loop and the files to edit by hand.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/main.js';
import { ReviewReportSchema } from '../src/report/schema.js';
import { netz } from './helpers/run.js';

// A guest ticket on the buyer's e-mail with another name: e-mail same +12, name different −8 = 4,
// in the review band [4, 10).
function project() {
  const dir = mkdtempSync(join(tmpdir(), 'netz-review-'));
  writeFileSync(
    join(dir, 'eb.csv'),
    'First Name,Last Name,Email\nHeike,Haßelkus,h@kultur.example\nJürgen,Köhler,h@kultur.example\n',
  );
  return dir;
}

async function run(dir: string, args: string[], answers: string[] = []) {
  let out = '';
  const code = await runCli(args, {
    cwd: dir,
    env: {},
    stdoutIsTTY: answers.length > 0,
    stdout: (s) => {
      out += s;
    },
    stderr: () => undefined,
    readStdin: async () => new Uint8Array(),
    ...(answers.length > 0 ? { ask: async () => answers.shift() ?? 'q' } : {}),
  });
  return { code, out };
}

describe('netz review', () => {
  it('lists the review-band pair with its evidence side by side (review@1)', () => {
    const dir = project();
    const report = ReviewReportSchema.parse(
      JSON.parse(netz(['review', 'eb.csv', '-f', 'json'], { cwd: dir }).stdout),
    );
    expect(report.pairs).toHaveLength(1);
    expect(report.pairs[0]?.weight).toBe(4);
    expect(report.pairs[0]?.evidence).toEqual([
      { field: 'email', level: 'same', weight: 12 },
      { field: 'name', level: 'different', weight: -8 },
    ]);
    // The shared e-mail cannot tell them apart in a links line, so the name@group keys are used.
    expect([report.pairs[0]?.a.key, report.pairs[0]?.b.key]).toEqual([
      'name:heike hasselkus@eb',
      'name:juergen koehler@eb',
    ]);
  });

  it('writes Markdown and CSV to decide by hand', () => {
    const dir = project();
    expect(netz(['review', 'eb.csv', '-f', 'md'], { cwd: dir }).stdout).toContain(
      'must,name:heike hasselkus@eb,name:juergen koehler@eb,',
    );
    expect(netz(['review', 'eb.csv', '-f', 'csv'], { cwd: dir }).stdout.split('\n')[0]).toBe(
      'kind,a,b,note,weight,name_a,name_b,where_a,where_b',
    );
  });

  it('--strict exits 1 while pairs wait for review', () => {
    expect(netz(['review', 'eb.csv', '--strict'], { cwd: project() }).status).toBe(1);
  });

  it('on a terminal, a rejected pair becomes a cannot line in netz.links.csv', async () => {
    const dir = project();
    const { code, out } = await run(dir, ['review', 'eb.csv'], ['r']);
    expect(code).toBe(0);
    expect(out).toContain('1 decision(s) written to netz.links.csv');
    expect(readFileSync(join(dir, 'netz.links.csv'), 'utf8')).toBe(
      'kind,a,b,note\ncannot,name:heike hasselkus@eb,name:juergen koehler@eb,netz review\n',
    );
  });
});

describe('a decision honoured by the next run', () => {
  it('accepting the pair merges the two records next time', async () => {
    const dir = project();
    const people = async () =>
      JSON.parse((await run(dir, ['people', 'eb.csv', '-f', 'json'])).out).people.length;
    expect(await people()).toBe(2);
    await run(dir, ['review', 'eb.csv'], ['a']);
    expect(await people()).toBe(1);
  });
});
