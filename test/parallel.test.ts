// The brokers (betweenness, the top ones, their structural holes) and the compact Louvain in
// worker threads are the same as in-thread. Workers run from the compiled files (`npm test`
// builds first), so this test loads dist/.
import { describe, expect, it } from 'vitest';
import { coAttendancePairs, memberships, personProjection } from '../dist/graph/projection.js';
import { betweenness, pivotShare, searchSharedPivots } from '../dist/measure/betweenness.js';
import { brokers } from '../dist/measure/bridges.js';
import { membershipLouvain } from '../dist/measure/louvain-compact.js';
import {
  brokersInParallel,
  LOUVAIN_WORKER_PAIRS,
  louvainInParallel,
  startGraphWorkers,
  stopGraphWorkers,
  WORKER_WORK,
  waitingGraphWorkers,
} from '../dist/measure/parallel.js';
import { seededRandom } from '../dist/measure/rng.js';

/** 2,500 people at 600 events of 3–12 people (seeded). */
function people(): number[][] {
  const rng = seededRandom(3);
  const lists: number[][] = Array.from({ length: 2500 }, () => []);
  for (let e = 0; e < 600; e++) {
    const size = 3 + Math.floor(rng() * 10);
    const at = new Set<number>();
    while (at.size < size) at.add(Math.floor(rng() * 2500));
    for (const u of at) lists[u]?.push(e);
  }
  return lists;
}

describe('graph measures beside the other measures', () => {
  it('a worker finds the same brokers as the main thread', async () => {
    // 2,500 people at 600 events of 3–12 people (seeded): exact Brandes over 2,500 sources and
    // 33,878 directed ties is above the worker threshold of 2·10⁷ steps.
    const projection = personProjection(memberships(people(), 600));
    expect(projection.nodes * projection.neighbors.length).toBeGreaterThan(WORKER_WORK);
    expect(projection.neighbors.buffer).toBeInstanceOf(SharedArrayBuffer);
    const options = { exact: true, top: 25 };
    const inThread = brokers(projection, options);
    const { ranIn, ...inWorker } = await brokersInParallel(projection, options).result;
    expect(ranIn).toBe('worker');
    expect(inWorker).toEqual(inThread);
    expect(inWorker.list).toHaveLength(25);
    expect(inWorker.list[0]?.betweenness).toBeGreaterThan(0);
  });

  it('sampled pivots searched by the worker and this thread together: the same values', async () => {
    // 600 sampled pivots × 33,878 directed ties = 2.03·10⁷ steps: a worker; this thread helps
    // with the pivots the worker has not claimed (most of them: the worker is still starting).
    const projection = personProjection(memberships(people(), 600));
    const options = { exactLimit: 0, pivots: 600, budget: 1e9, top: 25 };
    const inThread = brokers(projection, options);
    expect(inThread.exact).toBe(false);
    expect(inThread.pivots).toBe(600);
    const pending = brokersInParallel(projection, options);
    pending.help();
    const { ranIn, ...together } = await pending.result;
    expect(ranIn).toBe('worker');
    // Equal to the bit: the rows are added in pivot order, as one thread adds them.
    expect(together).toEqual(inThread);
  });

  it('pivots and structural holes shared once the worker runs: the same values to the bit', async () => {
    // As above, but this thread helps only once the worker has had time to start (0.2 s): it
    // searches the pivots left, then waits for the top brokers and takes some of their holes'
    // 16 parts. The sums are added in pivot and part order whoever computed them.
    const projection = personProjection(memberships(people(), 600));
    const options = { exactLimit: 0, pivots: 600, budget: 1e9, top: 40 };
    const inThread = brokers(projection, options);
    expect(inThread.list).toHaveLength(40);
    const pending = brokersInParallel(projection, options);
    await new Promise((resolve) => setTimeout(resolve, 200));
    pending.help();
    const { ranIn, ...together } = await pending.result;
    expect(ranIn).toBe('worker');
    expect(together).toEqual(inThread);
  });

  it("a share's pivots: summed in pivot order, and those a failed helper left computed", () => {
    const projection = personProjection(memberships(people(), 600));
    const options = { exactLimit: 0, pivots: 40, seed: 5 };
    const alone = betweenness(projection, options);
    expect(alone.pivots).toBe(40);
    // A helper searched every pivot: the owner only adds the rows.
    const share = pivotShare(projection, options);
    if (share === undefined) throw new Error('expected a share');
    searchSharedPivots(projection, options, share);
    expect([...share.done]).toEqual(Array(40).fill(1));
    expect([...betweenness(projection, options, share).values]).toEqual([...alone.values]);
    // A helper claimed pivots 0–9, wrote half a row and failed: the owner computes them again.
    const failed = pivotShare(projection, options);
    if (failed === undefined) throw new Error('expected a share');
    failed.claims[0] = 10;
    failed.claims[1] = 1;
    failed.rows.fill(123, 0, projection.nodes / 2);
    expect([...betweenness(projection, options, failed).values]).toEqual([...alone.values]);
    // Exact runs and shares over 2^23 dependencies are not shared.
    expect(pivotShare(projection, { exact: true })).toBeUndefined();
  });

  it('a worker finds the same communities as the main thread', async () => {
    const lists = memberships(people(), 600);
    const projection = personProjection(lists);
    expect(projection.weights.buffer).toBeInstanceOf(SharedArrayBuffer);
    const inThread = membershipLouvain(lists, 1, seededRandom(42));
    // 16,987 co-attendance pairs are below LOUVAIN_WORKER_PAIRS: a worker only when asked from 0.
    expect(coAttendancePairs(lists)).toBeLessThan(LOUVAIN_WORKER_PAIRS);
    const { ranIn, ...inWorker } = await louvainInParallel(lists, 1, 42, 0);
    expect(ranIn).toBe('worker');
    expect(inWorker.modularity).toBe(inThread.modularity);
    expect([...inWorker.communities]).toEqual([...inThread.communities]);
    expect(inThread.modularity).toBeGreaterThan(0.3);
  });

  it('workers started ahead take the tasks, and those left over are stopped', async () => {
    const lists = memberships(people(), 600);
    const projection = personProjection(lists);
    const options = { exact: true, top: 10 };
    const inThread = brokers(projection, options);
    const louvain = membershipLouvain(lists, 1, seededRandom(7));
    // Three waiting workers for two tasks: both tasks run in a waiting worker, one is left.
    startGraphWorkers(3);
    expect(waitingGraphWorkers()).toBe(3);
    const pendingBrokers = brokersInParallel(projection, options);
    const pendingLouvain = louvainInParallel(lists, 1, 7, 0);
    expect(waitingGraphWorkers()).toBe(1);
    const found = await pendingBrokers.result;
    const communities = await pendingLouvain;
    expect(found.ranIn).toBe('worker');
    expect(communities.ranIn).toBe('worker');
    const { ranIn: _ranIn, ...brokersInWorker } = found;
    expect(brokersInWorker).toEqual(inThread);
    expect([...communities.communities]).toEqual([...louvain.communities]);
    // The leftover worker ends when stopped (terminate resolves), and a second stop is a no-op.
    await stopGraphWorkers();
    expect(waitingGraphWorkers()).toBe(0);
    await stopGraphWorkers();
  });

  it('small graphs stay in the main thread', async () => {
    // People 0 and 1 at event 0 with person 2, who also meets 3 at event 1: ties 0–1, 0–2, 1–2,
    // 2–3. Person 2 is on the paths 0–3 and 1–3: 2 pairs / ((n−1)(n−2)/2 = 3) = 2/3.
    const smallLists = memberships([[0], [0], [0, 1], [1]], 2);
    const small = personProjection(smallLists);
    const found = await brokersInParallel(small, {}).result;
    expect(found.ranIn).toBe('main');
    expect(found.list.map((b) => [b.node, b.betweenness])).toEqual([[2, 2 / 3]]);
    // Louvain on the same four people: 4 pairs below LOUVAIN_WORKER_PAIRS, so in this thread.
    const communities = await louvainInParallel(smallLists, 1, 42);
    expect(communities.ranIn).toBe('main');
    expect(communities.communities).toHaveLength(4);
  });
});
