// Loads thresholds.yml into the gate rules, budgets, prices and override rules.
import path from 'node:path'
import { PHASES, TIERS, type GateRules, type Thresholds, type Tier } from '../model/types.js'
import { DEFAULT_BUDGETS } from '../model/thresholds.js'
import { READ_ONCE } from '../model/schema-common.js'
import { definedOnly } from '../util/defined-only.js'
import { issueProblems } from './issues.js'
import { displayPath } from './paths.js'
import { isFile } from '../util/path-kind.js'
import { sortProblems, type Problem } from '../util/problems.js'
import { readDataFile } from './read-data-file.js'
import {
  thresholdsSchema,
  type BaselineFile,
  type CostLimitFile,
  type DecisionFile,
  type EconomicsFile,
  type MaxDropFile,
  type ThresholdsFile,
  type TierRulesFile
} from './thresholds-schema.js'
import { append } from '../util/append.js'

export function defaultThresholds(): Thresholds {
  return {
    rules: { tiers: {}, max_drop: {} },
    workflows: {},
    budgets: { ...DEFAULT_BUDGETS },
    pricing: {},
    override: { approvers: [], min_permission: 'write', allow_author: false }
  }
}

/** Never throws for a user's mistake; `thresholds` is absent when the file has errors. */
export async function loadThresholds(
  thresholdsFile: string
): Promise<{ thresholds?: Thresholds; problems: Problem[] }> {
  const { thresholds, problems } = await readThresholds(thresholdsFile)
  return { thresholds, problems: sortProblems(problems) }
}

export interface ReadThresholds {
  thresholds?: Thresholds
  problems: Problem[]
  /** Line of `workflows.<name>`, to point at overrides of workflows that do not exist. */
  workflowLine(name: string): number | undefined
  /** The digest of the file's bytes, when it was read. */
  sha256?: string
}

export async function readThresholds(thresholdsFile: string): Promise<ReadThresholds> {
  const absPath = path.resolve(thresholdsFile)
  const file = displayPath(absPath)
  const noLines = () => undefined
  if (!(await isFile(absPath))) {
    return { problems: [{ file, message: 'thresholds file not found', severity: 'error' }], workflowLine: noLines }
  }
  const { values, problems, sha256 } = await readDataFile(absPath, file)
  if (problems.some((p) => p.severity === 'error')) return { problems, workflowLine: noLines }
  const digest = sha256 ? { sha256 } : {}
  const thresholds = defaultThresholds()
  thresholds.source = { file, line: 1 }
  if (values.length === 0) {
    problems.push({ file, message: 'file is empty: no tier is gated', severity: 'warning' })
    return { thresholds, problems, workflowLine: noLines, ...digest }
  }
  const at = values[0]
  const workflowLine = (name: string) => at.keyLineOf(['workflows'], name)
  if (values.length > 1) {
    problems.push({
      file,
      line: values[1].line,
      message: 'a thresholds file holds one YAML document',
      severity: 'error'
    })
    return { problems, workflowLine }
  }
  const parsed = thresholdsSchema.safeParse(at.value, READ_ONCE)
  if (!parsed.success) {
    append(problems, issueProblems(parsed.error.issues, at, file, 'a thresholds file'))
    return { problems, workflowLine }
  }
  if (!parsed.data.tiers)
    problems.push({
      file,
      line: at.line,
      message: 'no "tiers": every tier is reported, none is gated',
      severity: 'warning'
    })
  return { thresholds: resolveThresholds(parsed.data, thresholds), problems, workflowLine, ...digest }
}

/** The one function that resolves thresholds.yml: the gate rules' shorthands expanded, the rest as read. */
function resolveThresholds(data: ThresholdsFile, defaults: Thresholds): Thresholds {
  const workflows: Record<string, Partial<GateRules>> = {}
  for (const [name, rules] of Object.entries(data.workflows ?? {})) {
    const partial: Partial<GateRules> = {}
    if (rules.tiers) partial.tiers = toTierRules(rules.tiers)
    if (rules.baseline?.max_drop !== undefined) partial.max_drop = toMaxDrop(rules.baseline.max_drop)
    workflows[name] = {
      ...partial,
      ...decisionRules(rules.decision, rules.baseline),
      ...economicsRules(rules.budgets?.max_cost_per_success_usd, rules.economics)
    }
  }
  const phases: Thresholds['phases'] = {}
  for (const phase of PHASES) {
    const tiers = data.phases?.[phase]?.tiers
    if (tiers) phases[phase] = { tiers: toTierRules(tiers) }
  }
  // The cost per success limit is a gate rule, kept with the others (report.json `gate`), not a budget of the run.
  const { max_cost_per_success_usd: costLimit, ...budgets } = data.budgets ?? { ...defaults.budgets }
  return {
    ...defaults,
    ...(Object.keys(phases).length > 0 ? { phases } : {}),
    rules: {
      tiers: data.tiers ? toTierRules(data.tiers) : {},
      max_drop: data.baseline?.max_drop !== undefined ? toMaxDrop(data.baseline.max_drop) : {},
      ...decisionRules(data.decision, data.baseline),
      ...economicsRules(costLimit, data.economics)
    },
    workflows,
    budgets,
    pricing: data.pricing ?? {},
    override: data.override ?? defaults.override
  }
}

function toTierRules(tiers: TierRulesFile): GateRules['tiers'] {
  const rules: GateRules['tiers'] = {}
  for (const tier of TIERS) {
    const rule = tiers[tier]
    if (rule !== undefined) rules[tier] = typeof rule === 'number' ? { min_success: rule } : rule
  }
  return rules
}

/** The `decision` defaults and `baseline.block_high_risk_regressions`, each only when set. */
function decisionRules(
  decision: DecisionFile | undefined,
  baseline: BaselineFile | undefined
): Pick<GateRules, 'decision' | 'block_high_risk_regressions'> {
  return definedOnly({ decision, block_high_risk_regressions: baseline?.block_high_risk_regressions })
}

/** `budgets.max_cost_per_success_usd` per tier and `economics`, each only when set. */
function economicsRules(
  costLimit: CostLimitFile | undefined,
  economics: EconomicsFile | undefined
): Pick<GateRules, 'max_cost_per_success_usd' | 'economics'> {
  return definedOnly({
    max_cost_per_success_usd: costLimit === undefined ? undefined : perTier(costLimit),
    economics
  })
}

function toMaxDrop(maxDrop: MaxDropFile): GateRules['max_drop'] {
  return perTier(maxDrop)
}

/** One number for every tier, or a map of some tiers. */
function perTier(value: number | Partial<Record<Tier, number>>): Partial<Record<Tier, number>> {
  const values: Partial<Record<Tier, number>> = {}
  for (const tier of TIERS) {
    const v = typeof value === 'number' ? value : value[tier]
    if (v !== undefined) values[tier] = v
  }
  return values
}
