// Number formatting shared by the human-readable renderers.

/** A ratio as a fixed two-decimal number: 0.4 → "0.40". */
export function fixed2(value: number): string {
  return value.toFixed(2);
}

/** A share as a whole percentage: 0.413 → "41 %". */
export function percent(value: number | null): string {
  return value === null ? '–' : `${Math.round(value * 100)} %`;
}

/** A p- or q-value: three decimals, or scientific below 0.001. */
export function pvalue(value: number): string {
  if (value === 0) return '0';
  return value < 0.001 ? value.toExponential(1) : value.toFixed(3);
}

/** An estimate with one decimal. */
export function one(value: number | null): string {
  return value === null ? '–' : value.toFixed(1);
}

/** Singular or plural by count: plural(1, 'group') → "1 group". */
export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}
