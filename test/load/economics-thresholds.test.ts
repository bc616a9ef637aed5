// Issue 14 item 5: budgets.max_cost_per_success_usd and economics in thresholds.yml, read into the
// gate rules, and their bad values as file:line problems.
import { afterAll, describe, expect, it } from '@jest/globals'
import { loadThresholds } from '../../src/load/index.js'
import { formatProblem } from '../../src/util/problems.js'
import { lines, makeProject, removeProjects } from './project-files.js'

afterAll(removeProjects)

async function thresholdsFrom(text: string) {
  const p = await makeProject({ 'thresholds.yml': text })
  const loaded = await loadThresholds(p.thresholdsFile)
  return { ...loaded, printed: loaded.problems.map(formatProblem), file: p.shown('thresholds.yml') }
}

describe('loadThresholds: cost per success and gross margin', () => {
  it('reads the limit (one number or per tier) and economics into the gate rules, per workflow too', async () => {
    const { thresholds, problems } = await thresholdsFrom(
      lines(
        'tiers: { T1: 0.9 }',
        'budgets:',
        '  max_cost_per_success_usd: 0.02',
        '  max_cost_usd: 5',
        'economics: { value_per_success_usd: 1, min_gross_margin: 0.7 }',
        'workflows:',
        '  refund:',
        '    budgets: { max_cost_per_success_usd: { T3: 0.1 } }',
        '    economics: { min_gross_margin: 0.8, max_margin_drop: 0.1 }'
      )
    )
    expect(problems).toEqual([])
    expect(thresholds?.rules).toEqual({
      tiers: { T1: { min_success: 0.9 } },
      max_drop: {},
      max_cost_per_success_usd: { T1: 0.02, T2: 0.02, T3: 0.02 },
      economics: { value_per_success_usd: 1, min_gross_margin: 0.7 }
    })
    expect(thresholds?.workflows).toEqual({
      refund: { max_cost_per_success_usd: { T3: 0.1 }, economics: { min_gross_margin: 0.8, max_margin_drop: 0.1 } }
    })
    // A gate rule, not a budget of the run.
    expect(thresholds?.budgets).not.toHaveProperty('max_cost_per_success_usd')
    expect(thresholds?.budgets.max_cost_usd).toBe(5)
  })

  it('a margin outside 0..1, a value of 0 or less, a negative limit: each at its line', async () => {
    const { printed, file, thresholds } = await thresholdsFrom(
      lines(
        'tiers: { T1: 0.9 }',
        'budgets:',
        '  max_cost_per_success_usd: { T1: -0.01 }',
        'economics:',
        '  value_per_success_usd: 0',
        '  min_gross_margin: 1.2',
        '  max_margin_drop: -0.1',
        'workflows:',
        '  refund:',
        '    economics: { value_per_success_usd: -2, min_gross_margin: -0.5 }'
      )
    )
    expect(thresholds).toBeUndefined()
    expect(printed).toEqual([
      `${file}:3: "T1" must be 0 or more, got -0.01`,
      `${file}:5: "value_per_success_usd" must be more than 0, got 0`,
      `${file}:6: "min_gross_margin" must be between 0 and 1, got 1.2`,
      `${file}:7: "max_margin_drop" must be between 0 and 1, got -0.1`,
      `${file}:10: "value_per_success_usd" must be more than 0, got -2`,
      `${file}:10: "min_gross_margin" must be between 0 and 1, got -0.5`
    ])
  })

  it('a minimum margin without a value to compute it against', async () => {
    const { printed, file } = await thresholdsFrom(
      lines(
        'tiers: { T1: 0.9 }',
        'economics:',
        '  min_gross_margin: 0.7',
        'workflows:',
        '  refund:',
        '    economics: { min_gross_margin: 0.8 }',
        '  billing:',
        '    economics: { min_gross_margin: 0.8, value_per_success_usd: 2 }'
      )
    )
    expect(printed).toEqual([
      `${file}:3: "min_gross_margin" needs "value_per_success_usd" (what one successful task is worth, in USD) beside it: the margin is 1 - cost per success / value`,
      `${file}:6: "min_gross_margin" needs "value_per_success_usd" (what one successful task is worth, in USD) in the workflow or at the top level: the margin is 1 - cost per success / value`
    ])
  })

  it('a workflow inherits the top-level value; other budgets stay whole-run only', async () => {
    const { printed, file } = await thresholdsFrom(
      lines(
        'tiers: { T1: 0.9 }',
        'economics: { value_per_success_usd: 1 }',
        'workflows:',
        '  refund:',
        '    economics: { min_gross_margin: 0.8 }',
        '    budgets: { max_cost_usd: 3 }'
      )
    )
    expect(printed).toEqual([`${file}:6: unknown field "max_cost_usd" in workflows.refund.budgets`])
  })
})
