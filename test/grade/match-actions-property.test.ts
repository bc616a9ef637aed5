// Property test of the `actions` expectation with `after`, `optional`, `args_match` and rejected
// calls: on small random inputs its verdict agrees with a brute-force search over every
// assignment of expected actions to calls. Seeded: a failure names its seed and shrunk input.
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import type { AgentAction } from '../../src/grade/agent-actions.js'
import type { ExpectedAction } from '../../src/grade/expected-action.js'
import { matchActions } from '../../src/grade/match-actions.js'
import { MATCH_MODES, type MatchMode, type ToolPermission } from '../../src/model/types.js'

const PERMISSIONS: Record<string, ToolPermission> = {
  a: { scope: 'write', risk: 'high', approval: 'none' },
  b: { scope: 'write', risk: 'high', approval: 'none' },
  r: { scope: 'read', risk: 'low', approval: 'none' }
}
const tool = fc.constantFrom('a', 'b', 'r')
const bit = fc.constantFrom(0, 1)

const call = fc.record(
  {
    tool,
    args: fc.record({ x: bit, y: bit }, { requiredKeys: ['x'] }),
    rejected: fc.constantFrom(false, false, false, true)
  },
  { requiredKeys: ['tool', 'args'] }
)

const randomArgs = fc.record({ x: bit, y: bit }, { requiredKeys: [] })

/** Expected actions mostly copied from the calls (all, some or none of their args), so that the
 *  calls often cover them and the order is what decides; some drawn at random. */
const input = fc
  .record({
    mode: fc.constantFrom(...MATCH_MODES),
    exactDefault: fc.boolean(),
    calls: fc.array(call, { minLength: 1, maxLength: 5 }),
    /** About as many expected actions as calls. */
    extra: fc.constantFrom(-1, 0, 0, 0, 1),
    /** Which call each expected action is copied from: distinct calls, in a random order. */
    from: fc.uniqueArray(fc.nat({ max: 4 }), { minLength: 5, maxLength: 5 }),
    expected: fc.array(
      fc.record({
        keep: fc.constantFrom('none', 'x', 'all', 'all'),
        drawn: fc.oneof(
          { weight: 5, arbitrary: fc.constant(undefined) },
          { weight: 1, arbitrary: fc.record({ tool, args: randomArgs }) }
        ),
        optional: fc.constantFrom(false, false, true),
        args_match: fc.option(fc.constantFrom('exact' as const, 'subset' as const), { nil: undefined }),
        after: fc.array(fc.nat({ max: 4 }), { maxLength: 2 })
      }),
      { minLength: 5, maxLength: 5 }
    )
  })
  .map(({ expected: drawnList, calls, from, extra, ...rest }) => {
    const expected = drawnList.slice(0, Math.max(0, calls.length + extra))
    return {
      ...rest,
      calls,
      expected: expected.map(({ keep, drawn, optional, args_match, after }, e): ExpectedAction => {
        const source = calls[from[e] % calls.length]
        const args = keep === 'all' ? source.args : keep === 'x' ? { x: source.args.x } : undefined
        // Valid `after` indices only (cycles allowed: the matcher must cope without the loader).
        const targets = [...new Set(after)].filter((i) => i !== e && i < expected.length)
        return {
          ...(drawn ?? { tool: source.tool, ...(args ? { args } : {}) }),
          ...(optional ? { optional } : {}),
          ...(args_match ? { args_match } : {}),
          ...(targets.length > 0 ? { after: targets } : {})
        }
      })
    }
  })

interface Input {
  mode: MatchMode
  exactDefault: boolean
  calls: Array<{ tool: string; args: Record<string, number>; rejected?: boolean }>
  expected: ExpectedAction[]
}

/** The rules restated plainly, for flat args. */
function agrees(action: ExpectedAction, args: Record<string, number>, exactDefault: boolean): boolean {
  if (action.args === undefined) return true
  const exact = (action.args_match ?? (exactDefault ? 'exact' : 'subset')) === 'exact'
  const keys = Object.keys(action.args)
  if (exact && Object.keys(args).length !== keys.length) return false
  return keys.every((key) => args[key] === action.args?.[key])
}

/** Whether some assignment (each expected action: one call of its own, or none) keeps every rule. */
function bruteForce({ mode, exactDefault, calls, expected }: Input, ignoreOrder = false): boolean {
  const named = new Set(expected.map((action) => action.tool))
  const considered = calls.filter(
    (c) => !c.rejected && (mode === 'superset' || named.has(c.tool) || PERMISSIONS[c.tool].scope !== 'read')
  )
  const assignment: number[] = []
  const valid = () => {
    const used = assignment.filter((c) => c !== -1)
    if (new Set(used).size !== used.length) return false
    if (mode !== 'subset' && expected.some((action, e) => !action.optional && assignment[e] === -1)) return false
    if (mode !== 'superset' && used.length !== considered.length) return false
    if (ignoreOrder) return true
    const before = (i: number, j: number) =>
      assignment[i] === -1 || assignment[j] === -1 || assignment[i] < assignment[j]
    const afters = expected.every((action, e) => [action.after ?? []].flat().every((i) => before(i, e)))
    const listOrder = mode !== 'strict' || expected.every((_, j) => expected.slice(0, j).every((_, i) => before(i, j)))
    return afters && listOrder
  }
  const assign = (e: number): boolean => {
    if (e === expected.length) return valid()
    for (let c = -1; c < considered.length; c++) {
      if (
        c !== -1 &&
        (considered[c].tool !== expected[e].tool || !agrees(expected[e], considered[c].args, exactDefault))
      )
        continue
      assignment[e] = c
      if (assign(e + 1)) return true
    }
    return false
  }
  return assign(0)
}

function verdict({ mode, exactDefault, calls, expected }: Input) {
  const actions: AgentAction[] = calls.map((c) => ({
    tool: c.tool,
    args: c.args,
    via: 'called',
    ...(c.rejected ? { rejected: true as const } : {})
  }))
  return matchActions(expected, { mode, argsMatch: exactDefault ? 'exact' : 'subset' }, actions, PERMISSIONS)
}

describe('matchActions against a brute-force search', () => {
  it('agrees on pass or fail, and on whether only the order is wrong', () => {
    fc.assert(
      fc.property(input, (sample) => {
        const found = verdict(sample)
        expect(found.ok).toBe(bruteForce(sample))
        if (!found.ok) expect(found.causes.includes('wrong_order')).toBe(bruteForce(sample, true))
      }),
      { seed: 15, numRuns: 2000 }
    )
  })
})
