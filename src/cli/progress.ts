// Progress on stderr for runs longer than a second, when stderr is a terminal (cli-progress);
// silent otherwise, and with --quiet. The bar is cleared when the run ends.
import cliProgress from 'cli-progress';
import type { ProgressStep } from '../analyze.js';

/** Shown only once a run has taken this long. */
const DELAY_MS = 1000;

export interface Progress {
  readonly step: (step: ProgressStep) => void;
  readonly stop: () => void;
}

const SILENT: Progress = { step: () => undefined, stop: () => undefined };

export interface ProgressOptions {
  readonly now?: () => number;
  readonly stream?: NodeJS.WritableStream;
  /** Draw even when the stream is no terminal (tests). */
  readonly always?: boolean;
}

export function progressBar(enabled: boolean, options: ProgressOptions = {}): Progress {
  if (!enabled) return SILENT;
  const now = options.now ?? (() => performance.now());
  const started = now();
  let bar: cliProgress.SingleBar | undefined;
  return {
    step: ({ done, total, stage }) => {
      if (bar === undefined) {
        if (now() - started < DELAY_MS) return;
        bar = new cliProgress.SingleBar(
          {
            format: 'netz {bar} {value}/{total} {stage}',
            stream: options.stream ?? process.stderr,
            noTTYOutput: options.always === true,
            clearOnComplete: true,
            hideCursor: true,
            barsize: 24,
          },
          cliProgress.Presets.shades_classic,
        );
        bar.start(total, done, { stage });
      } else {
        bar.setTotal(total);
        bar.update(done, { stage });
      }
    },
    stop: () => {
      bar?.stop();
      bar = undefined;
    },
  };
}

/** Runs `work`, telling `progress` of its steps; the bar is cleared when it ends, or fails. */
export async function withProgress<T>(
  progress: Progress,
  work: (step: Progress['step']) => Promise<T>,
): Promise<T> {
  try {
    return await work(progress.step);
  } finally {
    progress.stop();
  }
}

/** The progress bar of a command: on a terminal's stderr, unless --quiet. */
export function commandProgress(
  ctx: { readonly stderrIsTTY?: boolean | undefined },
  options: { readonly quiet: boolean },
): Progress {
  return progressBar(ctx.stderrIsTTY === true && !options.quiet);
}
