// Statistics the measures share: log-factorials, the hypergeometric upper tail computed in log
// space (no overflow for large populations) and Benjamini–Hochberg q-values.

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
  -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
  1.5056327351493116e-7,
];

/** ln Γ(x) for x > 0 (Lanczos, g = 7; relative error about 1e-15). */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  const y = x - 1;
  let a = LANCZOS[0] as number;
  const t = y + 7.5;
  for (let i = 1; i < 9; i++) a += (LANCZOS[i] as number) / (y + i);
  return 0.5 * Math.log(2 * Math.PI) + (y + 0.5) * Math.log(t) - t + Math.log(a);
}

const SMALL = 256;
const LOG_FACTORIAL_TABLE: Float64Array = (() => {
  const table = new Float64Array(SMALL);
  for (let i = 2; i < SMALL; i++) table[i] = (table[i - 1] as number) + Math.log(i);
  return table;
})();

/** ln n! */
export function logFactorial(n: number): number {
  return n < SMALL ? (LOG_FACTORIAL_TABLE[n] as number) : logGamma(n + 1);
}

/** ln C(n, k) */
export function logChoose(n: number, k: number): number {
  if (k < 0 || k > n) return Number.NEGATIVE_INFINITY;
  return logFactorial(n) - logFactorial(k) - logFactorial(n - k);
}

/** ln P(X = x) for X ~ Hypergeometric(population N, K successes, n draws). */
export function hypergeometricLogPmf(x: number, N: number, K: number, n: number): number {
  return logChoose(K, x) + logChoose(N - K, n - x) - logChoose(N, n);
}

/**
 * P(X ≥ k) for X ~ Hypergeometric(N, K, n): the upper tail is summed directly when k lies above
 * the mode (terms fall), else it is 1 − P(X ≤ k − 1) with the lower tail summed downwards.
 */
export function hypergeometricUpperTail(k: number, N: number, K: number, n: number): number {
  const lo = Math.max(0, n + K - N);
  const hi = Math.min(K, n);
  if (k <= lo) return 1;
  if (k > hi) return 0;
  const mode = Math.floor(((n + 1) * (K + 1)) / (N + 2));
  if (k > mode) {
    let term = 1;
    let sum = 1;
    for (let x = k; x < hi; x++) {
      term *= ((K - x) * (n - x)) / ((x + 1) * (N - K - n + x + 1));
      sum += term;
      if (term < sum * 1e-17) break;
    }
    return Math.min(1, Math.exp(hypergeometricLogPmf(k, N, K, n) + Math.log(sum)));
  }
  // P(X ≤ k − 1), summed from k − 1 downwards (terms fall below the mode).
  let term = 1;
  let sum = 1;
  for (let x = k - 1; x > lo; x--) {
    term *= (x * (N - K - n + x)) / ((K - x + 1) * (n - x + 1));
    sum += term;
    if (term < sum * 1e-17) break;
  }
  const lower = Math.exp(hypergeometricLogPmf(k - 1, N, K, n) + Math.log(sum));
  return Math.min(1, Math.max(0, 1 - lower));
}

/** Benjamini–Hochberg adjusted p-values, in the order of `pValues`. */
export function benjaminiHochberg(pValues: readonly number[]): number[] {
  const m = pValues.length;
  const order = pValues.map((p, i) => [p, i] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const q = new Array<number>(m).fill(1);
  let running = 1;
  for (let rank = m; rank >= 1; rank--) {
    const [p, i] = order[rank - 1] as readonly [number, number];
    running = Math.min(running, (p * m) / rank);
    q[i] = Math.min(1, running);
  }
  return q;
}
