// Number formatting shared by the human-readable renderers.

/** A ratio as a fixed two-decimal number: 0.4 → "0.40". */
export function fixed2(value: number): string {
  return value.toFixed(2);
}

/** A share as a whole percentage: 0.413 → "41 %". */
export function percent(value: number): string {
  return `${Math.round(value * 100)} %`;
}

/** Singular or plural by count: plural(1, 'group') → "1 group". */
export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}
