import type { AgentRun, GoldenTask, GradedAttempt, TaskResult } from '../model/types.js'

/** What the report keeps of one attempt; the full run goes to traces.jsonl and is dropped. */
export type AttemptSummary = { status: GradedAttempt['status'] } & Pick<
  TaskResult,
  'reasons' | 'causes' | 'duration_ms' | 'model_calls' | 'tokens' | 'cost_usd' | 'tool_calls' | 'escalated'
>

export function summarizeAttempt(run: AgentRun, graded: GradedAttempt): AttemptSummary {
  let cost: number | null = 0
  const tokens = { input: 0, output: 0 }
  for (const call of run.model_calls) {
    tokens.input += call.input_tokens
    tokens.output += call.output_tokens
    cost = cost === null || call.cost_usd === null ? null : cost + call.cost_usd
  }
  return {
    status: graded.status,
    reasons: graded.reasons,
    causes: graded.causes,
    duration_ms: run.duration_ms,
    model_calls: run.model_calls.length,
    tokens,
    cost_usd: cost,
    tool_calls: run.tool_calls.length,
    ...(run.answer?.escalated !== undefined ? { escalated: run.answer.escalated } : {})
  }
}

/** Folds a task's K attempts into its report line: it passes only when every attempt passed (pass^k). */
export function summarizeTask(
  task: GoldenTask,
  attempts: AttemptSummary[],
  repeat: number,
  notRunReason = 'the run stopped before this task started'
): TaskResult {
  const base = { id: task.id, workflow: task.workflow, tier: task.tier, risk: task.risk, tags: task.tags }
  if (attempts.length === 0) {
    return {
      ...base,
      status: 'not_run',
      reasons: [`not run: ${notRunReason}`],
      causes: ['not_run'],
      attempts: { total: 0, passed: 0 },
      duration_ms: 0,
      model_calls: 0,
      tokens: { input: 0, output: 0 },
      cost_usd: 0,
      tool_calls: 0
    }
  }
  const passed = attempts.filter((a) => a.status === 'pass').length
  const firstFail = attempts.findIndex((a) => a.status === 'fail')
  const firstBad = firstFail >= 0 ? firstFail : attempts.findIndex((a) => a.status !== 'pass')
  const status = firstBad < 0 ? 'pass' : attempts[firstBad].status
  const prefix = repeat > 1 && firstBad >= 0 ? `attempt ${firstBad + 1}/${attempts.length}: ` : ''
  const reasons = firstBad < 0 ? [] : attempts[firstBad].reasons.map((r) => prefix + r)
  if (repeat > 1 && firstBad >= 0) reasons.unshift(`passed ${passed} of ${attempts.length} attempts`)

  const sum = (pick: (a: AttemptSummary) => number) => attempts.reduce((total, a) => total + pick(a), 0)
  const costs = attempts.map((a) => a.cost_usd)
  const last = attempts[attempts.length - 1]
  return {
    ...base,
    status,
    reasons,
    causes: [...new Set(attempts.flatMap((a) => a.causes))],
    attempts: { total: attempts.length, passed },
    duration_ms: Math.round(sum((a) => a.duration_ms)),
    model_calls: sum((a) => a.model_calls),
    tokens: { input: sum((a) => a.tokens.input), output: sum((a) => a.tokens.output) },
    cost_usd: costs.includes(null) ? null : sum((a) => a.cost_usd!),
    tool_calls: sum((a) => a.tool_calls),
    ...(last.escalated !== undefined ? { escalated: last.escalated } : {})
  }
}

export function attemptCost(run: AgentRun): number {
  return run.model_calls.reduce((sum, call) => sum + (call.cost_usd ?? 0), 0)
}
