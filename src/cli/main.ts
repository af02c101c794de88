// The CLI: registers the commands and maps every error to an exit code in this one place
// (0 ok, 1 --strict found something, 2 usage error or unusable input).
import { Command, CommanderError } from 'commander';
import { EXIT, NetzError } from '../errors.js';
import { terminalSafe } from '../render/escape.js';
import { TOOL } from '../version.js';

import type { CliContext } from './context.js';
import { hashCommand } from './hash.js';
import { inspectCommand } from './inspect.js';
import { overlapCommand } from './overlap.js';
import { peopleCommand } from './people.js';
import { reviewCommand } from './review.js';
import { schemaCommand } from './schema.js';

/** Commander's message as one line, without its "error:" prefix. */
function commanderLine(message: string): string {
  return message
    .replace(/^error: /, '')
    .trim()
    .replace(/\s*\n\s*/g, ' ');
}

/** A message as one line: line breaks from data shown as ↵, control characters as ?. */
function oneLine(message: string): string {
  return terminalSafe(message.replace(/\r\n|\r|\n/g, '↵'));
}

/** Runs netz with `argv` (without node and script) and returns the exit code. */
export async function runCli(argv: readonly string[], ctx: CliContext): Promise<number> {
  let code: number = EXIT.ok;
  const debug = argv.includes('--debug');
  const program = new Command('netz')
    .description(
      'Find the same fish in every net: how the attendee lists of networking groups overlap.',
    )
    .version(TOOL.version, '--version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .showSuggestionAfterError(true)
    .configureOutput({
      writeOut: (s) => ctx.stdout(s),
      writeErr: (s) => ctx.stderr(s),
      outputError: (s, write) => write(`netz: ${commanderLine(s)} (see netz --help)\n`),
    })
    .exitOverride();
  const done = (c: number) => {
    code = c;
  };
  for (const command of [
    overlapCommand(ctx, done),
    peopleCommand(ctx, done),
    inspectCommand(ctx, done),
    reviewCommand(ctx, done),
    schemaCommand(ctx, done),
    hashCommand(ctx, done),
  ]) {
    const name = command.name();
    command.exitOverride().configureOutput({
      writeOut: (s) => ctx.stdout(s),
      writeErr: (s) => ctx.stderr(s),
      outputError: (s, write) =>
        write(`netz ${name}: ${commanderLine(s)} (see netz ${name} --help)\n`),
    });
    program.addCommand(command);
  }
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (
        error.code === 'commander.helpDisplayed' ||
        error.code === 'commander.version' ||
        error.code === 'commander.help'
      ) {
        return EXIT.ok;
      }
      return EXIT.usage;
    }
    if (error instanceof NetzError) {
      ctx.stderr(`netz: ${oneLine(error.message)}\n`);
      if (debug && error.stack) ctx.stderr(`${error.stack}\n`);
      return error.exitCode;
    }
    const err = error as Error;
    ctx.stderr(
      `netz: internal error: ${oneLine(err.message)}; run again with --debug and report it\n`,
    );
    if (debug && err.stack) ctx.stderr(`${err.stack}\n`);
    return EXIT.usage;
  }
}
