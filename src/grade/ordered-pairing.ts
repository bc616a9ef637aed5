// Pairs expected actions with calls under order constraints (`after`, and strict's list order).
// The first maximum matching may break an order that another pairing keeps (repeated identical
// calls), and finding one that keeps a partial order is a search in general, so this searches:
// expected actions one by one, each paired with a free agreeing call that keeps the constraints
// with those already paired, or with none where it may be left out. A branch is cut as soon as
// the rest cannot be covered even ignoring order, and a state already found hopeless (the same
// calls used, the same positions of actions that still constrain later ones) is not searched again.
import { maximumMatching } from './bipartite.js'

export interface OrderedPairingProblem {
  expected: number
  /** Calls, by position: a constraint compares these indices. */
  calls: number
  agrees(e: number, c: number): boolean
  /** Expected actions that must be paired. */
  required: readonly boolean[]
  /** Whether every call must be paired. */
  coverCalls: boolean
  /** `[first, then]`: when both are paired, `then`'s call comes after `first`'s. */
  constraints: ReadonlyArray<readonly [first: number, then: number]>
}

/** For each expected action its call, or -1 for none; undefined when no pairing keeps everything. */
export function orderedPairing(problem: OrderedPairingProblem): number[] | undefined {
  const { expected: n, calls: m, agrees, required, coverCalls } = problem
  const constraints = problem.constraints.filter(([a, b]) => a !== b)
  const candidates = Array.from({ length: n }, (_, e) =>
    Array.from({ length: m }, (_, c) => c).filter((c) => agrees(e, c))
  )
  // An action still matters to the search after its own turn while a later one is constrained by it.
  const lastRelated = Array.from({ length: n }, (_, e) =>
    constraints.reduce((last, [a, b]) => (a === e || b === e ? Math.max(last, a, b) : last), -1)
  )
  const paired = new Array<number>(n).fill(-1)
  const used = new Array<boolean>(m).fill(false)
  const hopeless = new Set<string>()

  const keeps = (e: number, c: number) =>
    constraints.every(([a, b]) => {
      if (b === e && a < e && paired[a] !== -1) return paired[a] < c
      if (a === e && b < e && paired[b] !== -1) return c < paired[b]
      return true
    })

  // The rest (actions k.., free calls) coverable as required, ignoring order: a matching that
  // pairs the required actions first pairs all of them and as many calls as any matching can.
  const coverable = (k: number) => {
    const rest = Array.from({ length: n - k }, (_, i) => k + i)
    const order = [...rest.filter((e) => required[e]), ...rest.filter((e) => !required[e])]
    const { leftToRight, rightToLeft } = maximumMatching(n, m, (e, c) => e >= k && !used[c] && agrees(e, c), order)
    if (rest.some((e) => required[e] && leftToRight[e] === -1)) return false
    return !coverCalls || rightToLeft.every((e, c) => used[c] || e !== -1)
  }

  const search = (k: number): boolean => {
    if (k === n) return !coverCalls || used.every(Boolean)
    const key = `${k}|${used.map(Number).join('')}|${paired.map((c, e) => (e < k && lastRelated[e] >= k ? c : '')).join(',')}`
    if (hopeless.has(key)) return false
    if (coverable(k)) {
      for (const c of candidates[k]) {
        if (used[c] || !keeps(k, c)) continue
        paired[k] = c
        used[c] = true
        if (search(k + 1)) return true
        used[c] = false
        paired[k] = -1
      }
      if (!required[k] && search(k + 1)) return true
    }
    hopeless.add(key)
    return false
  }
  return search(0) ? paired : undefined
}

/** Whether a pairing keeps every constraint (`-1`: not paired, nothing to keep). */
export function keepsOrder(
  pairing: readonly number[],
  constraints: ReadonlyArray<readonly [first: number, then: number]>
): boolean {
  return constraints.every(([a, b]) => a === b || pairing[a] === -1 || pairing[b] === -1 || pairing[a] < pairing[b])
}
