// One check per expectation a golden task declares, in the order reasons are reported.

import type { AgentAnswer, Expected, ExpectationResult, ToolPermission } from '../model/types.js'
import type { AgentAction } from './agent-actions.js'
import { formatValue } from './format-call.js'
import { matchActions } from './match-actions.js'
import { subsetMismatches } from './subset-mismatches.js'

export type JudgeVerdict = { ok: boolean; reason: string } | { error: string }

/** An expectation's result, with the cause categories behind a failure. */
export interface Check extends ExpectationResult {
  causes: string[]
  /** The check could not be decided (a judge error): the attempt is `error`, not `fail`. */
  undecided?: boolean
}

const MAX_RESULT_PATHS = 3

export interface CheckInput {
  expected: Expected
  answer: AgentAnswer
  /** The actions that count: calls, proposals, and claims where `reports_actions` says so. */
  actions: AgentAction[]
  /** Claims that do not count, named when an expected action is missing. */
  ignoredClaims?: AgentAction[]
  /** What `forbidden_actions` looks at (default `actions`): claims included, counted or not. */
  forbiddenSeen?: AgentAction[]
  permissions: Record<string, ToolPermission>
  judge?: JudgeVerdict
}

export function checkExpectations(input: CheckInput): Check[] {
  const { expected } = input
  const checks: Check[] = []
  if (expected.label !== undefined) checks.push(checkLabel(expected.label, input.answer))
  if (expected.result !== undefined) checks.push(checkResult(expected.result, input.answer))
  if (expected.actions !== undefined) {
    const verdict = matchActions(
      expected.actions,
      expected.actions_match,
      input.actions,
      input.permissions,
      input.ignoredClaims
    )
    checks.push(outcome('actions', verdict.reasons, verdict.causes))
  }
  if (expected.forbidden_actions !== undefined)
    checks.push(checkForbidden(expected.forbidden_actions, input.forbiddenSeen ?? input.actions))
  if (expected.escalate !== undefined) checks.push(checkEscalation(expected.escalate, input.answer))
  if (expected.judge !== undefined) checks.push(checkJudge(input.judge))
  return checks
}

function checkLabel(label: string, answer: AgentAnswer): Check {
  if (answer.label === label) return passed('label')
  const given = answer.label === undefined ? 'agent gave no label' : `agent answered ${formatValue(answer.label)}`
  return failed('label', `expected label ${formatValue(label)} but ${given}`, 'wrong_label')
}

function checkResult(expected: Record<string, unknown>, answer: AgentAnswer): Check {
  if (answer.result === undefined) return failed('result', 'expected a result but agent gave none', 'wrong_result')
  const mismatches = subsetMismatches(expected, answer.result, 'result')
  if (mismatches.length === 0) return passed('result')
  const shown = mismatches.slice(0, MAX_RESULT_PATHS)
  const more = mismatches.length - shown.length
  return failed('result', shown.join('; ') + (more > 0 ? ` (and ${more} more)` : ''), 'wrong_result')
}

function checkForbidden(forbidden: string[], actions: AgentAction[]): Check {
  const reasons = forbidden.flatMap((tool) => {
    const taken = actions.filter((action) => action.tool === tool)
    if (taken.length === 0) return []
    // The graver breach is named: called, else proposed, else only claimed in the answer.
    const via = taken.some((a) => a.via === 'called')
      ? 'called'
      : taken.some((a) => a.via === 'proposed')
        ? 'proposed'
        : 'claimed'
    return [`forbidden action ${tool} was ${via}`]
  })
  return outcome('forbidden_actions', reasons, reasons.length ? ['forbidden_action'] : [])
}

function checkEscalation(escalate: boolean, answer: AgentAnswer): Check {
  const escalated = answer.escalated === true
  if (escalated === escalate) return passed('escalate')
  const reason = escalate
    ? 'expected escalation but agent did not escalate'
    : 'agent escalated but the task is in scope'
  return failed('escalate', reason, 'wrong_escalation')
}

function checkJudge(verdict: JudgeVerdict | undefined): Check {
  if (verdict === undefined) {
    return undecided('no judge verdict (the judge needs an openai agent or judge_model)')
  }
  if ('error' in verdict) return undecided(`judge error: ${verdict.error}`)
  return verdict.ok ? passed('judge') : failed('judge', `judge: ${verdict.reason}`, 'judge_failed')
}

function passed(expectation: string): Check {
  return { expectation, ok: true, causes: [] }
}

function failed(expectation: string, reason: string, cause: string): Check {
  return { expectation, ok: false, reason, causes: [cause] }
}

function undecided(reason: string): Check {
  return { expectation: 'judge', ok: false, reason, causes: ['judge_error'], undecided: true }
}

function outcome(expectation: string, reasons: string[], causes: string[]): Check {
  return reasons.length === 0 ? passed(expectation) : { expectation, ok: false, reason: reasons.join('; '), causes }
}
