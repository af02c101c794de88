// netz review: uncertain pairs with evidence, the interactive loop and the files to edit by hand.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
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
      'kind,a,b,note,weight,name_a,name_b,where_a,where_b,waits',
    );
  });

  it('says why each pair waits, at the terminal, in Markdown and in CSV', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'netz-review-why-'));
    // 1. The guest ticket: e-mail same +12, name different −8 = 4.
    // 2. Two Friedhelm vom Stein with different e-mails: −3 + 9.9 = 6.9; a name alone does not
    //    join two people with e-mail.
    // 3. A Zoom guest "Friedhelm vom Stein" without e-mail: both carry its name (+9.9 each).
    // 4. "Jürgen K." on Meetup: Jürgen Köhler and Jürgen Kaiser both fit (+4 each).
    // 5. A Zoom guest "Thomas Müler" (a typing error: Jaro–Winkler of the surnames 0.967, +5)
    //    beside Thomas Müller, among six distinct full names with Thomas (the guest's own among
    //    them) and five with Müller: E = 6 · 5 / 1000 = 0.03, four times that for a close name
    //    = 0.12, odds log2(0.95 / 0.12) = 2.98 bits, below the 4.3 a name needs.
    // 6. A Zoom guest "J. Köhler": Jürgen Köhler's surname with a first initial (+4), too little
    //    without an identifier.
    const others = ['Abel', 'Bauer', 'Claus', 'Dietz'];
    writeFileSync(
      join(dir, 'eb.csv'),
      [
        'First Name,Last Name,Email',
        'Heike,Haßelkus,h@kultur.example',
        'Jürgen,Köhler,h@kultur.example',
        'Friedhelm,vom Stein,f@stein.example',
        'Friedhelm,vom Stein,friedhelm@privat.example',
        'Jürgen,Kaiser,jk@x.example',
        'Thomas,Müller,tm@x.example',
        ...others.map((last, i) => `Thomas,${last},t${i}@x.example`),
        ...['Anna', 'Berta', 'Clara', 'Doris'].map((first, i) => `${first},Müller,m${i}@x.example`),
      ].join('\n'),
    );
    writeFileSync(join(dir, 'zoom.csv'), 'Name\nFriedhelm vom Stein\nThomas Müler\nJ. Köhler\n');
    writeFileSync(join(dir, 'm.tsv'), 'Name\tUser ID\tRSVP\nJürgen K.\tuser 1\tYes\n');
    const rows: string[][] = parse(netz(['review', '.', '-f', 'csv'], { cwd: dir }).stdout);
    expect(rows[0]?.at(-1)).toBe('waits');
    // Most uncertain first: by the distance of the weight from the band's middle, 7.
    expect(rows.slice(1).map((r) => `${r[5]} / ${r[6]}: ${r.at(-1)}`)).toEqual([
      'Friedhelm vom Stein / Friedhelm vom Stein: both have e-mail or phone and share none: a name alone does not join them',
      'Thomas Müller / Thomas Müler: the name is common: odds 2.98 bits, below the 4.3 a name needs',
      'Friedhelm vom Stein / Friedhelm vom Stein: several people carry the name, and nothing tells which',
      'Friedhelm vom Stein / Friedhelm vom Stein: several people carry the name, and nothing tells which',
      'Heike Haßelkus / Jürgen Köhler: they share an e-mail, id or phone, but their names differ',
      'Jürgen Köhler / Jürgen K.: the initial fits more than one person present',
      'Jürgen Köhler / J. Köhler: a lone surname or a first initial is too little without a shared e-mail, id or phone',
      'Jürgen Kaiser / Jürgen K.: the initial fits more than one person present',
    ]);
    const { out } = await run(dir, ['review', '.'], ['s', 's', 's', 's', 's', 's', 's']);
    expect(out).toContain('  waits:    the initial fits more than one person present\n');
    expect(netz(['review', '.', '-f', 'md'], { cwd: dir }).stdout).toMatch(
      /\| waits because \|[\s\S]*\| they share an e-mail, id or phone, but their names differ \|/,
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
