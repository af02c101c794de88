// Report → JSON text: two-space indentation, a final newline, keys in schema order.
import type { OverlapReport } from '../report/schema.js';

export function renderJson(report: OverlapReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
