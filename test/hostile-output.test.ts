// Hostile names in every output: the Markdown is parsed by a real CommonMark + GFM parser
// (micromark with its GFM extension, the reference implementation of GitHub's dialect) and must
// keep every table's shape and produce no raw HTML, link or image; Mermaid labels stay inside their
// quotes; the terminal gets no escape sequence from data; CSV cells cannot start a formula.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import { describe, expect, it } from 'vitest';
import { netz } from './helpers/run.js';

const HOSTILE_NAMES = [
  'Anke | Büscher',
  '<script>alert(1)</script> Kai',
  '`rm -rf` Backtick',
  '[click](https://evil.example) Link',
  '![x](https://evil.example/i.png) Bild',
  '<img src=x onerror=alert(1)> Img',
  'www.evil.example Auto',
  'https://evil.example/path Url',
  'mail@evil.example Mail',
  '# Heading Hanna',
  '- Listen Lisa',
  '"Quote" ]Bracket[ {Brace} ;Semi',
  'Zeilen\numbruch Paul',
  '\u001b[31mRot\u001b[0m Terminal',
  '=HYPERLINK("https://evil.example") Formel',
  '&amp; Entity &#60;b&#62;',
  '$x^2$ Mathe',
];

// Three groups, two with hostile file names; everybody in every group, so every name is a regular,
// a bridge candidate and a member of the one big intersection.
const dir = mkdtempSync(join(tmpdir(), 'netz-hostile-'));
const exports = join(dir, 'exports');
mkdirSync(exports);
const rows = HOSTILE_NAMES.map(
  (name, i) => `"${name.replace(/"/g, '""')}",p${i}@hostile.example`,
).join('\n');
// File names cannot hold '/', so the group names carry the rest.
for (const group of ['evil|<b>group<\\b>', '`tick` [a](x.example) www.x.example', 'plain']) {
  writeFileSync(join(exports, `${group}.csv`), `Name,Email\n${rows}\n`);
}

const ALLOWED_TAGS = new Set([
  'h1',
  'h2',
  'p',
  'em',
  'strong',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'details',
  'summary',
  'ul',
  'li',
  'pre',
  'code',
]);

function markdownOf(args: string[]): string {
  const run = netz(['overlap', exports, '-f', 'md', '--members', '--min-groups', '2', ...args]);
  expect(run.status, run.stderr).toBe(0);
  return run.stdout;
}

describe.each(['en', 'de'])('Markdown with hostile names (--lang %s)', (lang) => {
  const md = markdownOf(['--lang', lang, '--top', '100']);
  const html = micromark(md, {
    allowDangerousHtml: true,
    extensions: [gfm()],
    htmlExtensions: [gfmHtml()],
  });

  it('produces only the elements netz writes: no raw HTML, no link, no image', () => {
    const tags = new Set([...html.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9]*)/g)].map((m) => m[1]));
    expect([...tags].filter((t) => !ALLOWED_TAGS.has(t as string))).toEqual([]);
    expect(html).not.toMatch(/<a\b|<img\b|<script\b|<[^>]*\b(?:href|src|on[a-z]+)=/i);
  });

  it('keeps every table rectangular: each row has as many cells as the header', () => {
    const tables = [...html.matchAll(/<table>([\s\S]*?)<\/table>/g)].map((m) => m[1] as string);
    expect(tables.length).toBeGreaterThanOrEqual(5);
    for (const table of tables) {
      const rowsOf = [...table.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map(
        (m) => (m[1] as string).match(/<t[hd][ >]/g)?.length ?? 0,
      );
      expect(new Set(rowsOf).size, table.slice(0, 300)).toBe(1);
    }
  });

  it('shows the names as text: the hostile characters arrive as characters', () => {
    // The parser turns the escapes back into the characters the person typed.
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; Kai');
    expect(html).toContain('Anke | Büscher');
    expect(html).toContain('www.evil.example Auto');
    // An address in the name cell is taken as the person's e-mail, never shown as a name.
    expect(md).toMatch(/^- Mail$/m);
    expect(md).not.toContain('evil.example Mail');
    expect(md).not.toContain('mail@evil');
  });

  it('keeps Mermaid labels inside their quotes and the fences closed', () => {
    const blocks = [...md.matchAll(/```mermaid\n([\s\S]*?)```/g)].map((m) => m[1] as string);
    expect(blocks.length).toBe(2);
    for (const block of blocks) {
      expect(block).not.toMatch(/[<>`]/);
      for (const line of block.split('\n').filter((l) => l.includes('['))) {
        if (line.includes('"'))
          expect(line).toMatch(/^ {2}(g\d+\["[^"]*"\]|x-axis "[^"]*" \[.*\])$/);
      }
    }
  });
});

describe('terminal and CSV with hostile names', () => {
  it('strips escape sequences and control characters from data in text', () => {
    const run = netz(['overlap', exports, '--min-groups', '2', '--top', '100']);
    expect(run.status).toBe(0);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: looking for them is the point
    expect(run.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    expect(run.stdout).toContain('?[31mRot?[0m Terminal');
  });

  it('neutralises cells that would start a formula', () => {
    const run = netz(['overlap', exports, '-f', 'csv', '--table', 'people']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`"'=HYPERLINK(""https://evil.example"") Formel"`);
    expect(run.stdout).not.toMatch(/^p\d+,=/m);
  });
});
