// `netz review <inputs…>`: the identity pairs in the review band with their evidence side by side,
// most uncertain first. On a terminal, an accept / reject / skip loop that appends the decisions
// to the links file; otherwise Markdown, CSV or `netz/review@1` JSON to edit by hand.
import { resolve } from 'node:path';
import { Command } from 'commander';
import { EXIT } from '../errors.js';
import { csvText } from '../render/csv.js';
import type { ReviewReport } from '../report/schema.js';
import { LINKS_FILE } from '../resolve/links.js';
import type { CliContext } from './context.js';
import { emit, readOptionText, writeAtomically } from './io.js';
import { addCommonOptions, prepareRun } from './options.js';
import { runCommand } from './pipeline-run.js';
import { renderReviewText } from './review-report.js';

const EXAMPLES = `
Examples:
  netz review exports/                       decide uncertain pairs at the terminal
  netz review exports/ -f md -o review.md    a list to decide by hand
  netz review exports/ -f json               netz/review@1 for scripts`;

export function reviewCommand(ctx: CliContext, done: (code: number) => void): Command {
  const command = new Command('review')
    .description('Uncertain identity pairs with their evidence; decisions go to the links file')
    .argument('<inputs...>', 'export files, folders or globs, or - for standard input');
  addCommonOptions(command, ['text', 'md', 'csv', 'json']);
  command.addHelpText('after', EXAMPLES);
  command.action(async (inputs: string[], raw: Record<string, unknown>) => {
    const { options, sources, analyze } = await prepareRun(command, inputs, raw, ctx);
    const format = options.format ?? 'text';
    const interactive = format === 'text' && ctx.ask !== undefined && options.output === undefined;
    const outcome = await runCommand(
      ctx,
      sources,
      { ...options, emit: !interactive },
      { kind: 'review', settings: analyze, format, interactive },
    );
    const list = outcome.review;
    if (list !== undefined) {
      if (list.report.pairs.length > 0)
        await decide(list, ctx, options.links ?? analyze.links?.path ?? LINKS_FILE);
      else await emit(ctx, undefined, outcome.text);
      done(EXIT.ok);
      return;
    }
    done(options.strict && outcome.reviewPairs > 0 ? EXIT.strict : EXIT.ok);
  });
  return command;
}

/** The interactive loop: a pair at a time; accepted and rejected pairs are appended to the links file. */
async function decide(
  { report, waits }: { readonly report: ReviewReport; readonly waits: readonly string[] },
  ctx: CliContext,
  linksPath: string,
): Promise<void> {
  const ask = ctx.ask as (q: string) => Promise<string>;
  const lines: string[] = [];
  for (const [i, pair] of report.pairs.entries()) {
    const why = waits[i];
    ctx.stdout(
      renderReviewText(
        { schema: report.schema, pairs: [pair] },
        why === undefined ? [] : [why],
      ).replace(/^Pair 1 of 1/, `Pair ${i + 1} of ${report.pairs.length}`),
    );
    const answer = (await ask('Same person? [a]ccept, [r]eject, [s]kip, [q]uit: '))
      .trim()
      .toLowerCase();
    if (answer.startsWith('q')) break;
    if (answer.startsWith('a'))
      lines.push(csvText([['must', pair.a.key, pair.b.key, 'netz review']]).trimEnd());
    else if (answer.startsWith('r'))
      lines.push(csvText([['cannot', pair.a.key, pair.b.key, 'netz review']]).trimEnd());
  }
  if (lines.length === 0) return;
  const target = resolve(ctx.cwd, linksPath);
  // A decisions file that exists but cannot be read stops here: writing would replace it.
  let existing = (await readOptionText(target, linksPath)) ?? 'kind,a,b,note\n';
  if (!existing.endsWith('\n')) existing += '\n';
  await writeAtomically(target, `${existing}${lines.join('\n')}\n`);
  ctx.stdout(`${lines.length} decision(s) written to ${linksPath}\n`);
}
