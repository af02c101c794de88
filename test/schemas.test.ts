// The JSON Schemas: `netz schema X` prints what is committed in docs/schemas/ (update with
// `npx vitest run -u` after a deliberate change of a report), and every JSON output of every
// command validates against the committed schema with an independent validator (Ajv, draft
// 2020-12), which also refuses a report with a key the contract does not have.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { netz } from './helpers/run.js';
import { FIXTURES, ROOT } from './helpers/sources.js';

const NAMES = ['overlap', 'people', 'inspect', 'review'] as const;

function committed(name: string): object {
  return JSON.parse(readFileSync(join(ROOT, 'docs', 'schemas', `${name}.schema.json`), 'utf8'));
}

describe('netz schema', () => {
  it.each(NAMES)('%s prints the committed schema', async (name) => {
    const run = netz(['schema', name]);
    expect(run.status).toBe(0);
    await expect(run.stdout).toMatchFileSnapshot(`../docs/schemas/${name}.schema.json`);
  });

  it('refuses an unknown report with exit 2', () => {
    const run = netz(['schema', 'nope']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/overlap, people, inspect, review/);
  });
});

const dir = mkdtempSync(join(tmpdir(), 'netz-schemas-'));
const links = join(dir, 'netz.links.csv');
writeFileSync(links, 'kind,a,b,note\ncannot,email:nobody@x.example,email:other@x.example,test\n');

const OUTPUTS: readonly (readonly [(typeof NAMES)[number], readonly string[]])[] = [
  ['overlap', ['overlap', FIXTURES, '-f', 'json']],
  ['overlap', ['overlap', FIXTURES, '-f', 'json', '--lang', 'de', '--members']],
  ['overlap', ['overlap', FIXTURES, '-f', 'json', '--match', 'exact', '--attended-only']],
  [
    'overlap',
    ['overlap', FIXTURES, '-f', 'json', '--population', 'chao', '--have', 'bergisch-digital'],
  ],
  ['overlap', ['overlap', FIXTURES, '-f', 'json', '--links', links]],
  ['people', ['people', FIXTURES, '-f', 'json']],
  ['inspect', ['inspect', FIXTURES, '-f', 'json']],
  ['review', ['review', FIXTURES, '-f', 'json']],
];

describe('every JSON output validates against the committed schema (Ajv)', () => {
  const ajv = new Ajv2020.default({ allErrors: true, strict: false });
  const validators = Object.fromEntries(NAMES.map((n) => [n, ajv.compile(committed(n))]));

  it.each(OUTPUTS)('%s: netz %s', (name, args) => {
    const run = netz([...args]);
    expect(run.status).toBeLessThanOrEqual(1);
    const validate = validators[name] as ReturnType<typeof ajv.compile>;
    const report = JSON.parse(run.stdout);
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    // The contract is strict: an unknown key is an error, for Ajv as for zod.
    expect(validate({ ...report, surprise: 1 })).toBe(false);
  });
});
