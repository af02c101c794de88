// Progress on stderr: nothing for a run under a second or when disabled (stderr no terminal,
// --quiet); a bar naming the step once a run takes longer; cleared at the end.
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { commandProgress, progressBar, withProgress } from '../src/cli/progress.js';

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

  it('tells the work of its steps and stops the bar when the work ends or fails', async () => {
    const seen: string[] = [];
    const fake = {
      step: (step: { done: number; total: number; stage: string }) => {
        seen.push(`${step.done}/${step.total} ${step.stage}`);
      },
      stop: () => {
        seen.push('stop');
      },
    };
    const value = await withProgress(fake, async (step) => {
      step({ done: 1, total: 3, stage: 'reading a.csv' });
      return 42;
    });
    expect(value).toBe(42);
    expect(seen).toEqual(['1/3 reading a.csv', 'stop']);
    await expect(
      withProgress(fake, async () => {
        throw new Error('unreadable');
      }),
    ).rejects.toThrow('unreadable');
    expect(seen).toEqual(['1/3 reading a.csv', 'stop', 'stop']);
  });

  it('draws for a command only on a terminal and without --quiet', () => {
    // Disabled bars are the one silent object; an enabled one is a new bar.
    const silent = progressBar(false);
    expect(commandProgress({ stderrIsTTY: false }, { quiet: false })).toBe(silent);
    expect(commandProgress({ stderrIsTTY: true }, { quiet: true })).toBe(silent);
    expect(commandProgress({}, { quiet: false })).toBe(silent);
    expect(commandProgress({ stderrIsTTY: true }, { quiet: false })).not.toBe(silent);
  });
});
