// Reads the truth tables of fixtures/README.md (GFM tables) so tests assert against what the
// README states, not against netz's own output.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './sources.js';

export type Table = Record<string, string>[];

/** All tables below the heading that starts with `heading`, up to the next heading of its level. */
export function tablesUnder(heading: string): Table[] {
  const text = readFileSync(join(ROOT, 'fixtures', 'README.md'), 'utf8');
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.startsWith(heading));
  if (start < 0) throw new Error(`no heading ${heading}`);
  const level = /^#+/.exec(heading)?.[0] ?? '#';
  const tables: Table[] = [];
  let current: string[][] = [];
  const flush = () => {
    if (current.length >= 2) {
      const [head, , ...rows] = current;
      tables.push(rows.map((r) => Object.fromEntries((head ?? []).map((h, i) => [h, r[i] ?? '']))));
    }
    current = [];
  };
  for (const line of lines.slice(start + 1)) {
    if (line.startsWith('#') && /^#+/.exec(line)?.[0].length === level.length) break;
    if (line.startsWith('|')) {
      current.push(
        line
          .slice(1, -1)
          .split('|')
          .map((c) => c.trim()),
      );
    } else flush();
  }
  flush();
  return tables;
}
