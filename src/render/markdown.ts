// Report → GitHub-flavoured Markdown: the document's blocks as headings, paragraphs and GFM
// tables, with every value from the data escaped so it can neither break a table nor inject markup.
import type { OverlapReport } from '../report/schema.js';
import { type Block, buildDocument, type Cell, type DocumentOptions } from './document.js';
import { markdownSafe } from './escape.js';

function cellText(cell: Cell): string {
  return markdownSafe(typeof cell === 'string' ? cell : cell.text);
}

function table(block: Extract<Block, { kind: 'table' }>): string[] {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [
    line(block.head.map(markdownSafe)),
    line(block.align.map((a) => (a === 'r' ? '---:' : ':---'))),
    ...block.rows.map((row) => line(row.map(cellText))),
  ];
}

export function renderMarkdown(
  report: OverlapReport,
  options: Partial<DocumentOptions> = {},
): string {
  const out: string[] = [];
  for (const block of buildDocument(report, options)) {
    switch (block.kind) {
      case 'title':
        out.push(
          '# netz overlap report',
          '',
          `${markdownSafe(block.text.replace(/^netz overlap: /, ''))}.`,
          '',
        );
        break;
      case 'heading':
        out.push(`## ${markdownSafe(block.text)}`, '');
        break;
      case 'paragraph':
        out.push(
          block.tone === 'dim' ? `*${markdownSafe(block.text)}*` : markdownSafe(block.text),
          '',
        );
        break;
      case 'table':
        for (const line of table(block)) out.push(line);
        out.push('');
        break;
      case 'bars':
        out.push('| | people | |', '| :--- | ---: | :--- |');
        for (const row of block.rows) {
          out.push(
            `| ${markdownSafe(row.label)} | ${row.text} | ${'█'.repeat(Math.round(row.value * 30))} |`,
          );
        }
        out.push('');
        break;
    }
  }
  return `${out.join('\n').trimEnd()}\n`;
}
