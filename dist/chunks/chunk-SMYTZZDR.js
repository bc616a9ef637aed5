import { createRequire as __evalgateCreateRequire } from 'node:module'; const require = __evalgateCreateRequire(import.meta.url);
import {
  tooSmallTiers
} from "./chunk-736N62CT.js";
import {
  agentModel
} from "./chunk-UMWV34Y7.js";
import {
  READINESS_STATUSES,
  economicsSettings
} from "./chunk-HOOUSS7H.js";
import {
  formatCount,
  formatUsd,
  plural,
  points,
  thresholdPercent,
  tierSettings
} from "./chunk-WWFOR4K3.js";
import {
  largest
} from "./chunk-2OAFEBTW.js";
import {
  FALLBACKS,
  PHASES,
  PHASE_RULES,
  TIERS,
  retentionDays
} from "./chunk-7LLJMACG.js";

// src/llm/pricing.ts
var BUILT_IN_PRICES = {
  "gpt-5": price(1.25, 10),
  "gpt-5.1": price(1.25, 10),
  "gpt-5-mini": price(0.25, 2),
  "gpt-5-nano": price(0.05, 0.4),
  "gpt-4.1": price(2, 8),
  "gpt-4.1-mini": price(0.4, 1.6),
  "gpt-4.1-nano": price(0.1, 0.4),
  "gpt-4o": price(2.5, 10),
  "gpt-4o-2024-05-13": price(5, 15),
  "gpt-4o-mini": price(0.15, 0.6),
  o1: price(15, 60),
  "o1-mini": price(1.1, 4.4),
  "o1-pro": price(150, 600),
  o3: price(2, 8),
  "o3-mini": price(1.1, 4.4),
  "o3-pro": price(20, 80),
  "o4-mini": price(1.1, 4.4),
  "gpt-4-turbo": price(10, 30),
  "gpt-4": price(30, 60),
  "gpt-3.5-turbo": price(0.5, 1.5)
};
var PriceTable = class {
  prices = /* @__PURE__ */ new Map();
  found = /* @__PURE__ */ new Map();
  constructor(overrides = {}) {
    for (const [model, p] of Object.entries(BUILT_IN_PRICES)) this.prices.set(model, p);
    for (const [model, p] of Object.entries(overrides)) this.prices.set(model.toLowerCase(), p);
  }
  /**
   * The exact name, else the longest known name it extends with a `-` suffix, so that
   * `gpt-4o-mini-2024-07-18` is priced as `gpt-4o-mini`, but `gpt-5.2` is not priced as `gpt-5`.
   */
  priceFor(model) {
    if (this.found.has(model)) return this.found.get(model);
    const name = model.toLowerCase();
    let best;
    if (this.prices.has(name)) best = name;
    else {
      for (const known of this.prices.keys()) {
        if (name.startsWith(`${known}-`) && (best === void 0 || known.length > best.length)) best = known;
      }
    }
    const result = best === void 0 ? void 0 : this.prices.get(best);
    this.found.set(model, result);
    return result;
  }
};
function priceFor(model, overrides = {}) {
  return new PriceTable(overrides).priceFor(model);
}
function costOf(price2, inputTokens, outputTokens) {
  if (price2 === void 0) return null;
  const usd = (inputTokens * price2.input_per_mtok + outputTokens * price2.output_per_mtok) / 1e6;
  return Math.round(usd * 1e10) / 1e10;
}
function price(input_per_mtok, output_per_mtok) {
  return { input_per_mtok, output_per_mtok };
}

// src/readiness/inputs.ts
function readinessInputs(project, run) {
  const { thresholds } = project;
  const gate = {
    rules: thresholds.rules,
    workflows: thresholds.workflows,
    max_error_rate: thresholds.budgets.max_error_rate
  };
  return {
    workflows: project.workflows.map((workflow) => {
      const tasks = project.tasks.filter((t) => t.workflow === workflow.name);
      return {
        workflow,
        tasks,
        thresholds,
        gate,
        models: modelsOf(workflow, tasks, thresholds),
        ...run ? { run: runOf(workflow.name, run) } : {},
        ...governanceAndRunbook(workflow),
        ...costRules(workflow, gate),
        ...versionsAndIncidents(workflow)
      };
    })
  };
}
function governanceAndRunbook(workflow) {
  const governance = workflow.data_governance;
  const runbook2 = workflow.runbook;
  const retention2 = governance?.retention && {
    prompts_days: retentionDays(governance, "prompts"),
    traces_days: retentionDays(governance, "traces"),
    artifacts_days: retentionDays(governance, "artifacts")
  };
  return {
    ...runbook2 ? { runbook: { path: runbook2.file, sectionsMissing: runbook2.sections.missing.map((m) => m.title) } } : {},
    ...governance?.subprocessors ? { subprocessors: governance.subprocessors } : {},
    ...governance?.stored ? { stored: governance.stored.length } : {},
    ...retention2 ? { retention: retention2 } : {}
  };
}
function costRules(workflow, gate) {
  const limits = gate.workflows[workflow.name]?.max_cost_per_success_usd ?? gate.rules.max_cost_per_success_usd;
  const values = Object.values(limits ?? {}).filter((v) => v !== void 0);
  const { value, min } = economicsSettings(gate, workflow.name);
  return {
    ...values.length > 0 ? { maxCostPerSuccessUsd: values.reduce((a, b) => Math.min(a, b)) } : {},
    ...value !== void 0 && min !== void 0 ? { economics: { value_per_success_usd: value, min_gross_margin: min } } : {}
  };
}
function versionsAndIncidents(workflow) {
  const incidents2 = workflow.incidents;
  return {
    ...workflow.version !== void 0 ? { version: workflow.version } : {},
    ...workflow.versioning?.require_bump !== void 0 ? { requireBump: workflow.versioning.require_bump } : {},
    ...incidents2 ? { incidents: { total: incidents2.length, withoutTask: incidents2.filter((i) => i.tasks.length === 0).length } } : {}
  };
}
function modelsOf(workflow, tasks, thresholds) {
  const judged = workflow.judge && tasks.some((t) => t.expected.judge !== void 0) ? [workflow.judge.model] : [];
  const agent = agentModel(workflow.agent)?.name;
  const names = [.../* @__PURE__ */ new Set([...agent ? [agent] : [], ...judged])];
  return names.map((name) => ({ name, priced: priceFor(name, thresholds.pricing) !== void 0 }));
}
function runOf(name, run) {
  const tasks = run.tasks.filter((t) => t.workflow === name);
  const drilled = run.drill?.ran.filter((t) => t.workflow === name).length ?? 0;
  const drill = drilled > 0 ? { tasks: drilled, failed: run.drill.failures.filter((f) => f.workflow === name && f.status === "fail").length } : void 0;
  return { tasks, ...drill ? { drill } : {} };
}

// src/readiness/check.ts
var evidence = (says) => ({ ok: true, says });
var lacking = (says) => ({ ok: false, says });
function check(ok, ifOk, ifNot) {
  return ok ? evidence(ifOk) : lacking(ifNot);
}
function statusOf(checks) {
  const held = checks.filter((c) => c.ok).length;
  if (held === checks.length) return "met";
  return held === 0 ? "missing" : "partial";
}

// src/readiness/sections/cost-controls.ts
var costControlsSection = {
  id: "cost_controls",
  number: 8,
  title: "cost controls",
  score(inputs) {
    const { budgets } = inputs.thresholds;
    return {
      notes: [
        `per task at most ${budgets.max_model_calls_per_task} model calls, ${budgets.max_tool_calls_per_task} tool calls, ${budgets.task_timeout_s} s`
      ],
      checks: [
        check(
          budgets.max_cost_usd !== void 0,
          `a run stops at ${formatUsd(budgets.max_cost_usd ?? null)} (budgets.max_cost_usd)`,
          "no budgets.max_cost_usd: a run's spending has no cap"
        ),
        ...prices(inputs.models),
        check(
          inputs.maxCostPerSuccessUsd !== void 0,
          `a tier above ${formatUsd(inputs.maxCostPerSuccessUsd ?? null)} per successful task fails the gate (budgets.max_cost_per_success_usd)`,
          "no budgets.max_cost_per_success_usd: the gate does not hold the cost per successful task"
        ),
        economics(inputs.economics)
      ]
    };
  }
};
function prices(models) {
  if (models.length === 0) return [];
  const unpriced = models.filter((m) => !m.priced).map((m) => m.name);
  return [
    check(
      unpriced.length === 0,
      `priced: ${models.map((m) => m.name).join(", ")}`,
      `no price for ${unpriced.join(", ")} (pricing): its cost is unknown`
    )
  ];
}
function economics(declared) {
  if (!declared) return lacking("no economics (value_per_success_usd, min_gross_margin): the margin is unknown");
  return evidence(
    `a success is worth ${formatUsd(declared.value_per_success_usd)}; the gate holds a gross margin of at least ${thresholdPercent(declared.min_gross_margin)}`
  );
}

// src/readiness/sections/data-governance.ts
var PROVIDER_FIELDS = [
  ["model_provider", "model provider"],
  ["region", "region"]
];
var RETENTION_KINDS = ["prompts_days", "traces_days", "artifacts_days"];
var dataGovernanceSection = {
  id: "data_governance",
  number: 3,
  title: "data governance",
  score(inputs) {
    const governance = inputs.workflow.data_governance;
    const unnamed = PROVIDER_FIELDS.filter(([field]) => !governance?.[field]);
    const sent = governance?.sent_to_model ?? [];
    const redact = governance?.redact ?? [];
    return {
      checks: [
        check(
          unnamed.length === 0,
          `model provider ${governance?.model_provider}, region ${governance?.region}`,
          `no ${unnamed.map(([, words]) => words).join(" or ")} (${unnamed.map(([field]) => `data_governance.${field}`).join(", ")})`
        ),
        check(
          sent.length > 0,
          `what is sent to the model: ${plural(sent.length, "kind")} of data listed`,
          "what is sent to the model is not listed (data_governance.sent_to_model)"
        ),
        check(
          redact.length > 0,
          `redacted before any model or artifact: ${redact.map((r) => r.name).join(", ")}`,
          "no redaction rules (data_governance.redact)"
        ),
        subprocessors(inputs.subprocessors),
        check(
          (inputs.stored ?? 0) > 0,
          `what is stored where: ${plural(inputs.stored ?? 0, "entry", "entries")}`,
          "what is stored where is not listed (data_governance.stored)"
        ),
        retention(inputs.retention, governance?.retention_days)
      ]
    };
  }
};
function subprocessors(listed) {
  if (!listed || listed.length === 0) return lacking("no subprocessors listed (data_governance.subprocessors)");
  const withoutDpa = listed.filter((s) => !s.dpa_url).map((s) => s.name);
  if (withoutDpa.length > 0) return lacking(`subprocessors without a DPA (dpa_url): ${withoutDpa.join(", ")}`);
  return evidence(`${plural(listed.length, "subprocessor")} with a DPA: ${listed.map((s) => s.name).join(", ")}`);
}
function retention(perKind, retentionDays2) {
  const unset = RETENTION_KINDS.filter((kind) => perKind?.[kind] === void 0);
  if (unset.length === 0)
    return evidence(`retention: ${RETENTION_KINDS.map((kind) => `${kind} ${perKind[kind]}`).join(", ")}`);
  const single = retentionDays2 !== void 0 ? ` (retention_days ${retentionDays2} for all)` : "";
  return lacking(`no retention per kind: ${unset.map((kind) => `retention.${kind}`).join(", ")}${single}`);
}

// src/readiness/sections/escalation.ts
var escalationSection = {
  id: "escalation_fallback",
  number: 7,
  title: "escalation & fallback",
  score(inputs) {
    const { workflow, tasks } = inputs;
    const escalating = tasks.filter((t) => t.expected.escalate === true).length;
    const faulted = tasks.filter(hasToolFault).length;
    const minConfidence = workflow.escalation?.min_confidence;
    return {
      checks: [
        check(
          escalating > 0,
          `${tasksThat(escalating)} escalation`,
          "no golden task expects escalation (expected.escalate: true)"
        ),
        check(
          minConfidence !== void 0,
          `an answer less confident than ${minConfidence} must escalate (escalation.min_confidence)`,
          "no escalation.min_confidence: a low-confidence answer need not escalate"
        ),
        check(
          faulted > 0,
          `${plural(faulted, "golden task")} with a tool fault`,
          "no golden task has a tool fault (a fixture case with fault)"
        ),
        fallbacks(inputs),
        killSwitch(inputs),
        runbook(inputs.runbook)
      ]
    };
  }
};
function hasToolFault(task) {
  return Object.values(task.fixtures).some((f) => f.kind === "cases" && f.cases.some((c) => c.fault !== void 0));
}
function fallbacks({ tasks }) {
  const counts = FALLBACKS.map((kind) => ({ kind, tasks: tasks.filter((t) => t.expected.fallback === kind).length }));
  const total = counts.reduce((sum, c) => sum + c.tasks, 0);
  const shown = counts.filter((c) => c.tasks > 0).map((c) => `${c.kind} ${c.tasks}`);
  return check(
    total > 0,
    `${tasksThat(total)} a fallback (${shown.join(", ")})`,
    "no golden task expects a fallback (expected.fallback)"
  );
}
function killSwitch({ workflow, run }) {
  const declared = workflow.kill_switch;
  if (!declared) return lacking("no kill_switch: nothing shows automation can be turned off");
  const how = declared.env !== void 0 ? `env ${declared.env}` : `header ${declared.header}`;
  const drill = run?.drill;
  if (drill && drill.failed > 0)
    return lacking(
      `kill switch drill: ${drill.failed} of ${plural(drill.tasks, "task")} still acted with the switch on`
    );
  const drilled = drill ? `: this run's drill passed on ${plural(drill.tasks, "task")}` : `, drilled on ${plural(declared.drill_tasks, "task")} each run`;
  return evidence(`kill switch ${how}${drilled}`);
}
function runbook(declared) {
  if (!declared) return lacking("no runbook (workflow.yml runbook)");
  if (declared.sectionsMissing.length > 0)
    return lacking(`runbook ${declared.path} lacks: ${declared.sectionsMissing.join(", ")}`);
  return evidence(`runbook ${declared.path}: when to escalate, fallback behaviour, on-call, how to disable automation`);
}
function tasksThat(count) {
  return `${plural(count, "golden task")} ${count === 1 ? "expects" : "expect"}`;
}

// src/readiness/sections/golden-tasks.ts
var goldenTasksSection = {
  id: "golden_tasks",
  number: 4,
  title: "golden tasks",
  score(inputs) {
    if (inputs.tasks.length === 0) return { checks: [lacking("no golden tasks")] };
    const counts = TIERS.map((tier) => ({ tier, tasks: inputs.tasks.filter((t) => t.tier === tier).length }));
    const empty = counts.filter((c) => c.tasks === 0).map((c) => c.tier);
    const tooSmall = tooSmallTiers(inputs.tasks, inputs.gate);
    const gatedWithTasks = counts.some(
      (c) => c.tasks > 0 && tierSettings(inputs.gate, inputs.workflow.name, c.tier).rule
    );
    return {
      checks: [
        evidence(plural(inputs.tasks.length, "golden task")),
        check(
          empty.length === 0,
          `tasks in every tier: ${counts.map((c) => `${c.tier} ${c.tasks}`).join(", ")}`,
          `no ${empty.join(" or ")} task`
        ),
        ...minTasks(inputs, counts),
        ...!gatedWithTasks ? [] : tooSmall.length === 0 ? [evidence("every gated tier has the tasks to tell its threshold from its margin")] : tooSmall.map(lacking),
        ...highRisk(inputs)
      ]
    };
  }
};
function minTasks(inputs, counts) {
  const ruled = counts.flatMap(({ tier, tasks }) => {
    const min = tierSettings(inputs.gate, inputs.workflow.name, tier).rule?.min_tasks;
    return min === void 0 ? [] : [{ tier, tasks, min }];
  });
  if (ruled.length === 0) return [];
  const short = ruled.filter((r) => r.tasks < r.min);
  return [
    check(
      short.length === 0,
      `min_tasks reached: ${ruled.map((r) => `${r.tier} ${r.tasks} of ${r.min}`).join(", ")}`,
      short.map((r) => `${r.tier} has ${plural(r.tasks, "task")}, min_tasks ${r.min}`).join("; ")
    )
  ];
}
function highRisk(inputs) {
  const tasks = inputs.tasks.filter((t) => t.risk === "high").length;
  if (tasks > 0) return [evidence(plural(tasks, "high-risk task"))];
  const tools = Object.entries(inputs.workflow.permissions).filter(([, p]) => p.risk === "high").map(([tool]) => tool);
  return tools.length > 0 ? [lacking(`no high-risk task (risk: high), though ${tools.join(", ")} is high risk`)] : [];
}

// src/readiness/sections/manifest.ts
var manifestSection = {
  id: "workflow_manifest",
  number: 1,
  title: "workflow manifest",
  score({ workflow }) {
    const { inputs, outcomes, out_of_scope: outOfScope } = workflow;
    const undefinedOutcomes = ["success", "failure"].filter((o) => !outcomes[o]?.trim());
    return {
      checks: [
        check(Boolean(workflow.description?.trim()), "a description of what the workflow does", "no description"),
        check(
          inputs.sources.length > 0,
          `input sources: ${inputs.sources.join(", ")}`,
          "no input sources (inputs.sources)"
        ),
        check(
          inputs.required.length > 0,
          `required input fields: ${inputs.required.join(", ")}`,
          "no required input fields (inputs.required)"
        ),
        check(
          undefinedOutcomes.length === 0,
          "success and failure outcomes defined",
          `no ${undefinedOutcomes.join(" or ")} outcome (${undefinedOutcomes.map((o) => `outcomes.${o}`).join(", ")})`
        ),
        check(
          outOfScope.length > 0,
          `${plural(outOfScope.length, "out-of-scope case")} listed`,
          "no out-of-scope cases (out_of_scope)"
        )
      ]
    };
  }
};

// src/readiness/sections/monthly-review.ts
var SCORECARD = "evalgate scorecard over the month\u2019s reports shows success, escalations, cost and failure modes per column";
var monthlyReviewSection = {
  id: "monthly_review",
  number: 10,
  title: "monthly review",
  score(inputs) {
    return {
      notes: [SCORECARD],
      checks: [
        incidents(inputs.incidents),
        check(
          inputs.version !== void 0,
          `version ${inputs.version} (workflow.yml version)`,
          "no version in workflow.yml: reviews cannot tell agent versions apart"
        ),
        check(
          inputs.requireBump === true,
          "a prompt, policy or tool change needs a new version (versioning.require_bump)",
          "no versioning.require_bump: a prompt, policy or tool change may keep its version"
        )
      ]
    };
  }
};
function incidents(recorded) {
  if (!recorded) return lacking("no incidents.yml beside workflow.yml");
  if (recorded.withoutTask > 0)
    return lacking(
      `${plural(recorded.withoutTask, "incident")} in incidents.yml without a golden task that reproduces it`
    );
  return evidence(
    recorded.total === 0 ? "incidents.yml: no incident yet" : `incidents.yml: ${plural(recorded.total, "incident")}, each reproduced by a golden task`
  );
}

// src/readiness/sections/permissions.ts
var permissionsSection = {
  id: "permission_matrix",
  number: 2,
  title: "permission matrix",
  score({ workflow }) {
    const tools = Object.entries(workflow.permissions);
    const writes = tools.filter(([, p]) => p.scope === "write").length;
    const listed = check(
      tools.length > 0,
      `${plural(tools.length, "tool")} with scope, risk and approval (${tools.length - writes} read, ${writes} write)`,
      "the permission matrix lists no tool (permissions)"
    );
    const unscoped = tools.filter(([, p]) => (p.scopes ?? []).length === 0).map(([tool]) => tool);
    const scopes = tools.length === 0 ? [] : [
      check(
        unscoped.length === 0,
        "every tool names the credential scopes it is granted",
        unscoped.length === tools.length ? "no tool names the credential scopes it is granted (scopes in the permission matrix)" : `no credential scopes (scopes) for ${unscoped.join(", ")}`
      )
    ];
    const identity = workflow.identity;
    return {
      checks: [
        listed,
        ...highRiskWrites(tools),
        ...scopes,
        identity?.principal ? evidence(`identity: ${identity.model} as ${identity.principal}`) : lacking(
          identity ? `identity ${identity.model} names no principal (identity.principal)` : "no identity (identity.model, identity.principal)"
        )
      ]
    };
  }
};
function highRiskWrites(tools) {
  const risky = tools.filter(([, p]) => p.scope === "write" && p.risk === "high");
  if (risky.length === 0) return tools.length > 0 ? [evidence("no high-risk write tool")] : [];
  const open = risky.filter(([, p]) => p.approval !== "required" && Object.keys(p.limits ?? {}).length === 0);
  const guard = (p) => p.approval === "required" ? "approval required" : "limits";
  return [
    check(
      open.length === 0,
      `high-risk writes guarded: ${risky.map(([tool, p]) => `${tool} (${guard(p)})`).join(", ")}`,
      `high-risk write ${open.map(([tool]) => tool).join(", ")} has neither approval: required nor limits`
    )
  ];
}

// src/readiness/sections/regression-gate.ts
var regressionGateSection = {
  id: "regression_gate",
  number: 5,
  title: "regression gate",
  score({ workflow, gate, thresholds }) {
    const settings = TIERS.map((tier) => ({ tier, ...tierSettings(gate, workflow.name, tier) }));
    const gated = settings.filter((s) => s.rule);
    const ungated = settings.filter((s) => !s.rule).map((s) => s.tier);
    const drops = settings.filter((s) => s.max_drop !== void 0);
    const { approvers, min_permission: minPermission, allow_author: allowAuthor } = thresholds.override;
    return {
      checks: [
        check(
          ungated.length === 0,
          `thresholds: ${gated.map((s) => `${s.tier} \u2265 ${thresholdPercent(s.rule.min_success)}`).join(", ")}`,
          `no threshold for ${ungated.join(", ")} (tiers): reported, not gated`
        ),
        check(
          settings[0].max_drop !== void 0,
          `baseline.max_drop: ${drops.map((s) => `${s.tier} ${points(s.max_drop)} points`).join(", ")}`,
          `no baseline.max_drop for ${TIERS[0]}: a drop against the base branch above the threshold passes`
        ),
        check(
          settings.every((s) => s.block_high_risk_regressions),
          "a high-risk task that regressed against the baseline fails the gate",
          "baseline.block_high_risk_regressions is off: a high-risk regression passes"
        ),
        check(
          approvers.length > 0,
          `override by ${plural(approvers.length, "approver")} with ${minPermission} permission`,
          "no override approvers (override.approvers): nobody may override a failed gate"
        ),
        check(
          !allowAuthor,
          "a pull request author cannot override their own gate",
          "override.allow_author is true: an author may override their own pull request"
        )
      ]
    };
  }
};

// src/readiness/sections/rollout.ts
var rolloutSection = {
  id: "phased_rollout",
  number: 9,
  title: "phased rollout",
  score({ workflow, thresholds }) {
    const declared = workflow.rollout?.declared ?? workflow.rollout?.phase;
    const at = declared ?? "autonomous";
    const next = nextPhase(at);
    const rules = thresholds.phases?.[next]?.tiers ?? {};
    const ruled = TIERS.filter((tier) => rules[tier] !== void 0);
    const which = next === at ? `phase ${next}` : `the next phase, ${next}`;
    return {
      checks: [
        declared ? evidence(`rollout.phase ${declared} (${headOf(PHASE_RULES[declared].allows)})`) : lacking("no rollout.phase: the agent is trusted as autonomous by default"),
        check(
          ruled.length > 0,
          `tier rules for ${which}: ${ruled.map((tier) => `${tier} \u2265 ${thresholdPercent(rules[tier].min_success)}`).join(", ")} (evalgate run --phase ${next})`,
          `no tier rules for ${which} (thresholds.yml phases.${next}.tiers)`
        )
      ]
    };
  }
};
function nextPhase(phase) {
  return PHASES[Math.min(PHASES.indexOf(phase) + 1, PHASES.length - 1)];
}
function headOf(allows) {
  return allows.split(":")[0];
}

// src/readiness/sections/tracing.ts
var ALWAYS = "every run writes traces.jsonl: per attempt the plan, each tool call (arguments, result, latency, error), the guardrail checks and the outcome";
var tracingSection = {
  id: "tracing",
  number: 6,
  title: "tracing",
  score(inputs) {
    const redact = inputs.workflow.data_governance?.redact ?? [];
    return {
      notes: [ALWAYS],
      checks: [
        check(
          inputs.workflow.reports_actions !== true,
          "the agent calls its tools through the sandbox: every call is traced",
          "reports_actions: true \u2014 the agent reports its actions instead of calling tools, so traces hold its claims"
        ),
        check(
          redact.length > 0,
          `personal data redacted in traces (${redact.map((r) => r.name).join(", ")})`,
          "no redaction rules: traces keep personal data as the tasks give it (data_governance.redact)"
        ),
        ...ranCalls(inputs.run)
      ]
    };
  }
};
function ranCalls(run) {
  if (!run || run.tasks.length === 0) return [];
  const calls = run.tasks.reduce((sum, t) => sum + t.tool_calls, 0);
  return [
    check(
      calls > 0,
      `this run traced ${formatCount(calls)} tool call${calls === 1 ? "" : "s"} over ${plural(run.tasks.length, "task")}`,
      "this run made no tool call: its traces show answers only"
    )
  ];
}

// src/readiness/sections/index.ts
var READINESS_SECTIONS = [
  manifestSection,
  permissionsSection,
  dataGovernanceSection,
  goldenTasksSection,
  regressionGateSection,
  tracingSection,
  escalationSection,
  costControlsSection,
  rolloutSection,
  monthlyReviewSection
];

// src/readiness/score.ts
function scoreReadiness(inputs) {
  const several = inputs.workflows.length > 1;
  const sections = READINESS_SECTIONS.map((section) => {
    const scored = inputs.workflows.map((w) => {
      const { checks, notes = [] } = section.score(w);
      const prefix = several ? `${w.workflow.name}: ` : "";
      return {
        status: statusOf(checks),
        notes,
        evidence: checks.filter((c) => c.ok).map((c) => prefix + c.says),
        missing: checks.filter((c) => !c.ok).map((c) => prefix + c.says)
      };
    });
    return {
      id: section.id,
      number: section.number,
      title: section.title,
      status: worst(scored.map((s) => s.status)),
      // A note holds for every workflow alike: said once, first.
      evidence: [...new Set(scored.flatMap((s) => s.notes)), ...scored.flatMap((s) => s.evidence)],
      missing: scored.flatMap((s) => s.missing)
    };
  });
  const count = (status) => sections.filter((s) => s.status === status).length;
  return { sections, met: count("met"), partial: count("partial"), missing: count("missing") };
}
function worst(statuses) {
  if (statuses.length === 0) return "missing";
  return READINESS_STATUSES[largest(
    statuses.map((s) => READINESS_STATUSES.indexOf(s)),
    0
  )];
}

export {
  PriceTable,
  costOf,
  readinessInputs,
  scoreReadiness
};
