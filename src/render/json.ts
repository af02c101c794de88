// Any JSON output → text: two-space indentation, a final newline, keys in schema order.

export function renderJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** Renders with the function for `format`; JSON is the same for every command. */
export function renderAs(
  format: 'text' | 'md' | 'csv' | 'json',
  value: unknown,
  renderers: { readonly text: () => string; readonly md: () => string; readonly csv: () => string },
): string {
  return format === 'json' ? renderJson(value) : renderers[format]();
}
