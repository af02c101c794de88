// The process adapter: wires runCli to the real process (argv, streams, exit code). A closed
// stdout (`netz … | head`) ends the run quietly with exit 0.
import { createInterface } from 'node:readline/promises';
import { MAX_INPUT_BYTES, tooLarge } from '../read/decode.js';
import { collectAtMost } from './io.js';
import { runCli } from './main.js';

/** Standard input whole, refused once it holds more than any file's text can (io.ts). */
function readStdin(): Promise<Uint8Array> {
  return collectAtMost(process.stdin, MAX_INPUT_BYTES, () => tooLarge('-'));
}

process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

const interactive = process.stdin.isTTY === true && process.stdout.isTTY === true;
let prompt: ReturnType<typeof createInterface> | undefined;
const ask = interactive
  ? (question: string) => {
      prompt ??= createInterface({ input: process.stdin, output: process.stdout });
      return prompt.question(question);
    }
  : undefined;

const code = await runCli(process.argv.slice(2), {
  ask,
  cwd: process.cwd(),
  env: process.env,
  stdoutIsTTY: process.stdout.isTTY === true,
  stderrIsTTY: process.stderr.isTTY === true,
  columns: process.stdout.isTTY === true ? process.stdout.columns : undefined,
  stdout: (text) => {
    process.stdout.write(text);
  },
  stderr: (text) => {
    process.stderr.write(text);
  },
  readStdin,
});
prompt?.close();
process.exitCode = code;
