// The order in which candidate pairs are joined: strongest first, ties by the first record, then
// by the second. A comparator sort over a few million pairs (200,000 records) took most of a
// second; three stable counting sorts (least significant key first) give the same order in a
// fraction of that.

/** Stable counting sort of `items` by `key[item]`, a number in [0, buckets). */
function countingSort(
  items: Int32Array<ArrayBuffer>,
  key: Int32Array<ArrayBuffer>,
  buckets: number,
): Int32Array<ArrayBuffer> {
  const start = new Int32Array(buckets + 1);
  for (let i = 0; i < items.length; i++) {
    const k = (key[items[i] as number] as number) + 1;
    start[k] = (start[k] as number) + 1;
  }
  for (let k = 0; k < buckets; k++) start[k + 1] = (start[k + 1] as number) + (start[k] as number);
  const sorted = new Int32Array(items.length);
  for (let i = 0; i < items.length; i++) {
    const item = items[i] as number;
    const k = key[item] as number;
    sorted[start[k] as number] = item;
    start[k] = (start[k] as number) + 1;
  }
  return sorted;
}

/**
 * Pair indices ordered by weight descending, then first record, then second record ascending
 * (records are numbered below `records`). Equal weights (0 and -0 included) are ties.
 */
export function strongestFirst(
  weight: ArrayLike<number>,
  first: ArrayLike<number>,
  second: ArrayLike<number>,
  records: number,
): Int32Array<ArrayBuffer> {
  const count = weight.length;
  // Rank of each weight among the distinct weights (a few thousand), the largest ranked 0.
  const rankOf = new Map<number, number>();
  for (let k = 0; k < count; k++) rankOf.set(weight[k] as number, 0);
  const distinct = [...rankOf.keys()].sort((x, y) => y - x);
  distinct.forEach((w, r) => {
    rankOf.set(w, r);
  });
  const rank = new Int32Array(count);
  for (let k = 0; k < count; k++) rank[k] = rankOf.get(weight[k] as number) as number;
  const order = new Int32Array(count);
  for (let k = 0; k < count; k++) order[k] = k;
  const bySecond = countingSort(order, Int32Array.from(second), records);
  const byFirst = countingSort(bySecond, Int32Array.from(first), records);
  return countingSort(byFirst, rank, distinct.length);
}
