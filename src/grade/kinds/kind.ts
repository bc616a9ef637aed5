// What an expectation kind is: the key it adds under a task's `expected` (with any options of
// it), how it checks an attempt, the causes its failures carry, and a case it must fail.
import type * as z from 'zod'
import type {
  AgentAnswer,
  AgentRun,
  AttemptState,
  ExpectationResult,
  GraderVerdict,
  JudgeVerdict,
  ToolPermission
} from '../../model/types.js'
import type { AgentAction } from '../agent-actions.js'

/** What a check sees of one attempt. */
export interface CheckInput {
  answer: AgentAnswer
  /** The actions that count: calls, proposals, and claims where `reports_actions` says so. */
  actions: AgentAction[]
  /** Claims that do not count, named when an expected action is missing. */
  ignoredClaims?: AgentAction[]
  /** What `forbidden_actions` looks at (default `actions`): claims included, counted or not. */
  forbiddenSeen?: AgentAction[]
  permissions: Record<string, ToolPermission>
  judge?: JudgeVerdict
  /** The tools backend's final state (and replay state), when the workflow has a backend. */
  state?: AttemptState
  /** The custom grader's verdict (src/run/grader), when the task has one. */
  grader?: GraderVerdict
}

/** An expectation's result, with the cause categories behind a failure. */
export interface Check<C extends string = string> extends ExpectationResult {
  causes: C[]
  /** The check could not be decided (a judge error): the attempt is `error`, not `fail`. */
  undecided?: boolean
}

/** `expected` with the kind's own key set (a kind is checked only then). */
export type Declared<O, K extends PropertyKey> = O & { [P in K & keyof O]-?: Exclude<O[P], undefined> }

/** An attempt the kind must fail: the fail-open test (test/grade/expectation-registry.test.ts) grades it. */
export interface FailingCase<S extends z.ZodRawShape> {
  expected: z.input<z.ZodObject<S>>
  run: Partial<Pick<AgentRun, 'answer' | 'tool_calls' | 'state'>>
  judge?: JudgeVerdict
  grader?: GraderVerdict
}

export interface ExpectationKind<K extends string, S extends z.ZodRawShape, C extends string> {
  /** Its key under `expected`, and its name in a task's expectation results. */
  key: K
  /** Its keys under `expected`: the expectation, and any options of it (`actions_match`). */
  shape: S
  /** The causes its failures carry, each with its label in the failure table. */
  causes: Record<C, string>
  check(expected: Declared<z.output<z.ZodObject<S>>, K>, input: CheckInput): Check<C>
  /** At least one; together they set every key of `shape`. */
  failing: [FailingCase<S>, ...FailingCase<S>[]]
}

/** Declares a kind with its types inferred; register it in ./index.ts. */
export function expectationKind<
  const K extends string,
  S extends z.ZodRawShape & Record<K, z.ZodType>,
  C extends string
>(kind: ExpectationKind<K, S, C>): ExpectationKind<K, S, C> {
  return kind
}

export function passed<C extends string>(expectation: string): Check<C> {
  return { expectation, ok: true, causes: [] }
}

export function failed<C extends string>(expectation: string, reason: string, cause: C): Check<C> {
  return { expectation, ok: false, reason, causes: [cause] }
}

/** Passed when there is no reason; else failed with every reason, joined. */
export function outcome<C extends string>(expectation: string, reasons: string[], causes: C[]): Check<C> {
  return reasons.length === 0 ? passed(expectation) : { expectation, ok: false, reason: reasons.join('; '), causes }
}
