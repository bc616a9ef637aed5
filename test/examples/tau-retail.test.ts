// Issue 15 item 8: the slice (test/fixtures/tau-slice, tau-bench's layout) converted by
// examples/tau-retail/convert.py runs under evalgate with its tools backend, and evalgate's grade of
// every gold and perturbed trajectory (trajectory_agent.py) is tau-bench's reward (reward.py).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Report } from '../../src/model/types.js'
import { runOnce } from '../run/fixture-agent-run.js'
import { SLICE, jsonLines, python, type Trajectory } from './tau-python.js'

const work = mkdtempSync(join(tmpdir(), 'evalgate-tau-'))
const project = join(work, 'project')
const tasksFile = join(project, 'golden-tasks', 'tau_retail', 'tasks', 'test.jsonl')
let trajectories: Trajectory[] = []
let rewards = new Map<string, number>()
let tasks = new Map<string, string>()
const previous = process.env.TAU_TRAJECTORIES

beforeAll(() => {
  expect(python('convert.py', [SLICE, project]).code).toBe(0)
  const made = python('perturb.py', ['--tau', SLICE])
  trajectories = jsonLines<Trajectory>(made.stdout)
  writeFileSync(join(work, 'all.jsonl'), made.stdout)
  const scored = jsonLines<{ task_id: string; kind: string; reward: number }>(
    python('reward.py', ['--tau', SLICE, join(work, 'all.jsonl')]).stdout
  )
  rewards = new Map(scored.map((r) => [`${r.task_id} ${r.kind}`, r.reward]))
  const lines = readFileSync(tasksFile, 'utf8').trim().split('\n')
  tasks = new Map(lines.map((line) => [(JSON.parse(line) as { id: string }).id, line]))
})

afterAll(() => {
  if (previous === undefined) delete process.env.TAU_TRAJECTORIES
  else process.env.TAU_TRAJECTORIES = previous
})

/** evalgate over the tasks `kind` applies to, each replaying its trajectory of that kind. */
async function gradeKind(kind: string): Promise<{ cases: Trajectory[]; report: Report }> {
  const cases = trajectories.filter((t) => t.kind === kind)
  const file = join(work, `${kind}.jsonl`)
  writeFileSync(file, cases.map((t) => JSON.stringify(t)).join('\n') + '\n')
  writeFileSync(tasksFile, cases.map((t) => tasks.get(t.task_id)).join('\n') + '\n')
  process.env.TAU_TRAJECTORIES = file
  const { report } = await runOnce(project)
  return { cases, report }
}

const KINDS = [
  'gold',
  'skipped_reads',
  'dropped_write',
  'changed_argument',
  'extra_write',
  'swapped_writes',
  'repeated_write',
  'reordered_lists',
  'wrong_answer'
]

describe('tau-bench retail under evalgate (the slice)', () => {
  it.each(KINDS)('%s: evalgate passes exactly the trajectories tau-bench rewards', async (kind) => {
    const { cases, report } = await gradeKind(kind)
    expect(cases.length).toBeGreaterThan(0)
    const graded = new Map(report.tasks.map((task) => [task.id, task]))
    const outcome = cases.map((t) => {
      const task = graded.get(t.task_id)
      return {
        task: t.task_id,
        reward: rewards.get(`${t.task_id} ${kind}`),
        status: task?.status,
        reasons: task?.reasons
      }
    })
    // Shown whole on a failure: which task, tau-bench's reward, evalgate's status and reasons.
    expect(outcome.filter((o) => (o.status === 'pass') !== (o.reward === 1))).toEqual([])
    expect(outcome.every((o) => o.status === 'pass' || o.status === 'fail')).toBe(true)
  })

  it('covers each perturbation both ways where the slice allows: passes and failures', () => {
    const rewarded = (kind: string) =>
      trajectories.filter((t) => t.kind === kind).map((t) => rewards.get(`${t.task_id} ${kind}`))
    expect(new Set(rewarded('gold'))).toEqual(new Set([1]))
    expect(new Set(rewarded('dropped_write'))).toEqual(new Set([0]))
    expect(new Set(rewarded('swapped_writes'))).toEqual(new Set([0, 1]))
    expect(new Set(rewarded('changed_argument'))).toEqual(new Set([0, 1]))
    expect(new Set(rewarded('repeated_write'))).toEqual(new Set([1]))
  })

  it('says why a perturbed trajectory fails: the end state differs from the replay', async () => {
    const { report } = await gradeKind('swapped_writes')
    const swapped = report.tasks.find((task) => task.id === 'retail-test-002')
    expect(swapped?.status).toBe('fail')
    expect(swapped?.reasons.join('\n')).toMatch(/state/)
  })
})
