// docs/ci.md's GitHub Actions workflow works: its `run:` steps (all but installing netz) run with
// bash against a copy of the shipped fixtures, `netz` on the PATH and a job summary file, as the
// runner would run them; the report lands in the summary, the files are written, and the strict
// step fails on the fixtures' skipped rows and waiting pairs, naming them.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pipeline } from './helpers/run.js';
import { BIN, FIXTURES, ROOT } from './helpers/sources.js';

const doc = readFileSync(join(ROOT, 'docs', 'ci.md'), 'utf8');
const workflow = /```yaml\n([\s\S]*?)```/.exec(doc)?.[1] ?? '';

/** The `run:` steps of the workflow, in order, with their names. */
function steps(): { name: string; script: string }[] {
  const out: { name: string; script: string }[] = [];
  const lines = workflow.split('\n');
  let name = '';
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const named = /^\s+- name: (.*)$/.exec(line);
    if (named) name = named[1] as string;
    const run = /^(\s+)run: (.*)$/.exec(line);
    if (!run) continue;
    if (run[2] !== '|') {
      out.push({ name, script: run[2] as string });
      continue;
    }
    const body: string[] = [];
    const indent = (run[1] as string).length + 2;
    while (i + 1 < lines.length && /^\s*$|^\s+/.test(lines[i + 1] as string)) {
      const next = lines[i + 1] as string;
      if (next.trim() !== '' && next.length - next.trimStart().length < indent) break;
      body.push(next.slice(indent));
      i++;
    }
    out.push({ name, script: body.join('\n') });
  }
  return out;
}

describe('docs/ci.md', () => {
  const work = mkdtempSync(join(tmpdir(), 'netz-ci-'));
  cpSync(FIXTURES, join(work, 'exports'), { recursive: true });
  const bin = join(work, 'bin');
  mkdirSync(bin);
  writeFileSync(join(bin, 'netz'), `#!/bin/sh\nexec node '${BIN}' "$@"\n`, { mode: 0o755 });
  const summary = join(work, 'summary.md');
  const run = (script: string) =>
    pipeline(
      `export PATH='${bin}':"$PATH" GITHUB_STEP_SUMMARY='${summary}' LANG=C.UTF-8\n${script}`,
      work,
    );
  const all = steps().filter((s) => !s.script.includes('npm install'));

  it('has the steps the doc describes', () => {
    expect(all.map((s) => s.name)).toEqual([
      'Read the exports',
      'Report',
      'Publish the report to the job summary',
      'Fail on skipped rows, findings, unread files or pairs waiting for review',
    ]);
  });

  it('reads, reports, publishes and fails where it should', () => {
    const [read, report, publish, strict] = all;
    expect(run(read?.script ?? 'false').status).toBe(0);
    expect(run(report?.script ?? 'false').status).toBe(0);
    expect(run(publish?.script ?? 'false').status).toBe(0);
    expect(readFileSync(summary, 'utf8')).toMatch(/^# netz-Überschneidungsbericht\n/);
    expect(readFileSync(summary, 'utf8')).toContain('```mermaid');
    const json = JSON.parse(readFileSync(join(work, 'netz-report.json'), 'utf8'));
    expect(json.schema).toBe('netz/overlap@1');
    expect(readFileSync(join(work, 'netz-pairs.csv'), 'utf8')).toMatch(/^group_a,group_b,shared/);
    const failed = run(strict?.script ?? 'true');
    expect(failed.status).toBe(1);
    expect(failed.stderr).toMatch(/skipped row\(s\).*identity pair\(s\) waiting/);
  });
});
