// Three small reports whose scorecard numbers the tests work out by hand.
import type { Report, TaskResult } from '../../src/model/types.js'
import { reportOf } from '../helpers/report-of.js'
import { gate, task } from '../gate/make.js'

const workflows = [{ name: 'refunds', file: 'golden-tasks/refunds/workflow.yml', tasks: 0 }]

function report(tasks: TaskResult[], createdAt: string, commit?: string): Report {
  return reportOf({ tasks, gate: gate(), workflows, repeat: 1, commit, createdAt: new Date(createdAt) })
}

const fail = (id: string, causes: string[], extra: Partial<TaskResult> = {}) =>
  task(id, { status: 'fail', causes, ...extra })

/**
 * Week 1: 8 tasks, 4 passed (50%); T1 3/4, T2 1/4. 7 ran (one not run), 2 escalated (2/7),
 * 1 errored (1/7). Cost 7 x $0.01 = $0.07 over 4 successes = $0.0175.
 * Failure modes: wrong label 2, missing action 1, agent timed out 1, not run 1.
 */
export const week1 = report(
  [
    task('t1-a'),
    task('t1-b'),
    task('t1-c', { escalated: true }),
    fail('t1-d', ['wrong_label']),
    task('t2-a', { tier: 'T2' }),
    fail('t2-b', ['missing_action', 'wrong_label'], { tier: 'T2', escalated: true }),
    task('t2-c', { tier: 'T2', status: 'error', causes: ['timeout'] }),
    task('t2-d', { tier: 'T2', status: 'not_run', causes: ['not_run'], cost_usd: 0 })
  ],
  '2025-01-06T09:00:00Z',
  'aaaaaaa1111111'
)

/**
 * Week 2: 8 tasks, 7 passed (87.5%); T1 4/4, T2 3/4. 8 ran, 1 escalated (12.5%), none errored.
 * Cost 8 x $0.01 = $0.08 over 7 successes. Failure modes: missing action 1.
 */
export const week2 = report(
  [
    task('t1-a'),
    task('t1-b'),
    task('t1-c', { escalated: true }),
    task('t1-d', { escalated: false }),
    task('t2-a', { tier: 'T2' }),
    task('t2-b', { tier: 'T2' }),
    task('t2-c', { tier: 'T2' }),
    fail('t2-d', ['missing_action'], { tier: 'T2' })
  ],
  '2025-01-13T09:00:00Z',
  'bbbbbbb2222222'
)

/**
 * Week 3, no commit, no price: 4 tasks, 3 passed (75%); T1 2/2, no T2, T3 1/2. None escalated,
 * none errored; cost per success unknown. Failure modes: guardrail violation 1.
 */
export const week3 = report(
  [
    task('t1-a', { cost_usd: null }),
    task('t1-b', { cost_usd: null }),
    task('t3-a', { tier: 'T3', cost_usd: null }),
    fail('t3-b', ['guardrail_violation'], { tier: 'T3', cost_usd: null })
  ],
  '2025-01-20T09:00:00Z'
)
