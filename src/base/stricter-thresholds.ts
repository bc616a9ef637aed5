// The gate rules of a pull request's run: each rule the stricter of the base's and the PR's, so
// that a PR may raise a bar, never lower it. Per-workflow rules compare each side's *effective*
// rule (its workflow override, else its global rule), under the base's name of a renamed workflow.
import { isDeepStrictEqual } from 'node:util'
import { DECISION_DEFAULTS } from '../model/gate-rules-schema.js'
import { tierSettings, type DecisionRule } from '../gate/tier-settings.js'
import {
  PHASES,
  TIERS,
  type Budgets,
  type DecisionSettings,
  type PassKRule,
  type Report,
  type Tier,
  type GateRules,
  type ModelPrice,
  type OverrideRules,
  type ThresholdChange,
  type Thresholds,
  type TierRule
} from '../model/types.js'
import { higherIn, prIsStricter, stricterOf, type Direction } from './stricter.js'
import { stricterEconomics, stricterWorkflowEconomics } from './stricter-economics.js'

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
  'max_tool_calls_per_task',
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
  const rules = stricterGateRules(base, pr, '', changes)
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
      ...stricterPhases(base, pr, changes),
      budgets: stricterBudgets(base.budgets, pr.budgets, changes),
      pricing: stricterPricing(base.pricing, pr.pricing, changes),
      override: stricterOverride(base.override, pr.override, changes)
    },
    changes: changes.items
  }
}

// Stricter means more evidence before deciding: a higher confidence, a smaller margin, more
// attempts; for pass^k, a higher minimum over more attempts in a row.
const DECISION_DIRECTIONS = { confidence: 'higher', margin: 'lower', max_attempts: 'higher' } as const
const DECISION_KEYS = Object.keys(DECISION_DIRECTIONS) as (keyof DecisionSettings)[]

/**
 * Each side's rule of one tier, with the decision settings each side resolves to where a side
 * sets one: an unset setting is the side's default, not the loosest value (a PR must not lower
 * the confidence by setting it on a tier the base leaves at 95%).
 */
export interface TierSides {
  base?: TierRule
  pr?: TierRule
  /** What each side's settings resolve to for this tier (its `decision` sections and the defaults). */
  resolved: { base: DecisionRule; pr: DecisionRule }
}

export function stricterTier({ base: a, pr: b, resolved }: TierSides): TierRule | undefined {
  if (!a && !b) return undefined
  const rule: TierRule = { min_success: Math.max(a?.min_success ?? 0, b?.min_success ?? 0) }
  const minTasks = stricterOf(a?.min_tasks, b?.min_tasks, 'higher')
  if (minTasks !== undefined) rule.min_tasks = minTasks
  for (const key of DECISION_KEYS) {
    if (a?.[key] === undefined && b?.[key] === undefined) continue
    rule[key] = stricterOf(resolved.base[key], resolved.pr[key], DECISION_DIRECTIONS[key])
  }
  const passK = stricterPassK(a?.pass_k, b?.pass_k)
  if (passK) rule.pass_k = passK
  return rule
}

function stricterPassK(a: PassKRule | undefined, b: PassKRule | undefined): PassKRule | undefined {
  if (!a || !b) return a ?? b
  return { k: Math.max(a.k, b.k), min: Math.max(a.min, b.min) }
}

/** A side's `decision` section combined with the other's; unset keys count as the defaults. */
function stricterDecision(
  base: DecisionSettings | undefined,
  pr: DecisionSettings | undefined,
  fallback: { base: DecisionRule; pr: DecisionRule }
): DecisionSettings | undefined {
  if (!base && !pr) return undefined
  const decision: DecisionSettings = {}
  for (const key of DECISION_KEYS) {
    if (base?.[key] === undefined && pr?.[key] === undefined) continue
    decision[key] = stricterOf(
      base?.[key] ?? fallback.base[key],
      pr?.[key] ?? fallback.pr[key],
      DECISION_DIRECTIONS[key]
    )
  }
  return decision
}

/** On unless both sides that set it turn it off. */
function stricterBlock(base: boolean | undefined, pr: boolean | undefined): boolean | undefined {
  if (base === undefined && pr === undefined) return undefined
  return (base ?? true) || (pr ?? true)
}

const NO_WORKFLOW = '\u0000'

export function resolvedDecision(thresholds: Thresholds, workflow: string, tier: Tier): DecisionRule {
  const { confidence, margin, max_attempts } = tierSettings(gateOf(thresholds), workflow, tier)
  return { confidence, margin, max_attempts }
}

/** The decision settings `rule` resolves to where it is `workflow`'s rule of `tier` (a phase's rule). */
export function resolvedAs(
  thresholds: Thresholds,
  workflow: string,
  tier: Tier,
  rule: TierRule | undefined
): DecisionRule {
  const own = thresholds.workflows[workflow]
  const tiers = { ...own?.tiers, [tier]: rule }
  return resolvedDecision(
    { ...thresholds, workflows: { ...thresholds.workflows, [workflow]: { ...own, tiers } } },
    workflow,
    tier
  )
}

/** Each phase's tier rules the stricter of the base's and the PR's (resolved as the repository's tier rules are). */
function stricterPhases(base: Thresholds, pr: Thresholds, changes: ChangeList): Pick<Thresholds, 'phases'> {
  const phases: NonNullable<Thresholds['phases']> = {}
  for (const phase of PHASES) {
    const sides = { base: base.phases?.[phase]?.tiers, pr: pr.phases?.[phase]?.tiers }
    if (!sides.base && !sides.pr) continue
    const tiers: GateRules['tiers'] = {}
    for (const tier of TIERS) {
      const rules = { base: sides.base?.[tier], pr: sides.pr?.[tier] }
      const resolved = {
        base: resolvedAs(base, NO_WORKFLOW, tier, rules.base),
        pr: resolvedAs(pr, NO_WORKFLOW, tier, rules.pr)
      }
      const rule = stricterTier({ ...rules, resolved })
      if (rule) tiers[tier] = rule
      tierChanges(`phases.${phase}.tiers.${tier}`, rules.base, rules.pr, undefined, changes)
    }
    phases[phase] = { tiers }
  }
  return Object.keys(phases).length > 0 ? { phases } : {}
}

function gateOf(thresholds: Thresholds): Report['gate'] {
  return { rules: thresholds.rules, workflows: thresholds.workflows, max_error_rate: thresholds.budgets.max_error_rate }
}

function stricterGateRules(
  baseThresholds: Thresholds,
  prThresholds: Thresholds,
  prefix: string,
  changes: ChangeList
): GateRules {
  const base = baseThresholds.rules
  const pr = prThresholds.rules
  const rules: GateRules = { tiers: {}, max_drop: {} }
  for (const tier of TIERS) {
    const resolved = {
      base: resolvedDecision(baseThresholds, NO_WORKFLOW, tier),
      pr: resolvedDecision(prThresholds, NO_WORKFLOW, tier)
    }
    const rule = stricterTier({ base: base.tiers[tier], pr: pr.tiers[tier], resolved })
    if (rule) rules.tiers[tier] = rule
    tierChanges(`${prefix}tiers.${tier}`, base.tiers[tier], pr.tiers[tier], undefined, changes)
  }
  const defaults = { base: { ...DECISION_DEFAULTS }, pr: { ...DECISION_DEFAULTS } }
  const decision = stricterDecision(base.decision, pr.decision, defaults)
  if (decision) rules.decision = decision
  for (const key of DECISION_KEYS)
    changes.number(`${prefix}decision.${key}`, base.decision?.[key], pr.decision?.[key], DECISION_DIRECTIONS[key], {
      base: base.decision?.[key] ?? DECISION_DEFAULTS[key],
      pr: pr.decision?.[key] ?? DECISION_DEFAULTS[key]
    })
  const block = stricterBlock(base.block_high_risk_regressions, pr.block_high_risk_regressions)
  if (block !== undefined) rules.block_high_risk_regressions = block
  changes.word(
    `${prefix}baseline.block_high_risk_regressions`,
    flag(base.block_high_risk_regressions),
    flag(pr.block_high_risk_regressions),
    flag(block)
  )
  for (const tier of TIERS) {
    const drop = stricterOf(base.max_drop[tier], pr.max_drop[tier], 'lower')
    if (drop !== undefined) rules.max_drop[tier] = drop
    changes.number(`${prefix}baseline.max_drop.${tier}`, base.max_drop[tier], pr.max_drop[tier], 'lower')
  }
  return { ...rules, ...stricterEconomics(base, pr, prefix, changes) }
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
  for (const field of DECISION_KEYS) {
    const sides = effective && { base: effective.base?.[field], pr: effective.pr?.[field] }
    changes.number(`${rule}.${field}`, base?.[field], pr?.[field], DECISION_DIRECTIONS[field], sides)
  }
  for (const field of ['k', 'min'] as const) {
    const sides = effective && { base: effective.base?.pass_k?.[field], pr: effective.pr?.pass_k?.[field] }
    changes.number(`${rule}.pass_k.${field}`, base?.pass_k?.[field], pr?.pass_k?.[field], 'higher', sides)
  }
}

function flag(value: boolean | undefined): string | null {
  return value === undefined ? null : String(value)
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
    const resolved = { base: resolvedDecision(base, baseName, tier), pr: resolvedDecision(pr, prName, tier) }
    const rule = stricterTier({ ...effective, resolved })
    if (rule && (explicit.base || explicit.pr || !sameTierRule(rule, global.tiers[tier]))) {
      ;(entry.tiers ??= {})[tier] = rule
    }
    tierChanges(`${prefix}.tiers.${tier}`, explicit.base, explicit.pr, effective, changes)
  }
  const globalDecision = {
    base: { ...DECISION_DEFAULTS, ...base.rules.decision },
    pr: { ...DECISION_DEFAULTS, ...pr.rules.decision }
  }
  const decision = stricterDecision(own.base?.decision, own.pr?.decision, globalDecision)
  if (decision) entry.decision = decision
  for (const key of DECISION_KEYS)
    changes.number(
      `${prefix}.decision.${key}`,
      own.base?.decision?.[key],
      own.pr?.decision?.[key],
      DECISION_DIRECTIONS[key],
      {
        base: own.base?.decision?.[key] ?? globalDecision.base[key],
        pr: own.pr?.decision?.[key] ?? globalDecision.pr[key]
      }
    )
  const block = stricterBlock(
    own.base?.block_high_risk_regressions ?? base.rules.block_high_risk_regressions,
    own.pr?.block_high_risk_regressions ?? pr.rules.block_high_risk_regressions
  )
  if (own.base?.block_high_risk_regressions !== undefined || own.pr?.block_high_risk_regressions !== undefined)
    entry.block_high_risk_regressions = block
  changes.word(
    `${prefix}.baseline.block_high_risk_regressions`,
    flag(own.base?.block_high_risk_regressions),
    flag(own.pr?.block_high_risk_regressions),
    flag(block)
  )
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
  Object.assign(
    entry,
    stricterWorkflowEconomics(own, { base: base.rules, pr: pr.rules }, global, `${prefix}.`, changes)
  )
  return own.base || own.pr || Object.keys(entry).length > 0 ? entry : undefined
}

function sameTierRule(a: TierRule, b: TierRule | undefined): boolean {
  return b !== undefined && isDeepStrictEqual(a, b)
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
