// Report → GitHub-flavoured Markdown: the same sections as the text report, as GFM tables, with
// every value from the data escaped so it can neither break a table nor inject markup.
import type { OverlapReport } from '../report/schema.js';
import { markdownSafe } from './escape.js';
import { fixed2, plural } from './format.js';
import { explain } from './messages.js';

function gfmTable(head: string[], align: ('l' | 'r')[], rows: string[][]): string[] {
  const sep = align.map((a) => (a === 'r' ? '---:' : ':---'));
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(head), line(sep), ...rows.map(line)];
}

export function renderMarkdown(report: OverlapReport): string {
  const t = report.totals;
  const md = markdownSafe;
  const out: string[] = [];
  out.push('# netz overlap report', '');
  out.push(
    `${plural(t.groups, 'group')}, ${plural(t.events, 'event')}, ${plural(t.records, 'record')}, ${plural(t.people, 'person', 'people')}.`,
    '',
  );
  out.push('## Groups', '');
  out.push(
    ...gfmTable(
      ['group', 'events', 'records', 'people', 'exclusive'],
      ['l', 'r', 'r', 'r', 'r'],
      report.groups.map((g) => [
        md(g.name),
        String(g.events),
        String(g.records),
        String(g.people),
        String(g.exclusive),
      ]),
    ),
    '',
  );
  out.push('## Pairs of groups', '');
  const pairs = [...report.pairs].sort(
    (x, y) => y.shared - x.shared || y.jaccard - x.jaccard || (x.a + x.b < y.a + y.b ? -1 : 1),
  );
  out.push(
    ...gfmTable(
      ['group A', 'group B', 'shared', 'Jaccard', 'overlap'],
      ['l', 'l', 'r', 'r', 'r'],
      pairs.map((p) => [md(p.a), md(p.b), String(p.shared), fixed2(p.jaccard), fixed2(p.overlap)]),
    ),
    '',
  );
  out.push('## Groups per person', '');
  out.push(
    ...gfmTable(
      ['groups', 'people'],
      ['r', 'r'],
      report.fish.groupsPerPerson.map((h) => [String(h.groups), String(h.people)]),
    ),
    '',
  );
  out.push(`## Regulars: in ${report.fish.minGroups} or more groups`, '');
  if (report.fish.regulars.length === 0) out.push('Nobody.', '');
  else {
    out.push(
      ...gfmTable(
        ['id', 'name', 'groups', 'events', 'in'],
        ['l', 'l', 'r', 'r', 'l'],
        report.fish.regulars.map((r) => [
          r.id,
          md(r.name),
          String(r.groups.length),
          String(r.events),
          r.groups.map(md).join(', '),
        ]),
      ),
      '',
    );
  }
  out.push('## Inputs', '');
  out.push(
    ...gfmTable(
      ['file', 'group', 'profile', 'encoding', 'rows', 'records', 'merged', 'skipped', 'blank'],
      ['l', 'l', 'l', 'l', 'r', 'r', 'r', 'r', 'r'],
      report.inputs.map((i) => [
        md(i.path),
        md(i.group),
        i.profile,
        i.encoding,
        String(i.rows),
        String(i.records),
        String(i.merged),
        String(i.skipped),
        String(i.blank),
      ]),
    ),
    '',
  );
  if (report.skipped.length > 0) {
    out.push('## Skipped rows', '');
    out.push(
      ...gfmTable(
        ['file', 'line', 'reason'],
        ['l', 'r', 'l'],
        report.skipped.map((s) => [md(s.path), String(s.line), `${s.code}: ${explain(s.code)}`]),
      ),
      '',
    );
  }
  if (report.findings.length > 0) {
    out.push('## Findings', '');
    out.push(
      ...gfmTable(
        ['file', 'line', 'finding'],
        ['l', 'r', 'l'],
        report.findings.map((f) => [md(f.path), String(f.line), `${f.code}: ${explain(f.code)}`]),
      ),
      '',
    );
  }
  for (const note of report.notes) out.push(`> ${md(note)}`, '');
  return `${out.join('\n').trimEnd()}\n`;
}
