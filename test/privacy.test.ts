// netz hash: the hashed files hold no e-mail, name or phone of the input (raw or normalised) and
// not the key; two keys give disjoint pseudonyms; the overlap on hashed files equals the overlap
// on the plain files with --match exact; mixed inputs, other keys and short keys are refused.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readAndResolve } from '../src/analyze.js';
import { emailKey, nameKey, phoneKey } from '../src/resolve/normalize.js';
import { netz } from './helpers/run.js';
import { FIXTURES } from './helpers/sources.js';

const dir = mkdtempSync(join(tmpdir(), 'netz-hash-'));
const KEY_A = `${'a'.repeat(20)}-secret-key-of-the-groups-2025`;
const KEY_B = `${'b'.repeat(20)}-another-key-of-other-groups`;
const keyFile = join(dir, 'netz.key');
writeFileSync(keyFile, `${KEY_A}\n`);

function hash(out: string, env: Record<string, string>, extra: string[] = []) {
  return netz(['hash', FIXTURES, '--out-dir', join(dir, out), ...extra], { env });
}

const withFile = hash('a', {}, ['--key-file', keyFile]);
const withEnv = hash('a-env', { NETZ_KEY: KEY_A });
const other = hash('b', { NETZ_KEY: KEY_B });
const filesOf = (out: string) =>
  readdirSync(join(dir, out))
    .sort()
    .map((f) => readFileSync(join(dir, out, f), 'utf8'));

/** Every pseudonym (e-mail, name, phone, id columns) in a folder of hash files. */
function pseudonyms(out: string): Set<string> {
  const all = new Set<string>();
  for (const text of filesOf(out)) {
    for (const line of text.trim().split('\n').slice(1)) {
      const cells = line.split(',');
      for (const cell of cells.slice(8)) for (const p of cell.split(' ')) if (p !== '') all.add(p);
    }
  }
  return all;
}

describe('netz hash', () => {
  it('writes one hashed file per input and never prints the key', () => {
    for (const run of [withFile, withEnv, other]) {
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout + run.stderr).not.toContain(KEY_A);
      expect(run.stdout + run.stderr).not.toContain(KEY_B);
    }
    expect(readdirSync(join(dir, 'a'))).toHaveLength(8);
  });

  it('holds no e-mail, name or phone of the input, raw or normalised, nor the key', async () => {
    const plain = await readAndResolve(
      readdirSync(FIXTURES).map((f) => ({
        name: join(FIXTURES, f),
        open: async () => new Uint8Array(readFileSync(join(FIXTURES, f))),
      })),
    );
    const secrets = new Set<string>();
    for (const r of plain.records) {
      for (const e of r.emails) {
        secrets.add(e);
        secrets.add(emailKey(e));
        secrets.add(e.split('@')[0] as string);
      }
      for (const n of [r.name, r.firstName, r.lastName]) {
        if (n === undefined || n.length < 3) continue;
        secrets.add(n);
        secrets.add(nameKey(n));
      }
      if (r.phone !== undefined) {
        secrets.add(r.phone);
        const e164 = phoneKey(r.phone);
        if (e164 !== undefined) secrets.add(e164);
      }
      if (r.platformId !== undefined) secrets.add(r.platformId.split(':')[1] as string);
    }
    expect(secrets.size).toBeGreaterThan(300);
    const text = filesOf('a').join('\n').toLowerCase();
    const found = [...secrets].filter((s) => text.includes(s.toLowerCase()));
    expect(found).toEqual([]);
    expect(text).not.toContain(KEY_A.toLowerCase());
  });

  it('ignores a key file’s trailing newline: file and NETZ_KEY give the same pseudonyms', () => {
    expect(filesOf('a-env')).toEqual(filesOf('a'));
  });

  it('gives disjoint pseudonyms under two keys', () => {
    const a = pseudonyms('a');
    const b = pseudonyms('b');
    expect(a.size).toBeGreaterThan(250);
    expect([...a].filter((p) => b.has(p))).toEqual([]);
  });

  it('gives the overlap of the plain files with --match exact', () => {
    const hashed = JSON.parse(netz(['overlap', join(dir, 'a'), '-f', 'json']).stdout);
    const plain = JSON.parse(netz(['overlap', FIXTURES, '-f', 'json', '--match', 'exact']).stdout);
    expect(hashed.options.match).toBe('exact');
    expect(hashed.totals).toEqual(plain.totals);
    expect(hashed.groups).toEqual(plain.groups);
    expect(hashed.pairs).toEqual(plain.pairs);
    expect(
      hashed.intersections.map((i: { groups: string[]; people: number }) => [i.groups, i.people]),
    ).toEqual(
      plain.intersections.map((i: { groups: string[]; people: number }) => [i.groups, i.people]),
    );
    expect(hashed.fish.groupsPerPerson).toEqual(plain.fish.groupsPerPerson);
    expect(hashed.population).toEqual(plain.population);
    expect(hashed.disconnected.map((d: { a: string; b: string }) => [d.a, d.b])).toEqual(
      plain.disconnected.map((d: { a: string; b: string }) => [d.a, d.b]),
    );
  });

  it('refuses hashed and plain inputs together, and files of two keys', () => {
    const mixed = netz(['overlap', join(dir, 'a'), join(FIXTURES, 'bergisch-digital.csv')]);
    expect(mixed.status).toBe(2);
    expect(mixed.stderr).toMatch(
      /bergisch-digital\.csv: hashed and plain inputs cannot be compared/,
    );
    const keys = netz([
      'overlap',
      join(dir, 'a', 'bergisch-digital.netz-hash.csv'),
      join(dir, 'b', 'frauen-netzwerk-solingen.netz-hash.csv'),
    ]);
    expect(keys.status).toBe(2);
    expect(keys.stderr).toMatch(/hashed with another key or version/);
  });

  it('refuses a missing or short key with exit 2', () => {
    const none = netz(['hash', FIXTURES, '--out-dir', join(dir, 'x')]);
    expect(none.status).toBe(2);
    expect(none.stderr).toMatch(/no key: give --key-file FILE or set NETZ_KEY/);
    const short = netz(['hash', FIXTURES, '--out-dir', join(dir, 'x')], {
      env: { NETZ_KEY: 'short' },
    });
    expect(short.status).toBe(2);
    expect(short.stderr).toMatch(/the key has 5 bytes; it needs at least 32/);
    expect(short.stderr).not.toContain('short\n');
  });

  it.each([
    ['missing', () => join(dir, 'no.key'), 'no such file; check the path'],
    ['a folder', () => dir, 'this is a folder; name the file'],
    // Read as a stream up to 64 MiB, then refused: it would never end.
    [
      'endless',
      () => '/dev/zero',
      'the file has more than 64 MiB; check that it is the right file',
    ],
  ])('refuses a key file that is %s, in one line with exit 2', (_what, path, message) => {
    const run = netz(['hash', FIXTURES, '--out-dir', join(dir, 'x'), '--key-file', path()]);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`netz: --key-file ${path()}: ${message}\n`);
  });
});
