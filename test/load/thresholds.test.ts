import { afterAll, describe, expect, it } from '@jest/globals'
import { loadProject, loadThresholds } from '../../src/load/index.js'
import { formatProblem } from '../../src/util/problems.js'
import { lines, makeProject, MANIFEST, removeProjects, WF } from './project-files.js'

afterAll(removeProjects)

async function thresholdsFrom(text: string) {
  const p = await makeProject({ 'thresholds.yml': text })
  const loaded = await loadThresholds(p.thresholdsFile)
  return { ...loaded, printed: loaded.problems.map(formatProblem), file: p.shown('thresholds.yml') }
}

describe('loadThresholds', () => {
  it('maps every section, with defaults for what is absent', async () => {
    const { thresholds, problems } = await thresholdsFrom(
      lines(
        'tiers:',
        '  T1: 0.92',
        '  T2: { min_success: 0.8, min_tasks: 10 }',
        'workflows:',
        '  refund:',
        '    tiers: { T1: 1 }',
        '    baseline: { max_drop: { T2: 0.05 } }',
        'baseline:',
        '  max_drop: 0.02',
        'budgets:',
        '  max_cost_usd: 5',
        '  task_timeout_s: 30',
        'pricing:',
        '  my-model: { input_per_mtok: 0.5, output_per_mtok: 1.5 }',
        'override:',
        '  approvers: [alice, acme/platform]',
        'x-comment: ok'
      )
    )
    expect(problems).toEqual([])
    expect(thresholds).toEqual({
      source: { file: expect.any(String), line: 1 },
      rules: {
        tiers: { T1: { min_success: 0.92 }, T2: { min_success: 0.8, min_tasks: 10 } },
        max_drop: { T1: 0.02, T2: 0.02, T3: 0.02 }
      },
      workflows: { refund: { tiers: { T1: { min_success: 1 } }, max_drop: { T2: 0.05 } } },
      budgets: {
        max_model_calls_per_task: 20,
        max_tool_calls_per_task: 200,
        max_retries: 3,
        task_timeout_s: 30,
        max_cost_usd: 5,
        max_error_rate: 0.1
      },
      pricing: { 'my-model': { input_per_mtok: 0.5, output_per_mtok: 1.5 } },
      override: { approvers: ['alice', 'acme/platform'], min_permission: 'write', allow_author: false }
    })
  })

  it('a threshold above 1, in the short and the long form', async () => {
    const { printed, file } = await thresholdsFrom(
      lines('tiers:', '  T1: 1.2', '  T2:', '    min_success: 1.2', '    min_tasks: 3')
    )
    expect(printed).toEqual([
      `${file}:2: "T1" must be between 0 and 1, got 1.2`,
      `${file}:4: "min_success" must be between 0 and 1, got 1.2`
    ])
  })

  it('an unknown tier key', async () => {
    const { printed, file } = await thresholdsFrom(
      lines('tiers:', '  T1: 0.9', '  T4: 0.5', 'baseline:', '  max_drop: { T0: 0.1 }')
    )
    expect(printed).toEqual([
      `${file}:3: unknown tier "T4" (tiers are T1, T2, T3)`,
      `${file}:5: unknown tier "T0" (tiers are T1, T2, T3)`
    ])
  })

  it('budgets, pricing and override out of range', async () => {
    const { printed, file } = await thresholdsFrom(
      lines(
        'tiers: { T1: 0.9 }',
        'budgets:',
        '  max_error_rate: 1.5',
        '  max_retries: 1.5',
        'pricing:',
        '  m: { input_per_mtok: -1, output_per_mtok: 2 }',
        'override:',
        '  min_permission: triage',
        'tiers_: {}'
      )
    )
    expect(printed).toEqual([
      `${file}:3: "max_error_rate" must be between 0 and 1, got 1.5`,
      `${file}:4: "max_retries" must be a whole number, got 1.5`,
      `${file}:6: "input_per_mtok" must be 0 or more, got -1`,
      `${file}:8: min_permission "triage" is not one of write, maintain, admin`,
      `${file}:9: unknown field "tiers_"`
    ])
  })

  it('a missing thresholds file', async () => {
    const p = await makeProject({})
    const { thresholds, problems } = await loadThresholds(p.thresholdsFile)
    expect(thresholds).toBeUndefined()
    expect(problems.map(formatProblem)).toEqual([`${p.shown('thresholds.yml')}: thresholds file not found`])
  })

  it('an empty file is a warning and gates nothing', async () => {
    const { thresholds, printed, file } = await thresholdsFrom('# todo\n')
    expect(printed).toEqual([`${file}: warning: file is empty: no tier is gated`])
    expect(thresholds?.rules.tiers).toEqual({})
  })
})

describe('thresholds in loadProject', () => {
  it('warns about workflows.<name> that matches no manifest, at its line', async () => {
    const p = await makeProject({
      [`${WF}/workflow.yml`]: MANIFEST,
      'thresholds.yml': lines(
        'tiers: { T1: 0.9 }',
        'workflows:',
        '  refund: { tiers: { T1: 1 } }',
        '  refnud: { tiers: { T1: 1 } }'
      )
    })
    const project = await loadProject({ tasksDir: p.tasksDir, thresholdsFile: p.thresholdsFile, repoRoot: p.root })
    expect(project.problems).toEqual([])
    expect(project.warnings.map(formatProblem)).toEqual([
      `${p.shown(`${WF}/workflow.yml`)}: warning: no golden tasks in this workflow`,
      `${p.shown('thresholds.yml')}:4: warning: workflows.refnud matches no workflow manifest (workflows: refund)`
    ])
  })

  it('gives default thresholds when the file is missing, with the problem', async () => {
    const p = await makeProject({ [`${WF}/workflow.yml`]: MANIFEST })
    const project = await loadProject({ tasksDir: p.tasksDir, thresholdsFile: p.thresholdsFile, repoRoot: p.root })
    expect(project.problems.map(formatProblem)).toEqual([`${p.shown('thresholds.yml')}: thresholds file not found`])
    expect(project.thresholds.budgets.max_model_calls_per_task).toBe(20)
  })
})

describe('loadThresholds: the decision keys (issue 9)', () => {
  it('reads per-tier confidence, margin, max_attempts and pass_k, top-level and per-workflow defaults', async () => {
    const { thresholds, problems } = await thresholdsFrom(
      lines(
        'decision: { confidence: 0.9, margin: 0.05, max_attempts: 4 }',
        'tiers:',
        '  T1: { min_success: 0.92, confidence: 0.99, margin: 0.02, max_attempts: 6, pass_k: { k: 3, min: 0.85 } }',
        '  T2: 0.8',
        'baseline: { block_high_risk_regressions: false }',
        'workflows:',
        '  refund:',
        '    decision: { max_attempts: 2 }',
        '    baseline: { block_high_risk_regressions: true }'
      )
    )
    expect(problems).toEqual([])
    expect(thresholds?.rules).toEqual({
      tiers: {
        T1: { min_success: 0.92, confidence: 0.99, margin: 0.02, max_attempts: 6, pass_k: { k: 3, min: 0.85 } },
        T2: { min_success: 0.8 }
      },
      max_drop: {},
      decision: { confidence: 0.9, margin: 0.05, max_attempts: 4 },
      block_high_risk_regressions: false
    })
    expect(thresholds?.workflows).toEqual({
      refund: { decision: { max_attempts: 2 }, block_high_risk_regressions: true }
    })
  })

  it('bad values, each at its line', async () => {
    const { printed, file } = await thresholdsFrom(
      lines(
        'decision:',
        '  confidence: 1',
        '  margin: -0.01',
        '  max_attempts: 0',
        'tiers:',
        '  T1: { min_success: 0.9, max_attempts: 2.5 }',
        '  T2: { min_success: 0.8, confidence: 0.5 }',
        '  T3: { min_success: 0.7, max_attempts: 3, pass_k: { k: 4, min: 0.5 } }'
      )
    )
    expect(printed).toEqual([
      `${file}:2: "confidence" must be more than 0.5 and less than 1, got 1`,
      `${file}:3: "margin" must be 0 or more, got -0.01`,
      `${file}:4: "max_attempts" must be at least 1, got 0`,
      `${file}:6: "max_attempts" must be a whole number, got 2.5`,
      `${file}:7: "confidence" must be more than 0.5 and less than 1, got 0.5`,
      `${file}:8: "k" must be at most the tier's max_attempts (3), got 4`
    ])
  })

  it('checks pass_k.k against the max_attempts the tier resolves to, the default 5 included', async () => {
    const { printed, file } = await thresholdsFrom(
      lines(
        'tiers:',
        '  T1: { min_success: 0.9, pass_k: { k: 6, min: 0.8 } }',
        'workflows:',
        '  refund:',
        '    decision: { max_attempts: 2 }',
        '    tiers:',
        '      T2: { min_success: 0.8, pass_k: { k: 3, min: 0.7 } }'
      )
    )
    expect(printed).toEqual([
      `${file}:2: "k" must be at most the tier's max_attempts (5, the default), got 6`,
      `${file}:7: "k" must be at most the tier's max_attempts (2), got 3`
    ])
  })
})

describe('loadThresholds: pass_k against a workflow max_attempts', () => {
  it('checks a repository tier rule against the max_attempts of a workflow that inherits it', async () => {
    const { printed, file } = await thresholdsFrom(
      lines(
        'tiers:',
        '  T1: { min_success: 0.9, pass_k: { k: 3, min: 0.8 } }',
        'workflows:',
        '  refund: { decision: { max_attempts: 2 } }'
      )
    )
    expect(printed).toEqual([`${file}:2: "k" must be at most the tier's max_attempts (2), got 3`])
  })
})
