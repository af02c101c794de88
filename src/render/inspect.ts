// InspectReport → text or JSON: how each input was read, one block per input.
import type { InspectReport } from '../report/schema.js';
import { terminalSafe } from './escape.js';
import { renderJson } from './json.js';
import { explain } from './messages.js';

const DELIMITER_NAMES: Readonly<Record<string, string>> = {
  '\t': 'TAB',
  ',': ',',
  ';': ';',
  '|': '|',
  '': '(spreadsheet)',
};

export function renderInspectText(report: InspectReport): string {
  const out: string[] = [];
  for (const input of report.inputs) {
    const safe = terminalSafe;
    out.push(safe(input.path));
    out.push(`  group      ${safe(input.group)}`);
    out.push(`  profile    ${input.profile}`);
    out.push(
      `  encoding   ${input.encoding}, delimiter ${DELIMITER_NAMES[input.delimiter] ?? safe(input.delimiter)}`,
    );
    const header = safe(input.header.join(' | '));
    out.push(`  header     ${header.length > 86 ? `${header.slice(0, 85)}…` : header}`);
    const columns = Object.entries(input.columns).map(
      ([role, headers]) => `${role} ← ${headers.map(safe).join(' + ')}`,
    );
    let line = '  columns   ';
    for (const [i, piece] of columns.entries()) {
      const part = i < columns.length - 1 ? `${piece};` : piece;
      if ([...line].length + 1 + [...part].length > 100 && line.trim() !== 'columns') {
        out.push(line);
        line = '            ';
      }
      line = `${line} ${part}`;
    }
    out.push(line);
    out.push(
      `  rows       ${input.rows} = ${input.records} records + ${input.merged} merged + ${input.skipped} skipped + ${input.blank} blank`,
    );
    for (const f of input.findings) out.push(`  line ${f.line}: ${f.code} (${explain(f.code)})`);
    out.push('');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

export function renderInspectJson(report: InspectReport): string {
  return renderJson(report);
}
