// `target.push(...items)` and `Math.min(...items)` pass every item as a call argument, which
// overflows the stack past ~100,000 items (a golden set can be that large): loop instead.

/** Appends `items` to `target` one by one, and returns `target`. */
export function append<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item)
  return target
}

/** The smallest of `values` (Infinity when there is none), without spreading them into a call. */
export function smallest(values: Iterable<number>): number {
  let min = Infinity
  for (const value of values) if (value < min) min = value
  return min
}

/** The largest of `values`, and at least `floor`. */
export function largest(values: Iterable<number>, floor = -Infinity): number {
  let max = floor
  for (const value of values) if (value > max) max = value
  return max
}
