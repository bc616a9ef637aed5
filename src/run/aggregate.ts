import type { AgentRun, GoldenTask, GradedAttempt, TaskResult } from '../model/types.js'

export interface Attempt {
  run: AgentRun
  graded: GradedAttempt
}

/** Folds a task's K attempts into its report line: it passes only when every attempt passed (pass^k). */
export function summarizeTask(task: GoldenTask, attempts: Attempt[], repeat: number): TaskResult {
  const base = {
    id: task.id,
    workflow: task.workflow,
    tier: task.tier,
    risk: task.risk,
    tags: task.tags
  }
  if (attempts.length === 0) {
    return {
      ...base,
      status: 'not_run',
      reasons: ['not run: the run stopped before this task started'],
      causes: ['not_run'],
      attempts: { total: 0, passed: 0 },
      duration_ms: 0,
      model_calls: 0,
      tokens: { input: 0, output: 0 },
      cost_usd: 0,
      tool_calls: 0
    }
  }
  const passed = attempts.filter((a) => a.graded.status === 'pass').length
  const firstFail = attempts.findIndex((a) => a.graded.status === 'fail')
  const firstBad = firstFail >= 0 ? firstFail : attempts.findIndex((a) => a.graded.status !== 'pass')
  const status = firstBad < 0 ? 'pass' : attempts[firstBad].graded.status
  const prefix = repeat > 1 && firstBad >= 0 ? `attempt ${firstBad + 1}/${attempts.length}: ` : ''
  const reasons = firstBad < 0 ? [] : attempts[firstBad].graded.reasons.map((r) => prefix + r)
  if (repeat > 1 && firstBad >= 0) reasons.unshift(`passed ${passed} of ${attempts.length} attempts`)

  let cost: number | null = 0
  const tokens = { input: 0, output: 0 }
  let modelCalls = 0
  for (const { run } of attempts) {
    for (const call of run.model_calls) {
      modelCalls++
      tokens.input += call.input_tokens
      tokens.output += call.output_tokens
      cost = cost === null || call.cost_usd === null ? null : cost + call.cost_usd
    }
  }
  const last = attempts[attempts.length - 1].run.answer
  return {
    ...base,
    status,
    reasons,
    causes: [...new Set(attempts.flatMap((a) => a.graded.causes))],
    attempts: { total: attempts.length, passed },
    duration_ms: Math.round(attempts.reduce((sum, a) => sum + a.run.duration_ms, 0)),
    model_calls: modelCalls,
    tokens,
    cost_usd: cost,
    tool_calls: attempts.reduce((sum, a) => sum + a.run.tool_calls.length, 0),
    ...(last?.escalated !== undefined ? { escalated: last.escalated } : {})
  }
}

export function attemptCost(run: AgentRun): number {
  return run.model_calls.reduce((sum, call) => sum + (call.cost_usd ?? 0), 0)
}
