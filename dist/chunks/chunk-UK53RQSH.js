import { createRequire as __evalgateCreateRequire } from 'node:module'; const require = __evalgateCreateRequire(import.meta.url);
import {
  DECISION_DEFAULTS,
  DEFAULT_MAX_MARGIN_DROP,
  tierSettings
} from "./chunk-WWFOR4K3.js";
import {
  definedOnly
} from "./chunk-RXXAL5VI.js";
import {
  PHASES,
  TIERS
} from "./chunk-7LLJMACG.js";

// src/base/stricter-thresholds.ts
import { isDeepStrictEqual } from "node:util";

// src/base/stricter.ts
function stricterOf(a, b, direction) {
  if (a === void 0) return b;
  if (b === void 0) return a;
  return direction === "higher" ? Math.max(a, b) : Math.min(a, b);
}
function prIsStricter(base, pr, direction) {
  if (pr === void 0) return false;
  if (base === void 0) return true;
  return direction === "higher" ? pr > base : pr < base;
}
function higherIn(order, a, b) {
  return order.indexOf(b) > order.indexOf(a) ? b : a;
}

// src/base/stricter-economics.ts
var DIRECTIONS = {
  value_per_success_usd: "lower",
  min_gross_margin: "higher",
  max_margin_drop: "lower"
};
var KEYS = Object.keys(DIRECTIONS);
var DEFAULTS = { max_margin_drop: DEFAULT_MAX_MARGIN_DROP };
function stricterEconomics(base, pr, prefix, changes) {
  const own = { base, pr };
  return stricterOwn(own, own, void 0, prefix, changes);
}
function stricterWorkflowEconomics(own, global, result, prefix, changes) {
  return stricterOwn(own, global, result, prefix, changes);
}
function stricterOwn(own, global, result, prefix, changes) {
  const costs = {};
  for (const tier of TIERS) {
    const explicit = { base: own.base?.max_cost_per_success_usd?.[tier], pr: own.pr?.max_cost_per_success_usd?.[tier] };
    const effective = {
      base: explicit.base ?? global.base.max_cost_per_success_usd?.[tier],
      pr: explicit.pr ?? global.pr.max_cost_per_success_usd?.[tier]
    };
    const limit = stricterOf(effective.base, effective.pr, "lower");
    if (limit !== void 0 && keep(explicit, limit, result?.max_cost_per_success_usd?.[tier], result))
      costs[tier] = limit;
    changes.number(`${prefix}budgets.max_cost_per_success_usd.${tier}`, explicit.base, explicit.pr, "lower", effective);
  }
  const economics = {};
  for (const key of KEYS) {
    const explicit = { base: own.base?.economics?.[key], pr: own.pr?.economics?.[key] };
    const fallback = DEFAULTS[key];
    const effective = {
      base: explicit.base ?? global.base.economics?.[key] ?? fallback,
      pr: explicit.pr ?? global.pr.economics?.[key] ?? fallback
    };
    const value = explicit.base === void 0 && explicit.pr === void 0 && result === void 0 ? void 0 : stricterOf(effective.base, effective.pr, DIRECTIONS[key]);
    if (value !== void 0 && keep(explicit, value, result?.economics?.[key] ?? fallback, result))
      economics[key] = value;
    changes.number(`${prefix}economics.${key}`, explicit.base, explicit.pr, DIRECTIONS[key], effective);
  }
  return definedOnly({
    max_cost_per_success_usd: Object.keys(costs).length > 0 ? costs : void 0,
    economics: Object.keys(economics).length > 0 ? economics : void 0
  });
}
function keep(explicit, value, global, result) {
  return result === void 0 || explicit.base !== void 0 || explicit.pr !== void 0 || value !== global;
}

// src/base/stricter-thresholds.ts
var PERMISSION_LEVELS = ["write", "maintain", "admin"];
var BUDGETS = [
  "max_model_calls_per_task",
  "max_tool_calls_per_task",
  "max_retries",
  "max_context_tokens",
  "task_timeout_s",
  "max_cost_usd",
  "max_error_rate"
];
function stricterThresholds(base, pr, prWorkflows, renamed = []) {
  const changes = new ChangeList();
  const rules = stricterGateRules(base, pr, "", changes);
  const workflows = {};
  for (const { prName, baseName } of workflowNames(base, pr, prWorkflows, renamed)) {
    const entry = stricterWorkflowRules(base, pr, baseName, prName, rules, changes);
    if (entry) workflows[prName] = entry;
  }
  return {
    thresholds: {
      ...pr.source ? { source: pr.source } : {},
      rules,
      workflows,
      ...stricterPhases(base, pr, changes),
      budgets: stricterBudgets(base.budgets, pr.budgets, changes),
      pricing: stricterPricing(base.pricing, pr.pricing, changes),
      override: stricterOverride(base.override, pr.override, changes)
    },
    changes: changes.items
  };
}
var DECISION_DIRECTIONS = { confidence: "higher", margin: "lower", max_attempts: "higher" };
var DECISION_KEYS = Object.keys(DECISION_DIRECTIONS);
function stricterTier({ base: a, pr: b, resolved }) {
  if (!a && !b) return void 0;
  const rule = { min_success: Math.max(a?.min_success ?? 0, b?.min_success ?? 0) };
  const minTasks = stricterOf(a?.min_tasks, b?.min_tasks, "higher");
  if (minTasks !== void 0) rule.min_tasks = minTasks;
  for (const key of DECISION_KEYS) {
    if (a?.[key] === void 0 && b?.[key] === void 0) continue;
    rule[key] = stricterOf(resolved.base[key], resolved.pr[key], DECISION_DIRECTIONS[key]);
  }
  const passK = stricterPassK(a?.pass_k, b?.pass_k);
  if (passK) rule.pass_k = passK;
  return rule;
}
function stricterPassK(a, b) {
  if (!a || !b) return a ?? b;
  return { k: Math.max(a.k, b.k), min: Math.max(a.min, b.min) };
}
function stricterDecision(base, pr, fallback) {
  if (!base && !pr) return void 0;
  const decision = {};
  for (const key of DECISION_KEYS) {
    if (base?.[key] === void 0 && pr?.[key] === void 0) continue;
    decision[key] = stricterOf(
      base?.[key] ?? fallback.base[key],
      pr?.[key] ?? fallback.pr[key],
      DECISION_DIRECTIONS[key]
    );
  }
  return decision;
}
function stricterBlock(base, pr) {
  if (base === void 0 && pr === void 0) return void 0;
  return (base ?? true) || (pr ?? true);
}
var NO_WORKFLOW = "\0";
function resolvedDecision(thresholds, workflow, tier) {
  const { confidence, margin, max_attempts } = tierSettings(gateOf(thresholds), workflow, tier);
  return { confidence, margin, max_attempts };
}
function resolvedAs(thresholds, workflow, tier, rule) {
  const own = thresholds.workflows[workflow];
  const tiers = { ...own?.tiers, [tier]: rule };
  return resolvedDecision(
    { ...thresholds, workflows: { ...thresholds.workflows, [workflow]: { ...own, tiers } } },
    workflow,
    tier
  );
}
function stricterPhases(base, pr, changes) {
  const phases = {};
  for (const phase of PHASES) {
    const sides = { base: base.phases?.[phase]?.tiers, pr: pr.phases?.[phase]?.tiers };
    if (!sides.base && !sides.pr) continue;
    const tiers = {};
    for (const tier of TIERS) {
      const rules = { base: sides.base?.[tier], pr: sides.pr?.[tier] };
      const resolved = {
        base: resolvedAs(base, NO_WORKFLOW, tier, rules.base),
        pr: resolvedAs(pr, NO_WORKFLOW, tier, rules.pr)
      };
      const rule = stricterTier({ ...rules, resolved });
      if (rule) tiers[tier] = rule;
      tierChanges(`phases.${phase}.tiers.${tier}`, rules.base, rules.pr, void 0, changes);
    }
    phases[phase] = { tiers };
  }
  return Object.keys(phases).length > 0 ? { phases } : {};
}
function gateOf(thresholds) {
  return { rules: thresholds.rules, workflows: thresholds.workflows, max_error_rate: thresholds.budgets.max_error_rate };
}
function stricterGateRules(baseThresholds, prThresholds, prefix, changes) {
  const base = baseThresholds.rules;
  const pr = prThresholds.rules;
  const rules = { tiers: {}, max_drop: {} };
  for (const tier of TIERS) {
    const resolved = {
      base: resolvedDecision(baseThresholds, NO_WORKFLOW, tier),
      pr: resolvedDecision(prThresholds, NO_WORKFLOW, tier)
    };
    const rule = stricterTier({ base: base.tiers[tier], pr: pr.tiers[tier], resolved });
    if (rule) rules.tiers[tier] = rule;
    tierChanges(`${prefix}tiers.${tier}`, base.tiers[tier], pr.tiers[tier], void 0, changes);
  }
  const defaults = { base: { ...DECISION_DEFAULTS }, pr: { ...DECISION_DEFAULTS } };
  const decision = stricterDecision(base.decision, pr.decision, defaults);
  if (decision) rules.decision = decision;
  for (const key of DECISION_KEYS)
    changes.number(`${prefix}decision.${key}`, base.decision?.[key], pr.decision?.[key], DECISION_DIRECTIONS[key], {
      base: base.decision?.[key] ?? DECISION_DEFAULTS[key],
      pr: pr.decision?.[key] ?? DECISION_DEFAULTS[key]
    });
  const block = stricterBlock(base.block_high_risk_regressions, pr.block_high_risk_regressions);
  if (block !== void 0) rules.block_high_risk_regressions = block;
  changes.word(
    `${prefix}baseline.block_high_risk_regressions`,
    flag(base.block_high_risk_regressions),
    flag(pr.block_high_risk_regressions),
    flag(block)
  );
  for (const tier of TIERS) {
    const drop = stricterOf(base.max_drop[tier], pr.max_drop[tier], "lower");
    if (drop !== void 0) rules.max_drop[tier] = drop;
    changes.number(`${prefix}baseline.max_drop.${tier}`, base.max_drop[tier], pr.max_drop[tier], "lower");
  }
  return { ...rules, ...stricterEconomics(base, pr, prefix, changes) };
}
function tierChanges(rule, base, pr, effective, changes) {
  for (const field of ["min_success", "min_tasks"]) {
    const sides = effective && { base: effective.base?.[field], pr: effective.pr?.[field] };
    changes.number(`${rule}.${field}`, base?.[field], pr?.[field], "higher", sides);
  }
  for (const field of DECISION_KEYS) {
    const sides = effective && { base: effective.base?.[field], pr: effective.pr?.[field] };
    changes.number(`${rule}.${field}`, base?.[field], pr?.[field], DECISION_DIRECTIONS[field], sides);
  }
  for (const field of ["k", "min"]) {
    const sides = effective && { base: effective.base?.pass_k?.[field], pr: effective.pr?.pass_k?.[field] };
    changes.number(`${rule}.pass_k.${field}`, base?.pass_k?.[field], pr?.pass_k?.[field], "higher", sides);
  }
}
function flag(value) {
  return value === void 0 ? null : String(value);
}
function workflowNames(base, pr, prWorkflows, renamed) {
  const baseNameOf = (name) => renamed.find((r) => r.to === name)?.from ?? name;
  const prNameOf = (name) => renamed.find((r) => r.from === name)?.to ?? name;
  const names = /* @__PURE__ */ new Set([...prWorkflows, ...Object.keys(pr.workflows), ...Object.keys(base.workflows).map(prNameOf)]);
  return [...names].map((prName) => ({ prName, baseName: baseNameOf(prName) }));
}
function stricterWorkflowRules(base, pr, baseName, prName, global, changes) {
  const own = { base: base.workflows[baseName], pr: pr.workflows[prName] };
  const entry = {};
  const prefix = `workflows.${prName}`;
  for (const tier of TIERS) {
    const explicit = { base: own.base?.tiers?.[tier], pr: own.pr?.tiers?.[tier] };
    const effective = { base: explicit.base ?? base.rules.tiers[tier], pr: explicit.pr ?? pr.rules.tiers[tier] };
    const resolved = { base: resolvedDecision(base, baseName, tier), pr: resolvedDecision(pr, prName, tier) };
    const rule = stricterTier({ ...effective, resolved });
    if (rule && (explicit.base || explicit.pr || !sameTierRule(rule, global.tiers[tier]))) {
      ;
      (entry.tiers ??= {})[tier] = rule;
    }
    tierChanges(`${prefix}.tiers.${tier}`, explicit.base, explicit.pr, effective, changes);
  }
  const globalDecision = {
    base: { ...DECISION_DEFAULTS, ...base.rules.decision },
    pr: { ...DECISION_DEFAULTS, ...pr.rules.decision }
  };
  const decision = stricterDecision(own.base?.decision, own.pr?.decision, globalDecision);
  if (decision) entry.decision = decision;
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
    );
  const block = stricterBlock(
    own.base?.block_high_risk_regressions ?? base.rules.block_high_risk_regressions,
    own.pr?.block_high_risk_regressions ?? pr.rules.block_high_risk_regressions
  );
  if (own.base?.block_high_risk_regressions !== void 0 || own.pr?.block_high_risk_regressions !== void 0)
    entry.block_high_risk_regressions = block;
  changes.word(
    `${prefix}.baseline.block_high_risk_regressions`,
    flag(own.base?.block_high_risk_regressions),
    flag(own.pr?.block_high_risk_regressions),
    flag(block)
  );
  for (const tier of TIERS) {
    const explicit = { base: own.base?.max_drop?.[tier], pr: own.pr?.max_drop?.[tier] };
    const effective = { base: explicit.base ?? base.rules.max_drop[tier], pr: explicit.pr ?? pr.rules.max_drop[tier] };
    const drop = stricterOf(effective.base, effective.pr, "lower");
    if (drop !== void 0 && (explicit.base !== void 0 || explicit.pr !== void 0 || drop !== global.max_drop[tier])) {
      ;
      (entry.max_drop ??= {})[tier] = drop;
    }
    changes.number(`${prefix}.baseline.max_drop.${tier}`, explicit.base, explicit.pr, "lower", effective);
  }
  Object.assign(
    entry,
    stricterWorkflowEconomics(own, { base: base.rules, pr: pr.rules }, global, `${prefix}.`, changes)
  );
  return own.base || own.pr || Object.keys(entry).length > 0 ? entry : void 0;
}
function sameTierRule(a, b) {
  return b !== void 0 && isDeepStrictEqual(a, b);
}
function stricterBudgets(base, pr, changes) {
  const budgets = { ...pr };
  for (const key of BUDGETS) {
    const value = stricterOf(base[key], pr[key], "lower");
    if (value === void 0) delete budgets[key];
    else budgets[key] = value;
    changes.number(`budgets.${key}`, base[key], pr[key], "lower");
  }
  return budgets;
}
function stricterPricing(base, pr, changes) {
  const pricing = {};
  for (const model of /* @__PURE__ */ new Set([...Object.keys(pr), ...Object.keys(base)])) {
    const price = (field) => {
      changes.number(`pricing.${model}.${field}`, base[model]?.[field], pr[model]?.[field], "higher");
      return stricterOf(base[model]?.[field], pr[model]?.[field], "higher");
    };
    pricing[model] = { input_per_mtok: price("input_per_mtok"), output_per_mtok: price("output_per_mtok") };
  }
  return pricing;
}
function stricterOverride(base, pr, changes) {
  const approvers = pr.approvers.length === 0 ? base.approvers : base.approvers.filter((a) => listed(pr.approvers, a));
  changes.list("override.approvers", base.approvers, pr.approvers, approvers);
  const minPermission = higherIn(PERMISSION_LEVELS, base.min_permission, pr.min_permission);
  changes.word("override.min_permission", base.min_permission, pr.min_permission, minPermission);
  const allowAuthor = base.allow_author && pr.allow_author;
  changes.word("override.allow_author", String(base.allow_author), String(pr.allow_author), String(allowAuthor));
  return { approvers, min_permission: minPermission, allow_author: allowAuthor };
}
function listed(approvers, approver) {
  const key = (a) => a.trim().replace(/^@/, "").toLowerCase();
  return approvers.some((a) => key(a) === key(approver));
}
var ChangeList = class {
  items = [];
  /** A numeric rule; `effective` (when given) are the values each side's rule resolves to. */
  number(rule, base, pr, direction, effective) {
    if (base === pr) return;
    const sides = effective ?? { base, pr };
    const applied = prIsStricter(sides.base, sides.pr, direction) ? "pr" : "base";
    const value = sides[applied];
    const raw = applied === "pr" ? pr : base;
    this.items.push({
      rule,
      base: base ?? null,
      pr: pr ?? null,
      applied,
      ...value !== raw ? { effective: value ?? null } : {}
    });
  }
  list(rule, base, pr, applied) {
    const text = (list) => list.length > 0 ? list.join(", ") : null;
    this.word(rule, text(base), text(pr), text(applied));
  }
  word(rule, base, pr, applied) {
    if (base === pr) return;
    const side = applied === pr ? "pr" : "base";
    this.items.push({
      rule,
      base,
      pr,
      applied: side,
      ...applied !== base && applied !== pr ? { effective: applied } : {}
    });
  }
};

// src/base/phase-rules.ts
function atPhases(thresholds, phases) {
  if (!thresholds.phases) return thresholds;
  const workflows = { ...thresholds.workflows };
  for (const [name, phase] of phases) {
    const phaseTiers = thresholds.phases[phase]?.tiers;
    if (!phaseTiers) continue;
    const own = workflows[name];
    const tiers = { ...own?.tiers };
    for (const tier of TIERS) {
      const phaseRule = phaseTiers[tier];
      if (!phaseRule) continue;
      const resolved = {
        base: resolvedDecision(thresholds, name, tier),
        pr: resolvedAs(thresholds, name, tier, phaseRule)
      };
      const current = own?.tiers?.[tier] ?? thresholds.rules.tiers[tier];
      tiers[tier] = stricterTier({ base: current, pr: phaseRule, resolved });
    }
    workflows[name] = { ...own, tiers };
  }
  return { ...thresholds, workflows };
}

export {
  stricterOf,
  higherIn,
  stricterThresholds,
  atPhases
};
