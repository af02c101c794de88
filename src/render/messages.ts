// Codes of skipped rows and findings → one sentence each, for the human-readable reports.
import { explainCode, type Lang } from './i18n.js';

/** The sentence for a code, or the code itself when none is written. */
export function explain(code: string, lang: Lang = 'en'): string {
  return explainCode(code, lang);
}

/** The distinct codes of a list, in first-seen order. */
export function codesOf(items: readonly { code: string }[]): string[] {
  return [...new Set(items.map((i) => i.code))];
}
