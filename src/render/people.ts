// PeopleReport → text, Markdown, CSV or JSON: each person with the records it is made of; with
// --explain, which evidence merged which records with which weight, and which pairs wait and why.
import type { PeopleReport } from '../report/schema.js';
import type { WaitReason } from '../resolve/fuzzy.js';
import { THRESHOLDS } from '../resolve/weights.js';
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
  /** The pairs of its records with another person's that wait for review, and why. */
  readonly waiting: readonly {
    a: string;
    b: string;
    /** The other person's id. */
    other: string;
    weight: number;
    evidence: readonly { field: string; level: string; weight: number }[];
    waits: string;
  }[];
}

/** Why a pair waits, as a phrase after "waits:" (not part of the review@1 JSON). */
export function waitPhrase(waits: WaitReason | undefined): string {
  switch (waits?.reason) {
    case 'kept-apart':
      return 'a cannot-link decision, or two accounts on one platform, keep their people apart';
    case 'names-differ':
      return 'they share an e-mail, id or phone, but their names differ';
    case 'partial-name':
      return 'they share an e-mail, id or phone, but the partial name fits more than one person there';
    case 'both-keyed':
      return 'both have e-mail or phone and share none: a name alone does not join them';
    case 'partial-only':
      return 'a lone surname or a first initial is too little without a shared e-mail, id or phone';
    case 'close-name':
      return 'the names are only close: too little without a shared e-mail, id or phone';
    case 'initial-fits-several':
      return 'the initial fits more than one person present';
    case 'known-by-full-name':
      return "the initial's person is known by a full name already";
    case 'common-name':
      return `the name is common: odds ${waits.odds.toFixed(2)} bits, below the ${THRESHOLDS.nameJoin} a name needs`;
    case 'joined-another':
      return 'its record without e-mail or phone belongs to a person with e-mail or phone who carries the name already';
    case 'several-carry':
      return 'several people carry the name, and nothing tells which';
    case 'middle-names':
      return "the two people's names hold different middle names";
    default:
      return 'the evidence is below the merge threshold';
  }
}

/** Why two records were joined, as a phrase after "merged A + B". */
function joinedBecause(rule: string | undefined, odds: number | undefined): string {
  switch (rule) {
    case 'same-values':
      return 'the same e-mail, name, phone and company';
    case 'identifier':
      return 'a shared e-mail, id or phone';
    case 'name-and-company':
      return 'a rare name with the same company';
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

/** A pair's evidence as "email same +12.0, name exact +4.5" (people --explain, netz review). */
export function evidenceText(
  evidence: readonly { field: string; level: string; weight: number }[],
): string {
  return evidence
    .map((e) => `${e.field} ${e.level} ${e.weight >= 0 ? '+' : ''}${e.weight.toFixed(1)}`)
    .join(', ');
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
      out.push(
        `  merged ${terminalSafe(step.a)} + ${terminalSafe(step.b)} on ${joinedBecause(step.rule, step.odds)}: ${evidenceText(step.evidence)} = ${step.weight.toFixed(1)}`,
      );
    }
    for (const pair of why.get(p.id)?.waiting ?? []) {
      out.push(
        `  waits with ${pair.other}: ${terminalSafe(pair.a)} + ${terminalSafe(pair.b)}, ${pair.waits}: ${evidenceText(pair.evidence)} = ${pair.weight.toFixed(1)}`,
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
