// Report → GitHub-flavoured Markdown, one self-contained file: the document's blocks as headings,
// paragraphs, GFM tables, Mermaid diagrams (the groups as a graph, groups per person as a chart)
// and <details> for long member lists. Every value from the data is escaped for where it lands
// (Markdown text, HTML, a Mermaid label), so it can neither break a table nor inject markup.
import type { OverlapReport } from '../report/schema.js';
import { type Block, buildDocument, type Cell, type DocumentOptions } from './document.js';
import { htmlSafe, markdownSafe, mermaidSafe } from './escape.js';

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

/** The groups as nodes (g0, g1, … in report order), shared people as edge labels. */
function groupGraph(block: Extract<Block, { kind: 'group-graph' }>): string[] {
  const id = new Map(block.groups.map((g, i) => [g, `g${i}`]));
  return [
    '```mermaid',
    'flowchart LR',
    ...block.groups.map((g) => `  ${id.get(g)}["${mermaidSafe(g)}"]`),
    ...block.edges.map((e) => `  ${id.get(e.a)} ---|"${mermaidSafe(e.label)}"| ${id.get(e.b)}`),
    '```',
  ];
}

function chart(block: Extract<Block, { kind: 'chart' }>): string[] {
  return [
    '```mermaid',
    'xychart-beta',
    `  title "${mermaidSafe(block.title)}"`,
    `  x-axis "${mermaidSafe(block.x)}" [${block.labels.map((l) => `"${mermaidSafe(l)}"`).join(', ')}]`,
    `  y-axis "${mermaidSafe(block.y)}"`,
    `  bar [${block.values.join(', ')}]`,
    '```',
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
        out.push(`# ${markdownSafe(block.heading)}`, '', `${markdownSafe(block.text)}.`, '');
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
        out.push(`| | ${markdownSafe(block.unit)} | |`, '| :--- | ---: | :--- |');
        for (const row of block.rows) {
          out.push(
            `| ${markdownSafe(row.label)} | ${row.text} | ${'█'.repeat(Math.round(row.value * 30))} |`,
          );
        }
        out.push('');
        break;
      case 'details':
        out.push(`<details><summary>${htmlSafe(block.summary)}</summary>`, '');
        for (const item of block.items) out.push(`- ${markdownSafe(item)}`);
        out.push('', '</details>', '');
        break;
      case 'group-graph':
        if (block.edges.length > 0)
          out.push(
            `## ${markdownSafe(block.title)}`,
            '',
            `*${markdownSafe(block.note)}*`,
            '',
            ...groupGraph(block),
            '',
          );
        break;
      case 'chart':
        if (block.values.length > 0) out.push(...chart(block), '');
        break;
    }
  }
  return `${out.join('\n').trimEnd()}\n`;
}
