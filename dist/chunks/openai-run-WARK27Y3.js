import { createRequire as __evalgateCreateRequire } from 'node:module'; const require = __evalgateCreateRequire(import.meta.url);
import {
  findJsonObject
} from "./chunk-EN4JMTB4.js";
import "./chunk-DOEHTZXB.js";
import {
  postJson
} from "./chunk-2274XTFE.js";
import {
  answerPreview
} from "./chunk-3CLPDVPL.js";
import {
  formatSeconds,
  infraError,
  parseAnswer,
  payloadTools,
  rawOutput
} from "./chunk-3OEFYE6Q.js";
import "./chunk-CEYCZK43.js";
import "./chunk-LCFPQPNL.js";
import {
  FALLBACKS,
  REQUEST_APPROVAL
} from "./chunk-7LLJMACG.js";
import "./chunk-JNHVC7HD.js";
import "./chunk-2AYC2KJ6.js";
import {
  scrubSecrets
} from "./chunk-N6PE7UBE.js";
import "./chunk-7FOM6VON.js";
import "./chunk-WE7CPBA2.js";
import "./chunk-BX4ROB6G.js";

// src/agents/openai-answer.ts
var ANSWER_FORMAT = {
  type: "json_schema",
  json_schema: {
    name: "agent_answer",
    strict: false,
    schema: {
      type: "object",
      properties: {
        label: { type: "string", description: "The outcome label" },
        result: { type: "object", description: "The structured result" },
        escalated: { type: "boolean", description: "True when the case must go to a human" },
        message: { type: "string", description: "The reply to the customer or operator" },
        confidence: { type: "number", minimum: 0, maximum: 1, description: "How sure you are of this answer, 0 to 1" },
        fallback: {
          type: "string",
          enum: [...FALLBACKS],
          description: "What you fell back to when you could not finish the task yourself"
        }
      },
      required: ["label", "result", "escalated", "message"]
    }
  }
};
function readFinalAnswer(message) {
  const text = message.content ?? "";
  if (text.trim() === "" && message.refusal) {
    return {
      ok: false,
      error: `final answer was not JSON: the model refused: ${answerPreview(message.refusal)}`,
      kind: "bad_output",
      text: message.refusal
    };
  }
  const found = findJsonObject(text);
  if (!found.ok) {
    const shown = text.trim() ? `: ${answerPreview(text.trim())}` : " (the model answered nothing)";
    return { ok: false, error: `final answer was not JSON${shown}`, kind: "bad_output", text };
  }
  const parsed = parseAnswer(found.value);
  if (!parsed.ok) return { ok: false, error: parsed.error, kind: "bad_answer", text };
  const { actions: _listed, ...answer } = parsed.answer;
  return { ok: true, answer };
}

// src/agents/openai-context-budget.ts
var ContextEstimate = class {
  counted = 0;
  uncountedChars;
  /** `initialChars`: everything the first request sends (system prompt, tool schemas, input). */
  constructor(initialChars) {
    this.uncountedChars = initialChars;
  }
  nextRequestTokens() {
    return this.counted + Math.ceil(this.uncountedChars / 4);
  }
  /** After a response; without `usage` the response's own characters are estimated too. */
  afterResponse(usage, responseChars2) {
    if (usage) {
      this.counted = usage.prompt_tokens + usage.completion_tokens;
      this.uncountedChars = 0;
    } else {
      this.uncountedChars += responseChars2;
    }
  }
  added(chars) {
    this.uncountedChars += chars;
  }
};

// src/agents/openai-tool-calls.ts
var DEFAULT_TOOL_TIMEOUT_MS = 1e4;
var MAX_TOOL_ANSWER_BYTES = 1024 * 1024;
async function answerToolCall(session, call, redact, wait) {
  const tool = call.function.name;
  const raw = call.function.arguments ?? "";
  let args;
  try {
    args = raw.trim() === "" ? {} : JSON.parse(raw);
  } catch {
    return redact.text(await answerMalformedCall(session, tool, raw, wait.timeoutMs));
  }
  const response = await within(session.call(tool, args), wait);
  if (!response) return JSON.stringify({ error: `${tool} did not answer within ${formatSeconds(wait.timeoutMs)}` });
  const body = response.fault ? { ...response.body, status: response.status } : response.body;
  return JSON.stringify(redact.value(body)) ?? "null";
}
function within(answer, { timeoutMs, signal }) {
  if (signal.aborted) return Promise.resolve(void 0);
  return new Promise((resolve, reject) => {
    const stop = () => {
      clearTimeout(timer);
      signal.removeEventListener("abort", gaveUp);
    };
    const gaveUp = () => {
      stop();
      resolve(void 0);
    };
    const timer = setTimeout(gaveUp, timeoutMs);
    signal.addEventListener("abort", gaveUp);
    answer.then(
      (response) => {
        stop();
        resolve(response);
      },
      (err) => {
        stop();
        reject(err);
      }
    );
  });
}
async function answerMalformedCall(session, tool, raw, timeoutMs) {
  const url = new URL(`${session.url}/${encodeURIComponent(tool)}`);
  const headers = { "content-type": "application/json" };
  const response = await postJson(url, headers, raw, timeoutMs, MAX_TOOL_ANSWER_BYTES);
  if (response.ok && response.body) return response.body;
  return JSON.stringify({ error: `the arguments of ${tool} are not valid JSON` });
}

// src/agents/openai-agent.ts
async function runOpenaiAgent(ctx, deps) {
  const controller = new AbortController();
  const deadline = Date.now() + ctx.timeoutMs;
  const timer = setTimeout(() => controller.abort(), ctx.timeoutMs);
  try {
    return await new Conversation(ctx, deps, controller.signal, deadline).run();
  } finally {
    clearTimeout(timer);
  }
}
var Conversation = class {
  constructor(ctx, deps, signal, deadline) {
    this.ctx = ctx;
    this.deps = deps;
    this.signal = signal;
    this.deadline = deadline;
    const { setup } = deps;
    const input = JSON.stringify(deps.redact.value(ctx.task.input)) ?? "null";
    this.messages = [
      { role: "system", content: setup.system },
      { role: "user", content: input }
    ];
    this.request = { model: setup.model, messages: this.messages, tools: setup.tools };
    if (setup.temperature !== void 0) this.request.temperature = setup.temperature;
    this.estimate = new ContextEstimate(setup.fixedChars + input.length);
  }
  ctx;
  deps;
  signal;
  deadline;
  messages;
  request;
  estimate;
  calls = [];
  async run() {
    const { budgets, client } = this.deps;
    for (; ; ) {
      if (this.calls.length >= budgets.max_model_calls_per_task) {
        return this.fail(`model-call budget exhausted after ${this.calls.length} calls`, "budget_exhausted");
      }
      const tokens = this.estimate.nextRequestTokens();
      if (budgets.max_context_tokens !== void 0 && tokens > budgets.max_context_tokens) {
        return this.fail(
          `context budget exhausted: next request ~${tokens} tokens > max_context_tokens ${budgets.max_context_tokens}`,
          "budget_exhausted"
        );
      }
      const result = await client.complete({
        body: this.request,
        optional: { response_format: ANSWER_FORMAT },
        purpose: "agent",
        signal: this.signal,
        deadline: this.deadline
      });
      this.calls.push(result.record);
      if (!result.ok) return this.callFailed(result.failure, result.record);
      const message = result.completion.choices[0].message;
      const toolCalls = message.tool_calls ?? [];
      this.estimate.afterResponse(result.completion.usage, responseChars(message, toolCalls));
      if (toolCalls.length === 0) return this.finish(message);
      this.messages.push(assistantMessage(message, toolCalls));
      const wait = { timeoutMs: this.deps.setup.toolTimeoutMs, signal: this.signal };
      for (const call of toolCalls) {
        if (this.signal.aborted) break;
        const content = await answerToolCall(this.ctx.session, call, this.deps.redact, wait);
        this.messages.push({ role: "tool", tool_call_id: call.id, content });
        this.estimate.added(content.length);
      }
      if (this.signal.aborted) return this.timedOut();
    }
  }
  finish(message) {
    const final = readFinalAnswer(message);
    if (final.ok) return { answer: final.answer, model_calls: this.calls };
    return {
      agent_error: scrubSecrets(final.error),
      error_kind: final.kind,
      raw_output: rawOutput(final.text),
      model_calls: this.calls
    };
  }
  callFailed(failure, record) {
    switch (failure.kind) {
      case "timeout":
        record.error = "aborted: the task timed out";
        return this.timedOut();
      case "context_length":
        return this.fail(`context budget exhausted: ${failure.message}`, "budget_exhausted");
      default:
        return this.infra(failure.message, failure.kind);
    }
  }
  timedOut() {
    return this.infra(`agent timed out after ${formatSeconds(this.ctx.timeoutMs)}`, "timeout");
  }
  /** The agent failed the task (`fail`). */
  fail(message, kind) {
    return { agent_error: scrubSecrets(message), error_kind: kind, model_calls: this.calls };
  }
  /** The task could not be run (`error`). */
  infra(message, kind) {
    return { infra_error: scrubSecrets(message), error_kind: kind, model_calls: this.calls };
  }
};
function assistantMessage(message, toolCalls) {
  return {
    role: "assistant",
    content: message.content ?? null,
    tool_calls: toolCalls.map((call) => ({
      id: call.id,
      type: "function",
      function: { name: call.function.name, arguments: call.function.arguments ?? "" }
    }))
  };
}
function responseChars(message, toolCalls) {
  let chars = message.content?.length ?? 0;
  for (const call of toolCalls) chars += call.function.name.length + (call.function.arguments?.length ?? 0);
  return chars;
}

// src/agents/openai-setup.ts
import { readFile } from "node:fs/promises";
async function loadOpenaiSetup(workflow, agent) {
  const prompt = await readPromptFile(agent.prompt, "prompt");
  const policy = agent.policy === void 0 ? void 0 : await readPromptFile(agent.policy, "policy");
  const system = policy === void 0 ? prompt : `${prompt.trimEnd()}

${policy}`;
  const tools = openaiTools(workflow);
  const setup = {
    model: agent.model,
    system,
    tools,
    fixedChars: system.length + JSON.stringify(tools).length,
    toolTimeoutMs: agent.tool_timeout_s === void 0 ? DEFAULT_TOOL_TIMEOUT_MS : agent.tool_timeout_s * 1e3
  };
  if (agent.temperature !== void 0) setup.temperature = agent.temperature;
  return setup;
}
async function readPromptFile(path, what) {
  try {
    return await readFile(path, "utf8");
  } catch (err) {
    throw new Error(
      `could not read the agent's ${what} file ${path}: ${err.code ?? err.message}`
    );
  }
}
function openaiTools(workflow) {
  const schemas = workflow.tool_schemas ?? [];
  const tools = schemas.map(
    (schema) => functionTool(schema.name, schema.description, schema.parameters)
  );
  if (!schemas.some((schema) => schema.name === REQUEST_APPROVAL)) {
    const approval = payloadTools(workflow).find((tool) => tool.name === REQUEST_APPROVAL);
    tools.push(functionTool(approval.name, approval.description, approval.parameters));
  }
  return tools;
}
function functionTool(name, description, parameters) {
  const definition = { name };
  if (description !== void 0) definition.description = description;
  if (parameters !== void 0) definition.parameters = parameters;
  return { type: "function", function: definition };
}

// src/agents/openai-run.ts
var prepared = /* @__PURE__ */ new WeakMap();
async function runWithRuntime(ctx, agent) {
  const llm = ctx.llm;
  if (!llm) return infraError("the openai agent was started without a model runtime", "config");
  try {
    const shared = prepare(llm, ctx.workflow, agent);
    if (!shared.client.ok) return configError(shared.client.error);
    shared.setup ??= loadOpenaiSetup(ctx.workflow, agent).then(
      (value) => ({ ok: true, value }),
      (err) => ({ ok: false, error: err.message })
    );
    const setup = await shared.setup;
    if (!setup.ok) return configError(setup.error);
    return await runOpenaiAgent(ctx, {
      client: shared.client.value,
      setup: setup.value,
      budgets: llm.budgets,
      redact: llm.redact
    });
  } catch (err) {
    return {
      infra_error: scrubSecrets(`evalgate could not run the openai agent: ${describe(err)}`),
      error_kind: "internal"
    };
  }
}
function prepare(llm, workflow, agent) {
  let shared = prepared.get(llm);
  if (!shared) {
    shared = { client: llm.client(agent, `the openai agent of ${workflow.name}`, "agent") };
    prepared.set(llm, shared);
  }
  return shared;
}
function configError(message) {
  return { infra_error: scrubSecrets(message), error_kind: "config" };
}
function describe(err) {
  return err instanceof Error ? err.message : String(err);
}
export {
  runWithRuntime
};
