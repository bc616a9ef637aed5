import { createRequire as __evalgateCreateRequire } from 'node:module'; const require = __evalgateCreateRequire(import.meta.url);
import {
  DEFAULT_MAX_MARGIN_DROP,
  formatUsd,
  gateRulesSchema,
  incidentResultSchema,
  normalQuantile,
  passKRuleSchema,
  percent,
  plural,
  thresholdPercent,
  usdLimit
} from "./chunk-WWFOR4K3.js";
import {
  TASK_STATUSES
} from "./chunk-LCFPQPNL.js";
import {
  FALLBACKS,
  PHASES,
  RISKS,
  TIERS,
  dataGovernanceSchema,
  identitySchema,
  kept,
  retentionSchema,
  storedSchema,
  subprocessorSchema,
  toolPermissionSchema
} from "./chunk-7LLJMACG.js";
import {
  _enum,
  array,
  boolean,
  literal,
  number,
  object,
  record,
  string,
  union
} from "./chunk-WE7CPBA2.js";

// src/gate/readiness.ts
var READINESS_MODES = ["report", "strict"];
function sectionName(section) {
  return `\xA7${section.number} ${section.title}`;
}
function readinessCounts(readiness) {
  return `${readiness.met} met, ${readiness.partial} partial, ${readiness.missing} missing`;
}
function withReadiness(decided, readiness) {
  const missing = readiness.sections.filter((s) => s.status === "missing");
  if (missing.length === 0) return decided;
  const lines = missing.map((s) => `readiness: ${sectionName(s)} missing \u2014 ${s.missing.join("; ")}`);
  return { ...decided, decision: "fail", reasons: [...lines, ...decided.reasons] };
}

// src/gate/task-attempts.ts
function passRate(attempts) {
  return attempts.total > 0 ? attempts.passed / attempts.total : 0;
}
function isFlaky(attempts) {
  return attempts.passed > 0 && attempts.passed < attempts.total;
}
function erroredAttempts(task) {
  return task.attempts.errored ?? (task.status === "error" ? task.attempts.total - task.attempts.passed : 0);
}
function taskKey(task) {
  return `${task.workflow}/${task.id}`;
}
function attemptsReason(attempts) {
  return `passed ${attempts.passed} of ${attempts.total} attempts`;
}
function attemptPrefix(index, total) {
  return `attempt ${index + 1}/${total}: `;
}
function ownReasons(task) {
  const { total } = task.attempts;
  if (total <= 1) return task.reasons;
  const prefix = new RegExp(`^attempt \\d+/${total}: `);
  return task.reasons.filter((r) => r !== attemptsReason(task.attempts)).map((r) => r.replace(prefix, ""));
}

// src/model/versions.ts
var VERSIONED_KINDS = ["prompt", "policy", "tools", "manifest", "thresholds", "agent_code"];
var BUMP_KINDS = ["prompt", "policy", "tools"];
var versionedFileSchema = kept({
  /** Relative to the repository root, `/`-separated. */
  path: string().min(1),
  kind: _enum(VERSIONED_KINDS),
  /** SHA-256 of the file's bytes as loaded, 64 hex digits. */
  sha256: string().regex(/^[0-9a-f]{64}$/)
});
var FILE_CHANGES = ["changed", "unchanged", "added", "removed"];
var fileChangeSchema = kept({ path: string(), kind: _enum(VERSIONED_KINDS), change: _enum(FILE_CHANGES) });
var againstBaselineSchema = kept({
  /** False when the baseline records no versions of this workflow: nothing is known to be changed or unchanged. */
  known: boolean(),
  /** Why not known, e.g. "the baseline report records no versions (written before evalgate recorded them)". */
  note: string().optional(),
  /** The baseline's workflow.yml `version`. */
  version: string().optional(),
  files: array(fileChangeSchema)
});
var workflowVersionsSchema = kept({
  workflow: string(),
  /** workflow.yml `version`. */
  version: string().optional(),
  /** workflow.yml `versioning.require_bump` as the gate applied it (on a PR: set when the base or the PR sets it). */
  require_bump: boolean(),
  files: array(versionedFileSchema),
  /** Present when the run had a baseline. */
  against_baseline: againstBaselineSchema.optional()
});
var versionsSchema = kept({
  /** The commit the files were read at, when known (the report's `commit`). */
  commit: string().optional(),
  workflows: array(workflowVersionsSchema)
});

// src/model/report.ts
var tier = _enum(TIERS);
var count = number().int().nonnegative();
var rate = number().min(0).max(1);
var DECISIONS = ["pass", "fail", "error"];
var tokenCountsSchema = object({ input: count, output: count });
var taskResultSchema = kept({
  id: string().min(1),
  workflow: string().min(1),
  tier,
  risk: _enum(RISKS),
  tags: array(string()).default(() => []),
  status: _enum([...TASK_STATUSES, "not_run"]),
  reasons: array(string()).default(() => []),
  causes: array(string()).default(() => []),
  /** Attempts run, passed and errored (errored: absent in reports written before it was counted). */
  attempts: object({ total: count, passed: count, errored: count.optional() }),
  /** Mixed outcomes across its attempts. */
  flaky: boolean().optional(),
  duration_ms: number().nonnegative(),
  model_calls: count,
  tokens: tokenCountsSchema,
  cost_usd: number().nonnegative().nullable(),
  /**
   * What its cached model responses would have cost at their prices (not spent, so not in
   * cost_usd; counted in cost per success); null when a cached model has no price.
   */
  cached_cost_usd: number().nonnegative().nullable().optional(),
  tool_calls: count,
  escalated: boolean().optional(),
  /** The answer's fallback (the last attempt's). */
  fallback: _enum(FALLBACKS).optional(),
  /** The tool faults its fixtures made (`faultLabel`), each once, over all its attempts. */
  tool_faults: array(string()).optional()
});
var tierAttemptsSchema = kept({
  total: number(),
  passed: number(),
  errored: number(),
  /** Mean attempts per task. */
  per_task: number(),
  min: number(),
  max: number()
});
var tierDecisionSchema = kept({
  confidence: number(),
  margin: number(),
  max_attempts: number(),
  /** The looks the confidence is spread over (Bonferroni): max_attempts, or 1 with a fixed --repeat. */
  looks: number(),
  /** The bounds compared with threshold − margin and threshold + margin, each one-sided at (1 − confidence)/looks. */
  low: number(),
  high: number(),
  /**
   * What those bounds said at the last look: `pass` (clearly not below threshold − margin), `fail`
   * (clearly not above threshold + margin), `inside_margin` (both: decided by the estimate), or
   * `undecided` (neither, when attempts ran out: decided by the estimate).
   */
  outcome: _enum(["pass", "fail", "inside_margin", "undecided"]),
  /** False when the tier was still undecided when its attempts ran out. */
  decided: boolean(),
  /** e.g. "undecided after 5 attempts: 92.4% vs 92%". */
  note: string().optional()
});
var pairedComparisonSchema = kept({
  /** Tasks in both this run and the baseline. */
  common: number(),
  /** Mean over the common tasks of (baseline pass rate − pass rate now). */
  drop: number(),
  /** Passed every baseline attempt, failed every attempt now. */
  regressed: number(),
  /** Failed every baseline attempt, pass every attempt now. */
  fixed: number(),
  /** Mixed outcomes on either side. */
  flaky: number(),
  /** Exact one-sided McNemar test of regressed against fixed. */
  p_value: number(),
  /** p_value < 1 − confidence. */
  significant: boolean(),
  /**
   * High-risk tasks that regressed with at least 2 attempts now: each fails the gate (empty when
   * baseline.block_high_risk_regressions is false).
   */
  high_risk_regressions: array(string())
});
var costLimitSchema = kept({
  max_usd: number().nonnegative(),
  /**
   * `ok`; `over` the limit; `nothing_passed`: money spent and no attempt passed; `unknown`: some
   * task's cost is unknown (no price for its model): the rule cannot be decided and the decision is `error`.
   */
  outcome: _enum(["ok", "over", "nothing_passed", "unknown"])
});
var workflowEconomicsSchema = kept({
  workflow: string(),
  /** Its model cost, cached responses at their price (the known part when some is unknown). */
  cost_usd: number().nonnegative().nullable(),
  /** Passed attempts. */
  successes: count,
  cost_per_passed_attempt_usd: number().nullable(),
  value_per_success_usd: number().positive(),
  /** 1 − cost_per_passed_attempt_usd / value_per_success_usd; null when no attempt passed. */
  gross_margin: number().nullable(),
  min_gross_margin: rate.nullable(),
  /** For the scorecard: the largest drop from the report before that is not flagged. */
  max_margin_drop: rate,
  /** Tasks whose cost is unknown: with a min_gross_margin the decision is `error`. */
  unpriced: count.optional(),
  /** False when the margin is under min_gross_margin (or money was spent and no attempt passed). */
  ok: boolean()
});
var tierSummarySchema = kept({
  workflow: string(),
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
  gated: boolean(),
  ok: boolean(),
  /** Share of all the tier's attempts that passed (success_rate is the mean of each task's pass rate). */
  attempt_success_rate: rate,
  baseline_rate: rate.nullable().optional(),
  max_drop: rate.nullable().optional(),
  cost_usd: number().nullable(),
  cost_per_success_usd: number().nullable().optional(),
  /**
   * The model cost (cached responses at their price) over the passed attempts: what
   * budgets.max_cost_per_success_usd and economics judge; present where one of them applies.
   */
  cost_per_passed_attempt_usd: number().nullable().optional(),
  /** budgets.max_cost_per_success_usd, where a limit applies to the tier. */
  cost_limit: costLimitSchema.optional(),
  /** 1 − cost_per_passed_attempt_usd / its workflow's economics.value_per_success_usd (where one is set); null when no attempt passed. */
  gross_margin: number().nullable().optional(),
  /** How ci_low and ci_high were computed, e.g. "Wilson over 60 tasks, 1 attempt". */
  ci_method: string().optional(),
  /** Two-sided coverage of ci_low..ci_high: the tier's confidence. */
  ci_level: number().optional(),
  /** Attempts the tier's tasks ran. */
  attempts: tierAttemptsSchema.optional(),
  /** Tasks with mixed outcomes. */
  flaky: number().optional(),
  /** tau-bench's pass^k: the chance that k attempts of a task all pass, averaged over the tier. */
  pass_k: kept({ k: number(), rate: number(), required: passKRuleSchema.optional() }).optional(),
  /** The per-task comparison with the baseline (with a baseline). */
  paired: pairedComparisonSchema.optional(),
  /** How the rate was decided (gated tiers). */
  decision: tierDecisionSchema.optional(),
  /** Set when the tier cannot separate its threshold from its margin even at max_attempts. */
  too_small: string().optional()
});
var runAttemptsSchema = kept({
  /** `adaptive`: more attempts only where a tier was undecided; `fixed`: --repeat K. */
  mode: _enum(["adaptive", "fixed"]),
  /** Rounds run (in a merge: the most any shard ran). */
  rounds: count,
  total: count,
  /** Attempts beyond each task's first. */
  extra: count,
  /** The cost of those extra attempts; null when some cost is unknown. */
  extra_cost_usd: number().nonnegative().nullable(),
  /** Set when max_cost_usd stopped attempts: the tiers were decided on what ran. */
  stopped_by: string().optional()
});
var failureModeSchema = kept({
  cause: string(),
  /** The cause in plain words, e.g. "wrong label". */
  label: string(),
  count,
  /** Task names (`workflow/id` when the report has several workflows), most important first. */
  tasks: array(string())
});
var workflowInfoSchema = kept({
  name: string(),
  description: string().optional(),
  file: string(),
  tasks: count,
  agent: kept({ type: string(), model: string().optional() }).optional(),
  inputs: kept({ sources: array(string()), required: array(string()) }).optional(),
  outcomes: kept({ success: string().optional(), failure: string().optional() }).optional(),
  out_of_scope: array(string()).optional(),
  permissions: record(string(), kept(toolPermissionSchema.shape)).optional(),
  /** The rollout phase it was judged at (absent in reports written before phases: autonomous). */
  phase: _enum(PHASES).optional(),
  /** The manifest's own phase, when `--phase` judged the run at another. */
  declared_phase: _enum(PHASES).optional(),
  identity: kept(identitySchema.shape).optional(),
  data_governance: kept({
    ...dataGovernanceSchema.shape,
    subprocessors: array(kept(subprocessorSchema.shape)).optional(),
    stored: array(kept(storedSchema.shape)).optional(),
    retention: kept(retentionSchema.shape).optional(),
    /** The names of the redaction rules. */
    redact: array(string())
  }).optional(),
  /** workflow.yml `runbook`, as problems name it (its sections were checked at load). */
  runbook: string().optional()
});
var baselineTierSchema = object({ workflow: string(), tier, success_rate: rate });
var attemptCountsSchema = object({ total: count, passed: count });
var ruleValue = union([number(), string()]).nullable();
var thresholdChangeSchema = kept({
  /** e.g. `tiers.T1.min_success`, `workflows.refund_request_v2.tiers.T2.min_success`, `override.approvers`. */
  rule: string(),
  base: ruleValue,
  pr: ruleValue,
  applied: _enum(["base", "pr"]),
  /** The rule that applies when it is neither side's value (e.g. the approvers both list). */
  effective: ruleValue.optional()
});
var taskRefSchema = kept({ workflow: string(), id: string() });
var changedTaskSchema = taskRefSchema.extend({
  /** Which of input, fixtures, expected, tier, risk differ. */
  fields: array(string()),
  /** Short lines such as `expected.label: "refund_denied" -> "refund_approved"`. */
  diff: array(string()),
  /** The PR's form of the task, run beside the counted base form (absent in a shard that did not run it). */
  pr_form: kept({ status: string(), reasons: array(string()) }).optional()
});
var gateChangesSchema = kept({
  base: kept({ sha: string().min(1), via: string() }),
  /** The base has no thresholds file (the PR that adds evalgate): the PR's rules apply. */
  first_run: boolean().optional(),
  thresholds: array(thresholdChangeSchema),
  tasks: kept({
    added: array(taskRefSchema),
    /** Still run, in their base form, and counted. */
    removed: array(taskRefSchema),
    /** Counted in their base form; the PR form runs beside. */
    changed: array(changedTaskSchema)
  }),
  workflows: kept({
    renamed: array(kept({ from: string(), to: string() })),
    added: array(string()),
    removed: array(string())
  }),
  permissions: array(kept({ workflow: string(), tool: string(), change: string() })),
  endpoints: array(kept({ workflow: string(), field: string(), note: string() })),
  notes: array(string())
});
var drillSchema = kept({
  tasks: count,
  passed: count,
  /** Every drill task, in the order of the sample. */
  ran: array(taskRefSchema),
  failures: array(
    kept({ workflow: string(), task_id: string(), status: _enum(["fail", "error"]), reason: string() })
  )
});
var READINESS_STATUSES = ["met", "partial", "missing"];
var readinessSectionSchema = kept({
  /** e.g. `data_governance`. */
  id: string().min(1),
  /** Its number in the kit: 1 to 10 (`§3`). */
  number: number().int().positive(),
  /** e.g. `data governance`. */
  title: string().min(1),
  status: _enum(READINESS_STATUSES),
  /** What evidences it, one fact a line. */
  evidence: array(string()),
  /** What the kit still asks for, one item a line (empty when met). */
  missing: array(string())
});
var readinessSchema = kept({ sections: array(readinessSectionSchema), met: count, partial: count, missing: count });
var reportSchema = kept({
  version: literal(1),
  decision: _enum(DECISIONS),
  reasons: array(string()),
  commit: string().optional(),
  created_at: string(),
  /** The fixed attempts per task of `--repeat K`; absent when attempts were adaptive. */
  repeat: number().int().positive().optional(),
  attempts: runAttemptsSchema,
  /** Tasks with mixed outcomes, most important first (`workflow/id` when the report has several workflows). */
  flaky_tasks: array(string()),
  shard: object({ index: count, count: number().int().positive(), set_hash: string().min(1), set_size: count }).optional(),
  workflows: array(workflowInfoSchema),
  tiers: array(tierSummarySchema),
  tasks: array(taskResultSchema),
  /** Largest group first; absent in reports written before evalgate grouped failures. */
  failure_modes: array(failureModeSchema).optional(),
  baseline: kept({
    file: string(),
    /** Passed every attempt on the baseline, fail every attempt now. */
    regressions: array(string()),
    /** Failed every attempt on the baseline, pass every attempt now. */
    fixed: array(string()),
    tiers: array(baselineTierSchema),
    /** Tiers of this run the baseline has no result for: nothing is compared there (a warning). */
    missing_tiers: array(object({ workflow: string(), tier })).optional(),
    /** The baseline's task statuses, kept so that `merge` can compare without the file. */
    statuses: record(string(), string()).optional(),
    /** In both, with mixed outcomes on either side. */
    flaky: array(string()).optional(),
    /** Regressions of high-risk tasks with at least 2 attempts now: they fail the gate unless turned off. */
    high_risk_regressions: array(string()).optional(),
    /** The baseline's attempts per task (`workflow/id`), for the same reason. */
    attempts: record(string(), attemptCountsSchema).optional()
  }).optional(),
  totals: kept({
    tasks: count,
    passed: count,
    failed: count,
    errored: count,
    not_run: count.default(0),
    error_rate: rate,
    duration_ms: number().nonnegative(),
    model_calls: count,
    tool_calls: count,
    tokens: tokenCountsSchema,
    cost_usd: number().nullable(),
    cost_per_success_usd: number().nullable(),
    cost_unknown_models: array(string()).optional(),
    /** As the tiers': present where a cost limit or economics applies. */
    cost_per_passed_attempt_usd: number().nullable().optional(),
    /** 1 − the run's model cost / the value of its successes, when every workflow sets economics.value_per_success_usd. */
    gross_margin: number().nullable().optional()
  }),
  /** Per workflow with economics.value_per_success_usd: its gross margin and the rule it was judged by. */
  economics: array(workflowEconomicsSchema).optional(),
  /** The resolved gate rules, so that `merge` can decide without the thresholds file. */
  gate: object({
    rules: gateRulesSchema,
    workflows: record(string(), gateRulesSchema.partial()),
    max_error_rate: rate
  }),
  /** What the pull request changed about its own gate; present whenever the run had a base commit. */
  gate_changes: gateChangesSchema.optional(),
  /** Present when a workflow declares a kill switch. */
  drill: drillSchema.optional(),
  /** A content hash of every file that defines each workflow's agent (absent in reports written before issue 14). */
  versions: versionsSchema.optional(),
  /** The workflows' incidents.yml entries, each with whether its tasks pass in this run. */
  incidents: array(incidentResultSchema).optional(),
  /** The readiness checklist (absent in reports written before it). */
  readiness: readinessSchema.optional()
});
var reportFileSchema = reportSchema.extend({
  attempts: runAttemptsSchema.optional(),
  flaky_tasks: array(string()).optional()
});
var baselineReportSchema = object({
  version: literal(1),
  shard: object({ index: number(), count: number() }).optional(),
  tiers: array(baselineTierSchema),
  tasks: array(
    object({ id: string(), workflow: string(), status: string(), attempts: attemptCountsSchema.optional() })
  ),
  /** Unreadable versions (another evalgate's) count as none: the files are then "unknown", never "unchanged". */
  versions: versionsSchema.optional().catch(void 0)
});

// src/gate/student-t.ts
function studentTCdf(t, df) {
  checkDf(df);
  if (t === 0) return 0.5;
  if (!Number.isFinite(df)) return normalCdf(t);
  const tail = 0.5 * regularizedIncompleteBeta(df / (df + t * t), df / 2, 0.5);
  return t > 0 ? 1 - tail : tail;
}
function studentTQuantile(p, df) {
  checkDf(df);
  if (!(p > 0 && p < 1)) {
    if (p === 0) return -Infinity;
    if (p === 1) return Infinity;
    throw new RangeError(`studentTQuantile: p must be in [0, 1], got ${p}`);
  }
  if (!Number.isFinite(df)) return normalQuantile(p);
  if (p === 0.5) return 0;
  if (p < 0.5) return -studentTQuantile(1 - p, df);
  let low = 0;
  let high = Math.max(1, normalQuantile(p));
  while (studentTCdf(high, df) < p) {
    low = high;
    high *= 2;
    if (!Number.isFinite(high)) return Infinity;
  }
  for (let i = 0; i < 200 && high - low > 1e-12 * Math.max(1, high); i++) {
    const mid = (low + high) / 2;
    if (studentTCdf(mid, df) < p) low = mid;
    else high = mid;
  }
  return (low + high) / 2;
}
function checkDf(df) {
  if (!(df > 0)) throw new RangeError(`Student's t needs df > 0, got ${df}`);
}
function normalCdf(x) {
  return 0.5 * erfc(-x / Math.SQRT2);
}
function erfc(x) {
  const q = regularizedGammaQ(0.5, x * x);
  return x >= 0 ? q : 2 - q;
}
function regularizedIncompleteBeta(x, a, b) {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(lnGamma(a + b) - lnGamma(a) - lnGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
  if (x < (a + 1) / (a + b + 2)) return front * betaContinuedFraction(x, a, b) / a;
  return 1 - front * betaContinuedFraction(1 - x, b, a) / b;
}
var TINY = 1e-300;
var EPS = 1e-15;
function betaContinuedFraction(x, a, b) {
  let c = 1;
  let d = 1 - (a + b) * x / (a + 1);
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 1e3; m++) {
    const m2 = 2 * m;
    let aa = m * (b - m) * x / ((a + m2 - 1) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    aa = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const step = d * c;
    h *= step;
    if (Math.abs(step - 1) < EPS) break;
  }
  return h;
}
function regularizedGammaQ(a, x) {
  if (x <= 0) return 1;
  const front = Math.exp(-x + a * Math.log(x) - lnGamma(a));
  if (x < a + 1) {
    let term = 1 / a;
    let sum = term;
    for (let n = 1; n < 1e3; n++) {
      term *= x / (a + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * EPS) break;
    }
    return 1 - front * sum;
  }
  let b = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 1e3; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const step = d * c;
    h *= step;
    if (Math.abs(step - 1) < EPS) break;
  }
  return front * h;
}
function lnGamma(x) {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - lnGamma(1 - x);
  const z = x - 1;
  let sum = LANCZOS[0];
  for (let i = 1; i < LANCZOS.length; i++) sum += LANCZOS[i] / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}
var LANCZOS = [
  0.9999999999998099,
  676.5203681218851,
  -1259.1392167224028,
  771.3234287776531,
  -176.6150291621406,
  12.507343278686905,
  -0.13857109526572012,
  9984369578019572e-21,
  15056327351493116e-23
];

// src/gate/wilson.ts
function wilsonInterval(passed, total, z = 1.959964) {
  if (total <= 0) return { low: 0, high: 1 };
  const p = passed / total;
  const z2 = z * z;
  const denominator = 1 + z2 / total;
  const center = (p + z2 / (2 * total)) / denominator;
  const halfWidth = z / denominator * Math.sqrt(p * (1 - p) / total + z2 / (4 * total * total));
  return { low: Math.max(0, center - halfWidth), high: Math.min(1, center + halfWidth) };
}

// src/gate/tier-interval.ts
function tierInterval(tasks, tail) {
  const n = tasks.length;
  if (n === 0) return { estimate: 0, low: 0, high: 1, method: "no tasks" };
  const estimate = tasks.reduce((sum, t) => sum + passRate(t), 0) / n;
  const attempts = attemptsText(tasks);
  if (tasks.some((t) => t.total < 2)) {
    const { low, high } = wilsonInterval(estimate * n, n, normalQuantile(1 - tail));
    return { estimate, low, high, method: `Wilson over ${n} tasks, ${attempts}` };
  }
  let sumV = 0;
  let sumV2 = 0;
  for (const t of tasks) {
    const p = t.passed / t.total;
    const s2 = t.total / (t.total - 1) * p * (1 - p);
    const v = s2 / t.total;
    sumV += v;
    sumV2 += v * v / (t.total - 1);
  }
  if (sumV === 0)
    return { estimate, low: estimate, high: estimate, method: `exact: every task's attempts agree, ${attempts}` };
  const df = sumV * sumV / sumV2;
  const halfWidth = studentTQuantile(1 - tail, df) * Math.sqrt(sumV) / n;
  return {
    estimate,
    low: Math.max(0, estimate - halfWidth),
    high: Math.min(1, estimate + halfWidth),
    method: `clustered t, df ${df.toFixed(1)}, ${attempts}`
  };
}
function attemptsText(tasks) {
  let min = Infinity;
  let max = 0;
  for (const t of tasks) {
    min = Math.min(min, t.total);
    max = Math.max(max, t.total);
  }
  const range = min === max ? `${min}` : `${min}\u2013${max}`;
  return `${range} attempt${max === 1 ? "" : "s"}${min === max ? "" : " per task"}`;
}

// src/gate/rate-decision.ts
var EPSILON = 1e-9;
function judgeRate(tasks, threshold, rule, looks) {
  const bounds = tierInterval(tasks, (1 - rule.confidence) / looks);
  const atLeast = bounds.estimate >= threshold - EPSILON;
  const clearlyNotBelow = bounds.low > threshold - rule.margin + EPSILON;
  const clearlyNotAbove = bounds.high < threshold + rule.margin - EPSILON;
  if (clearlyNotBelow && clearlyNotAbove) return { bounds, outcome: "inside_margin", passes: atLeast };
  if (clearlyNotBelow && atLeast) return { bounds, outcome: "pass", passes: true };
  if (clearlyNotAbove && !atLeast) return { bounds, outcome: "fail", passes: false };
  return { bounds, outcome: "undecided" };
}

// src/gate/economics.ts
function costFigures(tasks) {
  let cost = null;
  let successes = 0;
  let unpriced = 0;
  for (const task of tasks) {
    successes += task.attempts.passed;
    const cached = task.cached_cost_usd;
    if (task.cost_usd === null || cached === null) unpriced++;
    if (task.cost_usd !== null || typeof cached === "number") cost = (cost ?? 0) + (task.cost_usd ?? 0) + (cached ?? 0);
  }
  return { cost_usd: cost, successes, unpriced, per_attempt: cost !== null && successes > 0 ? cost / successes : null };
}
function grossMargin(perSuccess, value) {
  return perSuccess === null ? null : 1 - perSuccess / value;
}
function costLimitOutcome(figures, max) {
  if (figures.unpriced > 0) return "unknown";
  if (figures.successes === 0) return (figures.cost_usd ?? 0) > 0 ? "nothing_passed" : "ok";
  return figures.per_attempt > max + EPSILON ? "over" : "ok";
}
var UNPRICED_HINT = "add its model to thresholds.yml pricing";
function costLimitLines(label, figures, check) {
  const rule = `max_cost_per_success_usd ${usdLimit(check.max_usd)}`;
  const lines = { failures: [], errors: [], notes: [] };
  if (check.outcome === "unknown")
    lines.errors.push(
      `${label}: cost per passed attempt unknown (${unpricedText(figures.unpriced)}: ${UNPRICED_HINT}): ${rule} cannot be decided \u2014 decision error`
    );
  else if (check.outcome === "nothing_passed")
    lines.failures.push(`${label}: no attempt passed and ${formatUsd(figures.cost_usd)} was spent, over ${rule} \u2014 fail`);
  else if (check.outcome === "over")
    lines.failures.push(
      `${label}: cost per passed attempt ${distinctUsd(figures.per_attempt, check.max_usd)} > ${rule} \u2014 fail`
    );
  else lines.notes.push(`${label}: cost per passed attempt ${formatUsd(figures.per_attempt ?? 0)} <= ${rule} \u2014 ok`);
  return lines;
}
function economicsSettings(gate, workflow) {
  const own = gate.workflows[workflow]?.economics;
  const top = gate.rules.economics;
  const value = own?.value_per_success_usd ?? top?.value_per_success_usd;
  const min = own?.min_gross_margin ?? top?.min_gross_margin;
  return {
    ...value !== void 0 ? { value } : {},
    ...min !== void 0 ? { min } : {},
    maxDrop: own?.max_margin_drop ?? top?.max_margin_drop ?? DEFAULT_MAX_MARGIN_DROP
  };
}
function judgeEconomics(workflow, tasks, gate) {
  const { value, min, maxDrop } = economicsSettings(gate, workflow);
  if (value === void 0) return void 0;
  const figures = costFigures(tasks.filter((t) => t.workflow === workflow));
  const margin = grossMargin(figures.per_attempt, value);
  const lines = { failures: [], errors: [], notes: [] };
  const figuresText = `(cost per passed attempt ${formatUsd(figures.per_attempt)}, value ${formatUsd(value)})`;
  const marginText = margin === null ? "no gross margin" : `gross margin ${percent(margin)}`;
  if (min === void 0) lines.notes.push(`${workflow}: ${marginText} ${figuresText}, not gated (no min_gross_margin)`);
  else {
    const rule = `min_gross_margin ${thresholdPercent(min)}`;
    if (figures.unpriced > 0)
      lines.errors.push(
        `${workflow}: gross margin unknown (${unpricedText(figures.unpriced)}: ${UNPRICED_HINT}): ${rule} cannot be decided \u2014 decision error`
      );
    else if (figures.successes === 0 && (figures.cost_usd ?? 0) > 0)
      lines.failures.push(
        `${workflow}: no attempt passed and ${formatUsd(figures.cost_usd)} was spent: no margin to meet ${rule} \u2014 fail`
      );
    else if (margin === null)
      lines.notes.push(`${workflow}: no attempt passed and nothing was spent: ${rule} not applied`);
    else if (margin < min - EPSILON) lines.failures.push(`${workflow}: ${marginText} < ${rule} ${figuresText} \u2014 fail`);
    else lines.notes.push(`${workflow}: ${marginText} >= ${rule} ${figuresText} \u2014 ok`);
  }
  const record2 = {
    workflow,
    cost_usd: figures.cost_usd,
    successes: figures.successes,
    cost_per_passed_attempt_usd: figures.per_attempt,
    value_per_success_usd: value,
    gross_margin: margin,
    min_gross_margin: min ?? null,
    max_margin_drop: maxDrop,
    ...figures.unpriced > 0 ? { unpriced: figures.unpriced } : {},
    ok: lines.failures.length === 0
  };
  return { record: record2, ...lines };
}
function runGrossMargin(economics, workflows) {
  if (workflows.length === 0 || !workflows.every((w) => economics.some((e) => e.workflow === w))) return null;
  let cost = 0;
  let value = 0;
  for (const e of economics) {
    if (e.cost_usd === null || e.unpriced) return null;
    cost += e.cost_usd;
    value += e.successes * e.value_per_success_usd;
  }
  return value > 0 ? 1 - cost / value : null;
}
function unpricedText(count2) {
  return `${plural(count2, "task")} with a model call that has no price`;
}
function distinctUsd(usd, limit) {
  const shown = formatUsd(usd);
  if (Number(shown.slice(1)) !== limit) return shown;
  return `$${Number(usd.toPrecision(6))}`;
}

export {
  lnGamma,
  passRate,
  isFlaky,
  erroredAttempts,
  taskKey,
  attemptsReason,
  attemptPrefix,
  ownReasons,
  tierInterval,
  EPSILON,
  judgeRate,
  BUMP_KINDS,
  FILE_CHANGES,
  READINESS_STATUSES,
  reportFileSchema,
  baselineReportSchema,
  costFigures,
  grossMargin,
  costLimitOutcome,
  costLimitLines,
  economicsSettings,
  judgeEconomics,
  runGrossMargin,
  READINESS_MODES,
  sectionName,
  readinessCounts,
  withReadiness
};
