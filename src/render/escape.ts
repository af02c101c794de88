// Escaping of values that come from the data, per output medium. Renderers call these on every
// name, group and path; nothing from a cell reaches a terminal, a Markdown file, an HTML element
// or a Mermaid diagram unescaped.

/** Terminal: control characters and ANSI escape sequences from data become visible `?`. */
export function terminalSafe(value: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping them is the point
  return value.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, '?');
}

/**
 * Markdown (GFM) inline text: no table breaks, no markup, no links, no HTML, no autolinks
 * (`www.`, `http:`, `a@b` lose the character the autolink scanner looks for), no heading, list or
 * quote at the start, no math.
 */
export function markdownSafe(value: string): string {
  return terminalSafe(value.replace(/\r\n|\r|\n/g, ' '))
    .replace(/[\\`*_[\]<>|~&#!$]/g, (c) =>
      c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : `\\${c}`,
    )
    .replace(/:(?=\/\/)/g, '&#58;')
    .replace(/w(?=ww\.)/gi, (w) => `&#${w.codePointAt(0)};`)
    .replace(/@/g, '&#64;')
    .replace(/^([-+=>])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}

/** HTML text (a <summary>): the five characters HTML gives meaning, as entities. */
export function htmlSafe(value: string): string {
  return terminalSafe(value.replace(/\r\n|\r|\n/g, ' ')).replace(
    /[&<>"']/g,
    (c) => `&#${c.codePointAt(0)};`,
  );
}

/**
 * A Mermaid label inside double quotes: quotes, markup, entity and Markdown-string characters as
 * Mermaid entity codes (#34;), so a name can neither end the label nor inject HTML or close the
 * code fence.
 */
export function mermaidSafe(value: string): string {
  return terminalSafe(value.replace(/\r\n|\r|\n/g, ' ')).replace(
    /[#"<>&`'\\[\]{}|;]/g,
    (c) => `#${c.codePointAt(0)};`,
  );
}

/**
 * Markdown code span, for text meant to be copied as it is (a links-file line): shown literally,
 * never a link or HTML; the fence is longer than any run of backticks inside, and pipes are
 * escaped so a table cell holds it.
 */
export function markdownCode(value: string): string {
  const text = terminalSafe(value.replace(/\r\n|\r|\n/g, ' ')).replace(/\|/g, '\\|');
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}
