// Report → terminal text: a headline, then aligned sections for groups, pairs, the groups-per-
// person histogram, the regulars and skipped rows; colour by meaning (chalk), at most 100 columns.
import { Chalk, type ChalkInstance } from 'chalk';
import type { OverlapReport } from '../report/schema.js';
import { terminalSafe } from './escape.js';
import { fixed2, plural } from './format.js';
import { codesOf, explain } from './messages.js';

export interface TextOptions {
  readonly color: boolean;
  readonly width?: number;
}

const WIDTH = 100;

function pad(value: string, width: number, right = false): string {
  const len = [...value].length;
  if (len >= width) return value;
  return right ? ' '.repeat(width - len) + value : value + ' '.repeat(width - len);
}

/** Keeps the end of a long path: "…/bergisches-land/list.csv". */
function clipStart(value: string, width: number): string {
  const chars = [...value];
  return chars.length <= width ? value : `…${chars.slice(chars.length - width + 1).join('')}`;
}

function clip(value: string, width: number): string {
  const chars = [...value];
  return chars.length <= width ? value : `${chars.slice(0, width - 1).join('')}…`;
}

/** Lays out rows as aligned columns; `right` marks numeric columns. */
function table(head: string[], rows: string[][], right: boolean[], c: ChalkInstance): string[] {
  const widths = head.map((h, i) =>
    Math.max([...h].length, ...rows.map((r) => [...(r[i] ?? '')].length)),
  );
  const line = (cells: string[]) =>
    `  ${cells.map((cell, i) => pad(cell, widths[i] ?? 0, right[i])).join('  ')}`.trimEnd();
  return [c.dim(line(head)), ...rows.map(line)];
}

function wrap(prefix: string, items: string[], width: number): string[] {
  const lines: string[] = [];
  let current = prefix;
  for (const [i, item] of items.entries()) {
    const piece = i === items.length - 1 ? item : `${item},`;
    if ([...current].length + 1 + [...piece].length > width && current.trim() !== '') {
      lines.push(current);
      current = `${' '.repeat([...prefix].length)}${piece}`;
    } else {
      current =
        current === prefix && prefix.endsWith(' ') ? current + piece : `${current} ${piece}`;
    }
  }
  lines.push(current);
  return lines;
}

function wordWrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const long of text.split(' ')) {
    const word = clipStart(long, width - 2);
    if (current !== '' && [...current].length + 1 + [...word].length > width) {
      lines.push(current);
      current = `  ${word}`;
    } else current = current === '' ? word : `${current} ${word}`;
  }
  lines.push(current);
  return lines;
}

export function renderText(report: OverlapReport, options: TextOptions): string {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const width = Math.min(options.width ?? WIDTH, WIDTH);
  const nameWidth = 36;
  const safe = (v: string) => clip(terminalSafe(v), nameWidth);
  const out: string[] = [];
  const t = report.totals;
  out.push(
    c.bold(
      `netz overlap: ${plural(t.groups, 'group')}, ${plural(t.events, 'event')}, ${plural(t.records, 'record')}, ${plural(t.people, 'person', 'people')}`,
    ),
  );
  out.push('');
  out.push(c.bold.underline('Groups'));
  out.push(
    ...table(
      ['group', 'events', 'records', 'people', 'exclusive'],
      report.groups.map((g) => [
        safe(g.name),
        String(g.events),
        String(g.records),
        String(g.people),
        String(g.exclusive),
      ]),
      [false, true, true, true, true],
      c,
    ),
  );
  out.push('');
  out.push(c.bold.underline('Pairs of groups'));
  const pairs = [...report.pairs].sort(
    (x, y) => y.shared - x.shared || y.jaccard - x.jaccard || (x.a + x.b < y.a + y.b ? -1 : 1),
  );
  out.push(
    ...table(
      ['group A', 'group B', 'shared', 'jaccard', 'overlap'],
      pairs.map((p) => [
        clip(terminalSafe(p.a), 32),
        clip(terminalSafe(p.b), 32),
        p.shared === 0 ? c.red('0') : String(p.shared),
        fixed2(p.jaccard),
        fixed2(p.overlap),
      ]),
      [false, false, true, true, true],
      c,
    ),
  );
  out.push('');
  out.push(c.bold.underline('Groups per person'));
  const most = Math.max(1, ...report.fish.groupsPerPerson.map((h) => h.people));
  const barWidth = 50;
  for (const h of report.fish.groupsPerPerson) {
    const bar = '█'.repeat(Math.round((h.people / most) * barWidth)) || (h.people > 0 ? '▏' : '');
    out.push(`  ${pad(String(h.groups), 3, true)}  ${c.cyan(bar)} ${h.people}`);
  }
  out.push('');
  const regulars = report.fish.regulars;
  out.push(
    c.bold.underline(`Regulars: in ${report.fish.minGroups} or more groups`) +
      ` (${plural(regulars.length, 'person', 'people')})`,
  );
  for (const r of regulars) {
    const head = `  ${c.bold(safe(r.name))} ${c.dim(`${r.id}, ${plural(r.groups.length, 'group')}, ${plural(r.events, 'event')}:`)}`;
    out.push(head);
    out.push(...wrap('    ', r.groups.map(terminalSafe), width));
  }
  if (regulars.length === 0) out.push('  nobody');
  if (report.skipped.length > 0) {
    out.push('');
    out.push(`${c.bold.underline('Skipped rows')} (${report.skipped.length})`);
    for (const s of report.skipped)
      out.push(`  ${c.yellow(`${clipStart(terminalSafe(s.path), 70)}:${s.line}`)}  ${s.code}`);
    for (const code of codesOf(report.skipped)) out.push(c.dim(`  ${code}: ${explain(code)}`));
  }
  if (report.findings.length > 0) {
    out.push('');
    out.push(`${c.bold.underline('Findings')} (${report.findings.length})`);
    for (const f of report.findings) {
      out.push(`  ${c.yellow(`${clipStart(terminalSafe(f.path), 70)}:${f.line}`)}  ${f.code}`);
    }
    for (const code of codesOf(report.findings)) out.push(c.dim(`  ${code}: ${explain(code)}`));
  }
  if (report.notes.length > 0) {
    out.push('');
    for (const note of report.notes) {
      out.push(...wordWrap(`note: ${terminalSafe(note)}`, width).map((l) => c.dim(l)));
    }
  }
  return `${out.join('\n')}\n`;
}
