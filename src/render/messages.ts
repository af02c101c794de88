// Codes of skipped rows and findings → one sentence each, for the human-readable reports.

const EXPLANATIONS: Readonly<Record<string, string>> = {
  'missing-identity': 'the row has neither a name nor an e-mail address',
  'ambiguous-name': 'the row has only a name, and several people carry it; kept apart',
  'conflicting-emails':
    'the row shares an id or phone with a person who has another e-mail; kept apart',
  'unknown-status': 'the status value is not known; the row counts with the default status',
};

/** The sentence for a code, or the code itself when none is written. */
export function explain(code: string): string {
  return EXPLANATIONS[code] ?? code;
}

/** The distinct codes of a list, in first-seen order. */
export function codesOf(items: readonly { code: string }[]): string[] {
  return [...new Set(items.map((i) => i.code))];
}
