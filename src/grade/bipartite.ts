// Maximum bipartite matching (Kuhn's augmenting paths): pairs each expected action with a
// distinct agent action, so that two expected refunds need two refund calls. The sizes
// are a handful of calls, so the O(V·E) search is plenty.

export interface Matching {
  /** For each left index, the right index it is paired with, or -1. */
  leftToRight: number[]
  /** For each right index, the left index it is paired with, or -1. */
  rightToLeft: number[]
}

/**
 * `order`: the left vertices in the order they are matched (default 0, 1, ...). A vertex once
 * matched stays matched, so the matching also pairs as many of the first ones as any could.
 */
export function maximumMatching(
  left: number,
  right: number,
  edge: (l: number, r: number) => boolean,
  order?: readonly number[]
): Matching {
  const adjacent = Array.from({ length: left }, (_, l) =>
    Array.from({ length: right }, (_, r) => r).filter((r) => edge(l, r))
  )
  const leftToRight = new Array<number>(left).fill(-1)
  const rightToLeft = new Array<number>(right).fill(-1)

  const augment = (l: number, visited: boolean[]): boolean => {
    for (const r of adjacent[l]) {
      if (visited[r]) continue
      visited[r] = true
      if (rightToLeft[r] === -1 || augment(rightToLeft[r], visited)) {
        leftToRight[l] = r
        rightToLeft[r] = l
        return true
      }
    }
    return false
  }
  for (const l of order ?? leftToRight.keys()) augment(l, new Array<boolean>(right).fill(false))
  return { leftToRight, rightToLeft }
}
