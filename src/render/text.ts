// Report → terminal text: the document's blocks laid out for a terminal of at most 100 columns,
// tables aligned and clipped per column, bars drawn with characters, colour by meaning (chalk),
// and every value from the data stripped of control characters.
import { Chalk, type ChalkInstance } from 'chalk';
import type { OverlapReport } from '../report/schema.js';
import {
  type Block,
  buildDocument,
  type Cell,
  type DocumentOptions,
  type Tone,
} from './document.js';
import { terminalSafe } from './escape.js';

export interface TextOptions extends Partial<DocumentOptions> {
  readonly color: boolean;
  readonly width?: number;
}

const WIDTH = 100;

function length(value: string): number {
  return [...value].length;
}

function pad(value: string, width: number, right: boolean): string {
  const n = length(value);
  if (n >= width) return value;
  return right ? ' '.repeat(width - n) + value : value + ' '.repeat(width - n);
}

/** Clips to `width` characters; paths keep their end, everything else its start. */
function clip(value: string, width: number): string {
  const chars = [...value];
  if (chars.length <= width) return value;
  if (/[\\/]/.test(value) && !value.includes(' '))
    return `…${chars.slice(chars.length - width + 1).join('')}`;
  return `${chars.slice(0, width - 1).join('')}…`;
}

function wrap(text: string, width: number, indent = ''): string[] {
  const lines: string[] = [];
  let current = '';
  for (const long of text.split(' ')) {
    const word = clip(long, width - indent.length);
    if (current !== '' && length(current) + 1 + length(word) > width) {
      lines.push(current);
      current = indent + word;
    } else current = current === '' ? word : `${current} ${word}`;
  }
  lines.push(current);
  return lines;
}

function paint(c: ChalkInstance, tone: Tone | undefined, text: string): string {
  switch (tone) {
    case 'strong':
      return c.bold(text);
    case 'dim':
      return c.dim(text);
    case 'bad':
      return c.red(text);
    case 'good':
      return c.green(text);
    default:
      return text;
  }
}

function cellText(cell: Cell): { text: string; tone: Tone | undefined } {
  return typeof cell === 'string'
    ? { text: terminalSafe(cell), tone: undefined }
    : { text: terminalSafe(cell.text), tone: cell.tone };
}

function table(
  block: Extract<Block, { kind: 'table' }>,
  c: ChalkInstance,
  width: number,
): string[] {
  // Column limits: the block's, narrowed (the widest left-aligned column first, never below 8)
  // until a line fits the terminal.
  const limits = block.head.map((h, i) =>
    Math.max(
      length(h),
      Math.min(
        block.widths[i] ?? 30,
        Math.max(0, ...block.rows.map((r) => length(cellText(r[i] ?? '').text))),
      ),
    ),
  );
  const lineWidth = () => 2 + limits.reduce((s, w) => s + w, 0) + 2 * (limits.length - 1);
  while (lineWidth() > width) {
    let widest = -1;
    limits.forEach((w, i) => {
      if (block.align[i] === 'l' && w > 8 && (widest < 0 || w > (limits[widest] as number)))
        widest = i;
    });
    if (widest < 0) break;
    limits[widest] = (limits[widest] as number) - 1;
  }
  const rows = block.rows.map((row) =>
    row.map((cell, i) => {
      const { text, tone } = cellText(cell);
      return { text: clip(text, limits[i] ?? 30), tone };
    }),
  );
  const widths = block.head.map((h, i) =>
    Math.max(length(clip(h, limits[i] ?? 30)), ...rows.map((r) => length(r[i]?.text ?? ''))),
  );
  const line = (cells: { text: string; tone: Tone | undefined }[]) =>
    `  ${cells.map((cell, i) => paint(c, cell.tone, pad(cell.text, widths[i] ?? 0, block.align[i] === 'r'))).join('  ')}`.trimEnd();
  return [
    c.dim(line(block.head.map((h, i) => ({ text: clip(h, limits[i] ?? 30), tone: undefined })))),
    ...rows.map(line),
  ];
}

export function renderText(report: OverlapReport, options: TextOptions): string {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const width = Math.min(options.width ?? WIDTH, WIDTH);
  const out: string[] = [];
  for (const block of buildDocument(report, options)) {
    switch (block.kind) {
      case 'title':
        out.push(c.bold(terminalSafe(`netz overlap: ${block.text}`)));
        break;
      case 'details':
        out.push(
          ...wrap(terminalSafe(`${block.summary}: ${block.items.join(', ')}`), width - 2, '  ').map(
            (l) => `  ${l}`,
          ),
        );
        break;
      case 'group-graph':
      case 'chart':
        // Diagrams are for Markdown; the terminal has the tables and bars.
        break;
      case 'heading':
        out.push('', c.bold.underline(terminalSafe(block.text)));
        break;
      case 'paragraph':
        out.push(
          ...wrap(terminalSafe(block.text), width - 2, '  ').map((l) =>
            paint(c, block.tone, `  ${l}`),
          ),
        );
        break;
      case 'table':
        for (const line of table(block, c, width)) out.push(line);
        break;
      case 'bars': {
        const labelWidth = Math.min(
          40,
          width - 26,
          Math.max(0, ...block.rows.map((r) => length(terminalSafe(r.label)))),
        );
        const barWidth = Math.max(10, width - labelWidth - 14);
        for (const row of block.rows) {
          const n = Math.round(row.value * barWidth);
          const bar = n > 0 ? '█'.repeat(n) : row.value > 0 ? '▏' : '';
          const label = pad(
            clip(terminalSafe(row.label), labelWidth),
            labelWidth,
            /^\d+$/.test(row.label),
          );
          out.push(`  ${label}  ${c.cyan(bar)} ${row.text}`);
        }
        break;
      }
    }
  }
  return `${out.join('\n')}\n`;
}
