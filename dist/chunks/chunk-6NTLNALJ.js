import { createRequire as __evalgateCreateRequire } from 'node:module'; const require = __evalgateCreateRequire(import.meta.url);
import {
  agentModel
} from "./chunk-UMWV34Y7.js";
import {
  TASK_STATUSES,
  agentAnswerSchema,
  claimedActionsSchema,
  expectationResultSchema,
  guardrailCheckSchema,
  modelCallRecordSchema,
  toolCallRecordSchema
} from "./chunk-LCFPQPNL.js";
import {
  RISKS,
  TIERS,
  phaseOf
} from "./chunk-7LLJMACG.js";
import {
  _enum,
  array,
  number,
  object,
  string,
  unknown
} from "./chunk-WE7CPBA2.js";

// src/run/workflow-info.ts
function workflowInfo(w, tasks) {
  const governance = w.data_governance;
  const model = agentModel(w.agent);
  return {
    name: w.name,
    ...w.description ? { description: w.description } : {},
    file: w.source.file,
    tasks,
    agent: { type: w.agent.type, ...model ? { model: model.name } : {} },
    inputs: w.inputs,
    outcomes: w.outcomes,
    out_of_scope: w.out_of_scope,
    permissions: w.permissions,
    phase: phaseOf(w),
    ...w.rollout?.declared ? { declared_phase: w.rollout.declared } : {},
    ...w.identity ? { identity: w.identity } : {},
    ...governance ? { data_governance: { ...governance, redact: governance.redact.map((r) => r.name) } } : {},
    ...w.runbook ? { runbook: w.runbook.file } : {}
  };
}

// src/model/trace-lines.ts
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";

// src/model/trace.ts
var traceLineSchema = object({
  task_id: string(),
  workflow: string(),
  tier: _enum(TIERS),
  risk: _enum(RISKS),
  /** 1-based. */
  attempt: number(),
  status: _enum(TASK_STATUSES),
  plan: unknown().optional(),
  guardrails: object({ checks: array(guardrailCheckSchema), violations: array(string()) }),
  outcome: object({
    status: _enum(TASK_STATUSES),
    reasons: array(string()),
    causes: array(string()),
    expectations: array(expectationResultSchema),
    answer: agentAnswerSchema.nullable(),
    infra_error: string().optional(),
    agent_error: string().optional()
  }),
  claimed_actions: claimedActionsSchema.optional(),
  input: unknown(),
  model_calls: array(modelCallRecordSchema),
  tool_calls: array(toolCallRecordSchema),
  /** When the attempt started (ISO 8601); absent in traces written before it was recorded. */
  started_at: string().optional(),
  duration_ms: number(),
  stderr: string().optional(),
  raw_output: string().optional(),
  /** `pr`: the PR's form of a changed golden task, run beside its counted base form; `drill`: a kill-switch drill attempt. */
  form: _enum(["pr", "drill"]).optional()
});

// src/model/trace-lines.ts
async function* readTraceLines(file, skipped = () => void 0) {
  const lines = createInterface({ input: createReadStream(file, "utf8"), crlfDelay: Infinity });
  for await (const text of lines) {
    if (text.trim() === "") continue;
    let value;
    try {
      value = JSON.parse(text);
    } catch {
      skipped();
      continue;
    }
    const parsed = traceLineSchema.safeParse(value);
    if (parsed.success) yield parsed.data;
    else skipped();
  }
}

export {
  workflowInfo,
  readTraceLines
};
