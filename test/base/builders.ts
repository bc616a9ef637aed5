// Builders of the validated model for the "as on the base" tests.
import { defaultThresholds } from '../../src/load/thresholds.js'
import type { LoadedTask } from '../../src/load/task-schema.js'
import type { Thresholds, Workflow } from '../../src/model/types.js'

export function workflow(name: string, overrides: Partial<Workflow> = {}): Workflow {
  return {
    name,
    dir: `/repo/golden-tasks/${name}`,
    source: { file: `golden-tasks/${name}/workflow.yml`, line: 1 },
    inputs: { sources: [], required: [] },
    outcomes: {},
    out_of_scope: [],
    permissions: { lookup_order: { scope: 'read', risk: 'low', approval: 'none' } },
    agent: { type: 'command', command: ['node', 'agent.mjs'] },
    ...overrides
  }
}

export function task(id: string, overrides: Partial<LoadedTask> = {}): LoadedTask {
  return {
    id,
    workflow: 'wf',
    tier: 'T1',
    risk: 'low',
    tags: [],
    input: { msg: id },
    fixtures: {},
    expected: { label: 'ok', actions_match: 'superset' },
    source: { file: 'golden-tasks/wf/tasks.yaml', line: 1 },
    ...overrides
  }
}

export function thresholds(overrides: Partial<Thresholds> = {}): Thresholds {
  return { ...defaultThresholds(), ...overrides }
}

export const tiers = (t1: number, t2?: number): Thresholds['rules'] => ({
  tiers: { T1: { min_success: t1 }, ...(t2 === undefined ? {} : { T2: { min_success: t2 } }) },
  max_drop: {}
})
