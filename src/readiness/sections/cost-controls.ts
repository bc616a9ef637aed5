// §8 Cost controls: a cap on what a run may spend, known prices for every model called, a cost
// per successful task the gate holds, and the value a success brings (the margin).
import { formatUsd, thresholdPercent } from '../../gate/format.js'
import { check, evidence, lacking, type Check } from '../check.js'
import type { WorkflowReadiness } from '../inputs.js'
import type { ReadinessSectionModule } from '../section.js'

export const costControlsSection: ReadinessSectionModule = {
  id: 'cost_controls',
  number: 8,
  title: 'cost controls',
  score(inputs) {
    const { budgets } = inputs.thresholds
    return {
      notes: [
        `per task at most ${budgets.max_model_calls_per_task} model calls, ${budgets.max_tool_calls_per_task} tool calls, ${budgets.task_timeout_s} s`
      ],
      checks: [
        check(
          budgets.max_cost_usd !== undefined,
          `a run stops at ${formatUsd(budgets.max_cost_usd ?? null)} (budgets.max_cost_usd)`,
          "no budgets.max_cost_usd: a run's spending has no cap"
        ),
        ...prices(inputs.models),
        check(
          inputs.maxCostPerSuccessUsd !== undefined,
          `a tier above ${formatUsd(inputs.maxCostPerSuccessUsd ?? null)} per successful task fails the gate (budgets.max_cost_per_success_usd)`,
          'no budgets.max_cost_per_success_usd: the gate does not hold the cost per successful task'
        ),
        economics(inputs.economics)
      ]
    }
  }
}

/** Every model evalgate calls for the workflow has a price; none applies when it calls none. */
function prices(models: WorkflowReadiness['models']): Check[] {
  if (models.length === 0) return []
  const unpriced = models.filter((m) => !m.priced).map((m) => m.name)
  return [
    check(
      unpriced.length === 0,
      `priced: ${models.map((m) => m.name).join(', ')}`,
      `no price for ${unpriced.join(', ')} (pricing): its cost is unknown`
    )
  ]
}

function economics(declared: WorkflowReadiness['economics']): Check {
  if (!declared) return lacking('no economics (value_per_success_usd, min_gross_margin): the margin is unknown')
  return evidence(
    `a success is worth ${formatUsd(declared.value_per_success_usd)}; the gate holds a gross margin of at least ${thresholdPercent(declared.min_gross_margin)}`
  )
}
