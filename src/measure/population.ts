// Affiliation → the size of the pond: capture–recapture over the groups as lists. Chao1 lower
// bound N̂ = S + f1²/(2·f2) (bias-corrected S + f1(f1−1)/2 when f2 = 0) with Chao's (1987) variance
// and log-normal 95 % interval; Chapman's estimate for the two largest lists with its variance
// and interval; coverage = observed / Chao1.
import type { Affiliation } from '../graph/affiliation.js';
import { sharedMatrix } from './pairs.js';

const Z95 = 1.959963984540054;

export interface Estimate {
  estimate: number;
  se: number;
  ci95: [number, number];
}

export interface Population {
  observed: number;
  f1: number;
  f2: number;
  coverage: number | null;
  chao1: Estimate;
  chapman: ({ a: string; b: string } & Estimate) | null;
}

/** Log-normal interval (Chao 1987): S + f0/C … S + f0·C, C = exp(z·√ln(1 + var/f0²)). */
export function logNormalInterval(
  observed: number,
  estimate: number,
  variance: number,
): [number, number] {
  const f0 = estimate - observed;
  if (f0 <= 0 || variance <= 0) return [observed, observed];
  const c = Math.exp(Z95 * Math.sqrt(Math.log(1 + variance / (f0 * f0))));
  return [observed + f0 / c, observed + f0 * c];
}

/** Chao1 with its standard error and interval, from S, f1 and f2. */
export function chao1(observed: number, f1: number, f2: number): Estimate {
  let estimate: number;
  let variance: number;
  if (f2 > 0) {
    const r = f1 / f2;
    estimate = observed + (f1 * f1) / (2 * f2);
    variance = f2 * (0.5 * r ** 2 + r ** 3 + 0.25 * r ** 4);
  } else {
    estimate = observed + (f1 * (f1 - 1)) / 2;
    variance =
      estimate > 0
        ? (f1 * (f1 - 1)) / 2 + (f1 * (2 * f1 - 1) ** 2) / 4 - f1 ** 4 / (4 * estimate)
        : 0;
  }
  variance = Math.max(0, variance);
  return {
    estimate,
    se: Math.sqrt(variance),
    ci95: logNormalInterval(observed, estimate, variance),
  };
}

/** Chapman's estimate for lists of n1 and n2 people with m in both. */
export function chapman(n1: number, n2: number, m: number): Estimate {
  const estimate = ((n1 + 1) * (n2 + 1)) / (m + 1) - 1;
  const variance = ((n1 + 1) * (n2 + 1) * (n1 - m) * (n2 - m)) / ((m + 1) ** 2 * (m + 2));
  return {
    estimate,
    se: Math.sqrt(variance),
    ci95: logNormalInterval(n1 + n2 - m, estimate, variance),
  };
}

export function measurePopulation(graph: Affiliation): Population {
  const observed = graph.people.length;
  let f1 = 0;
  let f2 = 0;
  for (const gs of graph.personGroups) {
    if (gs.length === 1) f1++;
    else if (gs.length === 2) f2++;
  }
  const c = chao1(observed, f1, f2);
  const { size, shared } = sharedMatrix(graph);
  const g = graph.groups.length;
  let result: Population['chapman'] = null;
  if (g >= 2) {
    // The two largest lists; ties by name (group order).
    const order = size.map((s, i) => [s, i] as const).sort((x, y) => y[0] - x[0] || x[1] - y[1]);
    const [first, second] = [
      (order[0] as readonly [number, number])[1],
      (order[1] as readonly [number, number])[1],
    ];
    const [a, b] = first < second ? [first, second] : [second, first];
    result = {
      a: graph.groups[a] as string,
      b: graph.groups[b] as string,
      ...chapman(size[a] as number, size[b] as number, shared[a * g + b] as number),
    };
  }
  return {
    observed,
    f1,
    f2,
    coverage: c.estimate > 0 ? observed / c.estimate : null,
    chao1: c,
    chapman: result,
  };
}
