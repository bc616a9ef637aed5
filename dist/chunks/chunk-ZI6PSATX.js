import { createRequire as __evalgateCreateRequire } from 'node:module'; const require = __evalgateCreateRequire(import.meta.url);
import {
  BUMP_KINDS,
  EPSILON,
  FILE_CHANGES,
  baselineReportSchema,
  costFigures,
  costLimitLines,
  costLimitOutcome,
  economicsSettings,
  erroredAttempts,
  grossMargin,
  isFlaky,
  judgeEconomics,
  judgeRate,
  lnGamma,
  passRate,
  readinessCounts,
  reportFileSchema,
  runGrossMargin,
  sectionName,
  taskKey,
  tierInterval
} from "./chunk-HOOUSS7H.js";
import {
  EXPECTATION_CAUSE_LABELS,
  compareStrings,
  decodeUserText,
  formatCount,
  formatDuration,
  formatUsd,
  groupByTier,
  percent,
  plural,
  points,
  signedPoints,
  thresholdPercent,
  tierSettings,
  tooSmallWarning,
  usdLimit
} from "./chunk-WWFOR4K3.js";
import {
  append,
  jsonMessage,
  largest,
  smallest
} from "./chunk-2OAFEBTW.js";
import {
  InputError
} from "./chunk-NQKQZFN6.js";
import {
  PHASE_RULES,
  RISKS,
  TIERS,
  limitsInWords,
  toolUseAt
} from "./chunk-7LLJMACG.js";
import {
  preview
} from "./chunk-2AYC2KJ6.js";

// src/gate/baseline.ts
function baselineSnapshot(report, file) {
  const { shard, tiers, tasks, versions } = report;
  if (shard) {
    const message = `shard ${shard.index + 1}/${shard.count} of a sharded run cannot be a baseline: merge the shards (evalgate merge) and use the merged report`;
    throw new InputError([{ file, message, severity: "error" }]);
  }
  const statuses = {};
  const attempts = {};
  for (const task of tasks) {
    const key = `${task.workflow}/${task.id}`;
    statuses[key] = task.status;
    if (task.attempts) attempts[key] = { total: task.attempts.total, passed: task.attempts.passed };
  }
  return {
    file,
    tiers: tiers.map(({ workflow, tier, success_rate }) => ({ workflow, tier, success_rate })),
    statuses,
    attempts,
    ...versions ? { versions } : {}
  };
}
function checkBaselineTiers(baseline, tasks) {
  const key = (t) => `${t.workflow} ${t.tier}`;
  const ours = [...new Set(tasks.map(key))].sort();
  const theirs = [...new Set(baseline.tiers.map(key))].sort();
  if (ours.length === 0 || ours.some((k) => theirs.includes(k))) return;
  const message = `the baseline has no tier in common with this run: it has ${theirs.join(", ") || "no tiers"}, this run has ${ours.join(", ")} (a report of another workflow or task set?)`;
  throw new InputError([{ file: baseline.file, message, severity: "error" }]);
}

// src/model/cause.ts
var AGENT_ERROR_LABELS = {
  budget_exhausted: "budget exhausted",
  tool_budget_exhausted: "tool-call budget exhausted",
  crash: "agent crashed",
  bad_output: "agent output not JSON",
  bad_answer: "malformed agent answer",
  timeout: "agent timed out",
  unreachable: "agent unreachable",
  rate_limited: "rate limited",
  bad_response: "bad model response",
  context_length: "context too long",
  config: "configuration error",
  internal: "evalgate internal error"
};
var RUN_CAUSE_LABELS = {
  ...AGENT_ERROR_LABELS,
  /** The permission-matrix guardrail (src/grade/guardrails.ts). */
  guardrail_violation: "guardrail violation",
  /** A failed or errored run that gave no `error_kind`. */
  agent_error: "agent error",
  infra_error: "infrastructure error",
  not_run: "not run",
  /** A task that did not pass but carries no cause (reports of older versions). */
  unclassified: "unclassified"
};

// src/grade/causes.ts
var CAUSE_LABELS = { ...RUN_CAUSE_LABELS, ...EXPECTATION_CAUSE_LABELS };

// src/report/failure-modes.ts
var UNCLASSIFIED = "unclassified";
var SEVERITY = [
  "guardrail_violation",
  "forbidden_action",
  "wrong_escalation",
  "unexpected_action",
  "missing_action",
  "wrong_order",
  "wrong_label",
  "wrong_result",
  "judge_failed",
  "budget_exhausted",
  "tool_budget_exhausted",
  "crash",
  "bad_output",
  "bad_answer",
  "agent_error",
  "timeout",
  "unreachable",
  "rate_limited",
  "bad_response",
  "context_length",
  "config",
  "internal",
  "infra_error",
  "judge_error",
  "not_run"
];
function causeLabel(cause) {
  return Object.hasOwn(CAUSE_LABELS, cause) ? CAUSE_LABELS[cause] : cause.replace(/_/g, " ");
}
function taskCauses(task) {
  const causes = [...new Set(task.causes)];
  return causes.length > 0 ? causes : [UNCLASSIFIED];
}
function primaryCause(task) {
  return taskCauses(task).sort(compareSeverity)[0];
}
function compareSeverity(a, b) {
  const rank = (cause) => {
    const index = SEVERITY.indexOf(cause);
    return index < 0 ? SEVERITY.length : index;
  };
  return rank(a) - rank(b) || compareStrings2(a, b);
}
function failureModes(tasks) {
  const withWorkflow = new Set(tasks.map((t) => t.workflow)).size > 1;
  const notPassed = tasks.filter((t) => t.status !== "pass").sort(byImportance);
  const groups = /* @__PURE__ */ new Map();
  for (const task of notPassed) {
    const name = withWorkflow ? `${task.workflow}/${task.id}` : task.id;
    for (const cause of taskCauses(task)) groups.set(cause, [...groups.get(cause) ?? [], name]);
  }
  return [...groups.entries()].map(([cause, names]) => ({ cause, label: causeLabel(cause), count: names.length, tasks: names })).sort((a, b) => b.count - a.count || compareStrings2(a.cause, b.cause));
}
function byImportance(a, b) {
  return TIERS.indexOf(a.tier) - TIERS.indexOf(b.tier) || RISKS.indexOf(b.risk) - RISKS.indexOf(a.risk) || compareStrings2(a.workflow, b.workflow) || compareStrings2(a.id, b.id);
}
function compareStrings2(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

// src/gate/counts.ts
function countStatuses(tasks) {
  const counts = { total: tasks.length, passed: 0, failed: 0, errored: 0, not_run: 0 };
  for (const task of tasks) {
    if (task.status === "pass") counts.passed++;
    else if (task.status === "fail") counts.failed++;
    else if (task.status === "error") counts.errored++;
    else counts.not_run++;
  }
  return counts;
}
function errorRate(counts) {
  const ran = counts.total - counts.not_run;
  return ran > 0 ? counts.errored / ran : 0;
}
function sumKnownCosts(tasks) {
  let sum = null;
  for (const task of tasks) if (task.cost_usd !== null) sum = (sum ?? 0) + task.cost_usd;
  return sum;
}

// src/gate/binomial-tail.ts
function lnChoose(n, k) {
  return lnGamma(n + 1) - lnGamma(k + 1) - lnGamma(n - k + 1);
}
function binomialUpperTail(k, n, p = 0.5) {
  if (!Number.isInteger(k) || !Number.isInteger(n) || n < 0) throw new RangeError(`binomialUpperTail(${k}, ${n})`);
  if (k <= 0) return 1;
  if (k > n) return 0;
  if (p <= 0) return 0;
  if (p >= 1) return 1;
  let sum = 0;
  if (n <= 1e3) {
    let pmf = Math.pow(1 - p, n);
    for (let i = 0; i <= n; i++) {
      if (i >= k) sum += pmf;
      pmf *= (n - i) / (i + 1) * (p / (1 - p));
    }
  } else {
    for (let i = k; i <= n; i++) sum += Math.exp(lnChoose(n, i) + i * Math.log(p) + (n - i) * Math.log(1 - p));
  }
  return Math.min(1, sum);
}
function mcnemarOneSided(worse, better) {
  return binomialUpperTail(worse, worse + better, 0.5);
}

// src/gate/paired.ts
function baselineAttempts(baseline, task) {
  const key = taskKey(task);
  const attempts = baseline.attempts?.[key];
  if (attempts) return attempts.total > 0 ? attempts : void 0;
  const status = baseline.statuses[key];
  if (status === "pass") return { total: 1, passed: 1 };
  if (status === "fail" || status === "error") return { total: 1, passed: 0 };
  return void 0;
}
function classify(now, before) {
  if (!before || now.total === 0) return void 0;
  if (isFlaky(now) || isFlaky(before)) return "flaky";
  const passedBefore = before.passed === before.total;
  const passesNow = now.passed === now.total;
  if (passedBefore && !passesNow) return "regressed";
  if (!passedBefore && passesNow) return "fixed";
  return "same";
}
function isDiscordant(task, baseline) {
  const c = classify(task.attempts, baselineAttempts(baseline, task));
  return c === "regressed" || c === "fixed";
}
function pairedTier(tasks, baseline, confidence) {
  const result = { regressed: [], fixed: [], flaky: [] };
  let common = 0;
  let drop = 0;
  for (const task of tasks) {
    const before = baselineAttempts(baseline, task);
    const c = classify(task.attempts, before);
    if (!c || !before) continue;
    common++;
    drop += passRate(before) - passRate(task.attempts);
    if (c !== "same") result[c].push(task);
  }
  if (common === 0) return result;
  const pValue2 = mcnemarOneSided(result.regressed.length, result.fixed.length);
  result.comparison = {
    common,
    drop: drop / common,
    regressed: result.regressed.length,
    fixed: result.fixed.length,
    flaky: result.flaky.length,
    p_value: pValue2,
    significant: pValue2 < 1 - confidence
  };
  return result;
}

// src/gate/pass-hat-k.ts
function passHatK(passed, attempts, k) {
  if (!Number.isInteger(k) || k < 1 || k > attempts) throw new RangeError(`pass^${k} needs 1 <= k <= ${attempts}`);
  if (passed < k) return 0;
  let ratio = 1;
  for (let i = 0; i < k; i++) ratio *= (passed - i) / (attempts - i);
  return ratio;
}

// src/gate/tier-pass-k.ts
function tierPassK(tasks, required) {
  const ran = tasks.filter((t) => t.attempts.total > 0);
  const fewest = ran.length > 0 ? smallest(ran.map((t) => t.attempts.total)) : 1;
  const k = required ? Math.min(required.k, fewest) : fewest;
  const sum = ran.reduce((total, t) => total + passHatK(t.attempts.passed, t.attempts.total, k), 0);
  return { k, rate: tasks.length > 0 ? sum / tasks.length : 0, ...required ? { required } : {} };
}

// src/gate/decide.ts
function decideGate(input) {
  const { gate, baseline } = input;
  const tasks = [...input.tasks].sort(compareTasks);
  const several = new Set(tasks.map((t) => t.workflow)).size > 1;
  const name = (t) => several ? `${t.workflow}/${t.id}` : t.id;
  const context = { gate, baseline, attempts: input.attempts ?? { mode: "fixed" }, name };
  const verdicts = groupByTier(tasks).map((group) => judgeTier(group, context, several ? `${group.workflow} ` : ""));
  const economics = [...new Set(tasks.map((t) => t.workflow))].flatMap((workflow) => {
    const verdict = judgeEconomics(workflow, tasks, gate);
    return verdict ? [verdict] : [];
  });
  const { errorLines, notes } = errorChecks(tasks, gate.max_error_rate);
  append(errorLines, [...verdicts.flatMap((v) => v.errors), ...economics.flatMap((e) => e.errors)]);
  const anyGated = verdicts.some((v) => v.summary.gated);
  const noGateLines = anyGated ? [] : [
    tasks.length === 0 ? "no tasks to run: nothing was checked \u2014 fail" : "no tier is gated: add tiers to thresholds.yml"
  ];
  const tierFailures = [...verdicts.flatMap((v) => v.failures), ...economics.flatMap((e) => e.failures)];
  const baselineSection = baseline ? baselineRecord(baseline, verdicts) : void 0;
  if (baselineSection && baselineSection.regressions.length > 0) {
    notes.push(
      `${plural(baselineSection.regressions.length, "regression")} against the baseline (passed there, fail now)`
    );
  }
  const decision = errorLines.length > 0 ? "error" : noGateLines.length > 0 || tierFailures.length > 0 ? "fail" : "pass";
  return {
    decision,
    reasons: [
      ...errorLines,
      ...noGateLines,
      ...tierFailures,
      ...verdicts.flatMap((v) => v.notes),
      ...economics.flatMap((e) => e.notes),
      ...notes
    ],
    tiers: verdicts.map((v) => v.summary),
    ...baselineSection ? { baseline: baselineSection } : {},
    ...economics.length > 0 ? { economics: economics.map((e) => e.record) } : {}
  };
}
function compareTasks(a, b) {
  return compareStrings(a.workflow, b.workflow) || compareStrings(a.id, b.id);
}
function errorChecks(tasks, maxErrorRate) {
  const errorLines = [];
  const notes = [];
  let ran = 0;
  let errored = 0;
  for (const task of tasks) {
    ran += task.attempts.total;
    errored += erroredAttempts(task);
  }
  const unit = tasks.every((t) => t.attempts.total <= 1) ? "task" : "attempt";
  const rate = ran > 0 ? errored / ran : 0;
  if (rate > maxErrorRate + EPSILON) {
    errorLines.push(
      `error rate ${percent(rate)} (${errored}/${ran} ${unit}s errored) exceeds max_error_rate ${thresholdPercent(maxErrorRate)} \u2014 decision error`
    );
  } else if (errored > 0) {
    notes.push(
      `${plural(errored, unit)} errored (${percent(rate)}), within max_error_rate ${thresholdPercent(maxErrorRate)}`
    );
  }
  const notRun = tasks.filter((t) => t.status === "not_run");
  if (notRun.length > 0) {
    const why = notRun[0].reasons[0]?.match(/^not run: (.+)$/)?.[1];
    errorLines.push(
      `${plural(notRun.length, "task")} ${notRun.length === 1 ? "was" : "were"} not run${why ? ` (${why})` : ""} \u2014 decision error`
    );
  }
  return { errorLines, notes };
}
function judgeTier(group, context, prefix) {
  const { workflow, tier, tasks } = group;
  const { baseline, name } = context;
  const settings = tierSettings(context.gate, workflow, tier);
  const counts = countStatuses(tasks);
  const attempts = tierAttempts(tasks);
  const successRate = tasks.length > 0 ? tasks.reduce((sum, t) => sum + passRate(t.attempts), 0) / tasks.length : 0;
  const ci = tierInterval(
    tasks.map((t) => t.attempts),
    (1 - settings.confidence) / 2
  );
  const baselineRate2 = baseline?.tiers.find((b) => b.workflow === workflow && b.tier === tier)?.success_rate;
  const paired = baseline ? pairedTier(tasks, baseline, settings.confidence) : void 0;
  const highRisk = settings.block_high_risk_regressions ? (paired?.regressed ?? []).filter((t) => t.risk === "high" && t.attempts.total >= 2) : [];
  const cost = sumKnownCosts(tasks);
  const figures = costFigures(tasks);
  const { value } = economicsSettings(context.gate, workflow);
  const { rule } = settings;
  const summary = {
    workflow,
    tier,
    ...counts,
    success_rate: successRate,
    ci_low: ci.low,
    ci_high: ci.high,
    threshold: rule?.min_success ?? null,
    min_tasks: rule?.min_tasks ?? null,
    gated: rule !== void 0,
    ok: true,
    attempt_success_rate: attempts.total > 0 ? attempts.passed / attempts.total : 0,
    ...baseline ? { baseline_rate: baselineRate2 ?? null, max_drop: settings.max_drop ?? null } : {},
    cost_usd: cost,
    cost_per_success_usd: cost !== null && counts.passed > 0 ? cost / counts.passed : null,
    ...settings.max_cost_per_success_usd !== void 0 || value !== void 0 ? { cost_per_passed_attempt_usd: figures.per_attempt } : {},
    ...settings.max_cost_per_success_usd !== void 0 ? {
      cost_limit: {
        max_usd: settings.max_cost_per_success_usd,
        outcome: costLimitOutcome(figures, settings.max_cost_per_success_usd)
      }
    } : {},
    ...value !== void 0 ? { gross_margin: grossMargin(figures.per_attempt, value) } : {},
    ci_method: ci.method,
    ci_level: settings.confidence,
    attempts,
    flaky: tasks.filter((t) => isFlaky(t.attempts)).length,
    pass_k: tierPassK(tasks, settings.pass_k),
    ...paired?.comparison ? { paired: { ...paired.comparison, high_risk_regressions: highRisk.map(name) } } : {}
  };
  const label = `${prefix}${tier}`;
  const costLines = summary.cost_limit ? costLimitLines(`${workflow} ${tier}`, figures, summary.cost_limit) : { failures: [], errors: [], notes: [] };
  const lists = {
    errors: costLines.errors,
    regressed: (paired?.regressed ?? []).map(name),
    fixed: (paired?.fixed ?? []).map(name),
    flaky: (paired?.flaky ?? []).map(name)
  };
  const highRiskLines = highRisk.map(
    (t) => `${label}: high-risk task ${name(t)} regressed: passed every attempt on the baseline, failed ${t.attempts.total} of ${t.attempts.total} now \u2014 fail (baseline.block_high_risk_regressions)`
  );
  if (!rule) {
    summary.ok = highRiskLines.length === 0 && costLines.failures.length === 0;
    return {
      summary,
      failures: [...highRiskLines, ...costLines.failures],
      notes: [`${label}: ${plural(counts.total, "task")}, not gated (no threshold)`, ...costLines.notes],
      ...lists
    };
  }
  summary.decision = rateDecision(tasks, rule.min_success, settings, context.attempts);
  const tooSmall = tooSmallWarning({
    label,
    tasks: tasks.length,
    threshold: rule.min_success,
    confidence: settings.confidence,
    margin: settings.margin,
    attempts: context.attempts.mode === "fixed" ? attempts.max : settings.max_attempts
  });
  if (tooSmall) summary.too_small = tooSmall;
  const failed = failedChecks(summary);
  summary.ok = failed.length === 0;
  const rateText = attempts.max <= 1 ? `${percent(successRate)} (${counts.passed}/${counts.total})` : `${percent(successRate)} (${plural(counts.total, "task")}, ${plural(attempts.total, "attempt")})`;
  const atLimit = summary.decision?.decided === false && context.attempts.mode === "adaptive";
  const rateLine = (ok) => atLimit ? `${label}: ${summary.decision.note} \u2014 ${ok ? "ok" : "fail"} (by the estimate)` : `${label}: ${rateText} ${ok ? ">=" : "<"} ${thresholdPercent(rule.min_success)} required`;
  const pairedText = summary.paired ? `on ${plural(summary.paired.common, "paired task")} (${summary.paired.regressed} regressed, ${summary.paired.fixed} fixed; McNemar p = ${pValue(summary.paired.p_value)})` : "";
  const failures = failed.flatMap((check) => {
    if (check === "min_success") {
      const line2 = rateLine(false);
      return [atLimit ? line2 : `${line2} \u2014 fail`];
    }
    if (check === "min_tasks")
      return [`${label}: only ${plural(counts.total, "task")}, fewer than min_tasks ${rule.min_tasks} \u2014 fail`];
    if (check === "pass_k") return [passKLine(label, summary.pass_k)];
    if (check === "high_risk_regression") return highRiskLines;
    if (check === "max_cost_per_success") return costLines.failures;
    return [
      `${label}: dropped ${points(summary.paired.drop)} points from the baseline ${pairedText}, more than max_drop ${points(settings.max_drop)} \u2014 fail`
    ];
  });
  if (!summary.ok) return { summary, failures, notes: costLines.notes, ...lists };
  const baselineText = baselineRate2 === void 0 ? "" : `, baseline ${percent(baselineRate2)} (${signedPoints(successRate - baselineRate2)} points${settings.max_drop === void 0 ? "" : `, max_drop ${points(settings.max_drop)}`})`;
  const line = rateLine(true);
  const notes = [atLimit ? line : `${line}${baselineText} \u2014 ok`, ...costLines.notes];
  const paired_ = summary.paired;
  if (paired_ && settings.max_drop !== void 0 && paired_.drop > settings.max_drop + EPSILON)
    notes.push(
      `${label}: dropped ${points(paired_.drop)} points ${pairedText}, more than max_drop ${points(settings.max_drop)} but not significant at ${thresholdPercent(settings.confidence)} confidence \u2014 ok`
    );
  return { summary, failures, notes, ...lists };
}
function rateDecision(tasks, threshold, settings, attempts) {
  const looks = attempts.mode === "fixed" ? 1 : settings.max_attempts;
  const judged = judgeRate(
    tasks.map((t) => t.attempts),
    threshold,
    settings,
    looks
  );
  const record = {
    confidence: settings.confidence,
    margin: settings.margin,
    max_attempts: settings.max_attempts,
    looks,
    low: judged.bounds.low,
    high: judged.bounds.high,
    outcome: judged.outcome,
    decided: judged.outcome !== "undecided"
  };
  if (record.decided) return record;
  const most = largest(
    tasks.map((t) => t.attempts.total),
    0
  );
  const stopped = attempts.stopped_by ? " (max_cost_usd stopped extra attempts)" : "";
  return {
    ...record,
    note: `undecided after ${plural(most, "attempt")}: ${percent(judged.bounds.estimate)} vs ${thresholdPercent(threshold)}${stopped}`
  };
}
function passKLine(label, passK) {
  const required = passK.required;
  if (passK.k < required.k)
    return `${label}: pass^${required.k} needs ${plural(required.k, "attempt")} of every task; some ran only ${passK.k} \u2014 fail`;
  return `${label}: pass^${passK.k} ${percent(passK.rate)} < ${thresholdPercent(required.min)} required \u2014 fail`;
}
function pValue(p) {
  return p >= 1e-3 ? String(Number(p.toPrecision(2))) : p.toExponential(1);
}
function tierAttempts(tasks) {
  let total = 0;
  let passed = 0;
  let errored = 0;
  let min = Infinity;
  let max = 0;
  for (const t of tasks) {
    total += t.attempts.total;
    passed += t.attempts.passed;
    errored += erroredAttempts(t);
    min = Math.min(min, t.attempts.total);
    max = Math.max(max, t.attempts.total);
  }
  return {
    total,
    passed,
    errored,
    per_task: tasks.length > 0 ? total / tasks.length : 0,
    min: tasks.length > 0 ? min : 0,
    max
  };
}
function failedChecks(tier) {
  const failed = [];
  const highRisk = (tier.paired?.high_risk_regressions.length ?? 0) > 0;
  const overCost = tier.cost_limit?.outcome === "over" || tier.cost_limit?.outcome === "nothing_passed";
  if (!tier.gated || tier.threshold === null)
    return [
      ...highRisk ? ["high_risk_regression"] : [],
      ...overCost ? ["max_cost_per_success"] : []
    ];
  if (tier.success_rate < tier.threshold - EPSILON) failed.push("min_success");
  if (tier.min_tasks !== null && tier.total < tier.min_tasks) failed.push("min_tasks");
  const required = tier.pass_k?.required;
  if (required && (tier.pass_k.k < required.k || tier.pass_k.rate < required.min - EPSILON)) failed.push("pass_k");
  const { paired, max_drop: maxDrop } = tier;
  if (paired && maxDrop != null && paired.significant && paired.drop > maxDrop + EPSILON) failed.push("max_drop");
  if (highRisk) failed.push("high_risk_regression");
  if (overCost) failed.push("max_cost_per_success");
  return failed;
}
function baselineRecord(baseline, verdicts) {
  const missing = verdicts.map((v) => ({ workflow: v.summary.workflow, tier: v.summary.tier })).filter((t) => !baseline.tiers.some((b) => b.workflow === t.workflow && b.tier === t.tier));
  return {
    ...missing.length > 0 ? { missing_tiers: missing } : {},
    file: baseline.file,
    regressions: verdicts.flatMap((v) => v.regressed),
    fixed: verdicts.flatMap((v) => v.fixed),
    flaky: verdicts.flatMap((v) => v.flaky),
    high_risk_regressions: verdicts.flatMap((v) => v.summary.paired?.high_risk_regressions ?? []),
    tiers: baseline.tiers,
    statuses: baseline.statuses,
    ...baseline.attempts ? { attempts: baseline.attempts } : {}
  };
}

// src/report/incidents.ts
function incidentResults(definitions, tasks) {
  const statuses = new Map(tasks.map((t) => [`${t.workflow}/${t.id}`, t.status]));
  return definitions.map((incident) => {
    const results = incident.tasks.map((id) => ({
      id,
      status: statuses.get(`${incident.workflow}/${id}`) ?? "absent"
    }));
    const passing = results.some((r) => r.status === "fail" || r.status === "error") ? false : results.length > 0 && results.every((r) => r.status === "pass") ? true : null;
    return { ...incident, tasks: results, passing };
  });
}
function incidentDefinitions(results) {
  return results.map(({ tasks, passing: _passing, ...incident }) => ({ ...incident, tasks: tasks.map((t) => t.id) }));
}

// src/report/build.ts
function buildReport(args) {
  const tasks = [...args.tasks].sort(compareTasks);
  const { decided, attempts } = args;
  return {
    version: 1,
    decision: decided.decision,
    reasons: decided.reasons,
    ...args.commit ? { commit: args.commit } : {},
    created_at: (args.createdAt ?? /* @__PURE__ */ new Date()).toISOString(),
    ...args.repeat !== void 0 ? { repeat: args.repeat } : {},
    attempts,
    ...args.shard ? { shard: args.shard } : {},
    workflows: args.workflows,
    tiers: decided.tiers,
    totals: computeTotals(tasks, args.costUnknownModels, decided),
    failure_modes: failureModes(tasks),
    flaky_tasks: flakyTasks(tasks),
    ...decided.baseline ? { baseline: decided.baseline } : {},
    ...decided.economics ? { economics: decided.economics } : {},
    tasks,
    gate: args.gate,
    ...args.gateChanges ? { gate_changes: args.gateChanges } : {},
    ...args.drill ? { drill: args.drill } : {},
    ...args.versions ? { versions: args.versions } : {},
    ...args.incidents && args.incidents.length > 0 ? { incidents: incidentResults(args.incidents, tasks) } : {},
    ...args.readiness ? { readiness: args.readiness } : {}
  };
}
function flakyTasks(tasks) {
  const several = new Set(tasks.map((t) => t.workflow)).size > 1;
  return tasks.filter((t) => isFlaky(t.attempts)).sort((a, b) => TIERS.indexOf(a.tier) - TIERS.indexOf(b.tier) || RISKS.indexOf(b.risk) - RISKS.indexOf(a.risk)).map((t) => several ? `${t.workflow}/${t.id}` : t.id);
}
function computeTotals(tasks, costUnknownModels, { economics, tiers }) {
  const counts = countStatuses(tasks);
  const cost = sumKnownCosts(tasks);
  const margin = economics ? runGrossMargin(economics, [...new Set(tasks.map((t) => t.workflow))]) : void 0;
  const ruled = economics !== void 0 || tiers.some((t) => t.cost_limit);
  let duration = 0;
  let modelCalls = 0;
  let toolCalls = 0;
  let attempts = 0;
  let errored = 0;
  const tokens = { input: 0, output: 0 };
  for (const task of tasks) {
    duration += task.duration_ms;
    modelCalls += task.model_calls;
    toolCalls += task.tool_calls;
    tokens.input += task.tokens.input;
    tokens.output += task.tokens.output;
    attempts += task.attempts.total;
    errored += erroredAttempts(task);
  }
  return {
    tasks: counts.total,
    passed: counts.passed,
    failed: counts.failed,
    errored: counts.errored,
    not_run: counts.not_run,
    // Over attempts: with one attempt per task, the share of the tasks that ran that errored.
    error_rate: attempts > 0 ? errored / attempts : errorRate(counts),
    duration_ms: duration,
    model_calls: modelCalls,
    tool_calls: toolCalls,
    tokens,
    cost_usd: cost,
    cost_per_success_usd: cost !== null && counts.passed > 0 ? cost / counts.passed : null,
    ...costUnknownModels && costUnknownModels.length > 0 ? { cost_unknown_models: costUnknownModels } : {},
    ...ruled ? { cost_per_passed_attempt_usd: costFigures(tasks).per_attempt } : {},
    ...margin !== void 0 ? { gross_margin: margin } : {}
  };
}

// src/gate/run-attempts.ts
function runAttempts(tasks, args) {
  let total = 0;
  let extra = 0;
  let most = 0;
  for (const task of tasks) {
    total += task.attempts.total;
    extra += Math.max(0, task.attempts.total - 1);
    most = Math.max(most, task.attempts.total);
  }
  const stoppedBy = args.rounds?.stopped_by;
  return {
    mode: args.repeat !== void 0 ? "fixed" : "adaptive",
    rounds: args.rounds?.rounds ?? most,
    total,
    extra,
    extra_cost_usd: args.rounds?.extra_cost_usd !== void 0 ? args.rounds.extra_cost_usd : extra === 0 ? 0 : null,
    ...stoppedBy ? { stopped_by: stoppedBy } : {}
  };
}

// src/report/read-report.ts
import { readFile } from "node:fs/promises";
async function readJsonFile(file) {
  let bytes;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const code2 = error.code;
    const message = code2 === "ENOENT" ? "file not found" : `cannot read: ${error.message}`;
    throw new InputError([{ file, message, severity: "error" }]);
  }
  const decoded = decodeUserText(bytes, file);
  if (!decoded.ok) throw new InputError([decoded.problem]);
  try {
    return JSON.parse(decoded.text);
  } catch (error) {
    throw notAReport(file, `not valid JSON (${jsonMessage(error.message)})`);
  }
}
function notAReport(file, detail) {
  return new InputError([{ file, message: `not an evalgate report: ${detail}`, severity: "error" }]);
}
function describeIssues(error, limit = 3) {
  const lines = error.issues.slice(0, limit).map((issue) => `${issue.path.length > 0 ? issue.path.join(".") : "(top level)"}: ${issue.message}`);
  const more = error.issues.length > limit ? ` (and ${error.issues.length - limit} more)` : "";
  return lines.join("; ") + more;
}
function parseReport(data, file) {
  const result = reportFileSchema.safeParse(data);
  if (!result.success) throw notAReport(file, describeIssues(result.error));
  const report = result.data;
  return {
    ...report,
    attempts: report.attempts ?? runAttempts(report.tasks, { repeat: report.repeat ?? 1 }),
    flaky_tasks: report.flaky_tasks ?? flakyTasks(report.tasks)
  };
}
async function readReport(file) {
  return parseReport(await readJsonFile(file), file);
}
async function loadBaseline(file) {
  const result = baselineReportSchema.safeParse(await readJsonFile(file));
  if (!result.success) throw notAReport(file, describeIssues(result.error));
  return baselineSnapshot(result.data, file);
}

// src/gate/drill.ts
function drillSample(tasks, size) {
  const byTier = TIERS.map((tier) => tasks.filter((t) => t.tier === tier).sort((a, b) => compareStrings(a.id, b.id)));
  const sample = [];
  for (let round = 0; sample.length < size && byTier.some((tier) => round < tier.length); round++)
    for (const tier of byTier) if (round < tier.length && sample.length < size) sample.push(tier[round]);
  return sample;
}
function drillReport(results) {
  const failures = results.flatMap(
    (t) => t.status === "fail" || t.status === "error" || t.status === "not_run" ? [
      {
        workflow: t.workflow,
        task_id: t.id,
        status: t.status === "fail" ? "fail" : "error",
        reason: t.reasons.join("; ")
      }
    ] : []
  );
  return {
    tasks: results.length,
    passed: results.filter((t) => t.status === "pass").length,
    ran: results.map((t) => ({ workflow: t.workflow, id: t.id })),
    failures
  };
}
function withDrill(decided, drill) {
  const count = (n) => `${n} of ${drill.tasks} task${drill.tasks === 1 ? "" : "s"}`;
  const failed = drill.failures.filter((f) => f.status === "fail");
  const byWhat = /* @__PURE__ */ new Map();
  for (const failure of failed)
    for (const what of failure.reason.split("; ")) byWhat.set(what, (byWhat.get(what) ?? 0) + 1);
  const failLines = [...byWhat].map(([what, n]) => `kill switch drill: ${count(n)} ${what}`);
  const errored = drill.failures.length - failed.length;
  const errorLines = errored > 0 ? [`kill switch drill: ${count(errored)} could not run \u2014 the drill is undecided`] : [];
  if (failLines.length === 0 && errorLines.length === 0) return decided;
  const decision = failLines.length > 0 ? "fail" : decided.decision === "pass" ? "error" : decided.decision;
  return { ...decided, decision, reasons: [...failLines, ...errorLines, ...decided.reasons] };
}
function drillLine(drill) {
  const verdict = drill.passed === drill.tasks ? "passed" : drill.failures.some((f) => f.status === "fail") ? "failed" : "undecided";
  return `${drill.passed} of ${drill.tasks} drill tasks handed the task to a human with the switch on \u2014 ${verdict}`;
}
function drillTaskName(report, failure) {
  return report.workflows.length > 1 ? `${failure.workflow}/${failure.task_id}` : failure.task_id;
}

// src/gate/labels.ts
function severalWorkflows(report) {
  return new Set(report.tiers.map((t) => t.workflow)).size > 1;
}
function intervalHeader(report) {
  const levels = new Set(report.tiers.map((t) => t.ci_level ?? 0.95));
  return levels.size > 1 ? "CI" : `${thresholdPercent([...levels][0] ?? 0.95)} CI`;
}
function decisionCell(t) {
  const d = t.decision;
  if (!d) return "\u2014";
  const confidence = thresholdPercent(d.confidence);
  if (d.outcome === "inside_margin") return `inside margin (${confidence})`;
  return d.decided ? `decided (${confidence})` : `undecided after ${t.attempts?.max ?? 1}`;
}
function verdictCell(t) {
  return !t.ok ? "fail" : t.gated ? "ok" : "not gated";
}

// src/report/cells.ts
function tierLabel(report, tier) {
  return severalWorkflows(report) ? `${tier.workflow} ${tier.tier}` : tier.tier;
}
var HEADLINE_FACTS = 3;
function headline(report, bold = false) {
  const verdict = `evalgate: ${report.decision.toUpperCase()}`;
  return `${bold ? `**${verdict}**` : verdict} \u2014 ${decisiveSummary(report)}`;
}
function decisiveSummary(report) {
  const facts = decisiveFacts(report);
  const shown = facts.slice(0, HEADLINE_FACTS).join(", ");
  const more = facts.length > HEADLINE_FACTS ? ` and ${facts.length - HEADLINE_FACTS} more` : "";
  return `${shown}${more}`;
}
function decisiveFacts(report) {
  const { totals: totals2, gate } = report;
  const facts = [];
  if (report.decision === "error") {
    if (totals2.error_rate > gate.max_error_rate) {
      facts.push(`error rate ${percent(totals2.error_rate)} > ${thresholdPercent(gate.max_error_rate)}`);
    }
    if (totals2.not_run > 0) facts.push(`${plural(totals2.not_run, "task")} not run`);
    if (costUndecided(report)) facts.push("cost per passed attempt unknown (no price)");
    if (facts.length > 0) return facts;
  }
  const gated = report.tiers.filter((t) => t.gated);
  if (gated.length === 0) return [totals2.tasks === 0 ? "no tasks were run" : "no tier is gated"];
  for (const tier of report.tiers) {
    const label = tierLabel(report, tier);
    const checks = failedChecks(tier).filter((c) => tier.gated || c === "max_cost_per_success");
    for (const check of checks) {
      if (check === "min_success")
        facts.push(`${label} ${percent(tier.success_rate)} < ${thresholdPercent(tier.threshold)}`);
      if (check === "min_tasks") facts.push(`${label} only ${plural(tier.total, "task")} (min ${tier.min_tasks})`);
      if (check === "max_drop") facts.push(`${label} ${signedPoints(-(tier.paired?.drop ?? 0))} points vs baseline`);
      if (check === "pass_k") facts.push(`${label} pass^${tier.pass_k.required.k} not met`);
      if (check === "high_risk_regression")
        facts.push(`${label} ${plural(tier.paired.high_risk_regressions.length, "high-risk regression")}`);
      if (check === "max_cost_per_success") facts.push(costFact(label, tier));
    }
  }
  for (const e of report.economics ?? []) if (!e.ok) facts.push(marginFact(report, e));
  if (facts.length > 0) return facts;
  if (report.decision !== "pass") return [report.reasons[0] ?? "see the reasons"];
  return gated.map((t) => `${tierLabel(report, t)} ${percent(t.success_rate)} \u2265 ${thresholdPercent(t.threshold)}`);
}
function costFact(label, tier) {
  const limit = usdLimit(tier.cost_limit.max_usd);
  if (tier.cost_limit.outcome === "nothing_passed") return `${label} nothing passed, ${formatUsd(tier.cost_usd)} spent`;
  return `${label} cost per passed attempt ${formatUsd(tier.cost_per_passed_attempt_usd ?? null)} > ${limit}`;
}
function marginFact(report, e) {
  const name = severalWorkflows(report) ? `${e.workflow} ` : "";
  const margin = e.gross_margin === null ? "no margin" : `margin ${percent(e.gross_margin)}`;
  return `${name}${margin} < ${thresholdPercent(e.min_gross_margin ?? 0)}`;
}
function costUndecided(report) {
  return report.tiers.some((t) => t.cost_limit?.outcome === "unknown") || (report.economics ?? []).some((e) => e.unpriced && e.min_gross_margin !== null);
}
function tierColumns(report) {
  const withWorkflow = severalWorkflows(report);
  const withBaseline = report.baseline !== void 0;
  const header = [
    ...withWorkflow ? ["Workflow"] : [],
    "Tier",
    "Passed",
    "Rate",
    intervalHeader(report),
    "Threshold",
    "Attempts",
    "Decision",
    ...withBaseline ? ["Baseline"] : [],
    "Verdict"
  ];
  const rows = report.tiers.map((t) => [
    ...withWorkflow ? [t.workflow] : [],
    t.tier,
    passedCell(t),
    percent(t.success_rate),
    `${(t.ci_low * 100).toFixed(1)}\u2013${percent(t.ci_high)}`,
    thresholdCell(t),
    attemptsCell(t),
    decisionCell(t),
    ...withBaseline ? [baselineCell(t)] : [],
    verdictCell(t)
  ]);
  return { header, rows };
}
function passedCell(t) {
  const extra = [
    ...t.flaky ? [`${t.flaky} flaky`] : [],
    ...t.errored > 0 ? [`${t.errored} errored`] : [],
    ...t.not_run > 0 ? [`${t.not_run} not run`] : []
  ];
  return `${t.passed}/${t.total}${extra.length > 0 ? ` (${extra.join(", ")})` : ""}`;
}
function attemptsCell(t) {
  if (!t.attempts || t.attempts.max <= 1) return t.attempts?.max === 0 ? "0" : "1";
  return t.attempts.min === t.attempts.max ? `${t.attempts.max}` : `${t.attempts.per_task.toFixed(1)}/task`;
}
function thresholdCell(t) {
  if (t.threshold === null) return "\u2014";
  return `\u2265 ${thresholdPercent(t.threshold)}${t.min_tasks !== null ? `, min ${t.min_tasks} tasks` : ""}`;
}
function baselineCell(t) {
  if (t.baseline_rate == null) return "\u2014";
  const limit = t.max_drop != null ? `, max drop ${points(t.max_drop)}` : "";
  return `${percent(t.baseline_rate)} (${signedPoints(t.success_rate - t.baseline_rate)}${limit})`;
}

// src/html/escape.ts
var Html = class {
  constructor(value) {
    this.value = value;
  }
  value;
  toString() {
    return this.value;
  }
};
var HTML_ESCAPES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
function escapeHtml(text) {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}
var VOID_ELEMENTS = /* @__PURE__ */ new Set(["br", "hr", "wbr"]);
function h(tag, attributes, ...children) {
  const attrs = Object.entries(attributes ?? {}).filter(([, value]) => value !== null && value !== void 0 && value !== false).map(([name, value]) => value === true ? ` ${name}` : ` ${name}="${escapeHtml(String(value))}"`).join("");
  if (VOID_ELEMENTS.has(tag)) return new Html(`<${tag}${attrs}>`);
  return new Html(`<${tag}${attrs}>${render(children)}</${tag}>`);
}
function render(children) {
  return children.map(renderChild).join("");
}
function renderChild(child) {
  if (child === null || child === void 0 || child === false) return "";
  if (child instanceof Html) return child.value;
  if (Array.isArray(child)) return render(child);
  return escapeHtml(String(child));
}
function jsonForScript(json) {
  return json.replace(/</g, "\\u003c");
}
function jsonScript(id, json) {
  return `<script type="application/json" id="${escapeHtml(id)}">${jsonForScript(json)}</script>
`;
}

// src/html/document.ts
import { createHash } from "node:crypto";

// src/html/style.ts
var PAGE_STYLE = `
:root {
  --fg: #1f2328; --muted: #656d76; --line: #d0d7de; --bg-soft: #f6f8fa;
  --ok: #1a7f37; --ok-soft: #dafbe1; --fail: #cf222e; --fail-soft: #ffebe9;
  --warn: #9a6700; --warn-soft: #fff8c5; --grey: #8c959f; --accent: #0969da;
}
* { box-sizing: border-box; }
body { margin: 0; padding: 24px; color: var(--fg); background: #fff;
  font: 14px/1.5 -apple-system, BlinkMacSystemFont, "Segoe UI", Helvetica, Arial, sans-serif; }
main { max-width: 1280px; margin: 0 auto; }
h1 { font-size: 22px; margin: 0 0 8px; }
.toc { display: flex; flex-wrap: wrap; gap: 12px; margin-bottom: 16px; font-size: 13px; }
.toc a { color: var(--accent); }
h2 { font-size: 18px; margin: 32px 0 12px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
h3 { font-size: 15px; margin: 20px 0 8px; }
h4 { font-size: 13px; margin: 16px 0 6px; text-transform: uppercase; letter-spacing: .03em; color: var(--muted); }
h5 { font-size: 12px; margin: 4px 0; color: var(--muted); }
code, pre { font: 12px/1.45 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
pre { margin: 0; padding: 8px; background: var(--bg-soft); border: 1px solid var(--line); border-radius: 6px;
  max-height: 24em; overflow: auto; white-space: pre-wrap; word-break: break-word; }
.muted, small { color: var(--muted); }
.note { color: var(--muted); font-size: 12px; }
.decision { padding: 16px; border-radius: 8px; border: 1px solid var(--line); }
.decision-pass { background: var(--ok-soft); border-color: var(--ok); }
.decision-fail { background: var(--fail-soft); border-color: var(--fail); }
.decision-error { background: var(--warn-soft); border-color: var(--warn); }
.verdict { font-size: 20px; margin: 0 0 8px; }
.reasons { margin: 4px 0 8px; padding-left: 20px; }
.meta { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 0; }
.meta dt, .definitions dt { font-weight: 600; }
.meta dd, .definitions dd { margin: 0; }
.definitions { display: grid; grid-template-columns: minmax(120px, max-content) 1fr; gap: 4px 16px; margin: 0; }
.definitions ul { margin: 0; padding-left: 18px; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(170px, 1fr)); gap: 8px; margin: 0; }
.card { border: 1px solid var(--line); border-radius: 6px; padding: 8px 12px; }
.card dt { color: var(--muted); font-size: 12px; }
.card dd { margin: 0; font-size: 16px; font-weight: 600; }
.tone-pass dd { color: var(--ok); } .tone-fail dd { color: var(--fail); } .tone-error dd { color: var(--warn); }
.grid-table { border-collapse: collapse; width: 100%; margin: 8px 0; }
.grid-table th, .grid-table td { border-bottom: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
.grid-table th { background: var(--bg-soft); font-size: 12px; }
.num { text-align: right !important; white-space: nowrap; }
.verdict-fail td, tr.worse td { background: var(--fail-soft); }
.chart { margin: 0 0 8px; }
.chart svg { max-width: 100%; height: auto; font-size: 11px; }
.chart .grid { stroke: var(--line); stroke-width: 1; }
.chart .axis, .chart .label { fill: var(--muted); }
.chart .value { fill: var(--fg); font-weight: 600; }
.bar-ok .bar { fill: var(--ok); } .bar-fail .bar { fill: var(--fail); } .bar-ungated .bar { fill: var(--grey); }
.chart .ci { stroke: var(--fg); stroke-width: 1.5; }
.chart .threshold { stroke: var(--fg); stroke-width: 2; stroke-dasharray: 5 3; }
.legend { display: flex; flex-wrap: wrap; gap: 16px; font-size: 12px; color: var(--muted); }
.key::before { content: ""; display: inline-block; width: 12px; height: 12px; margin-right: 4px; vertical-align: -2px; }
.key-ok::before { background: var(--ok); } .key-fail::before { background: var(--fail); }
.key-ungated::before { background: var(--grey); }
.key-threshold::before { height: 0; border-top: 2px dashed var(--fg); vertical-align: 3px; }
.key-ci::before { width: 2px; background: var(--fg); margin: 0 9px 0 5px; }
.workflow { border: 1px solid var(--line); border-radius: 8px; padding: 4px 16px 16px; margin-bottom: 16px; }
.permissions tr.sensitive td { background: var(--warn-soft); }
.badge { display: inline-block; padding: 0 6px; margin: 0 2px; border-radius: 10px; font-size: 11px; line-height: 18px;
  border: 1px solid var(--line); background: #fff; white-space: nowrap; }
.badge.hot { border-color: var(--warn); background: var(--warn-soft); color: #7d4e00; font-weight: 600; }
.badge.bad, .badge.status-fail { border-color: var(--fail); background: var(--fail-soft); color: var(--fail); font-weight: 600; }
.badge.status-pass { border-color: var(--ok); background: var(--ok-soft); color: var(--ok); }
.badge.status-error, .badge.status-not_run { border-color: var(--warn); background: var(--warn-soft); color: var(--warn); }
.badge.risk-high { border-color: var(--fail); color: var(--fail); }
.badge.proposal { border-color: var(--accent); background: #ddf4ff; color: var(--accent); font-weight: 600; }
.badge.tag, .badge.muted-badge { color: var(--muted); }
.task-links { display: flex; flex-wrap: wrap; gap: 4px; }
.task-link { font: 12px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; cursor: pointer; color: var(--accent);
  background: none; border: 1px solid var(--line); border-radius: 4px; padding: 1px 6px; }
.filters { display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: center; margin-bottom: 8px; }
.filters select, .filters input, button { font: inherit; }
#task-count { font-weight: 600; margin: 4px 0; }
tr.task { cursor: pointer; }
tr.task:hover td, tr.task:focus td { background: var(--bg-soft); }
tr.task[aria-expanded="true"] td { background: #ddf4ff; }
tr.task td.reason { max-width: 420px; }
tr.detail > td { padding: 0 0 16px 16px; border-left: 3px solid var(--accent); }
.panel { padding: 8px 0; }
.panel-head { margin-bottom: 4px; }
.attempt { border: 1px solid var(--line); border-radius: 6px; padding: 4px 12px; margin: 8px 0; }
.attempt > summary { cursor: pointer; font-weight: 600; }
.calls { list-style: none; padding: 0; margin: 0; }
.call { border: 1px solid var(--line); border-radius: 6px; padding: 6px 10px; margin: 6px 0; }
.call.denied { border: 2px solid var(--fail); background: var(--fail-soft); }
.call.proposed { border-color: var(--accent); }
.call-head { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; }
.call-head .seq { font-weight: 600; color: var(--muted); }
.call-head .facts { color: var(--muted); font-size: 12px; }
.call-body { display: grid; grid-template-columns: 1fr 1fr; gap: 8px; margin-top: 4px; }
.error-text { color: var(--fail); margin: 4px 0; white-space: pre-wrap; }
tr.not-ok td { background: var(--fail-soft); }
.violations { color: var(--fail); font-weight: 600; }
.message { white-space: pre-wrap; }
.output > summary { cursor: pointer; margin-top: 8px; }
@media (max-width: 800px) { .call-body { grid-template-columns: 1fr; } body { padding: 8px; } }
`;

// src/html/document.ts
function pageStyle(extra = "") {
  return PAGE_STYLE + extra;
}
function sourceHash(text) {
  return `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;
}
function documentStart(shell) {
  return `${shell.doctype}
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${shell.policy}">
<meta name="referrer" content="no-referrer">
` + render([h("title", null, shell.title)]) + `
<style>${shell.style}</style>
</head>
<body>
<main>
`;
}
var MAIN_END = "\n</main>\n";
function documentEnd(script) {
  return `${script !== void 0 ? `<script>${script}</script>
` : ""}</body>
</html>
`;
}

// src/report/markdown-table.ts
function markdownTable(header, rows) {
  const line = (cells) => `| ${cells.map(escapeCell).join(" | ")} |`;
  return [line(header), `|${header.map(() => "---").join("|")}|`, ...rows.map(line)].join("\n");
}
function escapeCell(text) {
  return oneLine(text).replace(/\|/g, "\\|");
}
function oneLine(text) {
  return text.replace(/\s*[\r\n]+\s*/g, " ");
}

// src/gate/versions.ts
import path from "node:path";
function compareFiles(now, before) {
  const theirs = new Map(before.map((f) => [f.path, f]));
  const mine = new Set(now.map((f) => f.path));
  const compared = now.map((f) => {
    const old = theirs.get(f.path);
    const change = !old ? "added" : old.sha256 === f.sha256 ? "unchanged" : "changed";
    return { path: f.path, kind: f.kind, change };
  });
  const removed = before.filter((f) => !mine.has(f.path)).map((f) => ({ path: f.path, kind: f.kind, change: "removed" }));
  return [...compared, ...removed];
}
function againstBaseline(workflow, baseline) {
  if (!baseline)
    return {
      known: false,
      note: "the baseline report records no versions (written before evalgate recorded them)",
      files: []
    };
  const theirs = baseline.workflows.find((w) => w.workflow === workflow.workflow);
  if (!theirs)
    return { known: false, note: `the baseline report has no versions of workflow ${workflow.workflow}`, files: [] };
  return {
    known: true,
    ...theirs.version !== void 0 ? { version: theirs.version } : {},
    files: compareFiles(workflow.files, theirs.files)
  };
}
function fileNamer(files) {
  const counts = /* @__PURE__ */ new Map();
  for (const f of files) counts.set(path.posix.basename(f.path), (counts.get(path.posix.basename(f.path)) ?? 0) + 1);
  return (file) => {
    const name = path.posix.basename(file.path);
    return (counts.get(name) ?? 0) > 1 ? file.path : name;
  };
}
function changesLine(files) {
  const name = fileNamer(files);
  const order = [...FILE_CHANGES.filter((c) => c !== "unchanged"), "unchanged"];
  return order.map((change) => {
    const names = files.filter((f) => f.change === change).map(name);
    return names.length > 0 ? `${names.join(", ")} ${change}` : "";
  }).filter((part) => part !== "").join("; ");
}
function againstBaselineLine(against) {
  if (!against.known) return `versions unknown: ${against.note ?? "the baseline records none"}`;
  return against.files.length > 0 ? changesLine(against.files) : "no files recorded";
}
function versionRule(versions) {
  const verdict = { failures: [], notes: [] };
  const workflows = versions?.workflows ?? [];
  const label = (w) => workflows.length > 1 ? `${w.workflow}: ` : "";
  for (const w of workflows) {
    if (!w.require_bump) continue;
    const against = w.against_baseline;
    if (!against || !against.known) {
      const why = against ? against.note : "no baseline to compare the files with (run with --baseline REPORT.json)";
      verdict.notes.push(`${label(w)}versioning.require_bump not checked: ${why}`);
      continue;
    }
    const changed = against.files.filter((f) => f.change !== "unchanged" && BUMP_KINDS.includes(f.kind));
    if (changed.length === 0) continue;
    const files = changesLine(changed);
    if (w.version === void 0)
      verdict.failures.push(`${label(w)}${files} but workflow.yml sets no version \u2014 fail (versioning.require_bump)`);
    else if (w.version === against.version)
      verdict.failures.push(`${label(w)}${files} but version ${w.version} did not \u2014 fail (versioning.require_bump)`);
    else verdict.notes.push(`${label(w)}${files}; version ${against.version ?? "unset"} -> ${w.version}`);
  }
  return verdict;
}
function withVersionRule(decided, versions) {
  const { failures, notes } = versionRule(versions);
  if (failures.length === 0 && notes.length === 0) return decided;
  const decision = failures.length > 0 && decided.decision === "pass" ? "fail" : decided.decision;
  return { ...decided, decision, reasons: [...failures, ...decided.reasons, ...notes] };
}

// src/model/gate-changes.ts
function hasChanges(c) {
  const { tasks, workflows } = c;
  const lists = [
    c.thresholds,
    tasks.added,
    tasks.removed,
    tasks.changed,
    workflows.renamed,
    workflows.added,
    workflows.removed,
    c.permissions,
    c.endpoints,
    c.notes
  ];
  return c.first_run === true || lists.some((list) => list.length > 0);
}

// src/report/inert-text.ts
var INVISIBLE = /[\u0000-\u001f\u007f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;
var MARKUP_START = /&(?=[#A-Za-z])|<(?=[A-Za-z/!?])/g;
var EVERY = /[&<>]/g;
var ENTITIES = { "&": "&amp;", "<": "&lt;", ">": "&gt;" };
function inertText(text, everyAngle = false) {
  const html = everyAngle ? EVERY : MARKUP_START;
  return text.replace(/\s*[\r\n]+\s*/g, " ").replace(INVISIBLE, "").replace(html, (c) => ENTITIES[c]).replace(/[\\`[\]]/g, (c) => `\\${c}`).replace(/@(?=[\w-])/g, "@\u200B");
}

// src/report/gate-changes.ts
var FOLD_AFTER_LINES = 15;
var LISTED_IDS = 30;
var PR_FORM_REASON_CHARS = 160;
function gateChangesSection(changes, { fold = true } = {}) {
  if (!changes) return "";
  const base = code(changes.base.sha.slice(0, 7));
  if (!hasChanges(changes)) return `Gate rules and golden tasks as on base ${base}`;
  const parts = [
    changes.first_run ? `The base ${base} has no thresholds file: this PR adds the gate, so its own rules apply (no override until they are merged: a PR cannot name its own approvers).` : "",
    thresholdLines(changes.thresholds),
    taskLines(changes),
    workflowLines(changes.workflows),
    listOf(
      "**Permission matrix** (the stricter entry applies):",
      changes.permissions.map((p) => `${code(p.workflow)} ${code(p.tool)}: ${inertText(p.change)}`)
    ),
    listOf(
      "**Endpoints that receive a secret** (the base's apply):",
      changes.endpoints.map((e) => `${code(e.workflow)} ${code(e.field)}: ${inertText(e.note)}`)
    ),
    listOf(
      "**Notes:**",
      changes.notes.map((text) => inertText(text))
    )
  ].filter((p) => p !== "");
  const heading = `### Changes to the gate in this PR

Judged as on base ${base} (read through ${inertText(changes.base.via)}): ${gateChangesOverview(changes)}.`;
  const detail = parts.join("\n\n");
  if (!fold || detail.split("\n").length <= FOLD_AFTER_LINES) return `${heading}

${detail}`;
  return `${heading}

<details><summary>What changed</summary>

${detail}

</details>`;
}
function gateChangesOverview(c) {
  const facts = [
    c.thresholds.length > 0 ? plural(c.thresholds.length, "threshold rule") + " changed" : "",
    c.tasks.added.length > 0 ? plural(c.tasks.added.length, "golden task") + " added" : "",
    c.tasks.removed.length > 0 ? plural(c.tasks.removed.length, "golden task") + " removed" : "",
    c.tasks.changed.length > 0 ? plural(c.tasks.changed.length, "golden task") + " changed" : "",
    c.workflows.renamed.length > 0 ? plural(c.workflows.renamed.length, "workflow") + " renamed" : "",
    c.workflows.removed.length > 0 ? plural(c.workflows.removed.length, "workflow") + " removed" : "",
    c.permissions.length > 0 ? plural(c.permissions.length, "permission change") : "",
    c.endpoints.length > 0 ? plural(c.endpoints.length, "endpoint change") : ""
  ].filter((f) => f !== "");
  return facts.length > 0 ? facts.join(", ") : "see below";
}
function thresholdLines(changes) {
  return listOf(
    "**Thresholds** (base -> PR; the stricter applies):",
    changes.map((t) => {
      const applied = t.effective !== void 0 ? `${show(t.effective)} applies` : `the ${t.applied === "pr" ? "PR's" : "base's"} applies`;
      return `${code(t.rule)}: ${show(t.base)} -> ${show(t.pr)} \u2014 ${applied}`;
    })
  );
}
function taskLines(c) {
  const { added, removed, changed } = c.tasks;
  const several = new Set([...added, ...removed, ...changed].map((t) => t.workflow)).size > 1;
  const name = (t) => code(several ? `${t.workflow}/${t.id}` : t.id);
  const ids = (list) => list.slice(0, LISTED_IDS).map(name).join(", ") + (list.length > LISTED_IDS ? ` and ${list.length - LISTED_IDS} more` : "");
  const lines = [
    removed.length > 0 ? `**Golden tasks removed** (${removed.length}) \u2014 they still run in their base form and count: ${ids(removed)}` : "",
    added.length > 0 ? `**Golden tasks added** (${added.length}) \u2014 they run and count: ${ids(added)}` : "",
    changed.length > 0 ? `**Golden tasks changed** (${changed.length}) \u2014 each counts in its base form; the PR form runs beside it:

` + changed.map((t) => changedTask(t, name(t))).join("\n") : ""
  ];
  return lines.filter((l) => l !== "").join("\n\n");
}
function changedTask(t, name) {
  const form = t.pr_form ? `PR form: **${t.pr_form.status}**${t.pr_form.reasons.length > 0 ? ` (${inertText(truncate(t.pr_form.reasons.join("; "), PR_FORM_REASON_CHARS))})` : ""}` : "PR form: not run in this report";
  const diff = t.diff.length > 0 ? `

${fenced(t.diff, "  ")}` : "";
  return `- ${name} (${t.fields.join(", ")}) \u2014 ${form}${diff}`;
}
function workflowLines(w) {
  return listOf("**Workflows:**", [
    ...w.renamed.map(
      (r) => `${code(r.from)} renamed to ${code(r.to)}: the rules and golden tasks of ${code(r.from)} apply`
    ),
    ...w.removed.map((name) => `${code(name)} removed: its golden tasks cannot run, so the gate fails`),
    ...w.added.map((name) => `${code(name)} added`)
  ]);
}
function listOf(title, items) {
  return items.length === 0 ? "" : `${title}

${items.map((i) => `- ${i}`).join("\n")}`;
}
function show(value) {
  return value === null ? "none" : typeof value === "number" ? String(value) : code(value);
}
function code(text) {
  const line = oneLine2(text);
  const longest = largest(
    [...line.matchAll(/`+/g)].map((m) => m[0].length),
    0
  );
  const fence = "`".repeat(longest + 1);
  const pad = line.startsWith("`") || line.endsWith("`") ? " " : "";
  return `${fence}${pad}${line}${pad}${fence}`;
}
function fenced(lines, indent) {
  const longest = largest(
    lines.flatMap((l) => [...l.matchAll(/`+/g)].map((m) => m[0].length)),
    0
  );
  const fence = "`".repeat(Math.max(3, longest + 1));
  return [fence, ...lines.map(oneLine2), fence].map((l) => indent + l).join("\n");
}
function oneLine2(text) {
  return text.replace(/\s*[\r\n]+\s*/g, " ");
}
function truncate(text, limit) {
  return preview(text, limit, { markInside: true });
}

// src/gate/tool-faults.ts
function faultedTasks(report) {
  const several = report.workflows.length > 1;
  return report.tasks.flatMap(
    (t) => t.tool_faults === void 0 ? [] : [
      {
        task: several ? `${t.workflow}/${t.id}` : t.id,
        tier: t.tier,
        status: t.status,
        faults: t.tool_faults,
        answered: answeredWith(t)
      }
    ]
  );
}
function answeredWith(task) {
  const said = [task.escalated ? "escalated" : "", task.fallback ? `fallback ${task.fallback}` : ""].filter(Boolean);
  return said.length > 0 ? said.join(", ") : "neither";
}
function toolFaultsLine(faulted) {
  const passed = faulted.filter((t) => t.status === "pass").length;
  const others = faulted.length - passed;
  const noun = faulted.length === 1 ? "task" : "tasks";
  return `${faulted.length} ${noun} met a tool fault: ${passed} passed, ${others} did not`;
}

// src/report/rollout-section.ts
function rolloutSection(report) {
  const judged = report.workflows.filter((w) => w.phase !== void 0);
  if (judged.length === 0) return "";
  return ["### Rollout", ...judged.map(workflowPart)].join("\n\n");
}
function workflowPart(w) {
  const phase = w.phase;
  const declared = w.declared_phase ? ` (by --phase; its workflow.yml declares ${w.declared_phase})` : "";
  const head = `**${inertText(w.name)}** was judged at phase **${phase}**${declared} \u2014 ${PHASE_RULES[phase].allows}.`;
  const table = permissionMatrixMarkdown(w.permissions ?? {}, phase);
  if (table === "") return `${head}

${identityLine(w)}`;
  return `${head}

${identityLine(w)}

<details><summary>Permission matrix</summary>

${table}

</details>`;
}
function permissionMatrixMarkdown(permissions, phase) {
  const tools = Object.entries(permissions);
  if (tools.length === 0) return "";
  const rows = tools.map(([tool, p]) => [
    inertText(tool),
    p.scope,
    p.risk,
    p.approval,
    inertText((p.scopes ?? []).join(", ")) || "\u2014",
    inertText(limitsInWords(p)) || "\u2014",
    toolUseAt(phase, p)
  ]);
  return markdownTable(["Tool", "Scope", "Risk", "Approval", "Scopes", "Limits", `At ${phase}`], rows);
}
function identityLine(w) {
  if (!w.identity) return "- Identity: not declared";
  const principal = w.identity.principal ? ` as ${inertText(w.identity.principal)}` : "";
  return `- Identity: ${w.identity.model}${principal}`;
}

// src/report/versions-section.ts
var SHORT_HASH = 12;
function versionsSection(report) {
  const versions = report.versions;
  if (!versions || versions.workflows.length === 0) return "";
  const commit = versions.commit ? ` Files as read at commit ${versions.commit.slice(0, 7)}.` : "";
  const intro = `SHA-256 of each file that defines the agent, as the run loaded it (first ${SHORT_HASH} hex digits).${commit}`;
  return ["### Versions", intro, ...versions.workflows.map(workflowPart2)].join("\n\n");
}
function workflowPart2(w) {
  const against = w.against_baseline;
  const known = against?.known === true;
  const changeOf = new Map((known ? against.files : []).map((f) => [f.path, f.change]));
  const header = ["File", "Kind", "SHA-256", ...known ? ["Against the baseline"] : []];
  const rows = w.files.map((f) => [
    inertText(f.path),
    f.kind,
    f.sha256.slice(0, SHORT_HASH),
    ...known ? [changeOf.get(f.path) ?? "\u2014"] : []
  ]);
  const removed = known ? against.files.filter((f) => f.change === "removed") : [];
  for (const f of removed) rows.push([inertText(f.path), f.kind, "\u2014", "removed"]);
  const lines = [
    `**${inertText(w.workflow)}** \xB7 ${versionWords(w)}${w.require_bump ? " \xB7 versioning.require_bump" : ""}`
  ];
  if (against) lines.push(`Against the baseline: ${inertText(againstBaselineLine(against))}`);
  return [lines.join("\n\n"), markdownTable(header, rows)].join("\n\n");
}
function versionWords(w) {
  const mine = w.version !== void 0 ? `version ${inertText(w.version)}` : "no version";
  const against = w.against_baseline;
  if (!against?.known) return mine;
  return `${mine} (baseline: ${against.version !== void 0 ? inertText(against.version) : "no version"})`;
}
function versionsBrief(report) {
  const workflows = (report.versions?.workflows ?? []).filter((w) => w.against_baseline);
  const several = workflows.length > 1;
  return workflows.map((w) => {
    const against = w.against_baseline;
    const name = several ? `${inertText(w.workflow)}: ` : "";
    const version = against.known && against.version !== w.version ? ` \xB7 version ${inertText(against.version ?? "unset")} \u2192 ${inertText(w.version ?? "unset")}` : "";
    return `**Versions against the baseline:** ${name}${inertText(againstBaselineLine(against))}${version}`;
  }).join("\n\n");
}
function incidentsSection(report) {
  const incidents = report.incidents ?? [];
  if (incidents.length === 0) return "";
  const several = new Set(incidents.map((i) => i.workflow)).size > 1;
  const rows = incidents.map((i) => [
    inertText(several ? `${i.workflow}/${i.id}` : i.id),
    i.date,
    i.severity,
    inertText(i.summary),
    inertText(taskWords(i)),
    i.passing === false ? "**no**" : passingWords(i.passing)
  ]);
  const failing = incidents.filter((i) => i.passing === false).length;
  const intro = failing > 0 ? `${failing} of ${incidents.length} incidents are reproduced by a task that fails in this run.` : `No incident's task fails in this run.`;
  return [
    "### Incidents (incidents.yml)",
    intro,
    markdownTable(["Incident", "Date", "Severity", "Summary", "Tasks", "Passes now"], rows)
  ].join("\n\n");
}
function taskWords(incident) {
  if (incident.tasks.length === 0) return "none";
  return incident.tasks.map((t) => `${t.id} (${t.status === "absent" ? "not in this run" : t.status})`).join(", ");
}
function passingWords(passing) {
  return passing === null ? "unknown" : passing ? "yes" : "no";
}

// src/report/readiness-section.ts
function readinessSection(report) {
  const { readiness } = report;
  if (!readiness) return "";
  const rows = readiness.sections.map((s) => [
    sectionName(s),
    s.status === "met" ? "met" : `**${s.status}**`,
    s.missing.map((m) => inertText(m)).join("; ") || "\u2014"
  ]);
  const evidence = readiness.sections.filter((s) => s.evidence.length > 0).map((s) => `- **${sectionName(s)}:** ${s.evidence.map((e) => inertText(e)).join("; ")}`);
  return [
    `### Readiness \u2014 ${readinessCounts(readiness)}`,
    markdownTable(["Section", "Status", "Still missing"], rows),
    `<details><summary>What evidences each section</summary>

${evidence.join("\n")}

</details>`
  ].join("\n\n");
}

// src/report/summary.ts
var REASONS_CELL_LIMIT = 300;
var REGRESSION_REASON_LIMIT = 140;
var TOP_FAILURE_MODES = 3;
var FAILURE_MODE_EXAMPLES = 3;
function renderSummary(report, opts = {}) {
  const maxFailed = opts.maxFailed ?? 50;
  const sections = [
    headline(report, true),
    baselineWarning(report),
    tierTable(report),
    topFailureModes(report),
    report.reasons.map((r) => `- ${inertText(r)}`).join("\n"),
    decisionNotes(report),
    gateChangesSection(report.gate_changes),
    versionsSection(report),
    failedTasks(report, maxFailed),
    flakyTasks2(report, maxFailed),
    baselineChanges(report, maxFailed),
    rolloutSection(report),
    drillSection(report),
    incidentsSection(report),
    toolFaultsSection(report),
    readinessSection(report),
    totals(report)
  ];
  return sections.filter((s) => s !== "").join("\n\n") + "\n";
}
function baselineWarning(report) {
  const missing = report.baseline?.missing_tiers ?? [];
  if (missing.length === 0) return "";
  const several = severalWorkflows(report);
  const names = missing.map((t) => several ? `${t.workflow} ${t.tier}` : t.tier).join(", ");
  return `> **Warning:** the baseline ${oneLine(report.baseline.file)} has no result for ${names}: ${missing.length === 1 ? "that tier is" : "those tiers are"} not compared with it (no paired comparison, no \`max_drop\`).`;
}
function tierTable(report) {
  const { header, rows } = tierColumns(report);
  const cell = (tier, column, text) => {
    if (column === "Verdict" && text === "fail") return "**fail**";
    if (column === "Rate") return rateWithChange(tier);
    if (column === "Baseline") return baselineRate(tier);
    return text;
  };
  return markdownTable(
    header,
    rows.map((row, r) => row.map((text, i) => cell(report.tiers[r], header[i], text)))
  );
}
function rateWithChange(tier) {
  const rate = percent(tier.success_rate);
  return tier.baseline_rate == null ? rate : `${rate} (${signedPoints(tier.success_rate - tier.baseline_rate)} pts)`;
}
function baselineRate(tier) {
  if (tier.baseline_rate == null) return "\u2014";
  return `${percent(tier.baseline_rate)}${tier.max_drop != null ? `, max drop ${points(tier.max_drop)} pts` : ""}`;
}
function topFailureModes(report) {
  const modes = report.failure_modes ?? failureModes(report.tasks);
  if (modes.length === 0) return "";
  const items = modes.slice(0, TOP_FAILURE_MODES).map((mode, i) => {
    const shown = mode.tasks.slice(0, FAILURE_MODE_EXAMPLES).map((text) => inertText(text)).join(", ");
    const more = mode.count > FAILURE_MODE_EXAMPLES ? ` and ${mode.count - FAILURE_MODE_EXAMPLES} more` : "";
    return `${i + 1}. **${mode.label}** \u2014 ${plural(mode.count, "task")}: ${shown}${more}`;
  });
  const rest = modes.slice(TOP_FAILURE_MODES);
  const restLine = rest.length > 0 ? [`Also: ${rest.map((m) => `${m.label} (${m.count})`).join(", ")}.`] : [];
  const notPassed = report.tasks.filter((t) => t.status !== "pass").length;
  const counted = modes.reduce((sum, m) => sum + m.count, 0);
  const note = counted > notPassed ? [`${plural(notPassed, "task")} did not pass; a task with several causes counts under each.`] : [];
  return ["### Top failure modes", items.join("\n"), ...restLine, ...note].join("\n\n");
}
function failedTaskList(report) {
  return report.tasks.filter((t) => t.status !== "pass" && !isFlaky(t.attempts)).sort(byImportance2);
}
function taskName(report, task) {
  return severalWorkflows(report) ? `${task.workflow}/${task.id}` : task.id;
}
function failedTasks(report, maxFailed) {
  const failed = failedTaskList(report);
  if (failed.length === 0) return "";
  const rows = failed.slice(0, maxFailed).map((t) => [
    inertText(taskName(report, t)),
    t.tier,
    t.risk,
    statusCell(t),
    inertText(truncate2(t.reasons.join("; "), REASONS_CELL_LIMIT))
  ]);
  const table = markdownTable(["Task", "Tier", "Risk", "Status", "Reasons"], rows);
  return `### Failed tasks (${failed.length})

${table}${moreLine(failed.length, maxFailed)}`;
}
function byImportance2(a, b) {
  return TIERS.indexOf(a.tier) - TIERS.indexOf(b.tier) || RISKS.indexOf(b.risk) - RISKS.indexOf(a.risk);
}
function statusCell(task) {
  const status = task.status === "not_run" ? "not run" : task.status;
  return task.attempts.total > 1 ? `${status} (${task.attempts.passed}/${task.attempts.total} attempts passed)` : status;
}
function decisionNotes(report) {
  const several = severalWorkflows(report);
  const lines = report.tiers.flatMap((t) => {
    const d = t.decision;
    if (!d || !t.ci_method) return [];
    const label = `${several ? `${t.workflow} ` : ""}${t.tier}`;
    const rule = `${thresholdPercent(d.confidence)} confidence outside a ${points(d.margin)}-point margin` + (report.attempts.mode === "fixed" ? `, ${plural(report.repeat ?? 1, "attempt")} per task (--repeat)` : `, up to ${d.max_attempts} attempts per task`);
    return [`- ${label}: ${t.ci_method}; ${rule}`];
  });
  const warnings = tooSmallWarnings(report);
  if (lines.length === 0 && warnings.length === 0) return "";
  return [
    "<details><summary>How the tiers were decided</summary>",
    "",
    ...lines,
    "",
    "</details>",
    ...warnings.length > 0 ? ["", ...warnings] : []
  ].join("\n");
}
function tooSmallWarnings(report) {
  return report.tiers.flatMap((t) => t.too_small ? [`- \u26A0\uFE0F ${t.too_small}`] : []);
}
var FLAKY_OPEN_LIMIT = 10;
function flakyTasks2(report, maxShown) {
  const names = report.flaky_tasks;
  if (names.length === 0) return "";
  const list = flakyList(report, maxShown);
  const title = `Flaky tasks (${names.length}) \u2014 mixed outcomes across attempts`;
  return names.length > FLAKY_OPEN_LIMIT ? `<details><summary><strong>${title}</strong></summary>

${list}

</details>` : `### ${title}

${list}`;
}
function flakyList(report, maxShown) {
  const names = report.flaky_tasks;
  const byName = new Map(report.tasks.map((t) => [severalWorkflows(report) ? `${t.workflow}/${t.id}` : t.id, t]));
  const items = names.slice(0, maxShown).map((name) => {
    const task = byName.get(name);
    return task ? `- ${inertText(name)} (${task.tier}, ${task.risk} risk): passed ${task.attempts.passed} of ${task.attempts.total} attempts` : `- ${inertText(name)}`;
  });
  return items.join("\n") + moreLine(names.length, maxShown);
}
function baselineChanges(report, maxFailed) {
  if (!report.baseline) return "";
  return [`### Against the baseline (${inertText(report.baseline.file)})`, baselineLists(report, maxFailed)].join(
    "\n\n"
  );
}
function baselineLists(report, maxFailed) {
  const baseline = report.baseline;
  if (!baseline) return "";
  const byName = /* @__PURE__ */ new Map();
  for (const t of report.tasks) byName.set(severalWorkflows(report) ? `${t.workflow}/${t.id}` : t.id, t);
  const item = (name, withReason) => {
    const task = byName.get(name);
    if (!task) return `- ${inertText(name)}`;
    const reason = withReason && task.reasons.length > 0 ? `: ${inertText(truncate2(task.reasons[0], REGRESSION_REASON_LIMIT))}` : "";
    return `- ${inertText(name)} (${task.tier})${reason}`;
  };
  const list = (title, meaning, names, withReason) => names.length === 0 ? `**${title}:** none` : `**${title} (${names.length})** \u2014 ${meaning}:

` + names.slice(0, maxFailed).map((name) => item(name, withReason)).join("\n") + moreLine(names.length, maxFailed);
  const highRisk = baseline.high_risk_regressions ?? [];
  return [
    ...highRisk.length > 0 ? [list("High-risk regressions", "each fails the gate (baseline.block_high_risk_regressions)", highRisk, true)] : [],
    list("Regressions", "passed every attempt in the baseline, fail every attempt now", baseline.regressions, true),
    list("Fixed", "failed every attempt in the baseline, pass every attempt now", baseline.fixed, false),
    list("Flaky", "mixed outcomes on either side, not counted as regressed or fixed", baseline.flaky ?? [], false),
    ...pairedLines(report)
  ].join("\n\n");
}
function pairedLines(report) {
  const several = severalWorkflows(report);
  const lines = report.tiers.flatMap((t) => {
    const p = t.paired;
    if (!p) return [];
    const label = `${several ? `${t.workflow} ` : ""}${t.tier}`;
    return [
      `- ${label}: paired over ${plural(p.common, "task")}: drop ${signedPoints(-p.drop)} points, ${p.regressed} regressed vs ${p.fixed} fixed, McNemar p = ${Number(p.p_value.toPrecision(2))}${p.significant ? " (significant)" : ""}`
    ];
  });
  return lines.length > 0 ? [lines.join("\n")] : [];
}
function totals(report) {
  const t = report.totals;
  const breakdown = [
    `${t.passed} passed`,
    `${t.failed} failed`,
    `${t.errored} errored`,
    ...t.not_run > 0 ? [`${t.not_run} not run`] : []
  ];
  const unpriced = t.cost_unknown_models?.length ? ` (no price for ${inertText(t.cost_unknown_models.join(", "))})` : "";
  const lines = [
    `- Tasks: ${t.tasks} (${breakdown.join(", ")})`,
    `- Errors: ${plural(t.errored, "task")} errored, error rate ${percent(t.error_rate)} (max_error_rate ${thresholdPercent(report.gate.max_error_rate)})`,
    `- Duration: ${formatDuration(t.duration_ms)} (sum of task run times)`,
    `- Model calls: ${formatCount(t.model_calls)} \xB7 Tool calls: ${formatCount(t.tool_calls)} \xB7 Tokens: ${formatCount(t.tokens.input)} in / ${formatCount(t.tokens.output)} out`,
    `- Cost: ${formatUsd(t.cost_usd)}${unpriced} \xB7 per successful task: ${formatUsd(t.cost_per_success_usd)}` + perAttemptText(report, t.cost_per_passed_attempt_usd)
  ];
  const margins = marginLine(report);
  if (margins) lines.push(margins);
  if (t.model_calls > 0 || report.economics || report.tiers.some((tier) => tier.cost_limit)) {
    const byTier = report.tiers.map((tier) => {
      const name = `${severalWorkflows(report) ? `${tier.workflow} ` : ""}${tier.tier}`;
      const extra = [
        ...tier.cost_per_passed_attempt_usd !== void 0 ? [`${formatUsd(tier.cost_per_passed_attempt_usd)} per passed attempt`] : [],
        ...tier.cost_limit ? [
          `max ${usdLimit(tier.cost_limit.max_usd)}${failedChecks(tier).includes("max_cost_per_success") ? " \u2014 **over**" : ""}`
        ] : [],
        ...tier.gross_margin != null ? [`margin ${percent(tier.gross_margin)}`] : []
      ];
      return `${name} ${formatUsd(tier.cost_usd)} (${[`${formatUsd(tier.cost_per_success_usd ?? null)} per success`, ...extra].join(", ")})`;
    }).join(" \xB7 ");
    lines.push(`- Cost by tier: ${byTier}`);
  }
  lines.push(attemptsLine(report));
  if (report.attempts.total > t.tasks) {
    const passK = report.tiers.filter((tier) => tier.pass_k && tier.pass_k.k > 1).map(
      (tier) => `${severalWorkflows(report) ? `${tier.workflow} ` : ""}${tier.tier} pass^${tier.pass_k.k} ${percent(tier.pass_k.rate)}`
    );
    if (passK.length > 0) lines.push(`- pass^k (every one of k attempts passes): ${passK.join(", ")}`);
  }
  if (report.shard) {
    const { index, count, set_size } = report.shard;
    lines.push(`- Shard ${index + 1}/${count} of ${set_size} tasks: merge all shards to decide the gate`);
  }
  if (report.commit) lines.push(`- Commit: ${report.commit}`);
  return `### Totals

${lines.join("\n")}`;
}
function perAttemptText(report, usd) {
  if (usd === void 0) return "";
  const cached = report.tasks.some((task) => task.cached_cost_usd !== void 0);
  return ` \xB7 per passed attempt: ${formatUsd(usd)}${cached ? " (cached responses at their price)" : ""}`;
}
function marginLine(report) {
  const entries = report.economics ?? [];
  if (entries.length === 0) return "";
  const several = severalWorkflows(report);
  const items = entries.map((e) => {
    const margin = e.gross_margin === null ? "none" : percent(e.gross_margin);
    const min = e.min_gross_margin !== null ? `min ${thresholdPercent(e.min_gross_margin)}, ` : "";
    return `${several ? `${inertText(e.workflow)} ` : ""}${margin} (${min}value ${formatUsd(e.value_per_success_usd)})${e.ok ? "" : " \u2014 **fail**"}`;
  });
  return `- Gross margin (1 \u2212 cost per passed attempt / value): ${items.join(" \xB7 ")}`;
}
function attemptsLine(report) {
  const a = report.attempts;
  const how = a.mode === "fixed" ? `--repeat ${report.repeat ?? 1}` : "adaptive";
  const extra = a.extra > 0 ? `; ${formatCount(a.extra)} extra, ${formatUsd(a.extra_cost_usd)}` : "";
  const stopped = a.stopped_by ? ` \u2014 ${a.stopped_by}` : "";
  return `- Attempts: ${formatCount(a.total)} in ${plural(a.rounds, "round")} (${how}${extra})${stopped}`;
}
function moreLine(total, shown) {
  return total > shown ? `

\u2026and ${total - shown} more (see report.json)` : "";
}
function drillSection(report) {
  const { drill } = report;
  if (!drill) return "";
  const intro = `### Kill-switch drill

${drillLine(drill)} (counted apart from the tiers).`;
  if (drill.failures.length === 0) return intro;
  const rows = drill.failures.map((f) => [
    inertText(drillTaskName(report, f)),
    f.status,
    inertText(truncate2(f.reason, REASONS_CELL_LIMIT))
  ]);
  return `${intro}

${markdownTable(["Task", "Status", "Reason"], rows)}`;
}
function toolFaultsSection(report) {
  const faulted = faultedTasks(report);
  if (faulted.length === 0) return "";
  const rows = faulted.map((t) => [
    inertText(t.task),
    t.tier,
    inertText(truncate2(t.faults.join("; "), REASONS_CELL_LIMIT)),
    t.answered,
    t.status
  ]);
  const table = markdownTable(["Task", "Tier", "Faults", "Answered", "Status"], rows);
  return `### Tool faults

${toolFaultsLine(faulted)}.

${table}`;
}
function truncate2(text, limit) {
  return preview(text, limit, { markInside: true });
}

export {
  isDiscordant,
  checkBaselineTiers,
  decideGate,
  compareTasks,
  failedChecks,
  causeLabel,
  primaryCause,
  failureModes,
  incidentDefinitions,
  buildReport,
  runAttempts,
  readReport,
  loadBaseline,
  h,
  render,
  jsonForScript,
  jsonScript,
  pageStyle,
  sourceHash,
  documentStart,
  MAIN_END,
  documentEnd,
  severalWorkflows,
  intervalHeader,
  decisionCell,
  verdictCell,
  drillSample,
  drillReport,
  withDrill,
  drillLine,
  drillTaskName,
  faultedTasks,
  toolFaultsLine,
  hasChanges,
  headline,
  decisiveSummary,
  costFact,
  tierColumns,
  inertText,
  gateChangesSection,
  gateChangesOverview,
  markdownTable,
  escapeCell,
  permissionMatrixMarkdown,
  compareFiles,
  againstBaseline,
  fileNamer,
  withVersionRule,
  versionsBrief,
  passingWords,
  renderSummary,
  baselineWarning,
  tierTable,
  failedTaskList,
  taskName,
  byImportance2 as byImportance,
  tooSmallWarnings,
  flakyList,
  baselineLists
};
