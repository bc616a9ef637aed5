// shapeProblems walks arrays and objects without copying their entries (src/util/value-shape.ts); it
// must answer as the walk over Object.entries below (its earlier implementation) does: generated
// values with own __proto__ keys, parts shared at several depths (YAML aliases), and depth limits
// they reach or not. Seeded; FUZZ_SEED and FUZZ_RUNS explore further.
import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { shapeProblems, type ShapeProblem } from '../../src/util/value-shape.js'

const SEED = Number(process.env.FUZZ_SEED ?? 20_261_203)
const RUNS = Number(process.env.FUZZ_RUNS ?? 2000)

interface Frame {
  value: object
  depth: number
  parent?: Frame
  key?: PropertyKey
}

/** The reference: every container's entries copied, then walked from the last. */
function referenceShapeProblems(value: unknown, maxDepth: number, protoKeys: boolean): ShapeProblem[] {
  const isContainer = (v: unknown): v is object => typeof v === 'object' && v !== null
  const pathOf = (frame: Frame) => {
    const path: PropertyKey[] = []
    for (let f: Frame | undefined = frame; f?.parent; f = f.parent) path.push(f.key!)
    return path.reverse()
  }
  if (!isContainer(value)) return []
  const problems: ShapeProblem[] = []
  const deepestWalk = new Map<object, number>()
  const stack: Frame[] = [{ value, depth: 1 }]
  while (stack.length > 0) {
    const frame = stack.pop()!
    if (frame.depth > maxDepth) return [{ kind: 'too_deep', path: pathOf(frame) }]
    const walked = deepestWalk.get(frame.value)
    if (walked !== undefined && walked >= frame.depth) continue
    deepestWalk.set(frame.value, frame.depth)
    const entries: [PropertyKey, unknown][] = Array.isArray(frame.value)
      ? frame.value.map((item, i) => [i, item])
      : Object.entries(frame.value)
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, item] = entries[i]
      if (protoKeys && key === '__proto__' && problems.length < 10)
        problems.push({ kind: 'proto_key', path: [...pathOf(frame), key] })
      if (isContainer(item)) stack.push({ value: item, depth: frame.depth + 1, parent: frame, key })
    }
  }
  return problems
}

/** A value as a plan: `shared` places one part (built once) wherever it occurs, as an alias does. */
type Plan = number | string | null | 'shared' | { list: Plan[] } | { entries: [string, Plan][] }

const KEYS = ['a', '__proto__', '__proto__', 'constructor', '0']
const { plan } = fc.letrec<{ plan: Plan }>((tie) => ({
  plan: fc.oneof(
    { depthSize: 'medium', withCrossShrink: true },
    fc.integer(),
    fc.constantFrom('x', '__proto__'),
    fc.constant(null),
    fc.constant('shared' as const),
    fc.record({ list: fc.array(tie('plan'), { maxLength: 4 }) }),
    fc.record({ entries: fc.array(fc.tuple(fc.constantFrom(...KEYS), tie('plan')), { maxLength: 4 }) })
  )
}))
const entries = fc.array(fc.tuple(fc.constantFrom(...KEYS), plan), { minLength: 1, maxLength: 4 })
const objectPlan: fc.Arbitrary<Plan> = entries.map((list) => ({ entries: list }))

function build(p: Plan, shared: () => unknown): unknown {
  if (p === 'shared') return shared()
  if (typeof p !== 'object' || p === null) return p
  if ('list' in p) return p.list.map((x) => build(x, shared))
  const object: Record<string, unknown> = {}
  // defineProperty: an own __proto__ key, as JSON.parse and the YAML readers make.
  for (const [key, x] of p.entries)
    Object.defineProperty(object, key, {
      value: build(x, shared),
      enumerable: true,
      writable: true,
      configurable: true
    })
  return object
}

describe('shapeProblems, against a walk over copied entries', () => {
  it('answers alike on generated values, shared parts and __proto__ keys included', () => {
    const seen = { tooDeep: 0, proto: 0, none: 0 }
    fc.assert(
      fc.property(
        objectPlan,
        plan,
        fc.integer({ min: 1, max: 4 }),
        fc.boolean(),
        (outer, inner, maxDepth, protoKeys) => {
          let part: unknown
          const sharedPart = () => (part ??= build(inner, () => [1]))
          const value = build(outer, sharedPart)
          const expected = referenceShapeProblems(value, maxDepth, protoKeys)
          expect(shapeProblems(value, maxDepth, protoKeys)).toEqual(expected)
          seen[expected[0]?.kind === 'too_deep' ? 'tooDeep' : expected.length > 0 ? 'proto' : 'none']++
        }
      ),
      { seed: SEED, numRuns: RUNS }
    )
    expect(Math.min(seen.tooDeep, seen.proto, seen.none)).toBeGreaterThan(RUNS / 10)
  })

  it('reports at most 10 __proto__ keys, the first 10 of the walk', () => {
    const value = JSON.parse(`{"a":[${Array(12).fill('{"__proto__":1}').join(',')}],"__proto__":{"__proto__":2}}`)
    const problems = shapeProblems(value, 64, true)
    expect(problems).toHaveLength(10)
    expect(problems).toEqual(referenceShapeProblems(value, 64, true))
  })
})
