// The `actions` expectation: the agent's actions against the expected list, in the
// `actions_match` modes of LangChain's agentevals (superset, subset, unordered, strict).

import * as z from 'zod'
import { anyMap, strictMap, text } from '../model/schema-common.js'
import type { MatchMode, ToolPermission } from '../model/types.js'
import { deepSubset } from '../util/deep-subset.js'
import type { AgentAction } from './agent-actions.js'
import { maximumMatching } from './bipartite.js'
import { formatCall } from './format-call.js'

export const expectedActionSchema = strictMap({ tool: text, args: anyMap.optional() })
export type ExpectedAction = z.output<typeof expectedActionSchema>

export interface ActionsVerdict {
  ok: boolean
  reasons: string[]
  causes: Array<'missing_action' | 'unexpected_action' | 'wrong_order'>
}

export function matchActions(
  expected: ExpectedAction[],
  mode: MatchMode,
  actions: AgentAction[],
  permissions: Record<string, ToolPermission>,
  ignoredClaims: AgentAction[] = []
): ActionsVerdict {
  const considered = mode === 'superset' ? actions : withoutUnnamedReads(expected, actions, permissions)
  const { leftToRight, rightToLeft } = maximumMatching(expected.length, considered.length, (e, a) =>
    satisfies(considered[a], expected[e])
  )
  const reasons: string[] = []
  const causes: ActionsVerdict['causes'] = []
  // Calls already shown as the wrong-args attempt at a missing action are not repeated as unexpected.
  const shown = new Set<number>()

  if (mode !== 'subset') {
    expected.forEach((action, e) => {
      if (leftToRight[e] !== -1) return
      reasons.push(missingReason(action, expected, considered, rightToLeft, shown) + claimNote(action, ignoredClaims))
      causes.push('missing_action')
    })
  }
  if (mode !== 'superset') {
    considered.forEach((action, a) => {
      if (rightToLeft[a] !== -1 || shown.has(a)) return
      reasons.push(`unexpected ${CALL_WORDS[action.via]} ${formatCall(action.tool, action.args)}`)
      causes.push('unexpected_action')
    })
  }
  // Order is judged only once the same actions were made, so that a missing call is not
  // reported twice (as missing and as out of order).
  if (mode === 'strict' && reasons.length === 0 && !inOrder(expected, considered)) {
    reasons.push(orderReason(expected, considered))
    causes.push('wrong_order')
  }
  return { ok: reasons.length === 0, reasons, causes }
}

const CALL_WORDS: Record<AgentAction['via'], string> = {
  called: 'call',
  proposed: 'proposed call',
  claimed: 'claimed call'
}

/** Why a claim that would have satisfied the missing action did not. */
function claimNote(missing: ExpectedAction, ignoredClaims: AgentAction[]): string {
  const claim = ignoredClaims.find((action) => satisfies(action, missing))
  if (!claim) return ''
  return ` (the answer claims ${formatCall(claim.tool, claim.args)}, but claimed actions count only where the task or workflow sets reports_actions: true)`
}

function satisfies(action: AgentAction, expected: ExpectedAction): boolean {
  return action.tool === expected.tool && (expected.args === undefined || deepSubset(expected.args, action.args))
}

/** Read-only lookups are noise to subset/unordered/strict, unless the expected list names the tool. */
function withoutUnnamedReads(
  expected: ExpectedAction[],
  actions: AgentAction[],
  permissions: Record<string, ToolPermission>
): AgentAction[] {
  const named = new Set(expected.map((action) => action.tool))
  return actions.filter(
    (action) =>
      named.has(action.tool) || !Object.hasOwn(permissions, action.tool) || permissions[action.tool].scope !== 'read'
  )
}

function inOrder(expected: ExpectedAction[], actions: AgentAction[]): boolean {
  return expected.length === actions.length && expected.every((action, i) => satisfies(actions[i], action))
}

function missingReason(
  missing: ExpectedAction,
  expected: ExpectedAction[],
  actions: AgentAction[],
  rightToLeft: number[],
  shown: Set<number>
): string {
  const wanted = `expected ${formatExpected(missing)}`
  const sameTool = actions.filter((action) => action.tool === missing.tool)
  if (sameTool.length === 0) return `${wanted} but agent never called ${missing.tool}`
  const unpaired = actions.flatMap((action, a) =>
    action.tool === missing.tool && rightToLeft[a] === -1 && !shown.has(a) ? [a] : []
  )
  if (unpaired.length > 0) {
    const index = closestAction(
      missing,
      unpaired.map((a) => actions[a])
    )
    shown.add(unpaired[index])
    const closest = actions[unpaired[index]]
    return `${wanted} but agent ${closest.via} ${formatCall(closest.tool, closest.args)}`
  }
  // Every call to this tool already satisfies another expected action: too few calls.
  const wantedCount = expected.filter((action) => action.tool === missing.tool).length
  return `${wanted} but agent called ${missing.tool} ${times(sameTool.length)} for ${wantedCount} expected calls`
}

/** The index of the candidate agreeing with the most expected arguments; the first one on a tie. */
function closestAction(expected: ExpectedAction, candidates: AgentAction[]): number {
  const score = (action: AgentAction): number => {
    if (!expected.args || typeof action.args !== 'object' || action.args === null) return 0
    const args = action.args as Record<string, unknown>
    return Object.entries(expected.args).filter(
      ([key, value]) => Object.hasOwn(args, key) && deepSubset(value, args[key])
    ).length
  }
  return candidates.reduce((best, action, i) => (score(action) > score(candidates[best]) ? i : best), 0)
}

function orderReason(expected: ExpectedAction[], actions: AgentAction[]): string {
  const expectedTools = expected.map((action) => action.tool)
  const agentTools = actions.map((action) => action.tool)
  // When the tool sequence is the same, the difference is in the arguments: show them.
  const sameTools = expectedTools.join(',') === agentTools.join(',')
  const wanted = sameTools ? expected.map(formatExpected) : expectedTools
  const made = sameTools ? actions.map((action) => formatCall(action.tool, action.args)) : agentTools
  return `expected calls in order ${wanted.join(', ')} but agent called ${made.join(', ')}`
}

/** An expected action without `args` accepts any arguments: `issue_refund(...)`. */
function formatExpected(action: ExpectedAction): string {
  return action.args === undefined ? `${action.tool}(...)` : formatCall(action.tool, action.args)
}

function times(n: number): string {
  return n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`
}
