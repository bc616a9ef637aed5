// report.json (PRODUCT.md section 3): the record every other output is made from. Its types are
// derived from these schemas, which also read reports back (shards to merge, baselines,
// scorecards). Unknown extra keys are kept through a read, so that a newer field survives a
// merge; what merge recomputes from must be exact.
import * as z from 'zod'
import { TASK_STATUSES } from './attempt.js'
import { gateRulesSchema, passKRuleSchema } from './gate-rules-schema.js'
import { retentionSchema, storedSchema, subprocessorSchema } from './governance.js'
import { incidentResultSchema } from './incident.js'
import { kept } from './schema-common.js'
import { versionsSchema } from './versions.js'
import { FALLBACKS, PHASES, RISKS, TIERS } from './vocabulary.js'
import { dataGovernanceSchema, identitySchema, toolPermissionSchema } from './workflow.js'

const tier = z.enum(TIERS)
const count = z.number().int().nonnegative()
const rate = z.number().min(0).max(1)

const DECISIONS = ['pass', 'fail', 'error'] as const
export type Decision = (typeof DECISIONS)[number]

const tokenCountsSchema = z.object({ input: count, output: count })
export type TokenCounts = z.output<typeof tokenCountsSchema>

/** One task's line in report.json. */
const taskResultSchema = kept({
  id: z.string().min(1),
  workflow: z.string().min(1),
  tier,
  risk: z.enum(RISKS),
  tags: z.array(z.string()).default(() => []),
  status: z.enum([...TASK_STATUSES, 'not_run']),
  reasons: z.array(z.string()).default(() => []),
  causes: z.array(z.string()).default(() => []),
  /** Attempts run, passed and errored (errored: absent in reports written before it was counted). */
  attempts: z.object({ total: count, passed: count, errored: count.optional() }),
  /** Mixed outcomes across its attempts. */
  flaky: z.boolean().optional(),
  duration_ms: z.number().nonnegative(),
  model_calls: count,
  tokens: tokenCountsSchema,
  cost_usd: z.number().nonnegative().nullable(),
  /**
   * What its cached model responses would have cost at their prices (not spent, so not in
   * cost_usd; counted in cost per success); null when a cached model has no price.
   */
  cached_cost_usd: z.number().nonnegative().nullable().optional(),
  tool_calls: count,
  escalated: z.boolean().optional(),
  /** The answer's fallback (the last attempt's). */
  fallback: z.enum(FALLBACKS).optional(),
  /** The tool faults its fixtures made (`faultLabel`), each once, over all its attempts. */
  tool_faults: z.array(z.string()).optional()
})
export type TaskResult = z.output<typeof taskResultSchema>

const tierAttemptsSchema = kept({
  total: z.number(),
  passed: z.number(),
  errored: z.number(),
  /** Mean attempts per task. */
  per_task: z.number(),
  min: z.number(),
  max: z.number()
})
export type TierAttempts = z.output<typeof tierAttemptsSchema>

const tierDecisionSchema = kept({
  confidence: z.number(),
  margin: z.number(),
  max_attempts: z.number(),
  /** The looks the confidence is spread over (Bonferroni): max_attempts, or 1 with a fixed --repeat. */
  looks: z.number(),
  /** The bounds compared with threshold − margin and threshold + margin, each one-sided at (1 − confidence)/looks. */
  low: z.number(),
  high: z.number(),
  /**
   * What those bounds said at the last look: `pass` (clearly not below threshold − margin), `fail`
   * (clearly not above threshold + margin), `inside_margin` (both: decided by the estimate), or
   * `undecided` (neither, when attempts ran out: decided by the estimate).
   */
  outcome: z.enum(['pass', 'fail', 'inside_margin', 'undecided']),
  /** False when the tier was still undecided when its attempts ran out. */
  decided: z.boolean(),
  /** e.g. "undecided after 5 attempts: 92.4% vs 92%". */
  note: z.string().optional()
})
export type TierDecision = z.output<typeof tierDecisionSchema>

const pairedComparisonSchema = kept({
  /** Tasks in both this run and the baseline. */
  common: z.number(),
  /** Mean over the common tasks of (baseline pass rate − pass rate now). */
  drop: z.number(),
  /** Passed every baseline attempt, failed every attempt now. */
  regressed: z.number(),
  /** Failed every baseline attempt, pass every attempt now. */
  fixed: z.number(),
  /** Mixed outcomes on either side. */
  flaky: z.number(),
  /** Exact one-sided McNemar test of regressed against fixed. */
  p_value: z.number(),
  /** p_value < 1 − confidence. */
  significant: z.boolean(),
  /**
   * High-risk tasks that regressed with at least 2 attempts now: each fails the gate (empty when
   * baseline.block_high_risk_regressions is false).
   */
  high_risk_regressions: z.array(z.string())
})
export type PairedComparison = z.output<typeof pairedComparisonSchema>

/** A tier's cost per success against budgets.max_cost_per_success_usd. */
const costLimitSchema = kept({
  max_usd: z.number().nonnegative(),
  /**
   * `ok`; `over` the limit; `nothing_passed`: money spent and no attempt passed; `unknown`: some
   * task's cost is unknown (no price for its model): the rule cannot be decided and the decision is `error`.
   */
  outcome: z.enum(['ok', 'over', 'nothing_passed', 'unknown'])
})
export type CostLimitCheck = z.output<typeof costLimitSchema>

/** A workflow's gross margin (thresholds.yml `economics`), over all its tasks. */
const workflowEconomicsSchema = kept({
  workflow: z.string(),
  /** Its model cost, cached responses at their price (the known part when some is unknown). */
  cost_usd: z.number().nonnegative().nullable(),
  /** Passed attempts. */
  successes: count,
  cost_per_passed_attempt_usd: z.number().nullable(),
  value_per_success_usd: z.number().positive(),
  /** 1 − cost_per_passed_attempt_usd / value_per_success_usd; null when no attempt passed. */
  gross_margin: z.number().nullable(),
  min_gross_margin: rate.nullable(),
  /** For the scorecard: the largest drop from the report before that is not flagged. */
  max_margin_drop: rate,
  /** Tasks whose cost is unknown: with a min_gross_margin the decision is `error`. */
  unpriced: count.optional(),
  /** False when the margin is under min_gross_margin (or money was spent and no attempt passed). */
  ok: z.boolean()
})
export type WorkflowEconomics = z.output<typeof workflowEconomicsSchema>

const tierSummarySchema = kept({
  workflow: z.string(),
  tier,
  total: count,
  passed: count,
  failed: count,
  errored: count,
  not_run: count.default(0),
  success_rate: rate,
  ci_low: rate,
  ci_high: rate,
  threshold: rate.nullable(),
  min_tasks: count.nullable().default(null),
  gated: z.boolean(),
  ok: z.boolean(),
  /** Share of all the tier's attempts that passed (success_rate is the mean of each task's pass rate). */
  attempt_success_rate: rate,
  baseline_rate: rate.nullable().optional(),
  max_drop: rate.nullable().optional(),
  cost_usd: z.number().nullable(),
  cost_per_success_usd: z.number().nullable().optional(),
  /**
   * The model cost (cached responses at their price) over the passed attempts: what
   * budgets.max_cost_per_success_usd and economics judge; present where one of them applies.
   */
  cost_per_passed_attempt_usd: z.number().nullable().optional(),
  /** budgets.max_cost_per_success_usd, where a limit applies to the tier. */
  cost_limit: costLimitSchema.optional(),
  /** 1 − cost_per_passed_attempt_usd / its workflow's economics.value_per_success_usd (where one is set); null when no attempt passed. */
  gross_margin: z.number().nullable().optional(),
  /** How ci_low and ci_high were computed, e.g. "Wilson over 60 tasks, 1 attempt". */
  ci_method: z.string().optional(),
  /** Two-sided coverage of ci_low..ci_high: the tier's confidence. */
  ci_level: z.number().optional(),
  /** Attempts the tier's tasks ran. */
  attempts: tierAttemptsSchema.optional(),
  /** Tasks with mixed outcomes. */
  flaky: z.number().optional(),
  /** tau-bench's pass^k: the chance that k attempts of a task all pass, averaged over the tier. */
  pass_k: kept({ k: z.number(), rate: z.number(), required: passKRuleSchema.optional() }).optional(),
  /** The per-task comparison with the baseline (with a baseline). */
  paired: pairedComparisonSchema.optional(),
  /** How the rate was decided (gated tiers). */
  decision: tierDecisionSchema.optional(),
  /** Set when the tier cannot separate its threshold from its margin even at max_attempts. */
  too_small: z.string().optional()
})
export type TierSummary = z.output<typeof tierSummarySchema>

/** How many attempts the run spent, and why it stopped. */
const runAttemptsSchema = kept({
  /** `adaptive`: more attempts only where a tier was undecided; `fixed`: --repeat K. */
  mode: z.enum(['adaptive', 'fixed']),
  /** Rounds run (in a merge: the most any shard ran). */
  rounds: count,
  total: count,
  /** Attempts beyond each task's first. */
  extra: count,
  /** The cost of those extra attempts; null when some cost is unknown. */
  extra_cost_usd: z.number().nonnegative().nullable(),
  /** Set when max_cost_usd stopped attempts: the tiers were decided on what ran. */
  stopped_by: z.string().optional()
})
export type RunAttempts = z.output<typeof runAttemptsSchema>

/** Tasks that did not pass, grouped by one cause; a task with several causes is in several groups. */
const failureModeSchema = kept({
  cause: z.string(),
  /** The cause in plain words, e.g. "wrong label". */
  label: z.string(),
  count,
  /** Task names (`workflow/id` when the report has several workflows), most important first. */
  tasks: z.array(z.string())
})
export type FailureMode = z.output<typeof failureModeSchema>

/** What report.json keeps of a manifest: what a reviewer of the report needs to see. */
const workflowInfoSchema = kept({
  name: z.string(),
  description: z.string().optional(),
  file: z.string(),
  tasks: count,
  agent: kept({ type: z.string(), model: z.string().optional() }).optional(),
  inputs: kept({ sources: z.array(z.string()), required: z.array(z.string()) }).optional(),
  outcomes: kept({ success: z.string().optional(), failure: z.string().optional() }).optional(),
  out_of_scope: z.array(z.string()).optional(),
  permissions: z.record(z.string(), kept(toolPermissionSchema.shape)).optional(),
  /** The rollout phase it was judged at (absent in reports written before phases: autonomous). */
  phase: z.enum(PHASES).optional(),
  /** The manifest's own phase, when `--phase` judged the run at another. */
  declared_phase: z.enum(PHASES).optional(),
  identity: kept(identitySchema.shape).optional(),
  data_governance: kept({
    ...dataGovernanceSchema.shape,
    subprocessors: z.array(kept(subprocessorSchema.shape)).optional(),
    stored: z.array(kept(storedSchema.shape)).optional(),
    retention: kept(retentionSchema.shape).optional(),
    /** The names of the redaction rules. */
    redact: z.array(z.string())
  }).optional(),
  /** workflow.yml `runbook`, as problems name it (its sections were checked at load). */
  runbook: z.string().optional()
})
export type WorkflowInfo = z.output<typeof workflowInfoSchema>

const baselineTierSchema = z.object({ workflow: z.string(), tier, success_rate: rate })
const attemptCountsSchema = z.object({ total: count, passed: count })

const ruleValue = z.union([z.number(), z.string()]).nullable()

/** One gate rule that differs between the base and the pull request. */
const thresholdChangeSchema = kept({
  /** e.g. `tiers.T1.min_success`, `workflows.refund_request_v2.tiers.T2.min_success`, `override.approvers`. */
  rule: z.string(),
  base: ruleValue,
  pr: ruleValue,
  applied: z.enum(['base', 'pr']),
  /** The rule that applies when it is neither side's value (e.g. the approvers both list). */
  effective: ruleValue.optional()
})
export type ThresholdChange = z.output<typeof thresholdChangeSchema>

const taskRefSchema = kept({ workflow: z.string(), id: z.string() })
export type TaskRef = z.output<typeof taskRefSchema>

const changedTaskSchema = taskRefSchema.extend({
  /** Which of input, fixtures, expected, tier, risk differ. */
  fields: z.array(z.string()),
  /** Short lines such as `expected.label: "refund_denied" -> "refund_approved"`. */
  diff: z.array(z.string()),
  /** The PR's form of the task, run beside the counted base form (absent in a shard that did not run it). */
  pr_form: kept({ status: z.string(), reasons: z.array(z.string()) }).optional()
})
export type ChangedTask = z.output<typeof changedTaskSchema>

/** What a pull request changed about the rules and golden tasks it is judged by (judged as on its base). */
const gateChangesSchema = kept({
  base: kept({ sha: z.string().min(1), via: z.string() }),
  /** The base has no thresholds file (the PR that adds evalgate): the PR's rules apply. */
  first_run: z.boolean().optional(),
  thresholds: z.array(thresholdChangeSchema),
  tasks: kept({
    added: z.array(taskRefSchema),
    /** Still run, in their base form, and counted. */
    removed: z.array(taskRefSchema),
    /** Counted in their base form; the PR form runs beside. */
    changed: z.array(changedTaskSchema)
  }),
  workflows: kept({
    renamed: z.array(kept({ from: z.string(), to: z.string() })),
    added: z.array(z.string()),
    removed: z.array(z.string())
  }),
  permissions: z.array(kept({ workflow: z.string(), tool: z.string(), change: z.string() })),
  endpoints: z.array(kept({ workflow: z.string(), field: z.string(), note: z.string() })),
  notes: z.array(z.string())
})
export type GateChanges = z.output<typeof gateChangesSchema>

/** The kill-switch drill (workflow.yml `kill_switch`): its tasks ran once each with the switch on, apart from the tiers. */
const drillSchema = kept({
  tasks: count,
  passed: count,
  /** Every drill task, in the order of the sample. */
  ran: z.array(taskRefSchema),
  failures: z.array(
    kept({ workflow: z.string(), task_id: z.string(), status: z.enum(['fail', 'error']), reason: z.string() })
  )
})
export type DrillReport = z.output<typeof drillSchema>

/** The readiness checklist's statuses, best first. */
export const READINESS_STATUSES = ['met', 'partial', 'missing'] as const
export type ReadinessStatus = (typeof READINESS_STATUSES)[number]

/** One section of the readiness kit, scored from the manifests, tasks, thresholds and the run (src/readiness). */
const readinessSectionSchema = kept({
  /** e.g. `data_governance`. */
  id: z.string().min(1),
  /** Its number in the kit: 1 to 10 (`§3`). */
  number: z.number().int().positive(),
  /** e.g. `data governance`. */
  title: z.string().min(1),
  status: z.enum(READINESS_STATUSES),
  /** What evidences it, one fact a line. */
  evidence: z.array(z.string()),
  /** What the kit still asks for, one item a line (empty when met). */
  missing: z.array(z.string())
})
export type ReadinessSection = z.output<typeof readinessSectionSchema>

/** The kit's ten sections in order, and how many are met, partial and missing. */
const readinessSchema = kept({ sections: z.array(readinessSectionSchema), met: count, partial: count, missing: count })
export type Readiness = z.output<typeof readinessSchema>

export const reportSchema = kept({
  version: z.literal(1),
  decision: z.enum(DECISIONS),
  reasons: z.array(z.string()),
  commit: z.string().optional(),
  created_at: z.string(),
  /** The fixed attempts per task of `--repeat K`; absent when attempts were adaptive. */
  repeat: z.number().int().positive().optional(),
  attempts: runAttemptsSchema,
  /** Tasks with mixed outcomes, most important first (`workflow/id` when the report has several workflows). */
  flaky_tasks: z.array(z.string()),
  shard: z
    .object({ index: count, count: z.number().int().positive(), set_hash: z.string().min(1), set_size: count })
    .optional(),
  workflows: z.array(workflowInfoSchema),
  tiers: z.array(tierSummarySchema),
  tasks: z.array(taskResultSchema),
  /** Largest group first; absent in reports written before evalgate grouped failures. */
  failure_modes: z.array(failureModeSchema).optional(),
  baseline: kept({
    file: z.string(),
    /** Passed every attempt on the baseline, fail every attempt now. */
    regressions: z.array(z.string()),
    /** Failed every attempt on the baseline, pass every attempt now. */
    fixed: z.array(z.string()),
    tiers: z.array(baselineTierSchema),
    /** Tiers of this run the baseline has no result for: nothing is compared there (a warning). */
    missing_tiers: z.array(z.object({ workflow: z.string(), tier })).optional(),
    /** The baseline's task statuses, kept so that `merge` can compare without the file. */
    statuses: z.record(z.string(), z.string()).optional(),
    /** In both, with mixed outcomes on either side. */
    flaky: z.array(z.string()).optional(),
    /** Regressions of high-risk tasks with at least 2 attempts now: they fail the gate unless turned off. */
    high_risk_regressions: z.array(z.string()).optional(),
    /** The baseline's attempts per task (`workflow/id`), for the same reason. */
    attempts: z.record(z.string(), attemptCountsSchema).optional()
  }).optional(),
  totals: kept({
    tasks: count,
    passed: count,
    failed: count,
    errored: count,
    not_run: count.default(0),
    error_rate: rate,
    duration_ms: z.number().nonnegative(),
    model_calls: count,
    tool_calls: count,
    tokens: tokenCountsSchema,
    cost_usd: z.number().nullable(),
    cost_per_success_usd: z.number().nullable(),
    cost_unknown_models: z.array(z.string()).optional(),
    /** As the tiers': present where a cost limit or economics applies. */
    cost_per_passed_attempt_usd: z.number().nullable().optional(),
    /** 1 − the run's model cost / the value of its successes, when every workflow sets economics.value_per_success_usd. */
    gross_margin: z.number().nullable().optional()
  }),
  /** Per workflow with economics.value_per_success_usd: its gross margin and the rule it was judged by. */
  economics: z.array(workflowEconomicsSchema).optional(),
  /** The resolved gate rules, so that `merge` can decide without the thresholds file. */
  gate: z.object({
    rules: gateRulesSchema,
    workflows: z.record(z.string(), gateRulesSchema.partial()),
    max_error_rate: rate
  }),
  /** What the pull request changed about its own gate; present whenever the run had a base commit. */
  gate_changes: gateChangesSchema.optional(),
  /** Present when a workflow declares a kill switch. */
  drill: drillSchema.optional(),
  /** A content hash of every file that defines each workflow's agent (absent in reports written before issue 14). */
  versions: versionsSchema.optional(),
  /** The workflows' incidents.yml entries, each with whether its tasks pass in this run. */
  incidents: z.array(incidentResultSchema).optional(),
  /** The readiness checklist (absent in reports written before it). */
  readiness: readinessSchema.optional()
})
export type Report = z.output<typeof reportSchema>

/** A report.json as read: one written before issue 9 has no `attempts` and no `flaky_tasks`. */
export const reportFileSchema = reportSchema.extend({
  attempts: runAttemptsSchema.optional(),
  flaky_tasks: z.array(z.string()).optional()
})

/**
 * What a baseline needs of a report, and no more: a baseline written by another evalgate
 * version still reads as long as these fields are there.
 */
export const baselineReportSchema = z.object({
  version: z.literal(1),
  shard: z.object({ index: z.number(), count: z.number() }).optional(),
  tiers: z.array(baselineTierSchema),
  tasks: z.array(
    z.object({ id: z.string(), workflow: z.string(), status: z.string(), attempts: attemptCountsSchema.optional() })
  ),
  /** Unreadable versions (another evalgate's) count as none: the files are then "unknown", never "unchanged". */
  versions: versionsSchema.optional().catch(undefined)
})
export type BaselineReport = z.output<typeof baselineReportSchema>
