// Golden reports: the fixtures rendered in every format by the real binary, compared with the
// committed files in test/golden/ (reviewed by eye; update with `npx vitest run -u`).
import { describe, expect, it } from 'vitest';
import { netz } from './helpers/run.js';

describe('golden reports of fixtures/bergisches-land', () => {
  it.each([
    ['text', 'en', 'bergisches-land.txt'],
    ['md', 'en', 'bergisches-land.md'],
    ['json', 'en', 'bergisches-land.json'],
    ['text', 'de', 'bergisches-land.de.txt'],
    ['md', 'de', 'bergisches-land.de.md'],
    ['json', 'de', 'bergisches-land.de.json'],
  ])('-f %s --lang %s', async (format, lang, golden) => {
    const run = netz(['overlap', 'fixtures/bergisches-land', '-f', format, '--lang', lang]);
    expect(run.status).toBe(0);
    await expect(run.stdout).toMatchFileSnapshot(`golden/${golden}`);
  });

  it.each(['groups', 'pairs', 'intersections', 'regulars', 'bridges', 'people'])(
    '-f csv --table %s',
    async (table) => {
      const run = netz(['overlap', 'fixtures/bergisches-land', '-f', 'csv', '--table', table]);
      expect(run.status).toBe(0);
      await expect(run.stdout).toMatchFileSnapshot(`golden/bergisches-land.${table}.csv`);
    },
  );
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
