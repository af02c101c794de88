// Escaping of values that come from the data, per output medium. Renderers call these on every
// name, group and path; nothing from a cell reaches a terminal or a Markdown file unescaped.

/** Terminal: control characters and ANSI escape sequences from data become visible `?`. */
export function terminalSafe(value: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping them is the point
  return value.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, '?');
}

/** Markdown (GFM) inline text: no table breaks, no markup, no links, no HTML. */
export function markdownSafe(value: string): string {
  return terminalSafe(value.replace(/\r\n|\r|\n/g, ' ')).replace(/[\\`*_[\]<>|~&]/g, (c) =>
    c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : `\\${c}`,
  );
}
