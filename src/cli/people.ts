// `netz people <inputs…>`: the resolved people, each with the records it is made of (file and
// line); `--explain NAME` shows which evidence merged which records with which weight.
import { Command } from 'commander';
import { EXIT } from '../errors.js';
import type { CliContext } from './context.js';
import { addCommonOptions, prepareRun } from './options.js';
import { runCommand } from './pipeline-run.js';

const EXAMPLES = `
Examples:
  netz people exports/                       who is who, with every record
  netz people exports/ --explain "Köhler"    why these records are one person
  netz people exports/ -f csv -o people.csv  for a spreadsheet`;

export function peopleCommand(ctx: CliContext, done: (code: number) => void): Command {
  const command = new Command('people')
    .description('The resolved people, each with the records it is made of')
    .argument('<inputs...>', 'export files, folders or globs, or - for standard input')
    .option(
      '--explain <name>',
      'only people whose name contains NAME, with the evidence that merged them',
    );
  addCommonOptions(command, ['text', 'md', 'csv', 'json']);
  command.addHelpText('after', EXAMPLES);
  command.action(async (inputs: string[], raw: Record<string, unknown>) => {
    const { options, sources, analyze } = await prepareRun(command, inputs, raw, ctx);
    const outcome = await runCommand(ctx, sources, options, {
      kind: 'people',
      settings: analyze,
      explain: typeof raw.explain === 'string' ? raw.explain : undefined,
      format: options.format ?? 'text',
    });
    done(
      options.strict && (outcome.skipped > 0 || outcome.reviewPairs > 0) ? EXIT.strict : EXIT.ok,
    );
  });
  return command;
}
