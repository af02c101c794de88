// Betweenness in a worker thread gives the same values as in-thread. Workers run from the compiled
// files (`npm test` builds first), so this test loads dist/.
import { describe, expect, it } from 'vitest';
import { memberships, personProjection } from '../dist/graph/projection.js';
import { betweenness } from '../dist/measure/betweenness.js';
import { betweennessInParallel, WORKER_WORK } from '../dist/measure/betweenness-parallel.js';
import { seededRandom } from '../dist/measure/rng.js';

describe('betweenness beside the other measures', () => {
  it('a worker computes the same values as the main thread', async () => {
    // 2,500 people at 600 events of 3–12 people (seeded): exact Brandes over 2,500 sources and
    // ~80,000 directed ties is above the worker threshold of 2·10⁷ steps.
    const rng = seededRandom(3);
    const lists: number[][] = Array.from({ length: 2500 }, () => []);
    for (let e = 0; e < 600; e++) {
      const size = 3 + Math.floor(rng() * 10);
      const at = new Set<number>();
      while (at.size < size) at.add(Math.floor(rng() * 2500));
      for (const u of at) lists[u]?.push(e);
    }
    const projection = personProjection(memberships(lists, 600));
    expect(projection.nodes * projection.neighbors.length).toBeGreaterThan(WORKER_WORK);
    expect(projection.neighbors.buffer).toBeInstanceOf(SharedArrayBuffer);
    const options = { exact: true };
    const inThread = betweenness(projection, options);
    const inWorker = await betweennessInParallel(projection, options);
    expect(inWorker.ranIn).toBe('worker');
    expect(inWorker.exact).toBe(true);
    expect([...inWorker.values]).toEqual([...inThread.values]);
    expect(Math.max(...inWorker.values)).toBeGreaterThan(0);
    // Small graphs stay in the main thread.
    const small = personProjection(memberships([[0], [0], [0, 1], [1]], 2));
    const path = await betweennessInParallel(small, {});
    expect(path.ranIn).toBe('main');
    // Path 0,1 – 2 – 3: person 2 is on the 2·2 ordered paths between {0,1} and 3: 4 / (3·2).
    expect([...path.values]).toEqual([0, 0, 4 / 6, 0]);
  });
});
