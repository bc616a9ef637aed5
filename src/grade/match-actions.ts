// The `actions` expectation: the agent's actions against the expected list, in the
// `actions_match` modes of LangChain's agentevals (superset, subset, unordered, strict), with
// optional actions, `after` (a partial order, in every mode) and `args_match`/`unordered`
// (src/grade/args-agree.ts). A call the tool rejected neither satisfies nor is unexpected.

import type { MatchMode, ToolPermission } from '../model/types.js'
import { append } from '../util/append.js'
import type { AgentAction } from './agent-actions.js'
import { argAgrees, argsAgree, isExact } from './args-agree.js'
import { maximumMatching } from './bipartite.js'
import { afterOf, type ArgsMatch, type ExpectedAction } from './expected-action.js'
import { formatCall } from './format-call.js'
import { keepsOrder, orderedPairing } from './ordered-pairing.js'

export { expectedActionSchema, expectedActionsSchema, type ExpectedAction } from './expected-action.js'

/** How the calls compare with the list: `actions_match`, and `expected.args_match` (default subset). */
export interface MatchRules {
  mode: MatchMode
  argsMatch?: ArgsMatch
}

export interface ActionsVerdict {
  ok: boolean
  reasons: string[]
  causes: Array<'missing_action' | 'unexpected_action' | 'wrong_order'>
}

export function matchActions(
  expected: ExpectedAction[],
  { mode, argsMatch = 'subset' }: MatchRules,
  actions: AgentAction[],
  permissions: Record<string, ToolPermission>,
  ignoredClaims: AgentAction[] = []
): ActionsVerdict {
  const rejected = actions.filter((action) => action.rejected === true)
  const counted = actions.filter((action) => action.rejected !== true)
  const considered = mode === 'superset' ? counted : withoutUnnamedReads(expected, counted, permissions)
  const agrees = (e: number, a: number) => satisfies(considered[a], expected[e], argsMatch)
  const required = expected.map((action) => mode !== 'subset' && action.optional !== true)
  // Required actions are paired first, so that an optional one never takes the call a required one needs.
  const requiredFirst = [...expected.keys()].sort((a, b) => Number(required[b]) - Number(required[a]))
  const { leftToRight, rightToLeft } = maximumMatching(expected.length, considered.length, agrees, requiredFirst)
  const reasons: string[] = []
  const causes: ActionsVerdict['causes'] = []
  // Calls already shown as the wrong-args attempt at a missing action are not repeated as unexpected.
  const shown = new Set<number>()
  const context: ReasonContext = { expected, actions: considered, rightToLeft, shown, rejected, argsMatch }

  expected.forEach((action, e) => {
    if (!required[e] || leftToRight[e] !== -1) return
    reasons.push(missingReason(action, context) + claimNote(action, ignoredClaims, argsMatch))
    causes.push('missing_action')
  })
  if (mode !== 'superset') {
    considered.forEach((action, a) => {
      if (rightToLeft[a] !== -1 || shown.has(a)) return
      reasons.push(`unexpected ${CALL_WORDS[action.via]} ${formatCall(action.tool, action.args)}`)
      causes.push('unexpected_action')
    })
  }
  // Order is judged only once the same actions were made, so that a missing call is not
  // reported twice (as missing and as out of order).
  const constraints = orderConstraints(expected, mode)
  if (reasons.length === 0 && !keepsOrder(leftToRight, constraints)) {
    const pairing = orderedPairing({
      expected: expected.length,
      calls: considered.length,
      agrees,
      required,
      coverCalls: mode !== 'superset',
      constraints
    })
    if (!pairing) {
      const broken = brokenAfters(expected, considered, leftToRight)
      append(reasons, broken.length > 0 ? broken : [orderReason(expected, considered)])
      causes.push('wrong_order')
    }
  }
  return { ok: reasons.length === 0, reasons, causes }
}

/** `[first, then]` pairs: each action's `after`, and in strict mode the list's own order. */
function orderConstraints(expected: ExpectedAction[], mode: MatchMode): Array<[number, number]> {
  const afters = expected.flatMap((action, e) =>
    afterOf(action).flatMap((first): Array<[number, number]> => (first < expected.length ? [[first, e]] : []))
  )
  if (mode !== 'strict') return afters
  const listOrder = expected.flatMap((_, e) => expected.slice(e + 1).map((_, k): [number, number] => [e, e + 1 + k]))
  return [...listOrder, ...afters]
}

/** The `after` constraints a pairing breaks, each in words. */
function brokenAfters(expected: ExpectedAction[], actions: AgentAction[], pairing: number[]): string[] {
  return expected.flatMap((action, e) =>
    afterOf(action).flatMap((first) => {
      if (first >= expected.length || first === e) return []
      const [early, late] = [pairing[first], pairing[e]]
      if (early === -1 || late === -1 || early < late) return []
      const [made, before] = [actions[late], actions[early]]
      return [
        `expected ${formatExpected(action)} after ${formatExpected(expected[first])} but agent ${made.via} ` +
          `${formatCall(made.tool, made.args)} before ${formatCall(before.tool, before.args)}`
      ]
    })
  )
}

const CALL_WORDS: Record<AgentAction['via'], string> = {
  called: 'call',
  proposed: 'proposed call',
  claimed: 'claimed call'
}

/** Why a claim that would have satisfied the missing action did not. */
function claimNote(missing: ExpectedAction, ignoredClaims: AgentAction[], argsMatch: ArgsMatch): string {
  const claim = ignoredClaims.find((action) => satisfies(action, missing, argsMatch))
  if (!claim) return ''
  return ` (the answer claims ${formatCall(claim.tool, claim.args)}, but claimed actions count only where the task or workflow sets reports_actions: true)`
}

function satisfies(action: AgentAction, expected: ExpectedAction, argsMatch: ArgsMatch): boolean {
  return action.tool === expected.tool && argsAgree(expected, action.args, argsMatch)
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

interface ReasonContext {
  expected: ExpectedAction[]
  actions: AgentAction[]
  rightToLeft: number[]
  shown: Set<number>
  rejected: AgentAction[]
  argsMatch: ArgsMatch
}

function missingReason(missing: ExpectedAction, context: ReasonContext): string {
  const { expected, actions, rightToLeft, shown, rejected, argsMatch } = context
  const wanted = `expected ${formatExpected(missing)}${rulesNote(missing, argsMatch)}`
  const sameTool = actions.filter((action) => action.tool === missing.tool)
  if (sameTool.length === 0) {
    const refused = rejected.filter((action) => action.tool === missing.tool)
    if (refused.length === 0) return `${wanted} but agent never called ${missing.tool}`
    const closest = refused[closestAction(missing, refused, argsMatch)]
    return `${wanted} but agent ${closest.via} ${formatCall(closest.tool, closest.args)}, which the tool rejected`
  }
  const unpaired = actions.flatMap((action, a) =>
    action.tool === missing.tool && rightToLeft[a] === -1 && !shown.has(a) ? [a] : []
  )
  if (unpaired.length > 0) {
    const index = closestAction(
      missing,
      unpaired.map((a) => actions[a]),
      argsMatch
    )
    shown.add(unpaired[index])
    const closest = actions[unpaired[index]]
    return `${wanted} but agent ${closest.via} ${formatCall(closest.tool, closest.args)}`
  }
  // Every call to this tool already satisfies another expected action: too few calls.
  const wantedCount = expected.filter((action) => action.tool === missing.tool).length
  return `${wanted} but agent called ${missing.tool} ${times(sameTool.length)} for ${wantedCount} expected calls`
}

/** How the arguments compare, when not the default deep subset: ` (exact arguments; items in any order)`. */
function rulesNote(action: ExpectedAction, argsMatch: ArgsMatch): string {
  if (action.args === undefined) return ''
  const listed = (action.unordered ?? []).filter((name) => Array.isArray(action.args?.[name]))
  const notes = [
    ...(isExact(action, argsMatch) ? ['exact arguments'] : []),
    ...(listed.length > 0 ? [`${listed.join(', ')} in any order`] : [])
  ]
  return notes.length > 0 ? ` (${notes.join('; ')})` : ''
}

/** The index of the candidate agreeing with the most expected arguments; the first one on a tie. */
function closestAction(expected: ExpectedAction, candidates: AgentAction[], argsMatch: ArgsMatch): number {
  const score = (action: AgentAction): number => {
    if (!expected.args || typeof action.args !== 'object' || action.args === null) return 0
    const args = action.args as Record<string, unknown>
    return Object.keys(expected.args).filter(
      (key) => Object.hasOwn(args, key) && argAgrees(expected, key, args, argsMatch)
    ).length
  }
  return candidates.reduce((best, action, i) => (score(action) > score(candidates[best]) ? i : best), 0)
}

function orderReason(expected: ExpectedAction[], actions: AgentAction[]): string {
  const expectedTools = expected.map((action) => action.tool)
  const agentTools = actions.map((action) => action.tool)
  // When the tool sequence is the same, the difference is in the arguments: show them.
  const sameTools = expectedTools.join(',') === agentTools.join(',')
  const wanted = (sameTools ? expected.map(formatExpected) : expectedTools).map((text, e) =>
    expected[e].optional ? `${text} (optional)` : text
  )
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
