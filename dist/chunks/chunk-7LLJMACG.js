import { createRequire as __evalgateCreateRequire } from 'node:module'; const require = __evalgateCreateRequire(import.meta.url);
import {
  preview
} from "./chunk-2AYC2KJ6.js";
import {
  _enum,
  _null,
  _overwrite,
  array,
  boolean,
  custom,
  looseObject,
  number,
  object,
  record,
  string,
  superRefine,
  union,
  unknown,
  url
} from "./chunk-WE7CPBA2.js";

// src/model/approval-tool.ts
var REQUEST_APPROVAL = "request_approval";

// src/util/regex.ts
var compiledSources = /* @__PURE__ */ new Map();
function compiledRegex(source) {
  let regex = compiledSources.get(source);
  if (!regex) {
    regex = new RegExp(source, "u");
    compiledSources.set(source, regex);
  }
  return regex;
}
function regexProblem(source) {
  try {
    compiledRegex(source);
    return void 0;
  } catch (err) {
    return `is not a regular expression: ${err.message}`;
  }
}

// src/model/schema-common.ts
var BETWEEN_0_AND_1 = "must be between 0 and 1";
var NOT_NEGATIVE = "must be 0 or more";
var POSITIVE = "must be more than 0";
var WHOLE = "must be a whole number";
function isPlainMap(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
function strictMap(shape) {
  const known = new Set(Object.keys(shape));
  const map = looseObject(shape).check(
    superRefine(
      (value, ctx) => {
        if (!isPlainMap(value)) return;
        const unknown2 = Object.keys(value).filter((k) => !known.has(k) && !k.startsWith("x-"));
        if (unknown2.length > 0) ctx.addIssue({ code: "unrecognized_keys", keys: unknown2, input: value });
      },
      { when: () => true }
    ),
    _overwrite(withoutExtensions)
  );
  for (const check of map._zod.def.checks ?? []) strictChecks.add(check);
  return map;
}
var strictChecks = /* @__PURE__ */ new WeakSet();
function withoutExtensions(value) {
  const exact = {};
  for (const [key, item] of Object.entries(value)) if (!key.startsWith("x-")) exact[key] = item;
  return exact;
}
function kept(shape) {
  return looseObject(shape);
}
var READ_ONCE = { jitless: true };
var requiredValue = custom((v) => v !== void 0);
var fraction = number().min(0, BETWEEN_0_AND_1).max(1, BETWEEN_0_AND_1);
var nonNegative = number().min(0, NOT_NEGATIVE);
var wholeNumber = () => number().refine(Number.isInteger, WHOLE);
var positiveInt = wholeNumber().positive(POSITIVE);
var nonNegativeInt = wholeNumber().min(0, NOT_NEGATIVE);
var text = string().min(1);
var httpUrl = url({ protocol: /^https?$/, error: "must be an http:// or https:// URL" });
var textList = array(string());
var anyMap = record(string(), unknown());
var stringMap = record(string(), string());

// src/model/limits.ts
var VALUE_CHARS = 80;
var scalar = union([string(), number(), boolean(), _null()]);
var limitSchema = strictMap({
  max: number().optional(),
  min: number().optional(),
  one_of: array(scalar).min(1).optional(),
  /** A regular expression the (string) value must match somewhere; anchor it with ^ and $ for all of it. */
  pattern: text.optional()
}).superRefine((limit, ctx) => {
  if (Object.values(limit).every((bound) => bound === void 0))
    ctx.addIssue({ code: "custom", message: `a limit needs at least one of ${LIMIT_KINDS.join(", ")}`, input: limit });
  if (limit.min !== void 0 && limit.max !== void 0 && limit.min > limit.max)
    ctx.addIssue({
      code: "custom",
      path: ["min"],
      message: `min ${limit.min} is more than max ${limit.max}: no value is within the limit`,
      input: limit.min
    });
  if (limit.pattern !== void 0) {
    const problem = regexProblem(limit.pattern);
    if (problem)
      ctx.addIssue({ code: "custom", path: ["pattern"], message: `"pattern" ${problem}`, input: limit.pattern });
  }
});
var notNumber = (kind, bound, value) => typeof value === "number" ? void 0 : `is not a number (${kind} ${bound})`;
var KINDS = {
  max: {
    types: ["number", "integer"],
    broken: (max, value) => notNumber("max", max, value) ?? (value > max ? `> max ${max}` : void 0)
  },
  min: {
    types: ["number", "integer"],
    broken: (min, value) => notNumber("min", min, value) ?? (value < min ? `< min ${min}` : void 0)
  },
  one_of: {
    types: ["string", "number", "integer", "boolean", "null"],
    broken: (allowed, value) => allowed.some((v) => v === value) ? void 0 : `is not one of ${allowed.map(show).join(", ")}`
  },
  pattern: {
    types: ["string"],
    broken: (pattern, value) => {
      if (typeof value !== "string") return `is not a string (pattern /${pattern}/)`;
      return compiledRegex(pattern).test(value) ? void 0 : `does not match /${pattern}/`;
    }
  }
};
var LIMIT_KINDS = Object.keys(KINDS);
function brokenLimits(tool, limits, args) {
  if (!limits || typeof args !== "object" || args === null || Array.isArray(args)) return [];
  const given = args;
  return Object.entries(limits).flatMap(([arg, limit]) => {
    if (!Object.hasOwn(given, arg)) return [];
    const value = given[arg];
    return LIMIT_KINDS.flatMap((kind) => {
      const bound = limit[kind];
      if (bound === void 0) return [];
      const broken = KINDS[kind].broken(bound, value);
      return broken ? [`${tool}.${arg} ${show(value)} ${broken}`] : [];
    });
  });
}
function kindsNotFor(limit, type) {
  return LIMIT_KINDS.filter((kind) => limit[kind] !== void 0 && !KINDS[kind].types.includes(type));
}
function describeLimit(limit) {
  return LIMIT_KINDS.flatMap((kind) => {
    const bound = limit[kind];
    if (bound === void 0) return [];
    if (kind === "pattern") return [`pattern /${String(bound)}/`];
    return [`${kind} ${Array.isArray(bound) ? bound.map(show).join(", ") : String(bound)}`];
  }).join(", ");
}
function show(value) {
  return preview(JSON.stringify(value) ?? String(value), VALUE_CHARS);
}

// src/model/vocabulary.ts
var TIERS = ["T1", "T2", "T3"];
var RISKS = ["low", "medium", "high"];
var MATCH_MODES = ["superset", "subset", "unordered", "strict"];
var PHASES = ["draft", "propose", "autonomous"];
var IDENTITY_MODELS = ["delegated_service", "user_impersonation"];
var FALLBACKS = ["draft_only", "read_only", "human"];

// src/model/governance.ts
var subprocessorSchema = strictMap({
  name: text.describe("Who processes the data, e.g. OpenAI."),
  region: text.optional().describe("Where they process it, e.g. us or eu-west-1."),
  dpa_url: httpUrl.optional().describe("Their data processing agreement (an http(s) URL).")
});
var storedSchema = strictMap({
  what: text.describe('The data, e.g. "ticket transcripts" or "evalgate reports".'),
  where: text.describe('The store, e.g. "Zendesk (eu)" or "GitHub Actions artifacts".'),
  retention_days: nonNegativeInt.optional().describe("How long it is kept there, in days.")
});
var RETENTION_KINDS = ["prompts", "traces", "artifacts"];
var retentionSchema = strictMap({
  prompts_days: nonNegativeInt.optional().describe("Prompts and model responses (the provider and your own logs), in days."),
  traces_days: nonNegativeInt.optional().describe("The agent's traces of tool calls in your observability store, in days."),
  artifacts_days: nonNegativeInt.optional().describe("evalgate's own outputs (report.json, traces.jsonl, report.html): the action's retention-days output.")
});
var governanceFields = {
  subprocessors: array(subprocessorSchema).optional().describe("Every third party that processes the data: name, region, DPA URL."),
  stored: array(storedSchema).optional().describe("What is stored where, and for how long."),
  retention: retentionSchema.optional().describe("Days each kind of data is kept; a kind left out is kept retention_days.")
};
function retentionDays(governance, kind) {
  return governance?.retention?.[`${kind}_days`] ?? governance?.retention_days;
}

// src/model/fault.ts
var FAULT_NAMES = ["timeout"];
var HTTP_ERROR = "must be an HTTP error status (400 to 599)";
var errorStatus = number().refine((n) => Number.isInteger(n) && n >= 400 && n <= 599, HTTP_ERROR);
var faultSchema = union([
  string().pipe(_enum(FAULT_NAMES)),
  strictMap({ status: errorStatus, message: text })
]);
function faultLabel(tool, fault) {
  return fault === "timeout" ? `${tool}: no answer (timeout)` : `${tool}: ${fault.status} ${fault.message}`;
}

// src/model/task.ts
var fixtureCase = strictMap({
  when: anyMap,
  return: unknown().optional(),
  fault: faultSchema.optional(),
  delay_ms: nonNegativeInt.optional(),
  on_call: positiveInt.optional()
}).superRefine(
  (value, ctx) => {
    if (!isPlainMap(value)) return;
    const answers = value.return !== void 0;
    const fails = value.fault !== void 0;
    if (!answers && !fails) ctx.addIssue({ code: "custom", path: ["return"], message: "missing", input: value });
    if (answers && fails)
      ctx.addIssue({
        code: "custom",
        path: ["fault"],
        message: 'a fixture case answers with "return" or fails with "fault", not both',
        input: value
      });
  },
  { when: () => true }
);
function looksLikeCases(value) {
  return Array.isArray(value) && value.length > 0 && value.every((e) => isPlainMap(e) && "when" in e);
}
var fixture = unknown().superRefine((value, ctx) => {
  if (!looksLikeCases(value)) return;
  value.forEach((entry, i) => {
    const parsed = fixtureCase.safeParse(entry);
    if (parsed.success) return;
    for (const issue of parsed.error.issues)
      ctx.addIssue({ ...issue, path: [i, ...issue.path] });
  });
}).transform((value) => {
  if (!looksLikeCases(value)) return { kind: "value", value };
  return { kind: "cases", cases: value.map((entry) => fixtureCase.parse(entry)) };
});
var fixturesSchema = record(string(), fixture);
var NO_TAGS = Object.freeze([]);
var NO_FIXTURES = Object.freeze({});
var taskCoreShape = {
  id: text.describe("Unique in the workflow."),
  tier: _enum(TIERS),
  risk: _enum(RISKS),
  tags: textList.default(() => NO_TAGS),
  description: string().optional(),
  input: requiredValue.describe("What the agent receives (any JSON value)."),
  fixtures: fixturesSchema.default(() => NO_FIXTURES).describe(
    "Tool name -> the result the mocked tool returns, or a list of `{ when: <args subset>, return: <result> }` (first match wins)."
  ),
  reports_actions: boolean().optional().describe("Overrides the workflow's `reports_actions` for this task."),
  initial_state: unknown().optional().describe("The state the workflow's tools_backend is reset with for this task (any JSON value).")
};

// src/model/tools-backend.ts
var DEFAULT_BACKEND_TIMEOUT_S = 10;
var timeout_s = number().positive(POSITIVE).optional().describe(`Seconds each operation (reset, call, state) may take (default ${DEFAULT_BACKEND_TIMEOUT_S}).`);
var commandBackend = strictMap({
  command: union([text, array(text).min(1)]).describe("The backend program: an argv list or a string, started per attempt in the folder of workflow.yml."),
  timeout_s
});
var urlBackend = strictMap({
  url: httpUrl.describe("An HTTP service: POST <url>/reset, /call, /state and /end."),
  headers: stringMap.optional().describe("Extra request headers; a value `${NAME}` is read from the environment."),
  timeout_s
});
var toolsBackendSchema = union([commandBackend, urlBackend]);

// src/model/workflow.ts
var WORKFLOW_NAME = /^[A-Za-z0-9_.-]+$/;
var toolPermissionSchema = strictMap({
  scope: _enum(["read", "write"]).describe("Whether the tool reads or changes state."),
  risk: _enum(RISKS),
  approval: _enum(["none", "required"]).default("none").describe("`required`: the agent must propose the call through request_approval; a direct call is a violation."),
  scopes: textList.optional().describe("What the tool's credentials are granted, e.g. `payments:refund` (shown in the matrix, not enforced)."),
  limits: record(text, limitSchema).optional().describe("Bounds on its arguments (max, min, one_of, pattern) for calls the agent makes on its own.")
});
var redactRuleSchema = strictMap({ name: text, pattern: text });
var redactEntrySchema = union([text, redactRuleSchema]);
var dataGovernanceSchema = strictMap({
  model_provider: string().optional(),
  region: string().optional(),
  retention_days: nonNegativeInt.optional().describe("Days the data is kept: every kind that `retention` does not list (prompts, traces, artifacts)."),
  sent_to_model: textList.optional(),
  redact: array(redactEntrySchema).optional(),
  ...governanceFields
});
var endpointFields = {
  base_url: text.optional().describe("An OpenAI-compatible endpoint (default: the OpenAI API)."),
  headers: stringMap.optional().describe("Extra request headers; a value `${NAME}` is read from the environment (e.g. Azure's `api-key`)."),
  api_key_env: text.optional().describe("The environment variable holding the API key (default OPENAI_API_KEY).")
};
var judgeSchema = strictMap({ model: text, ...endpointFields });
var toolSchemaSchema = object({
  name: text,
  description: string().optional(),
  parameters: anyMap.optional()
});
var rolloutSchema = strictMap({ phase: _enum(PHASES).default("autonomous") });
var identitySchema = strictMap({ model: _enum(IDENTITY_MODELS), principal: text.optional() });
var inputs = strictMap({ sources: textList.default(() => []), required: textList.default(() => []) });
var outcomes = strictMap({ success: string().optional(), failure: string().optional() });
var workflowFields = {
  name: text.regex(WORKFLOW_NAME, 'must contain only letters, digits, "_", "." and "-"').describe("The workflow's id, e.g. refund_request_v2."),
  description: string().optional(),
  inputs: inputs.default(() => ({ sources: [], required: [] })).describe("The input sources, and the fields every task input must have (`required`)."),
  outcomes: outcomes.default(() => ({})).describe("What success and failure mean, in plain English."),
  out_of_scope: textList.default(() => []).describe("Cases the agent must escalate."),
  permissions: record(string(), toolPermissionSchema).describe("The permission matrix: tool name -> scope, risk, approval. A call to an unlisted tool is a violation."),
  data_governance: dataGovernanceSchema.optional().describe("What is sent to which model provider and region, retention, and the redact rules."),
  tool_schemas: text.optional().describe("The tool schema file (for agents whose own settings name none)."),
  runbook: text.optional().describe(
    "The incident runbook (markdown): sections on when to escalate, fallback behaviour, on-call and how to disable automation."
  ),
  tasks_from: textList.optional().describe("Folders whose golden tasks also belong to this workflow."),
  fixtures: fixturesSchema.optional().describe(
    "Shared fixtures, as a task's: every task inherits them; a task's own fixture of a tool replaces the shared one."
  ),
  fixtures_file: text.optional().describe("A YAML or JSON file holding the shared fixtures map (instead of `fixtures`)."),
  redact_ignore: textList.optional().describe(
    "Keys (e.g. item_id) whose values, at any depth of a structured value, the redact rules leave as they are; secrets are still scrubbed."
  ),
  judge: judgeSchema.optional().describe("The LLM judge of `expected.judge` rubrics."),
  reports_actions: boolean().optional().describe("The agent reports its actions in its answer instead of calling tools: claimed actions count."),
  escalation: strictMap({ min_confidence: fraction }).optional().describe("An answer less confident than `min_confidence` must escalate (a guardrail)."),
  rollout: rolloutSchema.optional().describe("The rollout phase the sandbox enforces: draft, propose or autonomous (absent: autonomous)."),
  identity: identitySchema.optional().describe("Whose authority the agent's tool calls carry, and the principal."),
  kill_switch: strictMap({
    env: text.optional().describe("Command agents: the variable set in the agent process for drill attempts."),
    header: text.optional().describe("Http agents: the request header sent on drill attempts."),
    value: text.describe("The value that turns automation off."),
    drill_tasks: positiveInt.default(10).describe("How many tasks the drill runs (a tier-balanced sample).")
  }).optional().describe('How automation is turned off; every run also runs a drill with it on (README "Kill-switch drill").'),
  tools_backend: toolsBackendSchema.optional().describe(
    "A stateful backend that answers the tools the fixtures do not: `{ command }` (a process per attempt, JSON lines) or `{ url }` (an HTTP service)."
  ),
  state_file: text.optional().describe("A JSON or YAML file: the initial state the backend is reset with for tasks without `initial_state`."),
  version: string().min(1).optional().describe("The agent's version, e.g. 2.3.0; report.json records it beside the hash of every file of the agent."),
  versioning: strictMap({
    require_bump: boolean().default(false).describe(
      "With a baseline: a changed prompt, policy or tool schema file fails the gate unless `version` changed too."
    )
  }).optional().describe('Rules on `version` (README "Versions").')
};
function phaseOf(workflow) {
  return workflow.rollout?.phase ?? "autonomous";
}

// src/model/rollout.ts
var DRAFT = "at phase draft, which is read-only: write actions are drafted in the answer's actions";
var PHASE_RULES = {
  draft: {
    allows: `read-only drafts: it calls read tools and lists the actions it would take in its answer's actions (graded as its actions); a write call or a ${REQUEST_APPROVAL} is a violation`,
    refusesCall: (permission) => permission.scope === "write" ? DRAFT : void 0,
    refusesProposal: DRAFT,
    draftsActions: true
  },
  propose: {
    allows: `proposed actions: it calls read tools and proposes every write with ${REQUEST_APPROVAL} (a human decides); a direct write is a violation, even to a tool whose approval is none`,
    refusesCall: (permission) => permission.scope === "write" ? `directly at phase propose: write actions go through ${REQUEST_APPROVAL}` : void 0,
    draftsActions: false
  },
  autonomous: {
    allows: `limited autonomy: it calls tools as the permission matrix allows (approval-required ones through ${REQUEST_APPROVAL}); a direct call outside a tool's limits is a violation, a proposal outside them is not`,
    refusesCall: () => void 0,
    draftsActions: false
  }
};
function callRefusal(workflow, tool, args) {
  const permission = workflow.permissions[tool];
  const byPhase = PHASE_RULES[phaseOf(workflow)].refusesCall(permission);
  if (byPhase) return byPhase;
  const broken = brokenLimits(tool, permission.limits, args);
  return broken.length > 0 ? `outside its limits: ${broken.join("; ")}` : void 0;
}
function proposalRefusal(workflow) {
  return PHASE_RULES[phaseOf(workflow)].refusesProposal;
}
function draftsActions(workflow) {
  return PHASE_RULES[phaseOf(workflow)].draftsActions;
}
function judgedAt(workflow, phase) {
  if (phase === void 0 || phase === phaseOf(workflow)) return workflow;
  return { ...workflow, rollout: { phase, declared: phaseOf(workflow) } };
}
function phaseNamed(value) {
  return PHASES.find((phase) => phase === value);
}
function judgedPhases(workflows) {
  return new Map(workflows.map((w) => [w.name, phaseOf(w)]));
}
function toolUseAt(phase, permission) {
  const rules = PHASE_RULES[phase];
  if (permission.approval !== "required" && rules.refusesCall(permission) === void 0)
    return Object.keys(permission.limits ?? {}).length > 0 ? "calls it within its limits" : "calls it";
  return rules.refusesProposal ? "drafts it in the answer's actions" : `proposes it with ${REQUEST_APPROVAL}`;
}
function limitsInWords(permission) {
  return Object.entries(permission.limits ?? {}).map(([arg, limit]) => `${arg}: ${describeLimit(limit)}`).join("; ");
}

// src/util/deep-subset.ts
function deepSubset(expected, actual, exact = false) {
  if (expected === actual) return true;
  if (typeof expected !== "object" || expected === null) return false;
  if (typeof actual !== "object" || actual === null) return false;
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) return false;
    for (let i = 0; i < expected.length; i++) {
      if (!deepSubset(expected[i], actual[i], exact)) return false;
    }
    return true;
  }
  if (Array.isArray(actual)) return false;
  const actualRecord = actual;
  if (exact && Object.keys(actualRecord).some((key) => !Object.hasOwn(expected, key))) return false;
  for (const [key, value] of Object.entries(expected)) {
    const actualValue = Object.hasOwn(actualRecord, key) ? actualRecord[key] : void 0;
    if (!deepSubset(value, actualValue, exact)) return false;
  }
  return true;
}

export {
  TIERS,
  RISKS,
  MATCH_MODES,
  PHASES,
  FALLBACKS,
  POSITIVE,
  isPlainMap,
  strictMap,
  kept,
  READ_ONCE,
  fraction,
  nonNegative,
  positiveInt,
  nonNegativeInt,
  text,
  httpUrl,
  textList,
  anyMap,
  stringMap,
  faultSchema,
  faultLabel,
  subprocessorSchema,
  storedSchema,
  RETENTION_KINDS,
  retentionSchema,
  retentionDays,
  compiledRegex,
  regexProblem,
  LIMIT_KINDS,
  kindsNotFor,
  describeLimit,
  fixturesSchema,
  taskCoreShape,
  DEFAULT_BACKEND_TIMEOUT_S,
  toolPermissionSchema,
  dataGovernanceSchema,
  endpointFields,
  toolSchemaSchema,
  identitySchema,
  workflowFields,
  phaseOf,
  REQUEST_APPROVAL,
  PHASE_RULES,
  callRefusal,
  proposalRefusal,
  draftsActions,
  judgedAt,
  phaseNamed,
  judgedPhases,
  toolUseAt,
  limitsInWords,
  deepSubset
};
