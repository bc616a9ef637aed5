// "The stricter of two": the comparisons every rule of "as on the base" is made of. A rule one
// side does not set is the loosest: the other side's applies.

export type Direction = 'higher' | 'lower'

export function stricterOf(a: number | undefined, b: number | undefined, direction: Direction): number | undefined {
  if (a === undefined) return b
  if (b === undefined) return a
  return direction === 'higher' ? Math.max(a, b) : Math.min(a, b)
}

/** True when the PR's value is strictly stricter than the base's (ties keep the base's). */
export function prIsStricter(base: number | undefined, pr: number | undefined, direction: Direction): boolean {
  if (pr === undefined) return false
  if (base === undefined) return true
  return direction === 'higher' ? pr > base : pr < base
}

/** The later of the two in `order` (e.g. permission levels, risks). */
export function higherIn<T>(order: readonly T[], a: T, b: T): T {
  return order.indexOf(b) > order.indexOf(a) ? b : a
}
