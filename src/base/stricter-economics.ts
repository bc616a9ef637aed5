// The unit-economics rules of a pull request's run (budgets.max_cost_per_success_usd, economics):
// each the stricter of the base's and the PR's. Stricter is a lower cost limit, a higher minimum
// margin, a lower value per success (a PR must not raise what a success is worth to clear its
// margin) and a smaller allowed margin drop (unset: the default, not the loosest).
import { DEFAULT_MAX_MARGIN_DROP } from '../model/gate-rules-schema.js'
import { TIERS, type EconomicsRule, type GateRules } from '../model/types.js'
import { definedOnly } from '../util/defined-only.js'
import { stricterOf, type Direction } from './stricter.js'

type Sides = { base?: number; pr?: number }

/** How a changed rule is recorded (the change list of stricter-thresholds.ts). */
export interface NumberChanges {
  number(rule: string, base: number | undefined, pr: number | undefined, direction: Direction, effective?: Sides): void
}

type EconomicsRules = Pick<GateRules, 'max_cost_per_success_usd' | 'economics'>

const DIRECTIONS = {
  value_per_success_usd: 'lower',
  min_gross_margin: 'higher',
  max_margin_drop: 'lower'
} as const satisfies Record<keyof EconomicsRule, Direction>
const KEYS = Object.keys(DIRECTIONS) as (keyof EconomicsRule)[]
const DEFAULTS: Partial<Record<keyof EconomicsRule, number>> = { max_margin_drop: DEFAULT_MAX_MARGIN_DROP }

/** The repository-wide rules. */
export function stricterEconomics(
  base: GateRules,
  pr: GateRules,
  prefix: string,
  changes: NumberChanges
): EconomicsRules {
  const own = { base, pr }
  return stricterOwn(own, own, undefined, prefix, changes)
}

/**
 * A workflow's rules, from what each side resolves to for it (its own key, else its global one);
 * kept in its entry where a side sets one or the result differs from the repository-wide rule.
 */
export function stricterWorkflowEconomics(
  own: { base?: Partial<GateRules>; pr?: Partial<GateRules> },
  global: { base: GateRules; pr: GateRules },
  result: GateRules,
  prefix: string,
  changes: NumberChanges
): EconomicsRules {
  return stricterOwn(own, global, result, prefix, changes)
}

function stricterOwn(
  own: { base?: Partial<GateRules>; pr?: Partial<GateRules> },
  global: { base: GateRules; pr: GateRules },
  result: GateRules | undefined,
  prefix: string,
  changes: NumberChanges
): EconomicsRules {
  const costs: NonNullable<GateRules['max_cost_per_success_usd']> = {}
  for (const tier of TIERS) {
    const explicit = { base: own.base?.max_cost_per_success_usd?.[tier], pr: own.pr?.max_cost_per_success_usd?.[tier] }
    const effective = {
      base: explicit.base ?? global.base.max_cost_per_success_usd?.[tier],
      pr: explicit.pr ?? global.pr.max_cost_per_success_usd?.[tier]
    }
    const limit = stricterOf(effective.base, effective.pr, 'lower')
    if (limit !== undefined && keep(explicit, limit, result?.max_cost_per_success_usd?.[tier], result))
      costs[tier] = limit
    changes.number(`${prefix}budgets.max_cost_per_success_usd.${tier}`, explicit.base, explicit.pr, 'lower', effective)
  }
  const economics: EconomicsRule = {}
  for (const key of KEYS) {
    const explicit = { base: own.base?.economics?.[key], pr: own.pr?.economics?.[key] }
    const fallback = DEFAULTS[key]
    const effective = {
      base: explicit.base ?? global.base.economics?.[key] ?? fallback,
      pr: explicit.pr ?? global.pr.economics?.[key] ?? fallback
    }
    const value =
      explicit.base === undefined && explicit.pr === undefined && result === undefined
        ? undefined
        : stricterOf(effective.base, effective.pr, DIRECTIONS[key])
    if (value !== undefined && keep(explicit, value, result?.economics?.[key] ?? fallback, result))
      economics[key] = value
    changes.number(`${prefix}economics.${key}`, explicit.base, explicit.pr, DIRECTIONS[key], effective)
  }
  return definedOnly({
    max_cost_per_success_usd: Object.keys(costs).length > 0 ? costs : undefined,
    economics: Object.keys(economics).length > 0 ? economics : undefined
  })
}

/** Repository-wide: every value set. A workflow's: where a side sets it, or it differs from the repository's. */
function keep(
  explicit: { base?: number; pr?: number },
  value: number,
  global: number | undefined,
  result: GateRules | undefined
): boolean {
  return result === undefined || explicit.base !== undefined || explicit.pr !== undefined || value !== global
}
