// Grades one attempt of a golden task: every expectation and the permission-matrix
// guardrail, into pass / fail / error with readable reasons.

import type {
  AgentRun,
  GoldenTask,
  GradedAttempt,
  GraderVerdict,
  JudgeVerdict,
  TaskStatus,
  Workflow
} from '../model/types.js'
import { agentActions, claimsCount } from './agent-actions.js'
import type { Cause } from './causes.js'
import { checkGuardrails } from './guardrails.js'
import { checkExpectations, type Expected } from './kinds/index.js'

export type { GraderVerdict, JudgeVerdict } from '../model/types.js'

export function gradeAttempt(
  task: GoldenTask<Expected>,
  workflow: Workflow,
  run: AgentRun,
  judge?: JudgeVerdict,
  grader?: GraderVerdict
): GradedAttempt {
  if (run.infra_error !== undefined) {
    return {
      status: 'error',
      reasons: [run.infra_error || 'infrastructure error'],
      causes: [run.error_kind ?? ('infra_error' satisfies Cause)],
      expectations: [],
      guardrails: []
    }
  }

  const guardrails = checkGuardrails(workflow, run)
  const violations = guardrails.filter((check) => !check.ok).map((check) => `guardrail: ${check.detail}`)
  const violationCauses: Cause[] = violations.length ? ['guardrail_violation'] : []

  if (run.agent_error !== undefined) {
    // The answer is unusable, but calls made before the failure are still held against the matrix.
    return {
      status: 'fail',
      reasons: [run.agent_error || 'agent error', ...violations],
      causes: unique([run.error_kind ?? 'agent_error', ...violationCauses]),
      expectations: [],
      guardrails
    }
  }

  const actions = agentActions(run)
  const counted = claimsCount(task, workflow)
  const claimed = actions.filter((action) => action.via === 'claimed')
  const checks = checkExpectations(task.expected, {
    answer: run.answer ?? {},
    actions: counted ? actions : actions.filter((action) => action.via !== 'claimed'),
    ignoredClaims: counted ? [] : claimed,
    // A claim to have taken a forbidden action fails the task either way.
    forbiddenSeen: actions,
    permissions: workflow.permissions,
    judge,
    grader,
    ...(run.state ? { state: run.state } : {})
  })
  const failed = violations.length > 0 || checks.some((check) => !check.ok && !check.undecided)
  const undecided = checks.some((check) => check.undecided)
  const status: TaskStatus = failed ? 'fail' : undecided ? 'error' : 'pass'

  return {
    status,
    reasons: [...violations, ...checks.flatMap((check) => (check.reason ? [check.reason] : []))],
    causes: unique([...violationCauses, ...checks.flatMap((check) => check.causes)]),
    expectations: checks.map(({ expectation, ok, reason }) =>
      reason === undefined ? { expectation, ok } : { expectation, ok, reason }
    ),
    guardrails,
    ...(claimed.length > 0
      ? { claimed_actions: { actions: claimed.map(({ tool, args }) => ({ tool, args })), counted } }
      : {})
  }
}

function unique(values: Cause[]): Cause[] {
  return [...new Set(values)]
}
