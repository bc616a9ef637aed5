// The actions an agent took in one run, as the `actions` and `forbidden_actions`
// expectations see them.

import { REQUEST_APPROVAL } from '../model/approval-tool.js'
import { draftsActions } from '../model/rollout.js'
import type { AgentRun, GoldenTask, ToolCallRecord, Workflow } from '../model/types.js'

export interface AgentAction {
  tool: string
  args: unknown
  /** called: through the tools endpoint (denied calls included); proposed: through
   *  request_approval; claimed: listed in the answer's `actions`, with no call behind it. */
  via: 'called' | 'proposed' | 'claimed'
  /** The tool refused the call (ToolCallRecord.rejected): it satisfies no expected action and is
   *  not unexpected, but it is still an attempt at a forbidden action. */
  rejected?: true
}

/** Endpoint calls and proposals in `seq` order, then the actions claimed in the answer. */
export function agentActions(run: AgentRun): AgentAction[] {
  const fromEndpoint = endpointCalls(run).flatMap((call): AgentAction[] => {
    const rejected = call.rejected === true ? { rejected: true as const } : {}
    if (call.tool === REQUEST_APPROVAL) {
      const proposal = proposalOf(call)
      return proposal ? [{ ...proposal, via: 'proposed', ...rejected }] : []
    }
    return [{ tool: call.tool, args: call.args, via: call.proposed ? 'proposed' : 'called', ...rejected }]
  })
  return [...fromEndpoint, ...reportedActions(run)]
}

/** Calls made through the tools endpoint, in `seq` order. */
export function endpointCalls(run: AgentRun): ToolCallRecord[] {
  return run.tool_calls.filter((call) => !call.reported).sort((a, b) => a.seq - b.seq)
}

/**
 * The answer's `actions`. A runner may also copy them into `tool_calls` as `reported`
 * records (for the trace); those are used only when the answer itself is not at hand,
 * so that nothing counts twice.
 */
export function reportedActions(run: AgentRun): AgentAction[] {
  const listed = Array.isArray(run.answer?.actions)
    ? run.answer.actions
    : run.tool_calls.filter((call) => call.reported).sort((a, b) => a.seq - b.seq)
  return listed
    .filter((action) => typeof action?.tool === 'string')
    .map((action) => ({ tool: action.tool, args: action.args, via: 'claimed' }))
}

/**
 * Whether an answer's `actions` count as actions taken: at phase draft (they are the drafted
 * actions), and where the task (or else its workflow) says the agent reports actions instead of
 * calling tools. Anywhere else a claim is only words, and never satisfies an expected action.
 */
export function claimsCount(task: GoldenTask, workflow: Workflow): boolean {
  return draftsActions(workflow) || (task.reports_actions ?? workflow.reports_actions ?? false)
}

/** The action a `request_approval` call proposes: `{ tool, args, reason }`. */
export function proposalOf(call: ToolCallRecord): { tool: string; args: unknown } | undefined {
  const args = call.args
  if (typeof args !== 'object' || args === null) return undefined
  const { tool, args: proposedArgs } = args as { tool?: unknown; args?: unknown }
  return typeof tool === 'string' ? { tool, args: proposedArgs } : undefined
}
