// Pairs expected actions with calls under order constraints (`after`, and strict's list order).
// The first maximum matching may break an order that another pairing keeps (repeated identical
// calls), and finding one that keeps a partial order is a search in general, so this searches:
// expected actions one by one, each paired with a free agreeing call that keeps the constraints
// with those already paired, or with none where it may be left out. A branch is cut as soon as
// the rest cannot be covered even ignoring order, and a state already found hopeless (the same
// calls used, the same positions of actions that still constrain later ones) is not searched again.
// Interchangeable actions (twins: the same calls agree, both required or not, the same constraints
// with every other action and none between them) take their calls in increasing order only, so
// that a dozen identical refunds are not tried in every order.
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
  const twinBefore = earlierTwins(n, candidates, required, constraints)
  // An action still matters to the search after its own turn while a later one is constrained by
  // it, or is its twin.
  const lastRelated = Array.from({ length: n }, (_, e) =>
    constraints.reduce((last, [a, b]) => (a === e || b === e ? Math.max(last, a, b) : last), -1)
  )
  twinBefore.forEach((p, e) => {
    if (p !== -1) lastRelated[p] = Math.max(lastRelated[p], e)
  })
  const paired = new Array<number>(n).fill(-1)
  const used = new Array<boolean>(m).fill(false)
  const hopeless = new Set<string>()

  const constraintsOf = Array.from({ length: n }, (_, e) => constraints.filter(([a, b]) => a === e || b === e))
  // Only actions before `e` are ever paired when it is considered (the search goes in index order).
  const keeps = (e: number, c: number) =>
    constraintsOf[e].every(([a, b]) => {
      if (b === e && a < e && paired[a] !== -1) return paired[a] < c
      if (a === e && b < e && paired[b] !== -1) return c < paired[b]
      return true
    })

  /** The call an action's paired twins end at, before its turn `k`: -1 none paired (none may
   *  follow), -2 no twin decided yet. Its own call must come later. */
  const twinsEnd = (e: number, k: number): number => {
    let p = twinBefore[e]
    while (p >= k) p = twinBefore[p]
    return p === -1 ? -2 : paired[p]
  }
  const allowed = (e: number, c: number, end: number) =>
    !used[c] && agrees(e, c) && (end === -2 || (end !== -1 && c > end))

  // The rest (actions k.., free calls) coverable as required, ignoring their order among
  // themselves (each keeps its order with the actions already paired): a matching that pairs
  // the required actions first pairs all of them and as many calls as any matching can.
  const coverable = (k: number) => {
    const rest = Array.from({ length: n - k }, (_, i) => k + i)
    const order = [...rest.filter((e) => required[e]), ...rest.filter((e) => !required[e])]
    const ends = Array.from({ length: n }, (_, e) => (e >= k ? twinsEnd(e, k) : -1))
    const { leftToRight, rightToLeft } = maximumMatching(
      n,
      m,
      (e, c) => e >= k && allowed(e, c, ends[e]) && keeps(e, c),
      order
    )
    if (rest.some((e) => required[e] && leftToRight[e] === -1)) return false
    return !coverCalls || rightToLeft.every((e, c) => used[c] || e !== -1)
  }

  const search = (k: number): boolean => {
    if (k === n) return !coverCalls || used.every(Boolean)
    const key = `${k}|${used.map(Number).join('')}|${paired.map((c, e) => (e < k && lastRelated[e] >= k ? c : '')).join(',')}`
    if (hopeless.has(key)) return false
    if (coverable(k)) {
      const end = twinsEnd(k, k)
      for (const c of candidates[k]) {
        if (!allowed(k, c, end) || !keeps(k, c)) continue
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

/** For each action the nearest earlier twin, or -1. */
function earlierTwins(
  n: number,
  candidates: number[][],
  required: readonly boolean[],
  constraints: ReadonlyArray<readonly [number, number]>
): number[] {
  const relation = (e: number, x: number) =>
    `${constraints.some(([a, b]) => a === e && b === x) ? 'before' : ''}|${constraints.some(([a, b]) => a === x && b === e) ? 'after' : ''}`
  const twins = (p: number, e: number) =>
    required[p] === required[e] &&
    candidates[p].join() === candidates[e].join() &&
    relation(p, e) === '|' &&
    Array.from({ length: n }, (_, x) => x).every((x) => x === p || x === e || relation(p, x) === relation(e, x))
  return Array.from({ length: n }, (_, e) => {
    for (let p = e - 1; p >= 0; p--) if (twins(p, e)) return p
    return -1
  })
}

/** Whether a pairing keeps every constraint (`-1`: not paired, nothing to keep). */
export function keepsOrder(
  pairing: readonly number[],
  constraints: ReadonlyArray<readonly [first: number, then: number]>
): boolean {
  return constraints.every(([a, b]) => a === b || pairing[a] === -1 || pairing[b] === -1 || pairing[a] < pairing[b])
}
