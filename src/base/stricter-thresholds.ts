// The gate rules of a pull request's run: each rule the stricter of the base's and the PR's, so
// that a PR may raise a bar, never lower it. Per-workflow rules compare each side's *effective*
// rule (its workflow override, else its global rule), under the base's name of a renamed workflow.
import {
  TIERS,
  type Budgets,
  type GateRules,
  type ModelPrice,
  type OverrideRules,
  type ThresholdChange,
  type Thresholds,
  type TierRule
} from '../model/types.js'
import { higherIn, prIsStricter, stricterOf, type Direction } from './stricter.js'

export interface Renamed {
  /** The base's name. */
  from: string
  /** The PR's name. */
  to: string
}

export interface StricterThresholds {
  thresholds: Thresholds
  /** The rules that differ between base and PR, and which side's applied. */
  changes: ThresholdChange[]
}

const PERMISSION_LEVELS = ['write', 'maintain', 'admin'] as const
const BUDGETS: (keyof Budgets)[] = [
  'max_model_calls_per_task',
  'max_retries',
  'max_context_tokens',
  'task_timeout_s',
  'max_cost_usd',
  'max_error_rate'
]

export function stricterThresholds(
  base: Thresholds,
  pr: Thresholds,
  prWorkflows: readonly string[],
  renamed: readonly Renamed[] = []
): StricterThresholds {
  const changes = new ChangeList()
  const rules = stricterGateRules(base.rules, pr.rules, '', changes)
  const workflows: Thresholds['workflows'] = {}
  for (const { prName, baseName } of workflowNames(base, pr, prWorkflows, renamed)) {
    const entry = stricterWorkflowRules(base, pr, baseName, prName, rules, changes)
    if (entry) workflows[prName] = entry
  }
  return {
    thresholds: {
      ...(pr.source ? { source: pr.source } : {}),
      rules,
      workflows,
      budgets: stricterBudgets(base.budgets, pr.budgets, changes),
      pricing: stricterPricing(base.pricing, pr.pricing, changes),
      override: stricterOverride(base.override, pr.override, changes)
    },
    changes: changes.items
  }
}

function stricterTier(a: TierRule | undefined, b: TierRule | undefined): TierRule | undefined {
  if (!a || !b) return a ?? b
  const rule: TierRule = { min_success: Math.max(a.min_success, b.min_success) }
  const minTasks = stricterOf(a.min_tasks, b.min_tasks, 'higher')
  if (minTasks !== undefined) rule.min_tasks = minTasks
  return rule
}

function stricterGateRules(base: GateRules, pr: GateRules, prefix: string, changes: ChangeList): GateRules {
  const rules: GateRules = { tiers: {}, max_drop: {} }
  for (const tier of TIERS) {
    const rule = stricterTier(base.tiers[tier], pr.tiers[tier])
    if (rule) rules.tiers[tier] = rule
    tierChanges(`${prefix}tiers.${tier}`, base.tiers[tier], pr.tiers[tier], undefined, changes)
  }
  for (const tier of TIERS) {
    const drop = stricterOf(base.max_drop[tier], pr.max_drop[tier], 'lower')
    if (drop !== undefined) rules.max_drop[tier] = drop
    changes.number(`${prefix}baseline.max_drop.${tier}`, base.max_drop[tier], pr.max_drop[tier], 'lower')
  }
  return rules
}

function tierChanges(
  rule: string,
  base: TierRule | undefined,
  pr: TierRule | undefined,
  effective: { base?: TierRule; pr?: TierRule } | undefined,
  changes: ChangeList
): void {
  for (const field of ['min_success', 'min_tasks'] as const) {
    const sides = effective && { base: effective.base?.[field], pr: effective.pr?.[field] }
    changes.number(`${rule}.${field}`, base?.[field], pr?.[field], 'higher', sides)
  }
}

/** Each PR workflow with the name its rules had on the base, and the names only thresholds.yml uses. */
function workflowNames(
  base: Thresholds,
  pr: Thresholds,
  prWorkflows: readonly string[],
  renamed: readonly Renamed[]
): { prName: string; baseName: string }[] {
  const baseNameOf = (name: string) => renamed.find((r) => r.to === name)?.from ?? name
  const prNameOf = (name: string) => renamed.find((r) => r.from === name)?.to ?? name
  const names = new Set([...prWorkflows, ...Object.keys(pr.workflows), ...Object.keys(base.workflows).map(prNameOf)])
  return [...names].map((prName) => ({ prName, baseName: baseNameOf(prName) }))
}

function stricterWorkflowRules(
  base: Thresholds,
  pr: Thresholds,
  baseName: string,
  prName: string,
  global: GateRules,
  changes: ChangeList
): Partial<GateRules> | undefined {
  const own = { base: base.workflows[baseName], pr: pr.workflows[prName] }
  const entry: Partial<GateRules> = {}
  const prefix = `workflows.${prName}`
  for (const tier of TIERS) {
    const explicit = { base: own.base?.tiers?.[tier], pr: own.pr?.tiers?.[tier] }
    const effective = { base: explicit.base ?? base.rules.tiers[tier], pr: explicit.pr ?? pr.rules.tiers[tier] }
    const rule = stricterTier(effective.base, effective.pr)
    if (rule && (explicit.base || explicit.pr || !sameTierRule(rule, global.tiers[tier]))) {
      ;(entry.tiers ??= {})[tier] = rule
    }
    tierChanges(`${prefix}.tiers.${tier}`, explicit.base, explicit.pr, effective, changes)
  }
  for (const tier of TIERS) {
    const explicit = { base: own.base?.max_drop?.[tier], pr: own.pr?.max_drop?.[tier] }
    const effective = { base: explicit.base ?? base.rules.max_drop[tier], pr: explicit.pr ?? pr.rules.max_drop[tier] }
    const drop = stricterOf(effective.base, effective.pr, 'lower')
    if (
      drop !== undefined &&
      (explicit.base !== undefined || explicit.pr !== undefined || drop !== global.max_drop[tier])
    ) {
      ;(entry.max_drop ??= {})[tier] = drop
    }
    changes.number(`${prefix}.baseline.max_drop.${tier}`, explicit.base, explicit.pr, 'lower', effective)
  }
  return own.base || own.pr || Object.keys(entry).length > 0 ? entry : undefined
}

function sameTierRule(a: TierRule, b: TierRule | undefined): boolean {
  return b !== undefined && a.min_success === b.min_success && a.min_tasks === b.min_tasks
}

function stricterBudgets(base: Budgets, pr: Budgets, changes: ChangeList): Budgets {
  const budgets = { ...pr }
  for (const key of BUDGETS) {
    const value = stricterOf(base[key], pr[key], 'lower')
    if (value === undefined) delete budgets[key]
    else budgets[key] = value
    changes.number(`budgets.${key}`, base[key], pr[key], 'lower')
  }
  return budgets
}

function stricterPricing(
  base: Record<string, ModelPrice>,
  pr: Record<string, ModelPrice>,
  changes: ChangeList
): Record<string, ModelPrice> {
  const pricing: Record<string, ModelPrice> = {}
  for (const model of new Set([...Object.keys(pr), ...Object.keys(base)])) {
    const price = (field: keyof ModelPrice) => {
      changes.number(`pricing.${model}.${field}`, base[model]?.[field], pr[model]?.[field], 'higher')
      return stricterOf(base[model]?.[field], pr[model]?.[field], 'higher')!
    }
    pricing[model] = { input_per_mtok: price('input_per_mtok'), output_per_mtok: price('output_per_mtok') }
  }
  return pricing
}

function stricterOverride(base: OverrideRules, pr: OverrideRules, changes: ChangeList): OverrideRules {
  // A PR without approvers has no override section: the base's approvers stay (never more of them).
  const approvers = pr.approvers.length === 0 ? base.approvers : base.approvers.filter((a) => listed(pr.approvers, a))
  changes.list('override.approvers', base.approvers, pr.approvers, approvers)
  const minPermission = higherIn(PERMISSION_LEVELS, base.min_permission, pr.min_permission)
  changes.word('override.min_permission', base.min_permission, pr.min_permission, minPermission)
  const allowAuthor = base.allow_author && pr.allow_author
  changes.word('override.allow_author', String(base.allow_author), String(pr.allow_author), String(allowAuthor))
  return { approvers, min_permission: minPermission, allow_author: allowAuthor }
}

function listed(approvers: readonly string[], approver: string): boolean {
  const key = (a: string) => a.trim().replace(/^@/, '').toLowerCase()
  return approvers.some((a) => key(a) === key(approver))
}

class ChangeList {
  readonly items: ThresholdChange[] = []

  /** A numeric rule; `effective` (when given) are the values each side's rule resolves to. */
  number(
    rule: string,
    base: number | undefined,
    pr: number | undefined,
    direction: Direction,
    effective?: { base?: number; pr?: number }
  ): void {
    if (base === pr) return
    const sides = effective ?? { base, pr }
    const applied = prIsStricter(sides.base, sides.pr, direction) ? 'pr' : 'base'
    const value = sides[applied]
    const raw = applied === 'pr' ? pr : base
    this.items.push({
      rule,
      base: base ?? null,
      pr: pr ?? null,
      applied,
      ...(value !== raw ? { effective: value ?? null } : {})
    })
  }

  list(rule: string, base: readonly string[], pr: readonly string[], applied: readonly string[]): void {
    const text = (list: readonly string[]) => (list.length > 0 ? list.join(', ') : null)
    this.word(rule, text(base), text(pr), text(applied))
  }

  word(rule: string, base: string | null, pr: string | null, applied: string | null): void {
    if (base === pr) return
    const side = applied === pr ? 'pr' : 'base'
    this.items.push({
      rule,
      base,
      pr,
      applied: side,
      ...(applied !== base && applied !== pr ? { effective: applied } : {})
    })
  }
}
