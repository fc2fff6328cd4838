/**
 * Adds a value to the list a map holds under a key, in place (a copy of the list on every
 * add made grouping quadratic: 20,000 repeated lines took seconds).
 */
export function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Appends every value to the list, in place (`push(...values)` overflows the stack past about 100,000 values). */
export function pushAll<V>(list: V[], values: readonly V[]): void {
  for (const v of values) list.push(v);
}

/** The values folded by `pick` (Math.max, Math.min); `empty` for none. */
function fold(values: Iterable<number>, pick: (a: number, b: number) => number, empty: number): number {
  let m = empty;
  let any = false;
  for (const v of values) {
    m = any ? pick(m, v) : v;
    any = true;
  }
  return m;
}

/** The greatest of the values (`Math.max(...values)` overflows the stack past about 100,000 values); `empty` for none. */
export const maxOf = (values: Iterable<number>, empty = Number.NEGATIVE_INFINITY): number => fold(values, Math.max, empty);

/** The least of the values; `empty` for none. */
export const minOf = (values: Iterable<number>, empty = Number.POSITIVE_INFINITY): number => fold(values, Math.min, empty);
