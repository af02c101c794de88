// Progress on stderr: nothing for a run under a second or when disabled (stderr no terminal,
// --quiet); a bar naming the step once a run takes longer; cleared at the end.
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { progressBar } from '../src/cli/progress.js';

function sink() {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  return { stream, text: () => chunks.join('') };
}

describe('progress', () => {
  it('stays silent when disabled', () => {
    const out = sink();
    let t = 0;
    const p = progressBar(false, { now: () => t, stream: out.stream, always: true });
    t = 5000;
    p.step({ done: 1, total: 4, stage: 'reading a.csv' });
    p.stop();
    expect(out.text()).toBe('');
  });

  it('shows nothing in the first second, then the step', () => {
    const out = sink();
    let t = 0;
    const p = progressBar(true, { now: () => t, stream: out.stream, always: true });
    t = 900;
    p.step({ done: 0, total: 4, stage: 'reading a.csv' });
    expect(out.text()).toBe('');
    t = 1500;
    p.step({ done: 1, total: 4, stage: 'reading b.csv' });
    p.step({ done: 3, total: 4, stage: 'measuring' });
    p.stop();
    expect(out.text()).toContain('reading b.csv');
    expect(out.text()).toContain('1/4');
  });
});
