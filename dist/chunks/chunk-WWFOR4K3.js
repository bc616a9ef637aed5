import { createRequire as __evalgateCreateRequire } from 'node:module'; const require = __evalgateCreateRequire(import.meta.url);
import {
  append
} from "./chunk-2OAFEBTW.js";
import {
  FALLBACKS,
  MATCH_MODES,
  POSITIVE,
  TIERS,
  anyMap,
  compiledRegex,
  deepSubset,
  isPlainMap,
  kept,
  nonNegativeInt,
  regexProblem,
  strictMap,
  text
} from "./chunk-7LLJMACG.js";
import {
  preview
} from "./chunk-2AYC2KJ6.js";
import {
  _enum,
  array,
  boolean,
  literal,
  number,
  object,
  partialRecord,
  string,
  union
} from "./chunk-WE7CPBA2.js";

// src/gate/tier-groups.ts
function groupByTier(tasks) {
  const groups = /* @__PURE__ */ new Map();
  for (const task of tasks) {
    const key = `${task.workflow}\0${task.tier}`;
    let group = groups.get(key);
    if (!group) groups.set(key, group = { workflow: task.workflow, tier: task.tier, tasks: [] });
    group.tasks.push(task);
  }
  return [...groups.values()].sort(
    (a, b) => compareStrings(a.workflow, b.workflow) || TIERS.indexOf(a.tier) - TIERS.indexOf(b.tier)
  );
}
function compareStrings(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

// src/model/gate-rules-schema.ts
var TIER_NAMES = ["T1", "T2", "T3"];
var CONFIDENCE_RANGE = "must be more than 0.5 and less than 1";
var NOT_NEGATIVE_MARGIN = "must be 0 or more";
var AT_MOST_ONE = "must be at most 1";
var AT_LEAST_ONE = "must be at least 1";
var WHOLE_NUMBER = "must be a whole number";
var FRACTION = "must be between 0 and 1";
var fractionValue = number().min(0, FRACTION).max(1, FRACTION);
var confidenceValue = number().gt(0.5, CONFIDENCE_RANGE).lt(1, CONFIDENCE_RANGE);
var marginValue = number().min(0, NOT_NEGATIVE_MARGIN).max(1, AT_MOST_ONE);
var attemptsValue = number().refine(Number.isInteger, WHOLE_NUMBER).min(1, AT_LEAST_ONE);
var countValue = number().int().min(0);
var passKRuleSchema = object({ k: attemptsValue, min: fractionValue });
var decisionSettingsSchema = object({
  confidence: confidenceValue.optional(),
  margin: marginValue.optional(),
  max_attempts: attemptsValue.optional()
});
var tierRuleSchema = object({
  min_success: fractionValue,
  min_tasks: countValue.optional(),
  ...decisionSettingsSchema.shape,
  pass_k: passKRuleSchema.optional()
});
var costLimitsSchema = partialRecord(_enum(TIER_NAMES), number().min(0, NOT_NEGATIVE_MARGIN));
var economicsRuleSchema = object({
  value_per_success_usd: number().gt(0, "must be more than 0").optional(),
  min_gross_margin: fractionValue.optional(),
  /** For `evalgate scorecard`: the largest drop of a margin from one report to the next before it is flagged. */
  max_margin_drop: fractionValue.optional()
});
var gateRulesSchema = object({
  tiers: partialRecord(_enum(TIER_NAMES), tierRuleSchema),
  /** Largest allowed paired drop of a tier's success rate against a baseline report. */
  max_drop: partialRecord(_enum(TIER_NAMES), fractionValue),
  /** Defaults for every tier's `confidence`, `margin`, `max_attempts`. */
  decision: decisionSettingsSchema.optional(),
  /** A high-risk task that regressed consistently fails the gate (default true). */
  block_high_risk_regressions: boolean().optional(),
  /** Absent in reports written before issue 14 and where thresholds.yml sets none. */
  max_cost_per_success_usd: costLimitsSchema.optional(),
  economics: economicsRuleSchema.optional()
});
var DECISION_DEFAULTS = {
  confidence: 0.95,
  margin: 0.03,
  max_attempts: 5
};
var DEFAULT_MAX_MARGIN_DROP = 0.05;

// src/gate/tier-settings.ts
function tierSettings(gate, workflow, tier) {
  const own = gate.workflows[workflow];
  const rule = own?.tiers?.[tier] ?? gate.rules.tiers[tier];
  const setting = (key) => rule?.[key] ?? own?.decision?.[key] ?? gate.rules.decision?.[key] ?? DECISION_DEFAULTS[key];
  const maxDrop = own?.max_drop?.[tier] ?? gate.rules.max_drop[tier];
  const maxCost = own?.max_cost_per_success_usd?.[tier] ?? gate.rules.max_cost_per_success_usd?.[tier];
  return {
    ...rule ? { rule } : {},
    ...maxDrop !== void 0 ? { max_drop: maxDrop } : {},
    ...maxCost !== void 0 ? { max_cost_per_success_usd: maxCost } : {},
    ...rule?.pass_k ? { pass_k: rule.pass_k } : {},
    confidence: setting("confidence"),
    margin: setting("margin"),
    max_attempts: setting("max_attempts"),
    block_high_risk_regressions: own?.block_high_risk_regressions ?? gate.rules.block_high_risk_regressions ?? true
  };
}

// src/gate/normal-quantile.ts
function normalQuantile(p) {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`normalQuantile: p must be in [0, 1], got ${p}`);
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r2 = 0.180625 - q * q;
    return q * poly(CENTRAL_A, r2) / poly(CENTRAL_B, r2);
  }
  let r = Math.sqrt(-Math.log(q < 0 ? p : 1 - p));
  let x;
  if (r <= 5) {
    r -= 1.6;
    x = poly(NEAR_A, r) / poly(NEAR_B, r);
  } else {
    r -= 5;
    x = poly(TAIL_A, r) / poly(TAIL_B, r);
  }
  return q < 0 ? -x : x;
}
function poly(coefficients, x) {
  let sum = 0;
  for (let i = coefficients.length - 1; i >= 0; i--) sum = sum * x + coefficients[i];
  return sum;
}
var CENTRAL_A = [
  3.3871328727963665,
  133.14166789178438,
  1971.5909503065513,
  13731.69376550946,
  45921.95393154987,
  67265.7709270087,
  33430.57558358813,
  2509.0809287301227
];
var CENTRAL_B = [
  1,
  42.31333070160091,
  687.1870074920579,
  5394.196021424751,
  21213.794301586597,
  39307.89580009271,
  28729.085735721943,
  5226.495278852546
];
var NEAR_A = [
  1.4234371107496835,
  4.630337846156546,
  5.769497221460691,
  3.6478483247632045,
  1.2704582524523684,
  0.2417807251774506,
  0.022723844989269184,
  7745450142783414e-19
];
var NEAR_B = [
  1,
  2.053191626637759,
  1.6763848301838038,
  0.6897673349851,
  0.14810397642748008,
  0.015198666563616457,
  5475938084995345e-19,
  10507500716444169e-25
];
var TAIL_A = [
  6.657904643501103,
  5.463784911164114,
  1.7848265399172913,
  0.29656057182850487,
  0.026532189526576124,
  0.0012426609473880784,
  27115555687434876e-21,
  20103343992922881e-23
];
var TAIL_B = [
  1,
  0.599832206555888,
  0.1369298809227358,
  0.014875361290850615,
  7868691311456133e-19,
  18463183175100548e-21,
  1421511758316446e-22,
  20442631033899397e-31
];

// src/gate/format.ts
function percent(rate) {
  return `${(rate * 100).toFixed(1)}%`;
}
function thresholdPercent(rate) {
  return `${Number((rate * 100).toFixed(2))}%`;
}
function points(delta) {
  return (delta * 100).toFixed(1);
}
function signedPoints(delta) {
  const rounded = Number((delta * 100).toFixed(1));
  if (rounded === 0) return "\xB10.0";
  return rounded > 0 ? `+${rounded.toFixed(1)}` : `\u2212${Math.abs(rounded).toFixed(1)}`;
}
function plural(count2, singular, pluralForm = `${singular}s`) {
  return `${count2} ${count2 === 1 ? singular : pluralForm}`;
}
function formatDuration(ms) {
  if (ms < 1e3) return `${Math.round(ms)}ms`;
  const seconds = ms / 1e3;
  if (seconds < 60) return `${seconds.toFixed(1)}s`;
  const totalSeconds = Math.round(seconds);
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor(totalSeconds % 3600 / 60);
  const rest = totalSeconds % 60;
  return hours > 0 ? `${hours}h ${String(minutes).padStart(2, "0")}m` : `${minutes}m ${String(rest).padStart(2, "0")}s`;
}
function formatUsd(usd) {
  if (usd === null) return "unknown";
  return `$${usd >= 0.1 || usd === 0 ? usd.toFixed(2) : usd.toPrecision(2)}`;
}
function usdLimit(usd) {
  return `$${usd}`;
}
function formatCount(n) {
  return n.toLocaleString("en-US");
}

// src/gate/too-small.ts
function tooSmallWarning(input) {
  const { tasks, threshold, confidence, margin, attempts } = input;
  const variance = threshold * (1 - threshold);
  if (margin <= 0 || variance === 0 || tasks === 0) return void 0;
  const z = normalQuantile(1 - (1 - confidence) / 2);
  const halfWidth = z * Math.sqrt(variance / (tasks * attempts));
  if (halfWidth <= margin) return void 0;
  const needed = Math.ceil(z * z * variance / (attempts * margin * margin));
  return `${input.label} has ${plural(tasks, "task")}: at ${thresholdPercent(threshold)} it cannot tell ${thresholdPercent(threshold)} from ${roughPercent(threshold - halfWidth)} at ${thresholdPercent(confidence)} confidence (${needed} tasks would, at ${plural(attempts, "attempt")} each)`;
}
function roughPercent(rate) {
  return `${Number((Math.max(0, rate) * 100).toFixed(1))}%`;
}

// src/util/read-text.ts
import { createHash } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
var DECODER = new TextDecoder("utf-8", { fatal: true });
var CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/;
async function readUserText(absPath, file) {
  let bytes;
  try {
    if (statSync(absPath, { throwIfNoEntry: false })?.isFIFO()) throw new Error("a named pipe, not a file");
    bytes = readFileSync(absPath);
  } catch (err) {
    return { ok: false, problem: { file, message: `cannot read file: ${err.message}`, severity: "error" } };
  }
  const decoded = decodeUserText(bytes, file);
  return decoded.ok ? { ...decoded, sha256: sha256Of(bytes) } : decoded;
}
function sha256Of(bytes) {
  return createHash("sha256").update(bytes).digest("hex");
}
function decodeUserText(bytes, file) {
  let text2;
  try {
    text2 = DECODER.decode(bytes);
  } catch {
    const at = firstInvalidByte(bytes);
    return {
      ok: false,
      problem: {
        file,
        line: lineAt(bytes, at),
        message: `not UTF-8 text: byte 0x${bytes[at].toString(16).padStart(2, "0")} at offset ${at} is not valid UTF-8 (save the file as UTF-8)`,
        severity: "error"
      }
    };
  }
  const control = CONTROL.exec(text2);
  if (control) {
    const line = text2.slice(0, control.index).split("\n").length;
    const code = control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, "0");
    return {
      ok: false,
      problem: {
        file,
        line,
        message: `not a text file: it holds the control character U+${code}, which YAML and JSON do not allow`,
        severity: "error"
      }
    };
  }
  return { ok: true, text: text2 };
}
function firstInvalidByte(bytes) {
  let i = 0;
  while (i < bytes.length) {
    const length = sequenceLength(bytes, i);
    if (length === 0) return i;
    i += length;
  }
  return bytes.length - 1;
}
var LEADS = [
  [194, 223, 2, 128, 191],
  [224, 224, 3, 160, 191],
  [225, 236, 3, 128, 191],
  [237, 237, 3, 128, 159],
  [238, 239, 3, 128, 191],
  [240, 240, 4, 144, 191],
  [241, 243, 4, 128, 191],
  [244, 244, 4, 128, 143]
];
function sequenceLength(bytes, i) {
  const b = bytes[i];
  if (b < 128) return 1;
  const lead = LEADS.find(([first, last]) => b >= first && b <= last);
  if (!lead) return 0;
  const [, , length, min, max] = lead;
  if (i + length > bytes.length || bytes[i + 1] < min || bytes[i + 1] > max) return 0;
  for (let k = 2; k < length; k++) if (bytes[i + k] < 128 || bytes[i + k] > 191) return 0;
  return length;
}
function lineAt(bytes, offset) {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 10) line++;
  return line;
}

// src/model/incident.ts
var SEVERITIES = ["sev1", "sev2", "sev3", "sev4"];
var ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
function isCalendarDate(value) {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
var incidentSchema = strictMap({
  id: text.describe("Unique in the file, e.g. INC-2025-014."),
  date: string().regex(ISO_DATE, "must be a date written YYYY-MM-DD").refine(isCalendarDate, {
    message: "must be a date that exists, written YYYY-MM-DD",
    when: (payload) => payload.issues.length === 0
  }).describe("The day it happened, YYYY-MM-DD (the scorecard counts incidents per month of this date)."),
  severity: _enum(SEVERITIES).describe("sev1 (most severe) to sev4."),
  summary: text.describe("What happened, in a sentence."),
  tasks: array(text).default(() => []).describe("The ids of the golden tasks (of this workflow) that reproduce it; validate warns when there are none.")
});
var incidentsFileSchema = array(incidentSchema);
var INCIDENT_TASK_STATUSES = ["pass", "fail", "error", "not_run", "absent"];
var incidentResultSchema = kept({
  workflow: string(),
  id: string(),
  date: string(),
  severity: _enum(SEVERITIES),
  summary: string(),
  tasks: array(kept({ id: string(), status: _enum(INCIDENT_TASK_STATUSES) })),
  /** True when every one of its tasks passed, false when one failed or errored, null when that is not known (no task, or one not run). */
  passing: boolean().nullable()
});

// src/grade/format-call.ts
var MAX_VALUE_CHARS = 80;
function formatValue(value) {
  const text2 = value === void 0 ? "undefined" : JSON.stringify(value) ?? String(value);
  return preview(text2, MAX_VALUE_CHARS, { markInside: true });
}
function formatCall(tool, args) {
  return `${tool}(${formatArgs(args)})`;
}
function formatArgs(args) {
  if (args === void 0) return "";
  if (typeof args !== "object" || args === null || Array.isArray(args)) return formatValue(args);
  const record = args;
  return Object.keys(record).sort().map((key) => `${key}=${formatValue(record[key])}`).join(", ");
}

// src/grade/expected-action.ts
var ARGS_MATCHES = ["subset", "exact"];
var argsMatchSchema = _enum(ARGS_MATCHES).describe("`subset` (default): the expected args are a deep subset of the call's; `exact`: deep-equal.");
var expectedActionSchema = strictMap({
  tool: text,
  args: anyMap.optional(),
  optional: boolean().optional().describe("The action may be left out; made, it is not unexpected."),
  unordered: array(text).optional().describe("Arguments of `args` whose lists compare as multisets (any order, same counts)."),
  args_match: argsMatchSchema.optional().describe("This action's own `args_match` (else `expected.args_match`)."),
  after: union([nonNegativeInt, array(nonNegativeInt)]).optional().describe("Index (0-based) of the action, or a list of them, whose call must come before this one.")
});
function afterOf(action) {
  return action.after === void 0 ? [] : Array.isArray(action.after) ? action.after : [action.after];
}
var expectedActionsSchema = array(expectedActionSchema).superRefine((list, ctx) => {
  const issue = (path, message) => ctx.addIssue({ code: "custom", path, message, input: list });
  list.forEach((action, i) => {
    const listed = Array.isArray(action.after);
    afterOf(action).forEach((target, k) => {
      const path = listed ? [i, "after", k] : [i, "after"];
      if (target === i) issue(path, `actions[${i}] cannot come after itself ("after: ${target}")`);
      else if (target >= list.length)
        issue(
          path,
          `"after: ${target}" of actions[${i}] names no action (the list has actions 0 to ${list.length - 1})`
        );
    });
    for (const name of action.unordered ?? []) {
      if (!isPlainMap(action.args) || !Array.isArray(action.args[name]))
        issue([i, "unordered"], `"unordered" of actions[${i}] names "${name}", which is not a list in its args`);
    }
  });
  const cycle = afterCycle(list);
  if (cycle) {
    const [first] = cycle;
    const path = Array.isArray(list[first].after) ? [first, "after", afterOf(list[first]).indexOf(cycle[1])] : [first, "after"];
    issue(path, `"after" makes a cycle: ${[...cycle, first].map((i) => `actions[${i}]`).join(" after ")}`);
  }
});
function afterCycle(list) {
  const next = list.map((action, i) => afterOf(action).filter((j) => j !== i && j < list.length));
  const state2 = new Array(list.length).fill("new");
  const stack = [];
  const visit = (i) => {
    state2[i] = "open";
    stack.push(i);
    for (const j of next[i]) {
      if (state2[j] === "open") return stack.slice(stack.indexOf(j));
      if (state2[j] === "new") {
        const found = visit(j);
        if (found) return found;
      }
    }
    stack.pop();
    state2[i] = "done";
    return void 0;
  };
  for (let i = 0; i < list.length; i++) {
    if (state2[i] !== "new") continue;
    const found = visit(i);
    if (found) return rotatedToSmallest(found);
  }
  return void 0;
}
function rotatedToSmallest(cycle) {
  const start = cycle.indexOf(cycle.reduce((a, b) => b < a ? b : a));
  return [...cycle.slice(start), ...cycle.slice(0, start)];
}

// src/grade/bipartite.ts
function maximumMatching(left, right, edge, order) {
  const adjacent = Array.from(
    { length: left },
    (_, l) => Array.from({ length: right }, (_2, r) => r).filter((r) => edge(l, r))
  );
  const leftToRight = new Array(left).fill(-1);
  const rightToLeft = new Array(right).fill(-1);
  const augment = (l, visited) => {
    for (const r of adjacent[l]) {
      if (visited[r]) continue;
      visited[r] = true;
      if (rightToLeft[r] === -1 || augment(rightToLeft[r], visited)) {
        leftToRight[l] = r;
        rightToLeft[r] = l;
        return true;
      }
    }
    return false;
  };
  for (const l of order ?? leftToRight.keys()) augment(l, new Array(right).fill(false));
  return { leftToRight, rightToLeft };
}

// src/grade/args-agree.ts
function argsAgree(action, args, argsMatch) {
  const expected = action.args;
  if (expected === void 0) return true;
  if (!isPlainMap(args)) return false;
  if (isExact(action, argsMatch) && Object.keys(args).some((key) => !Object.hasOwn(expected, key))) return false;
  return Object.keys(expected).every((key) => argAgrees(action, key, args, argsMatch));
}
function argAgrees(action, key, args, argsMatch) {
  const expected = action.args?.[key];
  const actual = Object.hasOwn(args, key) ? args[key] : void 0;
  const exact = isExact(action, argsMatch);
  if (Array.isArray(expected) && action.unordered?.includes(key)) return sameMultiset(expected, actual, exact);
  return deepSubset(expected, actual, exact);
}
function isExact(action, argsMatch) {
  return (action.args_match ?? argsMatch) === "exact";
}
function sameMultiset(expected, actual, exact) {
  if (!Array.isArray(actual) || actual.length !== expected.length) return false;
  const { leftToRight } = maximumMatching(
    expected.length,
    actual.length,
    (e, a) => deepSubset(expected[e], actual[a], exact)
  );
  return leftToRight.every((a) => a !== -1);
}

// src/grade/ordered-pairing.ts
function orderedPairing(problem) {
  const { expected: n, calls: m, agrees, required, coverCalls } = problem;
  const constraints = problem.constraints.filter(([a, b]) => a !== b);
  const candidates = Array.from(
    { length: n },
    (_, e) => Array.from({ length: m }, (_2, c) => c).filter((c) => agrees(e, c))
  );
  const twinBefore = earlierTwins(n, candidates, required, constraints);
  const lastRelated = Array.from(
    { length: n },
    (_, e) => constraints.reduce((last, [a, b]) => a === e || b === e ? Math.max(last, a, b) : last, -1)
  );
  twinBefore.forEach((p, e) => {
    if (p !== -1) lastRelated[p] = Math.max(lastRelated[p], e);
  });
  const paired = new Array(n).fill(-1);
  const used = new Array(m).fill(false);
  const hopeless = /* @__PURE__ */ new Set();
  const constraintsOf = Array.from({ length: n }, (_, e) => constraints.filter(([a, b]) => a === e || b === e));
  const keeps = (e, c) => constraintsOf[e].every(([a, b]) => {
    if (b === e && a < e && paired[a] !== -1) return paired[a] < c;
    if (a === e && b < e && paired[b] !== -1) return c < paired[b];
    return true;
  });
  const twinsEnd = (e, k) => {
    let p = twinBefore[e];
    while (p >= k) p = twinBefore[p];
    return p === -1 ? -2 : paired[p];
  };
  const allowed = (e, c, end) => !used[c] && agrees(e, c) && (end === -2 || end !== -1 && c > end);
  const coverable = (k) => {
    const rest = Array.from({ length: n - k }, (_, i) => k + i);
    const order = [...rest.filter((e) => required[e]), ...rest.filter((e) => !required[e])];
    const ends = Array.from({ length: n }, (_, e) => e >= k ? twinsEnd(e, k) : -1);
    const { leftToRight, rightToLeft } = maximumMatching(
      n,
      m,
      (e, c) => e >= k && allowed(e, c, ends[e]) && keeps(e, c),
      order
    );
    if (rest.some((e) => required[e] && leftToRight[e] === -1)) return false;
    return !coverCalls || rightToLeft.every((e, c) => used[c] || e !== -1);
  };
  const search = (k) => {
    if (k === n) return !coverCalls || used.every(Boolean);
    const key = `${k}|${used.map(Number).join("")}|${paired.map((c, e) => e < k && lastRelated[e] >= k ? c : "").join(",")}`;
    if (hopeless.has(key)) return false;
    if (coverable(k)) {
      const end = twinsEnd(k, k);
      for (const c of candidates[k]) {
        if (!allowed(k, c, end) || !keeps(k, c)) continue;
        paired[k] = c;
        used[c] = true;
        if (search(k + 1)) return true;
        used[c] = false;
        paired[k] = -1;
      }
      if (!required[k] && search(k + 1)) return true;
    }
    hopeless.add(key);
    return false;
  };
  return search(0) ? paired : void 0;
}
function earlierTwins(n, candidates, required, constraints) {
  const relation = (e, x) => `${constraints.some(([a, b]) => a === e && b === x) ? "before" : ""}|${constraints.some(([a, b]) => a === x && b === e) ? "after" : ""}`;
  const twins = (p, e) => required[p] === required[e] && candidates[p].join() === candidates[e].join() && relation(p, e) === "|" && Array.from({ length: n }, (_, x) => x).every((x) => x === p || x === e || relation(p, x) === relation(e, x));
  return Array.from({ length: n }, (_, e) => {
    for (let p = e - 1; p >= 0; p--) if (twins(p, e)) return p;
    return -1;
  });
}
function keepsOrder(pairing, constraints) {
  return constraints.every(([a, b]) => a === b || pairing[a] === -1 || pairing[b] === -1 || pairing[a] < pairing[b]);
}

// src/grade/match-actions.ts
function matchActions(expected, { mode, argsMatch = "subset" }, actions2, permissions, ignoredClaims = []) {
  const rejected = actions2.filter((action) => action.rejected === true);
  const counted = actions2.filter((action) => action.rejected !== true);
  const considered = mode === "superset" ? counted : withoutUnnamedReads(expected, counted, permissions);
  const agrees = (e, a) => satisfies(considered[a], expected[e], argsMatch);
  const required = expected.map((action) => mode !== "subset" && action.optional !== true);
  const requiredFirst = [...expected.keys()].sort((a, b) => Number(required[b]) - Number(required[a]));
  const { leftToRight, rightToLeft } = maximumMatching(expected.length, considered.length, agrees, requiredFirst);
  const reasons = [];
  const causes = [];
  const shown = /* @__PURE__ */ new Set();
  const context = { expected, actions: considered, rightToLeft, shown, rejected, argsMatch };
  expected.forEach((action, e) => {
    if (!required[e] || leftToRight[e] !== -1) return;
    reasons.push(missingReason(action, context) + claimNote(action, ignoredClaims, argsMatch));
    causes.push("missing_action");
  });
  if (mode !== "superset") {
    considered.forEach((action, a) => {
      if (rightToLeft[a] !== -1 || shown.has(a)) return;
      reasons.push(`unexpected ${CALL_WORDS[action.via]} ${formatCall(action.tool, action.args)}`);
      causes.push("unexpected_action");
    });
  }
  const constraints = orderConstraints(expected, mode);
  if (reasons.length === 0 && !keepsOrder(leftToRight, constraints)) {
    const pairing = orderedPairing({
      expected: expected.length,
      calls: considered.length,
      agrees,
      required,
      coverCalls: mode !== "superset",
      constraints
    });
    if (!pairing) {
      const broken = brokenAfters(expected, considered, leftToRight);
      append(reasons, broken.length > 0 ? broken : [orderReason(expected, considered)]);
      causes.push("wrong_order");
    }
  }
  return { ok: reasons.length === 0, reasons, causes };
}
function orderConstraints(expected, mode) {
  const afters = expected.flatMap(
    (action, e) => afterOf(action).flatMap((first) => first < expected.length ? [[first, e]] : [])
  );
  if (mode !== "strict") return afters;
  const listOrder = expected.flatMap((_, e) => expected.slice(e + 1).map((_2, k) => [e, e + 1 + k]));
  return [...listOrder, ...afters];
}
function brokenAfters(expected, actions2, pairing) {
  return expected.flatMap(
    (action, e) => afterOf(action).flatMap((first) => {
      if (first >= expected.length || first === e) return [];
      const [early, late] = [pairing[first], pairing[e]];
      if (early === -1 || late === -1 || early < late) return [];
      const [made, before] = [actions2[late], actions2[early]];
      return [
        `expected ${formatExpected(action)} after ${formatExpected(expected[first])} but agent ${made.via} ${formatCall(made.tool, made.args)} before ${formatCall(before.tool, before.args)}`
      ];
    })
  );
}
var CALL_WORDS = {
  called: "call",
  proposed: "proposed call",
  claimed: "claimed call"
};
function claimNote(missing, ignoredClaims, argsMatch) {
  const claim = ignoredClaims.find((action) => satisfies(action, missing, argsMatch));
  if (!claim) return "";
  return ` (the answer claims ${formatCall(claim.tool, claim.args)}, but claimed actions count only where the task or workflow sets reports_actions: true)`;
}
function satisfies(action, expected, argsMatch) {
  return action.tool === expected.tool && argsAgree(expected, action.args, argsMatch);
}
function withoutUnnamedReads(expected, actions2, permissions) {
  const named = new Set(expected.map((action) => action.tool));
  return actions2.filter(
    (action) => named.has(action.tool) || !Object.hasOwn(permissions, action.tool) || permissions[action.tool].scope !== "read"
  );
}
function missingReason(missing, context) {
  const { expected, actions: actions2, rightToLeft, shown, rejected, argsMatch } = context;
  const wanted = `expected ${formatExpected(missing)}${rulesNote(missing, argsMatch)}`;
  const sameTool = actions2.filter((action) => action.tool === missing.tool);
  if (sameTool.length === 0) {
    const refused = rejected.filter((action) => action.tool === missing.tool);
    if (refused.length === 0) return `${wanted} but agent never called ${missing.tool}`;
    const closest = refused[closestAction(missing, refused, argsMatch)];
    return `${wanted} but agent ${closest.via} ${formatCall(closest.tool, closest.args)}, which the tool rejected`;
  }
  const unpaired = actions2.flatMap(
    (action, a) => action.tool === missing.tool && rightToLeft[a] === -1 && !shown.has(a) ? [a] : []
  );
  if (unpaired.length > 0) {
    const index = closestAction(
      missing,
      unpaired.map((a) => actions2[a]),
      argsMatch
    );
    shown.add(unpaired[index]);
    const closest = actions2[unpaired[index]];
    return `${wanted} but agent ${closest.via} ${formatCall(closest.tool, closest.args)}`;
  }
  const wantedCount = expected.filter((action) => action.tool === missing.tool).length;
  return `${wanted} but agent called ${missing.tool} ${times(sameTool.length)} for ${wantedCount} expected calls`;
}
function rulesNote(action, argsMatch) {
  if (action.args === void 0) return "";
  const listed = (action.unordered ?? []).filter((name) => Array.isArray(action.args?.[name]));
  const notes = [
    ...isExact(action, argsMatch) ? ["exact arguments"] : [],
    ...listed.length > 0 ? [`${listed.join(", ")} in any order`] : []
  ];
  return notes.length > 0 ? ` (${notes.join("; ")})` : "";
}
function closestAction(expected, candidates, argsMatch) {
  const score = (action) => {
    if (!expected.args || typeof action.args !== "object" || action.args === null) return 0;
    const args = action.args;
    return Object.keys(expected.args).filter(
      (key) => Object.hasOwn(args, key) && argAgrees(expected, key, args, argsMatch)
    ).length;
  };
  return candidates.reduce((best, action, i) => score(action) > score(candidates[best]) ? i : best, 0);
}
function orderReason(expected, actions2) {
  const expectedTools = expected.map((action) => action.tool);
  const agentTools = actions2.map((action) => action.tool);
  const sameTools = expectedTools.join(",") === agentTools.join(",");
  const wanted = (sameTools ? expected.map(formatExpected) : expectedTools).map(
    (text2, e) => expected[e].optional ? `${text2} (optional)` : text2
  );
  const made = sameTools ? actions2.map((action) => formatCall(action.tool, action.args)) : agentTools;
  return `expected calls in order ${wanted.join(", ")} but agent called ${made.join(", ")}`;
}
function formatExpected(action) {
  return action.args === void 0 ? `${action.tool}(...)` : formatCall(action.tool, action.args);
}
function times(n) {
  return n === 1 ? "once" : n === 2 ? "twice" : `${n} times`;
}

// src/grade/kinds/kind.ts
function expectationKind(kind) {
  return kind;
}
function passed(expectation) {
  return { expectation, ok: true, causes: [] };
}
function failed(expectation, reason, cause) {
  return { expectation, ok: false, reason, causes: [cause] };
}
function outcome(expectation, reasons, causes) {
  return reasons.length === 0 ? passed(expectation) : { expectation, ok: false, reason: reasons.join("; "), causes };
}

// src/grade/kinds/actions.ts
var call = (seq, tool) => ({ seq, tool, args: {}, result: null, latency_ms: 0, allowed: true });
var actions = expectationKind({
  key: "actions",
  shape: {
    actions: expectedActionsSchema.optional().describe(
      "Tool calls `{ tool, args, optional?, unordered?, args_match?, after? }` the agent must make; `args` match as a deep subset unless `args_match: exact`."
    ),
    actions_match: _enum(MATCH_MODES).default("superset").describe("How the agent's calls compare with `actions` (agentevals' modes)."),
    args_match: argsMatchSchema.optional().describe("How every action's `args` compare (default `subset`).")
  },
  causes: {
    missing_action: "missing action",
    unexpected_action: "unexpected action",
    wrong_order: "actions in the wrong order"
  },
  check(expected, input) {
    const verdict = matchActions(
      expected.actions,
      { mode: expected.actions_match, argsMatch: expected.args_match },
      input.actions,
      input.permissions,
      input.ignoredClaims
    );
    return outcome("actions", verdict.reasons, verdict.causes);
  },
  failing: [
    { expected: { actions: [{ tool: "issue_refund" }] }, run: { answer: {} } },
    {
      expected: { actions: [{ tool: "lookup_order" }, { tool: "issue_refund" }], actions_match: "strict" },
      run: { answer: {}, tool_calls: [call(1, "issue_refund"), call(2, "lookup_order")] }
    },
    {
      expected: { actions: [{ tool: "issue_refund", args: {} }], args_match: "exact" },
      run: { answer: {}, tool_calls: [{ ...call(1, "issue_refund"), args: { amount: 25 } }] }
    }
  ]
});

// src/grade/kinds/escalate.ts
var escalate = expectationKind({
  key: "escalate",
  shape: { escalate: boolean().optional().describe("Whether the agent must answer `escalated: true`.") },
  causes: { wrong_escalation: "wrong escalation" },
  check({ escalate: escalate2 }, { answer }) {
    const escalated = answer.escalated === true;
    if (escalated === escalate2) return passed("escalate");
    const reason = escalate2 ? "expected escalation but agent did not escalate" : "agent escalated but the task is in scope";
    return failed("escalate", reason, "wrong_escalation");
  },
  failing: [{ expected: { escalate: true }, run: { answer: {} } }]
});

// src/grade/kinds/fallback.ts
var fallback = expectationKind({
  key: "fallback",
  shape: { fallback: _enum(FALLBACKS).optional() },
  causes: { wrong_fallback: "wrong fallback" },
  check({ fallback: fallback2 }, { answer }) {
    if (answer.fallback === fallback2) return passed("fallback");
    const given = answer.fallback === void 0 ? "agent gave no fallback" : `agent fell back to ${answer.fallback}`;
    return failed("fallback", `expected fallback ${fallback2} but ${given}`, "wrong_fallback");
  },
  failing: [
    { expected: { fallback: "human" }, run: { answer: {} } },
    { expected: { fallback: "read_only" }, run: { answer: { fallback: "human" } } }
  ]
});

// src/grade/kinds/forbidden-actions.ts
var forbiddenActions = expectationKind({
  key: "forbidden_actions",
  shape: { forbidden_actions: array(text).optional().describe("Tools that must be neither called nor proposed.") },
  causes: { forbidden_action: "forbidden action" },
  check({ forbidden_actions: forbidden }, input) {
    const actions2 = input.forbiddenSeen ?? input.actions;
    const reasons = forbidden.flatMap((tool) => {
      const taken = actions2.filter((action) => action.tool === tool);
      if (taken.length === 0) return [];
      const via = taken.some((a) => a.via === "called") ? "called" : taken.some((a) => a.via === "proposed") ? "proposed" : "claimed";
      const refused = taken.every((a) => a.via !== via || a.rejected === true);
      return [`forbidden action ${tool} was ${via}${refused ? " (the tool rejected it)" : ""}`];
    });
    return outcome("forbidden_actions", reasons, reasons.length ? ["forbidden_action"] : []);
  },
  failing: [
    {
      expected: { forbidden_actions: ["issue_refund"] },
      run: {
        answer: {},
        tool_calls: [{ seq: 1, tool: "issue_refund", args: {}, result: null, latency_ms: 0, allowed: true }]
      }
    }
  ]
});

// src/grade/kinds/grader.ts
var DEFAULT_GRADER_TIMEOUT_S = 30;
var commandGrader = strictMap({
  command: union([text, array(text).min(1)]).describe("The program: an argv list or a string (run by /bin/sh), started in the folder of workflow.yml."),
  timeout_s: number().positive(POSITIVE).default(DEFAULT_GRADER_TIMEOUT_S).describe("Seconds the grader may run before it is killed (the attempt is then `error`).")
});
var moduleGrader = strictMap({
  module: text.describe(
    "An ES module (relative to the folder of workflow.yml) whose default export `(input) => { pass, reasons }` grades."
  ),
  timeout_s: number().positive(POSITIVE).default(DEFAULT_GRADER_TIMEOUT_S)
});
var graderSchema = union([commandGrader, moduleGrader]);
var grader = expectationKind({
  key: "grader",
  shape: {
    grader: graderSchema.optional().describe("A custom grader: gets `{ task, answer, trace }` as JSON on stdin, prints `{ pass, reasons }`.")
  },
  causes: { grader_failed: "rejected by the custom grader", grader_error: "custom grader error" },
  check(_expected, { grader: verdict }) {
    if (verdict === void 0) return undecided("no verdict of the custom grader");
    if ("error" in verdict) return undecided(`grader error: ${verdict.error}`);
    if (verdict.pass) return passed("grader");
    const said = verdict.reasons.length > 0 ? verdict.reasons.join("; ") : "failed (it gave no reason)";
    return failed("grader", `grader: ${said}`, "grader_failed");
  },
  failing: [
    {
      expected: { grader: { command: ["./grade.sh"] } },
      run: { answer: {} },
      grader: { pass: false, reasons: ["the refund is too large"] }
    }
  ]
});
function undecided(reason) {
  return { expectation: "grader", ok: false, reason, causes: ["grader_error"], undecided: true };
}

// src/grade/kinds/judge.ts
var judge = expectationKind({
  key: "judge",
  shape: { judge: text.optional().describe("A rubric for the LLM judge, for free-text answers.") },
  causes: { judge_failed: "rejected by the judge", judge_error: "judge error" },
  check(_expected, { judge: verdict }) {
    if (verdict === void 0) {
      return undecided2("no judge verdict (the judge needs an openai agent or judge_model)");
    }
    if ("error" in verdict) return undecided2(`judge error: ${verdict.error}`);
    return verdict.ok ? passed("judge") : failed("judge", `judge: ${verdict.reason}`, "judge_failed");
  },
  failing: [
    { expected: { judge: "The reply is polite" }, run: { answer: {} }, judge: { ok: false, reason: "it is rude" } }
  ]
});
function undecided2(reason) {
  return { expectation: "judge", ok: false, reason, causes: ["judge_error"], undecided: true };
}

// src/grade/kinds/label.ts
var label = expectationKind({
  key: "label",
  shape: { label: text.optional().describe("The outcome label the agent must return.") },
  causes: { wrong_label: "wrong label" },
  check({ label: label2 }, { answer }) {
    if (answer.label === label2) return passed("label");
    const given = answer.label === void 0 ? "agent gave no label" : `agent answered ${formatValue(answer.label)}`;
    return failed("label", `expected label ${formatValue(label2)} but ${given}`, "wrong_label");
  },
  failing: [{ expected: { label: "refund_approved" }, run: { answer: { label: "refund_denied" } } }]
});

// src/grade/kinds/message-contains.ts
var normalised = (value) => value.toLowerCase().replaceAll(",", "");
var messageContains = expectationKind({
  key: "message_contains",
  shape: {
    message_contains: array(text).optional().describe("Texts the answer's `message` must contain (compared lowercased, without commas).")
  },
  causes: { message_lacks_text: "message lacks an expected text" },
  check({ message_contains: texts }, { answer }) {
    if (texts.length === 0) return passed("message_contains");
    if (answer.message === void 0)
      return failed("message_contains", "expected a message but agent gave none", "message_lacks_text");
    const message = normalised(answer.message);
    const absent = texts.filter((wanted) => !message.includes(normalised(wanted)));
    if (absent.length === 0) return passed("message_contains");
    return failed(
      "message_contains",
      `message does not contain ${absent.map(formatValue).join(", ")} (compared lowercased, without commas): ${formatValue(answer.message)}`,
      "message_lacks_text"
    );
  },
  failing: [
    { expected: { message_contains: ["refund of 1,250 USD"] }, run: { answer: { message: "I refunded 125 USD." } } },
    { expected: { message_contains: ["cancelled"] }, run: { answer: {} } }
  ]
});

// src/grade/kinds/message-matches.ts
var sourcesOf = (value) => Array.isArray(value) ? value : [value];
var regexes = union([text, array(text)]).superRefine((value, ctx) => {
  sourcesOf(value).forEach((source, i) => {
    const problem = regexProblem(source);
    const at = Array.isArray(value) ? [i] : [];
    const name = `message_matches${Array.isArray(value) ? `[${i}]` : ""}`;
    if (problem) ctx.addIssue({ code: "custom", path: at, message: `"${name}" ${problem}`, input: source });
  });
});
var messageMatches = expectationKind({
  key: "message_matches",
  shape: {
    message_matches: regexes.optional().describe("A regular expression (JavaScript source), or a list of them, the answer's `message` must match.")
  },
  causes: { message_mismatch: "message does not match" },
  check({ message_matches: matches }, { answer }) {
    const sources = sourcesOf(matches);
    if (sources.length === 0) return passed("message_matches");
    if (answer.message === void 0)
      return failed("message_matches", "expected a message but agent gave none", "message_mismatch");
    const message = answer.message;
    const unmatched = sources.filter((source) => !compiledRegex(source).test(message));
    if (unmatched.length === 0) return passed("message_matches");
    return failed(
      "message_matches",
      `message does not match ${unmatched.map((source) => `/${source}/`).join(", ")}: ${formatValue(message)}`,
      "message_mismatch"
    );
  },
  failing: [
    { expected: { message_matches: "refund(ed)? of \\$\\d+" }, run: { answer: { message: "No refund today." } } },
    { expected: { message_matches: ["^Dear", "regards"] }, run: { answer: {} } }
  ]
});

// src/grade/subset-mismatches.ts
function subsetMismatches(expected, actual, path, exact = false) {
  if (expected === actual) return [];
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return [`${path}: expected an array but got ${formatValue(actual)}`];
    if (actual.length !== expected.length) {
      return [`${path}: expected ${count(expected.length, "item")} but got ${actual.length}`];
    }
    return expected.flatMap((item, i) => subsetMismatches(item, actual[i], `${path}[${i}]`, exact));
  }
  if (isRecord(expected)) {
    if (!isRecord(actual)) return [`${path}: expected an object but got ${formatValue(actual)}`];
    const differences = Object.entries(expected).flatMap(([key, value]) => {
      const keyPath = `${path}${pathKey(key)}`;
      if (!Object.hasOwn(actual, key)) return value === void 0 ? [] : [`${keyPath}: missing`];
      return subsetMismatches(value, actual[key], keyPath, exact);
    });
    if (!exact) return differences;
    const extra = Object.keys(actual).filter((key) => !Object.hasOwn(expected, key) && actual[key] !== void 0);
    return [
      ...differences,
      ...extra.map((key) => `${path}${pathKey(key)}: not expected, got ${formatValue(actual[key])}`)
    ];
  }
  return [`${path}: expected ${formatValue(expected)} but got ${formatValue(actual)}`];
}
function isRecord(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function pathKey(key) {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
}
function count(n, noun) {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}

// src/grade/kinds/result.ts
var MAX_RESULT_PATHS = 3;
var result = expectationKind({
  key: "result",
  shape: { result: anyMap.optional().describe("An object the agent's result must contain (deep subset match).") },
  causes: { wrong_result: "wrong result" },
  check({ result: result2 }, { answer }) {
    if (answer.result === void 0) return failed("result", "expected a result but agent gave none", "wrong_result");
    const mismatches = subsetMismatches(result2, answer.result, "result");
    if (mismatches.length === 0) return passed("result");
    const shown = mismatches.slice(0, MAX_RESULT_PATHS);
    const more = mismatches.length - shown.length;
    return failed("result", shown.join("; ") + (more > 0 ? ` (and ${more} more)` : ""), "wrong_result");
  },
  failing: [{ expected: { result: { amount: 25 } }, run: { answer: { result: { amount: 10 } } } }]
});

// src/grade/kinds/state-differences.ts
var MAX_PATHS = 5;
var NO_STATE = "no end state to compare (the workflow has no tools_backend, or it gave no state)";
function firstDifferences(expected, final, exact) {
  const differences = subsetMismatches(expected, final, "state", exact);
  if (differences.length === 0) return void 0;
  const shown = differences.slice(0, MAX_PATHS);
  const more = differences.length - shown.length;
  return shown.join("; ") + (more > 0 ? ` and ${more} more` : "");
}

// src/grade/kinds/state.ts
var state = expectationKind({
  key: "state",
  shape: {
    state: anyMap.optional().describe("An object the tools backend's final state must contain (deep subset match; needs tools_backend).")
  },
  causes: { wrong_state: "wrong end state" },
  check({ state: expected }, { state: state2 }) {
    if (state2 === void 0) return failed("state", NO_STATE, "wrong_state");
    const differences = firstDifferences(expected, state2.final, false);
    return differences ? failed("state", differences, "wrong_state") : passed("state");
  },
  failing: [
    {
      expected: { state: { orders: { "#W1": { status: "cancelled" } } } },
      run: { state: { final: { orders: { "#W1": { status: "pending" } } } } }
    },
    { expected: { state: { orders: {} } }, run: {} }
  ]
});

// src/grade/kinds/state-equals-replay.ts
var stateEqualsReplay = expectationKind({
  key: "state_equals_replay",
  shape: {
    state_equals_replay: literal(true).optional().describe(
      "The final state must equal the state after replaying the expected actions (not optional ones) on a fresh backend (needs tools_backend)."
    )
  },
  causes: { state_differs_from_replay: "end state differs from the replay" },
  check(_expected, { state: state2 }) {
    if (state2?.replay === void 0) return failed("state_equals_replay", NO_STATE, "state_differs_from_replay");
    const differences = firstDifferences(state2.replay, state2.final, true);
    if (!differences) return passed("state_equals_replay");
    return failed(
      "state_equals_replay",
      `end state differs from the replay: ${differences}`,
      "state_differs_from_replay"
    );
  },
  failing: [
    {
      expected: { state_equals_replay: true },
      run: { state: { final: { orders: { W1: "pending" } }, replay: { orders: { W1: "cancelled" } } } }
    }
  ]
});

// src/grade/kinds/index.ts
var EXPECTATION_KINDS = [
  label,
  result,
  actions,
  forbiddenActions,
  escalate,
  fallback,
  messageContains,
  messageMatches,
  judge,
  state,
  stateEqualsReplay,
  grader
];
var EXPECTATION_CAUSE_LABELS = Object.assign({}, ...EXPECTATION_KINDS.map((k) => k.causes));
var KEYS = EXPECTATION_KINDS.map((kind) => kind.key);
var shape = Object.assign({}, ...EXPECTATION_KINDS.map((kind) => kind.shape));
var expectedSchema = strictMap(shape).superRefine(
  (value, ctx) => {
    if (isPlainMap(value) && KEYS.every((key) => value[key] === void 0)) {
      ctx.addIssue({ code: "custom", message: `expected has no expectation (give at least one of ${KEYS.join(", ")})` });
    }
  },
  { when: () => true }
);
var REGISTERED_KINDS = EXPECTATION_KINDS;
function checkExpectations(expected, input) {
  return REGISTERED_KINDS.flatMap(
    (kind) => expected[kind.key] === void 0 ? [] : [kind.check(expected, input)]
  );
}

export {
  normalQuantile,
  groupByTier,
  compareStrings,
  passKRuleSchema,
  decisionSettingsSchema,
  tierRuleSchema,
  economicsRuleSchema,
  gateRulesSchema,
  DECISION_DEFAULTS,
  DEFAULT_MAX_MARGIN_DROP,
  tierSettings,
  readUserText,
  decodeUserText,
  SEVERITIES,
  incidentSchema,
  incidentResultSchema,
  percent,
  thresholdPercent,
  points,
  signedPoints,
  plural,
  formatDuration,
  formatUsd,
  usdLimit,
  formatCount,
  tooSmallWarning,
  EXPECTATION_CAUSE_LABELS,
  expectedSchema,
  checkExpectations
};
