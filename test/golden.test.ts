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

describe('the JSON report', () => {
  it('is valid against the overlap@1 zod schema (strict: no unknown keys)', async () => {
    const { OverlapReportSchema } = await import('../src/report/schema.js');
    const run = netz(['overlap', 'fixtures/bergisches-land', '-f', 'json']);
    const parsed = OverlapReportSchema.safeParse(JSON.parse(run.stdout));
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    const withExtra = { ...JSON.parse(run.stdout), surprise: 1 };
    expect(OverlapReportSchema.safeParse(withExtra).success).toBe(false);
  });
});
