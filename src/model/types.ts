// The validated model every stage after loading works on. Loading turns files into these
// types (src/load); nothing downstream reads a user file again.

export { MATCH_MODES, RISKS, TIERS, type MatchMode, type Risk, type SourceRef, type Tier } from './vocabulary.js'
import type { MatchMode, Risk, SourceRef, Tier } from './vocabulary.js'
export type {
  AgentSettings,
  DataGovernance,
  EndpointConfig,
  JudgeConfig,
  RedactRule,
  ToolPermission,
  ToolSchema,
  Workflow
} from './workflow.js'
import type { AgentSettings, DataGovernance, ToolPermission, Workflow } from './workflow.js'
export type { JudgeVerdict } from './judge-verdict.js'

export interface ExpectedAction {
  tool: string
  args?: Record<string, unknown>
}

export interface Expected {
  label?: string
  result?: Record<string, unknown>
  actions?: ExpectedAction[]
  actions_match: MatchMode
  forbidden_actions?: string[]
  escalate?: boolean
  judge?: string
}

/** A fixture: a plain value, or a list of `{ when, return }` cases (first match wins). */
export type Fixture =
  { kind: 'value'; value: unknown } | { kind: 'cases'; cases: { when: Record<string, unknown>; return: unknown }[] }

export interface GoldenTask {
  id: string
  workflow: string
  tier: Tier
  risk: Risk
  tags: string[]
  description?: string
  input: unknown
  fixtures: Record<string, Fixture>
  expected: Expected
  /** Overrides the workflow's `reports_actions` for this task. */
  reports_actions?: boolean
  source: SourceRef
}

export type { DecisionSettings, GateRules, PassKRule, TierRule } from './gate-rules-schema.js'
import type { GateRules, PassKRule } from './gate-rules-schema.js'

export interface Budgets {
  max_model_calls_per_task: number
  /** Tool calls one attempt may make; past it the sandbox answers 429 and the task fails. */
  max_tool_calls_per_task: number
  max_retries: number
  max_context_tokens?: number
  task_timeout_s: number
  max_cost_usd?: number
  max_error_rate: number
}

export interface ModelPrice {
  input_per_mtok: number
  output_per_mtok: number
}

export interface OverrideRules {
  approvers: string[]
  min_permission: 'write' | 'maintain' | 'admin'
  allow_author: boolean
}

export interface Thresholds {
  source?: SourceRef
  rules: GateRules
  workflows: Record<string, Partial<GateRules>>
  budgets: Budgets
  pricing: Record<string, ModelPrice>
  override: OverrideRules
}

/** The agent's answer to one task (the protocol of PRODUCT.md section 1). */
export interface AgentAnswer {
  label?: string
  result?: unknown
  escalated?: boolean
  message?: string
  plan?: unknown
  actions?: { tool: string; args?: Record<string, unknown> }[]
}

export interface ToolCallRecord {
  seq: number
  tool: string
  args: unknown
  result: unknown
  latency_ms: number
  error?: string
  /** False when the permission matrix forbade this call (a guardrail violation). */
  allowed: boolean
  /** True for an action proposed through `request_approval` rather than executed. */
  proposed?: boolean
  /** Tool calls the agent reported in its answer's `actions` rather than made through the endpoint. */
  reported?: boolean
}

export interface ModelCallRecord {
  model: string
  purpose: 'agent' | 'judge'
  input_tokens: number
  output_tokens: number
  latency_ms: number
  cost_usd: number | null
  cached?: boolean
  error?: string
  /** Retries the call needed (429, 5xx, connection errors), when it needed any. */
  retries?: number
}

export interface GuardrailCheck {
  check: string
  ok: boolean
  detail?: string
}

export type TaskStatus = 'pass' | 'fail' | 'error'

/** What running one attempt of a task produced, before grading. */
export interface AgentRun {
  answer?: AgentAnswer
  /** Infrastructure failure: unreachable, timeout, budget. Makes the task `error`. */
  infra_error?: string
  /** The agent misbehaved: non-JSON answer, non-zero exit. Makes the task `fail`. */
  agent_error?: string
  /** A cause category for failure grouping, e.g. 'budget_exhausted'. */
  error_kind?: string
  stderr?: string
  raw_output?: string
  tool_calls: ToolCallRecord[]
  model_calls: ModelCallRecord[]
  duration_ms: number
}

export interface ExpectationResult {
  expectation: string
  ok: boolean
  reason?: string
}

export interface GradedAttempt {
  status: TaskStatus
  reasons: string[]
  /** Short cause categories of the failure, e.g. 'wrong_label', 'forbidden_action'. */
  causes: string[]
  expectations: ExpectationResult[]
  guardrails: GuardrailCheck[]
  /** The answer's `actions`, and whether they counted as actions taken (`reports_actions`). */
  claimed_actions?: { actions: { tool: string; args?: unknown }[]; counted: boolean }
}

export interface TokenCounts {
  input: number
  output: number
}

/** One task's line in report.json. */
export interface TaskResult {
  id: string
  workflow: string
  tier: Tier
  risk: Risk
  tags: string[]
  status: TaskStatus | 'not_run'
  reasons: string[]
  causes: string[]
  /** Attempts run, passed and errored (errored: absent in reports written before it was counted). */
  attempts: { total: number; passed: number; errored?: number }
  /** Mixed outcomes across its attempts. */
  flaky?: boolean
  duration_ms: number
  model_calls: number
  tokens: TokenCounts
  cost_usd: number | null
  tool_calls: number
  escalated?: boolean
}

export interface TierSummary {
  workflow: string
  tier: Tier
  total: number
  passed: number
  failed: number
  errored: number
  not_run: number
  success_rate: number
  ci_low: number
  ci_high: number
  threshold: number | null
  min_tasks: number | null
  gated: boolean
  ok: boolean
  /** Share of all the tier's attempts that passed (success_rate is the mean of each task's pass rate). */
  attempt_success_rate: number
  baseline_rate?: number | null
  max_drop?: number | null
  cost_usd: number | null
  cost_per_success_usd?: number | null
  /** How ci_low and ci_high were computed, e.g. "Wilson over 60 tasks, 1 attempt". */
  ci_method?: string
  /** Two-sided coverage of ci_low..ci_high: the tier's confidence. */
  ci_level?: number
  /** Attempts the tier's tasks ran. */
  attempts?: TierAttempts
  /** Tasks with mixed outcomes. */
  flaky?: number
  /** tau-bench's pass^k: the chance that k attempts of a task all pass, averaged over the tier. */
  pass_k?: { k: number; rate: number; required?: PassKRule }
  /** How the rate was decided (gated tiers). */
  decision?: TierDecision
  /** The per-task comparison with the baseline (with a baseline). */
  paired?: PairedComparison
  /** Set when the tier cannot separate its threshold from its margin even at max_attempts. */
  too_small?: string
}

export interface TierAttempts {
  total: number
  passed: number
  errored: number
  /** Mean attempts per task. */
  per_task: number
  min: number
  max: number
}

export interface TierDecision {
  confidence: number
  margin: number
  max_attempts: number
  /** The looks the confidence is spread over (Bonferroni): max_attempts, or 1 with a fixed --repeat. */
  looks: number
  /** The bounds compared with threshold − margin and threshold + margin, each one-sided at (1 − confidence)/looks. */
  low: number
  high: number
  /**
   * What those bounds said at the last look: `pass` (clearly not below threshold − margin), `fail`
   * (clearly not above threshold + margin), `inside_margin` (both: decided by the estimate), or
   * `undecided` (neither, when attempts ran out: decided by the estimate).
   */
  outcome: 'pass' | 'fail' | 'inside_margin' | 'undecided'
  /** False when the tier was still undecided when its attempts ran out. */
  decided: boolean
  /** e.g. "undecided after 5 attempts: 92.4% vs 92%". */
  note?: string
}

export interface PairedComparison {
  /** Tasks in both this run and the baseline. */
  common: number
  /** Mean over the common tasks of (baseline pass rate − pass rate now). */
  drop: number
  /** Passed every baseline attempt, failed every attempt now. */
  regressed: number
  /** Failed every baseline attempt, pass every attempt now. */
  fixed: number
  /** Mixed outcomes on either side. */
  flaky: number
  /** Exact one-sided McNemar test of regressed against fixed. */
  p_value: number
  /** p_value < 1 − confidence. */
  significant: boolean
  /**
   * High-risk tasks that regressed with at least 2 attempts now: each fails the gate (empty when
   * baseline.block_high_risk_regressions is false).
   */
  high_risk_regressions: string[]
}

export type Decision = 'pass' | 'fail' | 'error'

/** How many attempts the run spent, and why it stopped. */
export interface RunAttempts {
  /** `adaptive`: more attempts only where a tier was undecided; `fixed`: --repeat K. */
  mode: 'adaptive' | 'fixed'
  /** Rounds run (in a merge: the most any shard ran). */
  rounds: number
  total: number
  /** Attempts beyond each task's first. */
  extra: number
  /** The cost of those extra attempts; null when some cost is unknown. */
  extra_cost_usd: number | null
  /** Set when max_cost_usd stopped attempts: the tiers were decided on what ran. */
  stopped_by?: string
}

/** Tasks that did not pass, grouped by one cause; a task with several causes is in several groups. */
export interface FailureMode {
  cause: string
  /** The cause in plain words, e.g. "wrong label". */
  label: string
  count: number
  /** Task names (`workflow/id` when the report has several workflows), most important first. */
  tasks: string[]
}

/** What report.json keeps of a manifest: what a reviewer of the report needs to see. */
export interface WorkflowInfo {
  name: string
  description?: string
  file: string
  tasks: number
  agent?: { type: AgentSettings['type']; model?: string }
  inputs?: Workflow['inputs']
  outcomes?: Workflow['outcomes']
  out_of_scope?: string[]
  permissions?: Record<string, ToolPermission>
  data_governance?: Omit<DataGovernance, 'redact'> & { redact: string[] }
}

export interface Report {
  version: 1
  decision: Decision
  reasons: string[]
  commit?: string
  created_at: string
  /** The fixed attempts per task of `--repeat K`; absent when attempts were adaptive. */
  repeat?: number
  attempts: RunAttempts
  /** Tasks with mixed outcomes, most important first (`workflow/id` when the report has several workflows). */
  flaky_tasks: string[]
  shard?: { index: number; count: number; set_hash: string; set_size: number }
  workflows: WorkflowInfo[]
  tiers: TierSummary[]
  tasks: TaskResult[]
  /** Largest group first; absent in reports written before evalgate grouped failures. */
  failure_modes?: FailureMode[]
  baseline?: {
    file: string
    /** Passed every attempt on the baseline, fail every attempt now. */
    regressions: string[]
    /** Failed every attempt on the baseline, pass every attempt now. */
    fixed: string[]
    /** In both, with mixed outcomes on either side. */
    flaky?: string[]
    /** Regressions of high-risk tasks with at least 2 attempts now: they fail the gate unless turned off. */
    high_risk_regressions?: string[]
    tiers: { workflow: string; tier: Tier; success_rate: number }[]
    /** Tiers of this run the baseline has no result for: nothing is compared there (a warning). */
    missing_tiers?: { workflow: string; tier: Tier }[]
    /** The baseline's task statuses, kept so that `merge` can compare without the file. */
    statuses?: Record<string, string>
    /** The baseline's attempts per task (`workflow/id`), for the same reason. */
    attempts?: Record<string, { total: number; passed: number }>
  }
  totals: {
    tasks: number
    passed: number
    failed: number
    errored: number
    not_run: number
    error_rate: number
    duration_ms: number
    model_calls: number
    tool_calls: number
    tokens: TokenCounts
    cost_usd: number | null
    cost_per_success_usd: number | null
    cost_unknown_models?: string[]
  }
  /** The resolved gate rules, so that `merge` can decide without the thresholds file. */
  gate: { rules: GateRules; workflows: Record<string, Partial<GateRules>>; max_error_rate: number }
  /** What the pull request changed about its own gate; present whenever the run had a base commit. */
  gate_changes?: GateChanges
}

/** One gate rule that differs between the base and the pull request. */
export interface ThresholdChange {
  /** e.g. `tiers.T1.min_success`, `workflows.refund_request_v2.tiers.T2.min_success`, `override.approvers`. */
  rule: string
  base: number | string | null
  pr: number | string | null
  applied: 'base' | 'pr'
  /** The rule that applies when it is neither side's value (e.g. the approvers both list). */
  effective?: number | string | null
}

export interface TaskRef {
  workflow: string
  id: string
}

export interface ChangedTask extends TaskRef {
  /** Which of input, fixtures, expected, tier, risk differ. */
  fields: string[]
  /** Short lines such as `expected.label: "refund_denied" -> "refund_approved"`. */
  diff: string[]
  /** The PR's form of the task, run beside the counted base form (absent in a shard that did not run it). */
  pr_form?: { status: string; reasons: string[] }
}

/** What a pull request changed about the rules and golden tasks it is judged by (judged as on its base). */
export interface GateChanges {
  base: { sha: string; via: string }
  /** The base has no thresholds file (the PR that adds evalgate): the PR's rules apply. */
  first_run?: boolean
  thresholds: ThresholdChange[]
  tasks: {
    added: TaskRef[]
    /** Still run, in their base form, and counted. */
    removed: TaskRef[]
    /** Counted in their base form; the PR form runs beside. */
    changed: ChangedTask[]
  }
  workflows: { renamed: { from: string; to: string }[]; added: string[]; removed: string[] }
  permissions: { workflow: string; tool: string; change: string }[]
  endpoints: { workflow: string; field: string; note: string }[]
  notes: string[]
}
