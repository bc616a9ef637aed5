import type { Cause } from '../grade/causes.js'
import { faultLabel } from '../model/fault.js'
import type { AgentRun, GoldenTask, GradedAttempt, TaskResult } from '../model/types.js'
import { attemptPrefix, attemptsReason } from '../gate/task-attempts.js'

/** What the report keeps of one attempt; the full run goes to traces.jsonl and is dropped. */
export type AttemptSummary = { status: GradedAttempt['status'] } & Pick<
  TaskResult,
  | 'reasons'
  | 'causes'
  | 'duration_ms'
  | 'model_calls'
  | 'tokens'
  | 'cost_usd'
  | 'cached_cost_usd'
  | 'tool_calls'
  | 'escalated'
  | 'fallback'
> & { tool_faults: string[] }

export function summarizeAttempt(run: AgentRun, graded: GradedAttempt): AttemptSummary {
  let cost: number | null = 0
  let cached: number | null | undefined
  const tokens = { input: 0, output: 0 }
  for (const call of run.model_calls) {
    tokens.input += call.input_tokens
    tokens.output += call.output_tokens
    cost = addCost(cost, call.cost_usd)
    if (call.cached) cached = addCost(cached === undefined ? 0 : cached, call.cached_cost_usd ?? null)
  }
  return {
    status: graded.status,
    reasons: graded.reasons,
    causes: graded.causes,
    duration_ms: run.duration_ms,
    model_calls: run.model_calls.length,
    tokens,
    cost_usd: cost,
    ...(cached !== undefined ? { cached_cost_usd: cached } : {}),
    tool_calls: run.tool_calls.length,
    ...(run.answer?.escalated !== undefined ? { escalated: run.answer.escalated } : {}),
    ...(run.answer?.fallback !== undefined ? { fallback: run.answer.fallback } : {}),
    tool_faults: run.tool_calls.flatMap((call) => (call.fault === undefined ? [] : [faultLabel(call.tool, call.fault)]))
  }
}

/** A sum that is unknown once one part is. */
function addCost(sum: number | null, part: number | null): number | null {
  return sum === null || part === null ? null : sum + part
}

interface BadAttempt {
  /** 0-based. */
  index: number
  status: 'fail' | 'error'
  reasons: string[]
}

/**
 * A task's attempts folded as they finish: counters and sums, not the attempts themselves. One
 * is kept per task for the whole run, so its lists exist only once they have an entry.
 */
export interface TaskTally {
  total: number
  passed: number
  errored: number
  /** The first failed attempt, else the first errored one: what the task's reasons show. */
  firstFail?: BadAttempt
  firstError?: BadAttempt
  causes?: string[]
  duration_ms: number
  model_calls: number
  /** Token sums as two numbers, not a `tokens` object: one object less per task for the whole run. */
  inputTokens: number
  outputTokens: number
  /** Null once any attempt's cost is unknown. */
  cost_usd: number | null
  /** Known cost of the attempts after the first. */
  extra_cost_usd: number
  /** What the cached responses would have cost (absent without one). */
  cached_cost_usd?: number | null
  tool_calls: number
  escalated?: boolean
  fallback?: TaskResult['fallback']
  toolFaults?: string[]
}

export function newTally(): TaskTally {
  return {
    total: 0,
    passed: 0,
    errored: 0,
    duration_ms: 0,
    model_calls: 0,
    inputTokens: 0,
    outputTokens: 0,
    cost_usd: 0,
    extra_cost_usd: 0,
    tool_calls: 0
  }
}

export function addAttempt(tally: TaskTally, attempt: AttemptSummary): void {
  const index = tally.total++
  if (attempt.status === 'pass') tally.passed++
  if (attempt.status === 'error') tally.errored++
  if (attempt.status === 'fail' && !tally.firstFail)
    tally.firstFail = { index, status: 'fail', reasons: attempt.reasons }
  if (attempt.status === 'error' && !tally.firstError)
    tally.firstError = { index, status: 'error', reasons: attempt.reasons }
  tally.causes = addDistinct(tally.causes, attempt.causes)
  tally.duration_ms += attempt.duration_ms
  tally.model_calls += attempt.model_calls
  tally.inputTokens += attempt.tokens.input
  tally.outputTokens += attempt.tokens.output
  tally.cost_usd = addCost(tally.cost_usd, attempt.cost_usd)
  if (attempt.cached_cost_usd !== undefined)
    tally.cached_cost_usd = addCost(
      tally.cached_cost_usd === undefined ? 0 : tally.cached_cost_usd,
      attempt.cached_cost_usd
    )
  if (index > 0) tally.extra_cost_usd += attempt.cost_usd ?? 0
  tally.tool_calls += attempt.tool_calls
  if (attempt.escalated !== undefined) tally.escalated = attempt.escalated
  if (attempt.fallback !== undefined) tally.fallback = attempt.fallback
  tally.toolFaults = addDistinct(tally.toolFaults, attempt.tool_faults)
}

/** `list` with the values it lacks appended, in order; absent while there is none. */
function addDistinct(list: string[] | undefined, values: readonly string[]): string[] | undefined {
  for (const value of values) {
    if (list === undefined) list = [value]
    else if (!list.includes(value)) list.push(value)
  }
  return list
}

/**
 * A task's report line: it passes when every attempt passed; otherwise its status and reasons
 * are those of its first failed attempt (else its first errored one). The gate reads `attempts`.
 */
export function summarizeTask(
  task: GoldenTask,
  tally: TaskTally,
  notRunReason = 'the run stopped before this task started'
): TaskResult {
  // Object.assign, not a spread: V8 (Node 20) gives every object made by `{ ...base }` in a hot
  // loop a hidden class of its own, some 400 bytes a task that a long run keeps.
  const base = { id: task.id, workflow: task.workflow, tier: task.tier, risk: task.risk, tags: task.tags }
  type Rest = Omit<TaskResult, keyof typeof base>
  if (tally.total === 0) {
    return Object.assign(base, {
      status: 'not_run',
      reasons: [`not run: ${notRunReason}`],
      causes: ['not_run' satisfies Cause],
      attempts: { total: 0, passed: 0, errored: 0 },
      duration_ms: 0,
      model_calls: 0,
      tokens: { input: 0, output: 0 },
      cost_usd: 0,
      tool_calls: 0
    } satisfies Rest)
  }
  const { total, passed } = tally
  const bad = tally.firstFail ?? tally.firstError
  const several = total > 1
  const prefix = several && bad ? attemptPrefix(bad.index, total) : ''
  const reasons = bad ? bad.reasons.map((r) => prefix + r) : []
  if (several && bad) reasons.unshift(attemptsReason({ passed, total }))
  return Object.assign(base, {
    status: bad ? bad.status : 'pass',
    reasons,
    causes: [...(tally.causes ?? [])],
    attempts: { total, passed, errored: tally.errored },
    ...(passed > 0 && passed < total ? { flaky: true } : {}),
    duration_ms: Math.round(tally.duration_ms),
    model_calls: tally.model_calls,
    tokens: { input: tally.inputTokens, output: tally.outputTokens },
    cost_usd: tally.cost_usd,
    ...(tally.cached_cost_usd !== undefined ? { cached_cost_usd: tally.cached_cost_usd } : {}),
    tool_calls: tally.tool_calls,
    ...(tally.escalated !== undefined ? { escalated: tally.escalated } : {}),
    ...(tally.fallback !== undefined ? { fallback: tally.fallback } : {}),
    ...(tally.toolFaults ? { tool_faults: [...tally.toolFaults] } : {})
  } satisfies Rest)
}

export function attemptCost(run: AgentRun): number {
  return run.model_calls.reduce((sum, call) => sum + (call.cost_usd ?? 0), 0)
}
