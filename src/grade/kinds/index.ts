// The expectation kinds, in the order their reasons are reported. A task file's `expected` is
// assembled from them (its keys are theirs and no others), and grading checks each one set.
import { strictMap, isPlainMap } from '../../model/schema-common.js'
import type * as z from 'zod'
import { actions } from './actions.js'
import { escalate } from './escalate.js'
import { fallback } from './fallback.js'
import { forbiddenActions } from './forbidden-actions.js'
import { grader } from './grader.js'
import { judge } from './judge.js'
import type { Check, CheckInput, FailingCase } from './kind.js'
import { label } from './label.js'
import { messageContains } from './message-contains.js'
import { messageMatches } from './message-matches.js'
import { result } from './result.js'
import { state } from './state.js'
import { stateEqualsReplay } from './state-equals-replay.js'

export const EXPECTATION_KINDS = [
  label,
  result,
  actions,
  forbiddenActions,
  escalate,
  fallback,
  messageContains,
  messageMatches,
  judge,
  state,
  stateEqualsReplay,
  grader
] as const

type Kind = (typeof EXPECTATION_KINDS)[number]
type Intersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never
type CausesOf<K> = K extends { causes: infer R } ? keyof R & string : never

export type ExpectationCause = CausesOf<Kind>
export const EXPECTATION_CAUSE_LABELS = Object.assign({}, ...EXPECTATION_KINDS.map((k) => k.causes)) as Record<
  ExpectationCause,
  string
>

const KEYS = EXPECTATION_KINDS.map((kind) => kind.key)
const shape = Object.assign({}, ...EXPECTATION_KINDS.map((kind) => kind.shape)) as Intersection<Kind['shape']>

export const expectedSchema = strictMap(shape).superRefine(
  (value, ctx) => {
    if (isPlainMap(value) && KEYS.every((key) => value[key] === undefined)) {
      ctx.addIssue({ code: 'custom', message: `expected has no expectation (give at least one of ${KEYS.join(', ')})` })
    }
  },
  { when: () => true }
)

export type Expected = z.output<typeof expectedSchema>

/** A kind as the registry loops over it. */
export interface RegisteredKind {
  key: string
  shape: z.ZodRawShape
  causes: Record<string, string>
  /** Called only with its key set: the type each kind declares (`Declared`), which the loop checks. */
  check(expected: never, input: CheckInput): Check<ExpectationCause>
  failing: FailingCase<z.ZodRawShape>[]
}

export const REGISTERED_KINDS: readonly RegisteredKind[] = EXPECTATION_KINDS

/** One check per kind the task sets, in registry order. */
export function checkExpectations(expected: Expected, input: CheckInput): Check<ExpectationCause>[] {
  return REGISTERED_KINDS.flatMap((kind) =>
    (expected as Record<string, unknown>)[kind.key] === undefined ? [] : [kind.check(expected as never, input)]
  )
}
