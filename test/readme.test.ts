// The README's examples are real: every ```-block that starts with `$ netz …` is run and its
// output compared with what the README shows.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { netz } from './helpers/run.js';
import { ROOT } from './helpers/sources.js';

const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const examples = [...readme.matchAll(/```\n\$ (netz (?:[^\n]*\\\n)*[^\n]*)\n([\s\S]*?)```/g)].map(
  (m) => ({
    command: (m[1] ?? '').replace(/\\\n\s*/g, ''),
    output: m[2] ?? '',
  }),
);

describe('README examples', () => {
  it('has examples', () => {
    expect(examples.length).toBeGreaterThanOrEqual(2);
  });

  it.each(examples)('$command', ({ command, output }) => {
    const args = command.split(/\s+/).slice(1);
    const run = netz(args);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(output);
  });
});
