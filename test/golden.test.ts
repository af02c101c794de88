// Golden reports: the fixtures rendered in every format by the real binary, compared with the
// committed files in test/golden/ (reviewed by eye; update with `npx vitest run -u`).
import { describe, expect, it } from 'vitest';
import { netz } from './helpers/run.js';

describe('golden reports of fixtures/bergisches-land', () => {
  it.each([
    ['text', 'bergisches-land.txt'],
    ['md', 'bergisches-land.md'],
    ['json', 'bergisches-land.json'],
  ])('-f %s', async (format, golden) => {
    const run = netz(['overlap', 'fixtures/bergisches-land', '-f', format]);
    expect(run.status).toBe(0);
    await expect(run.stdout).toMatchFileSnapshot(`golden/${golden}`);
  });
});
