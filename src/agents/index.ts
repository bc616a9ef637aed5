import type { AgentRun } from '../model/types.js'
import type { AgentContext } from './context.js'
import { infraError, type AgentOutcome } from './outcome.js'
import { agentTypeOf } from './registry.js'

export type { AgentContext } from './context.js'
export { buildPayload, type AgentPayload, type PayloadTool } from './payload.js'
export { parseAnswer } from './answer.js'
export type { AgentErrorKind, AgentOutcome } from './outcome.js'
export { AgentRunScope } from './run-scope.js'

/** Runs the workflow's agent on one task attempt, then closes its tool session. Never throws for anything the agent does. */
export async function runAgent(ctx: AgentContext): Promise<AgentRun> {
  const startedAt = performance.now()
  let outcome: AgentOutcome
  try {
    const agent = ctx.workflow.agent
    outcome = await agentTypeOf(agent).run(ctx, agent)
  } catch (err) {
    outcome = infraError(`evalgate could not run the agent: ${(err as Error)?.message ?? String(err)}`, 'internal')
  }
  // The attempt is over: calls still waiting (a delay, `fault: timeout`) are answered and their records finished.
  ctx.session.close()
  if (ctx.session.refusedCalls > 0) outcome = overToolBudget(outcome, ctx.session)
  const { model_calls = [], ...rest } = outcome
  return {
    ...rest,
    tool_calls: ctx.session.calls.slice(),
    model_calls,
    duration_ms: Math.round(performance.now() - startedAt)
  }
}

/**
 * An attempt that ran past its tool-call budget fails, whatever came after (a timeout of an
 * agent that kept calling is its own doing, not an infrastructure error).
 */
function overToolBudget(outcome: AgentOutcome, session: AgentContext['session']): AgentOutcome {
  const { infra_error, agent_error, error_kind: _kind, ...rest } = outcome
  const after = infra_error ?? agent_error
  const message =
    `tool-call budget exhausted after ${session.maxCalls} calls (${session.refusedCalls} more refused)` +
    (after ? `; then ${after}` : '')
  return { ...rest, agent_error: message, error_kind: 'tool_budget_exhausted' }
}
