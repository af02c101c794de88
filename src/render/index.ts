// Renderers as a registry keyed by format. Each takes the Report and returns a string; none
// computes anything or prints.
import type { OverlapReport } from '../report/schema.js';
import type { DocumentOptions, Section } from './document.js';
import { renderJson } from './json.js';
import { renderMarkdown } from './markdown.js';
import { renderText } from './text.js';

export const FORMATS = ['text', 'md', 'json'] as const;
export type Format = (typeof FORMATS)[number];

export interface RenderOptions {
  readonly color: boolean;
  /** How many rows long lists show in text and Markdown. */
  readonly top?: number;
  /** The sections text and Markdown show (default: all). */
  readonly sections?: readonly Section[] | undefined;
  /** Counts of 1 to K−1 people shown as "<K". */
  readonly minCell?: number | undefined;
  /** The terminal's width for text (at most 100 columns are used). */
  readonly width?: number | undefined;
}

function documentOptions(o: RenderOptions): Partial<DocumentOptions> {
  return {
    ...(o.top === undefined ? {} : { top: o.top }),
    ...(o.sections === undefined ? {} : { sections: o.sections }),
    ...(o.minCell === undefined ? {} : { minCell: o.minCell }),
  };
}

const RENDERERS: Readonly<Record<Format, (r: OverlapReport, o: RenderOptions) => string>> = {
  text: (r, o) =>
    renderText(r, {
      color: o.color,
      ...documentOptions(o),
      ...(o.width === undefined ? {} : { width: o.width }),
    }),
  md: (r, o) => renderMarkdown(r, documentOptions(o)),
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
