import type { AgentRun, GoldenTask, GradedAttempt, TraceLine } from '../model/types.js'

/** One line of traces.jsonl (src/model/trace.ts). `attemptNo` is 0-based; `startedAt` ISO 8601. */
export function buildTrace(
  task: GoldenTask,
  attemptNo: number,
  run: AgentRun,
  graded: GradedAttempt,
  startedAt: string
): TraceLine {
  return {
    task_id: task.id,
    workflow: task.workflow,
    tier: task.tier,
    risk: task.risk,
    attempt: attemptNo + 1,
    status: graded.status,
    plan: run.answer?.plan,
    guardrails: {
      checks: graded.guardrails,
      violations: graded.guardrails.filter((g) => !g.ok).map((g) => g.detail ?? g.check)
    },
    outcome: {
      status: graded.status,
      reasons: graded.reasons,
      causes: graded.causes,
      expectations: graded.expectations,
      answer: run.answer ?? null,
      ...(run.infra_error ? { infra_error: run.infra_error } : {}),
      ...(run.agent_error ? { agent_error: run.agent_error } : {})
    },
    ...(graded.claimed_actions ? { claimed_actions: graded.claimed_actions } : {}),
    input: task.input,
    model_calls: run.model_calls,
    tool_calls: run.tool_calls,
    started_at: startedAt,
    duration_ms: Math.round(run.duration_ms),
    ...(run.stderr ? { stderr: run.stderr } : {}),
    ...(run.raw_output ? { raw_output: run.raw_output } : {})
  }
}
