// A function of a string computed once per distinct string: names, e-mails and phones repeat
// across the records of one person and one export.

export function memoized<V>(fn: (key: string) => V): (key: string) => V {
  const cache = new Map<string, V>();
  return (key) => {
    const hit = cache.get(key);
    if (hit !== undefined || cache.has(key)) return hit as V;
    const value = fn(key);
    cache.set(key, value);
    return value;
  };
}
