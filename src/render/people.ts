// PeopleReport → text, Markdown, CSV or JSON: each person with the records it is made of; with
// --explain, which evidence merged which records with which weight.
import type { PeopleReport } from '../report/schema.js';
import { csvText } from './csv.js';
import { markdownSafe, terminalSafe } from './escape.js';
import { plural } from './format.js';

export interface Explanation {
  readonly id: string;
  readonly steps: readonly {
    a: string;
    b: string;
    weight: number;
    evidence: readonly { field: string; level: string; weight: number }[];
    /** The rule that joined them (JoinRule), and the name's odds when they decided. */
    rule?: string | undefined;
    odds?: number | undefined;
  }[];
}

/** Why two records were joined, as a phrase after "merged A + B". */
function joinedBecause(rule: string | undefined, odds: number | undefined): string {
  switch (rule) {
    case 'same-values':
      return 'the same e-mail, name, phone and company';
    case 'identifier':
      return 'a shared e-mail, id or phone';
    case 'partial-identifier':
      return 'a shared e-mail, id or phone, the partial name fitting one person only';
    case 'name-odds':
      return `the name, odds ${(odds ?? 0).toFixed(1)} bits`;
    case 'name-carrier':
      return 'the name, which one person carries';
    case 'name-company':
      return 'the name and the company, which one of its carriers shares';
    case 'initial':
      return 'the initial, which fits one person only';
    default:
      return 'the evidence';
  }
}

export function renderPeopleText(
  report: PeopleReport,
  explanations: readonly Explanation[] = [],
): string {
  const out: string[] = [];
  const why = new Map(explanations.map((e) => [e.id, e]));
  for (const p of report.people) {
    out.push(
      `${p.id}  ${terminalSafe(p.name)}  ${plural(p.groups.length, 'group')}, ${plural(p.events, 'event')}`,
    );
    if (p.emails.length > 0) out.push(`  e-mail: ${p.emails.map(terminalSafe).join(', ')}`);
    for (const r of p.records)
      out.push(`  ${terminalSafe(r.path)}:${r.line}  ${terminalSafe(r.event)}  ${r.status}`);
    for (const step of why.get(p.id)?.steps ?? []) {
      const parts = step.evidence.map(
        (e) => `${e.field} ${e.level} ${e.weight >= 0 ? '+' : ''}${e.weight.toFixed(1)}`,
      );
      out.push(
        `  merged ${terminalSafe(step.a)} + ${terminalSafe(step.b)} on ${joinedBecause(step.rule, step.odds)}: ${parts.join(', ')} = ${step.weight.toFixed(1)}`,
      );
    }
  }
  if (report.people.length === 0) out.push('nobody');
  return `${out.join('\n')}\n`;
}

export function renderPeopleMarkdown(report: PeopleReport): string {
  const out = [
    '# netz people',
    '',
    '| id | name | groups | events | records |',
    '| :--- | :--- | :--- | ---: | ---: |',
  ];
  for (const p of report.people) {
    out.push(
      `| ${p.id} | ${markdownSafe(p.name)} | ${p.groups.map(markdownSafe).join(', ')} | ${p.events} | ${p.records.length} |`,
    );
  }
  return `${out.join('\n')}\n`;
}

/** A CSV cell: quoted when needed; a cell that could start a formula is neutralised with '. */
export function renderPeopleCsv(report: PeopleReport): string {
  const rows = [['id', 'name', 'emails', 'groups', 'path', 'line', 'group', 'event', 'status']];
  for (const p of report.people) {
    for (const r of p.records) {
      rows.push([
        p.id,
        p.name,
        p.emails.join(' '),
        p.groups.join('; '),
        r.path,
        String(r.line),
        r.group,
        r.event,
        r.status,
      ]);
    }
  }
  return csvText(rows);
}
