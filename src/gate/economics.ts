// Unit economics of a run (thresholds.yml `budgets.max_cost_per_success_usd` and `economics`).
// They judge the cost per passed attempt, not report.json's cost per passed task: the extra
// attempts the adaptive rule spends on an undecided tier would multiply that one, so that a cost
// gate would move with the statistics. Cached responses count at their price, so that a re-run
// from the cache does not look free.
import { DEFAULT_MAX_MARGIN_DROP } from '../model/gate-rules-schema.js'
import type { CostLimitCheck, Report, TaskResult, WorkflowEconomics } from '../model/types.js'
import { formatUsd, percent, plural, thresholdPercent, usdLimit } from './format.js'
import { EPSILON } from './rate-decision.js'

export interface CostFigures {
  /** The known model cost, cached responses at their price; null when no task's cost is known. */
  cost_usd: number | null
  /** Passed attempts. */
  successes: number
  /** Tasks with a model call that has no price. */
  unpriced: number
  per_attempt: number | null
}

export function costFigures(tasks: readonly TaskResult[]): CostFigures {
  let cost: number | null = null
  let successes = 0
  let unpriced = 0
  for (const task of tasks) {
    successes += task.attempts.passed
    // cached_cost_usd: absent without a cached response, null when a cached one has no price.
    const cached = task.cached_cost_usd
    if (task.cost_usd === null || cached === null) unpriced++
    if (task.cost_usd !== null || typeof cached === 'number') cost = (cost ?? 0) + (task.cost_usd ?? 0) + (cached ?? 0)
  }
  return { cost_usd: cost, successes, unpriced, per_attempt: cost !== null && successes > 0 ? cost / successes : null }
}

export function grossMargin(perSuccess: number | null, value: number): number | null {
  return perSuccess === null ? null : 1 - perSuccess / value
}

export function costLimitOutcome(figures: CostFigures, max: number): CostLimitCheck['outcome'] {
  if (figures.unpriced > 0) return 'unknown'
  if (figures.successes === 0) return (figures.cost_usd ?? 0) > 0 ? 'nothing_passed' : 'ok'
  return figures.per_attempt! > max + EPSILON ? 'over' : 'ok'
}

export interface RuleLines {
  failures: string[]
  /** The rule could not be decided: the decision is `error`. */
  errors: string[]
  notes: string[]
}

const UNPRICED_HINT = 'add its model to thresholds.yml pricing'

/** `refund_request_v2 T1: cost per passed attempt $0.031 > max_cost_per_success_usd $0.02 — fail`. */
export function costLimitLines(label: string, figures: CostFigures, check: CostLimitCheck): RuleLines {
  const rule = `max_cost_per_success_usd ${usdLimit(check.max_usd)}`
  const lines: RuleLines = { failures: [], errors: [], notes: [] }
  if (check.outcome === 'unknown')
    lines.errors.push(
      `${label}: cost per passed attempt unknown (${unpricedText(figures.unpriced)}: ${UNPRICED_HINT}): ${rule} cannot be decided — decision error`
    )
  else if (check.outcome === 'nothing_passed')
    lines.failures.push(`${label}: no attempt passed and ${formatUsd(figures.cost_usd)} was spent, over ${rule} — fail`)
  else if (check.outcome === 'over')
    lines.failures.push(
      `${label}: cost per passed attempt ${distinctUsd(figures.per_attempt!, check.max_usd)} > ${rule} — fail`
    )
  else lines.notes.push(`${label}: cost per passed attempt ${formatUsd(figures.per_attempt ?? 0)} <= ${rule} — ok`)
  return lines
}

/** A workflow's economics rule: its own keys, else the top-level ones. */
export function economicsSettings(
  gate: Report['gate'],
  workflow: string
): { value?: number; min?: number; maxDrop: number } {
  const own = gate.workflows[workflow]?.economics
  const top = gate.rules.economics
  const value = own?.value_per_success_usd ?? top?.value_per_success_usd
  const min = own?.min_gross_margin ?? top?.min_gross_margin
  return {
    ...(value !== undefined ? { value } : {}),
    ...(min !== undefined ? { min } : {}),
    maxDrop: own?.max_margin_drop ?? top?.max_margin_drop ?? DEFAULT_MAX_MARGIN_DROP
  }
}

export interface EconomicsVerdict extends RuleLines {
  record: WorkflowEconomics
}

/** The gross margin of one workflow over all its tasks (of `tasks`); undefined without a value_per_success_usd. */
export function judgeEconomics(
  workflow: string,
  tasks: readonly TaskResult[],
  gate: Report['gate']
): EconomicsVerdict | undefined {
  const { value, min, maxDrop } = economicsSettings(gate, workflow)
  if (value === undefined) return undefined
  const figures = costFigures(tasks.filter((t) => t.workflow === workflow))
  const margin = grossMargin(figures.per_attempt, value)
  const lines: RuleLines = { failures: [], errors: [], notes: [] }
  const figuresText = `(cost per passed attempt ${formatUsd(figures.per_attempt)}, value ${formatUsd(value)})`
  const marginText = margin === null ? 'no gross margin' : `gross margin ${percent(margin)}`
  if (min === undefined) lines.notes.push(`${workflow}: ${marginText} ${figuresText}, not gated (no min_gross_margin)`)
  else {
    const rule = `min_gross_margin ${thresholdPercent(min)}`
    if (figures.unpriced > 0)
      lines.errors.push(
        `${workflow}: gross margin unknown (${unpricedText(figures.unpriced)}: ${UNPRICED_HINT}): ${rule} cannot be decided — decision error`
      )
    else if (figures.successes === 0 && (figures.cost_usd ?? 0) > 0)
      lines.failures.push(
        `${workflow}: no attempt passed and ${formatUsd(figures.cost_usd)} was spent: no margin to meet ${rule} — fail`
      )
    else if (margin === null)
      lines.notes.push(`${workflow}: no attempt passed and nothing was spent: ${rule} not applied`)
    else if (margin < min - EPSILON) lines.failures.push(`${workflow}: ${marginText} < ${rule} ${figuresText} — fail`)
    else lines.notes.push(`${workflow}: ${marginText} >= ${rule} ${figuresText} — ok`)
  }
  const record: WorkflowEconomics = {
    workflow,
    cost_usd: figures.cost_usd,
    successes: figures.successes,
    cost_per_passed_attempt_usd: figures.per_attempt,
    value_per_success_usd: value,
    gross_margin: margin,
    min_gross_margin: min ?? null,
    max_margin_drop: maxDrop,
    ...(figures.unpriced > 0 ? { unpriced: figures.unpriced } : {}),
    ok: lines.failures.length === 0
  }
  return { record, ...lines }
}

/** 1 − the run's cost / the value of its successes, when every workflow has a value. */
export function runGrossMargin(economics: readonly WorkflowEconomics[], workflows: readonly string[]): number | null {
  if (workflows.length === 0 || !workflows.every((w) => economics.some((e) => e.workflow === w))) return null
  let cost = 0
  let value = 0
  for (const e of economics) {
    if (e.cost_usd === null || e.unpriced) return null
    cost += e.cost_usd
    value += e.successes * e.value_per_success_usd
  }
  return value > 0 ? 1 - cost / value : null
}

function unpricedText(count: number): string {
  return `${plural(count, 'task')} with a model call that has no price`
}

/** `formatUsd`, with more digits where its rounding would show the limit itself ($0.020 > $0.02). */
function distinctUsd(usd: number, limit: number): string {
  const shown = formatUsd(usd)
  if (Number(shown.slice(1)) !== limit) return shown
  return `$${Number(usd.toPrecision(6))}`
}
