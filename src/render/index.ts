// Renderers as a registry keyed by format. Each takes the Report and returns a string; none
// computes anything or prints.
import type { OverlapReport } from '../report/schema.js';
import { renderJson } from './json.js';
import { renderMarkdown } from './markdown.js';
import { renderText } from './text.js';

export const FORMATS = ['text', 'md', 'json'] as const;
export type Format = (typeof FORMATS)[number];

export interface RenderOptions {
  readonly color: boolean;
  /** How many rows long lists show in text and Markdown. */
  readonly top?: number;
}

const RENDERERS: Readonly<Record<Format, (r: OverlapReport, o: RenderOptions) => string>> = {
  text: (r, o) => renderText(r, { color: o.color, ...(o.top === undefined ? {} : { top: o.top }) }),
  md: (r, o) => renderMarkdown(r, o.top === undefined ? {} : { top: o.top }),
  json: (r) => renderJson(r),
};

/** Renders the report in the given format. */
export function renderReport(
  report: OverlapReport,
  format: Format,
  options: RenderOptions,
): string {
  return RENDERERS[format](report, options);
}
