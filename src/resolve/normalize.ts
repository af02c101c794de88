// Values → comparison keys. Each rule is a small pure function; `nameKey` and `emailKey` compose
// them into the keys identity resolution compares. NORMALIZATION_VERSION changes whenever a rule
// changes what a key looks like.

export const NORMALIZATION_VERSION = 1;

/** Unicode NFC, so that a composed and a decomposed "ü" are the same letter. */
export function nfc(value: string): string {
  return value.normalize('NFC');
}

/** Case fold (lower case without locale rules). */
export function caseFold(value: string): string {
  return value.toLowerCase();
}

/** Trims and collapses every run of white space to one space. */
export function collapseSpace(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}

/** DIN 5007-2 folding: ä→ae, ö→oe, ü→ue, ß→ss (expects lower case). */
export function foldUmlauts(value: string): string {
  return value.replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss');
}

/** "Nachname, Vorname" → "Vorname Nachname" when the value has exactly one comma. */
export function reorderLastFirst(value: string): string {
  const parts = value.split(',');
  if (parts.length !== 2) return value;
  const [last, first] = parts.map((p) => p.trim());
  if (!last || !first) return value;
  return `${first} ${last}`;
}

/** The key a full name is compared by: "Köhler,  Jürgen" → "juergen koehler". */
export function nameKey(name: string): string {
  return collapseSpace(foldUmlauts(caseFold(reorderLastFirst(nfc(name)))));
}

/** The key an e-mail address is compared by: trimmed and lower case. */
export function emailKey(email: string): string {
  return caseFold(nfc(email.trim()));
}
