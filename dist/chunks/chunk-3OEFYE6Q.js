import { createRequire as __evalgateCreateRequire } from 'node:module'; const require = __evalgateCreateRequire(import.meta.url);
import {
  compiledSchema,
  jsonSchemaLoading,
  schemaErrorsText
} from "./chunk-CEYCZK43.js";
import {
  agentAnswerSchema
} from "./chunk-LCFPQPNL.js";
import {
  REQUEST_APPROVAL,
  callRefusal,
  deepSubset,
  phaseOf,
  proposalRefusal
} from "./chunk-7LLJMACG.js";
import {
  MAX_AGENT_DEPTH,
  nestedDeeperThan
} from "./chunk-JNHVC7HD.js";
import {
  preview
} from "./chunk-2AYC2KJ6.js";
import {
  preprocess
} from "./chunk-WE7CPBA2.js";

// src/agents/answer.ts
var answerSchema = preprocess(nullsAsAbsent, agentAnswerSchema);
function parseAnswer(value) {
  if (nestedDeeperThan(value, MAX_AGENT_DEPTH))
    return { ok: false, error: `answer is nested more than ${MAX_AGENT_DEPTH} levels deep (the limit for answers)` };
  const parsed = answerSchema.safeParse(value);
  if (!parsed.success) {
    const problems = parsed.error.issues.slice(0, 3).map(describeIssue);
    return { ok: false, error: `answer does not follow the protocol: ${problems.join("; ")}` };
  }
  return { ok: true, answer: parsed.data };
}
function nullsAsAbsent(value) {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return value;
  const fields = value;
  const kept = {};
  for (const key of Object.keys(agentAnswerSchema.shape)) {
    if (!Object.hasOwn(fields, key) || fields[key] === null) continue;
    kept[key] = key === "actions" && Array.isArray(fields[key]) ? fields[key].map(withoutNullArgs) : fields[key];
  }
  return kept;
}
function withoutNullArgs(action) {
  if (typeof action !== "object" || action === null || !("args" in action) || action.args !== null) return action;
  const { args: _, ...rest } = action;
  return rest;
}
var TYPE_NAMES = {
  boolean: "a boolean",
  number: "a number",
  string: "a string",
  object: "a JSON object",
  record: "a JSON object",
  array: "a list"
};
function describeIssue(issue) {
  const where = issue.path.length === 0 ? "the answer" : formatPath(issue.path);
  if (issue.code === "invalid_type") return `${where} must be ${TYPE_NAMES[issue.expected] ?? issue.expected}`;
  return `${where}: ${issue.message}`;
}
function formatPath(path) {
  return path.map((part, i) => typeof part === "number" ? `[${part}]` : i === 0 ? String(part) : `.${String(part)}`).join("");
}

// src/agents/outcome.ts
var RAW_OUTPUT_CHARS = 4 * 1024;
function infraError(message, kind, extras = {}) {
  return { infra_error: message, error_kind: kind, ...extras };
}
function agentError(message, kind, extras = {}) {
  return { agent_error: message, error_kind: kind, ...extras };
}
function formatSeconds(ms) {
  return `${Number((ms / 1e3).toFixed(3))}s`;
}
function rawOutput(output) {
  return preview(typeof output === "string" ? output : output.toString("utf8"), RAW_OUTPUT_CHARS, { mark: "" });
}

// src/sandbox/tool-sandbox.ts
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { createServer } from "node:http";

// src/util/wall-clock.ts
function wallClock(performanceNow = performance.now()) {
  return new Date(performance.timeOrigin + performanceNow).toISOString();
}

// src/sandbox/args-check.ts
var parametersByList = /* @__PURE__ */ new WeakMap();
function argsCheckPending(workflow) {
  const none = schemaLists(workflow).every((list) => parametersOf(list).size === 0);
  return none ? void 0 : jsonSchemaLoading();
}
function argsMismatch(workflow, tool, args) {
  for (const [i, list] of schemaLists(workflow).entries()) {
    const parameters = parametersOf(list).get(tool);
    if (!parameters) continue;
    const base = i > 0;
    const schema = compiledSchema(parameters);
    if (!schema.ok)
      return `the ${base ? "base's " : ""}JSON schema of ${tool} cannot be compiled, so no call to it is accepted: ${schema.error}`;
    if (!schema.validate(args))
      return `arguments of ${tool} do not match ${base ? "the base's schema of it" : "its schema"}: ${schemaErrorsText(schema.validate.errors)}`;
  }
  return void 0;
}
function schemaLists(workflow) {
  return [workflow.tool_schemas, workflow.base_tool_schemas];
}
function parametersOf(list) {
  if (!list) return NONE;
  let byName = parametersByList.get(list);
  if (!byName) {
    byName = /* @__PURE__ */ new Map();
    for (const { name, parameters } of list) if (parameters && !byName.has(name)) byName.set(name, parameters);
    parametersByList.set(list, byName);
  }
  return byName;
}
var NONE = /* @__PURE__ */ new Map();

// src/sandbox/fixture-cases.ts
function fixtureFor(task, workflow, tool) {
  if (Object.hasOwn(task.fixtures, tool)) return task.fixtures[tool];
  const shared = workflow.fixtures;
  return shared && Object.hasOwn(shared, tool) ? shared[tool] : void 0;
}
var FixtureServer = class {
  matchingCalls = /* @__PURE__ */ new Map();
  serve(fixture, args) {
    if (fixture.kind === "value") return { found: true, result: fixture.value, delayMs: 0 };
    let taken;
    for (const fixtureCase of fixture.cases) {
      if (!deepSubset(fixtureCase.when, args)) continue;
      const count = (this.matchingCalls.get(fixtureCase) ?? 0) + 1;
      this.matchingCalls.set(fixtureCase, count);
      if (!taken && (fixtureCase.on_call === void 0 || fixtureCase.on_call === count)) taken = fixtureCase;
    }
    if (!taken) return { found: false };
    const delayMs = taken.delay_ms ?? 0;
    return taken.fault === void 0 ? { found: true, result: taken.return, delayMs } : { found: true, result: null, fault: taken.fault, delayMs };
  }
};

// src/sandbox/tool-session.ts
var PENDING_APPROVAL = { status: "pending_approval" };
var CLOSED = { status: 410, body: { error: "this tool session is closed" } };
var NEVER_ANSWERED = "the tool never answered (fault: timeout)";
var DEFAULT_MAX_TOOL_CALLS = 200;
var TOO_DEEP_ARGS = `arguments nested more than ${MAX_AGENT_DEPTH} levels deep (the limit for tool-call arguments)`;
var ARGS_PREVIEW_CHARS = 200;
var SandboxSession = class {
  constructor(url, task, workflow, onClose, maxCalls = DEFAULT_MAX_TOOL_CALLS, backend) {
    this.url = url;
    this.task = task;
    this.workflow = workflow;
    this.onClose = onClose;
    this.maxCalls = maxCalls;
    this.backend = backend;
  }
  url;
  task;
  workflow;
  onClose;
  maxCalls;
  backend;
  calls = [];
  refusedCalls = 0;
  closed = false;
  fixtures = new FixtureServer();
  /** Calls waiting for their answer: each, called, answers its call as closed. */
  waiting = /* @__PURE__ */ new Set();
  call(tool, args) {
    return this.handle(tool, { ok: true, value: args }, performance.now());
  }
  close() {
    if (this.closed) return;
    this.closed = true;
    for (const answerClosed of [...this.waiting]) answerClosed();
    this.onClose();
  }
  /** Answers one call and records it (on arrival, so `seq` and the budget follow arrival). `startedAt` is a `performance.now()` reading. */
  handle(tool, args, startedAt) {
    const pending = argsCheckPending(this.workflow);
    if (pending) return pending.then(() => this.handle(tool, args, startedAt));
    const served = this.answer(tool, args, startedAt);
    if ("later" in served) return this.later(served.later, startedAt);
    return "backend" in served ? this.fromBackend(served.backend, startedAt) : Promise.resolve(served);
  }
  answer(tool, args, startedAt) {
    if (this.closed) return CLOSED;
    if (this.calls.length >= this.maxCalls) {
      this.refusedCalls++;
      const error = `tool-call budget exhausted after ${this.maxCalls} calls (budgets.max_tool_calls_per_task)`;
      return { status: 429, body: { error } };
    }
    if (args.ok && nestedDeeperThan(args.value, MAX_AGENT_DEPTH))
      args = { ok: false, status: 400, error: TOO_DEEP_ARGS, raw: `[${TOO_DEEP_ARGS}]` };
    if (tool === REQUEST_APPROVAL) return this.propose(args, startedAt);
    const recordedArgs = args.ok ? args.value : args.raw;
    const denial = this.permissionError(tool, args.ok ? args.value : void 0);
    if (denial) return this.fail(startedAt, { tool, args: recordedArgs, allowed: false }, 403, denial);
    if (!args.ok) return this.fail(startedAt, { tool, args: recordedArgs, allowed: true }, args.status, args.error);
    const mismatch = argsMismatch(this.workflow, tool, args.value);
    if (mismatch) return this.fail(startedAt, { tool, args: args.value, allowed: true, rejected: true }, 400, mismatch);
    const fixture = fixtureFor(this.task, this.workflow, tool);
    const served = fixture ? this.fixtures.serve(fixture, args.value) : void 0;
    if (this.backend && !served?.found) {
      return { backend: { record: this.record(startedAt, { tool, args: args.value, allowed: true }, null) } };
    }
    if (!fixture || !served) {
      const error = `no fixture for "${tool}" in task ${this.task.id}`;
      return this.fail(startedAt, { tool, args: args.value, allowed: true }, 404, error);
    }
    if (!served.found) {
      const error = `no fixture case of "${tool}" matches args ${previewArgs(args.value)}`;
      return this.fail(startedAt, { tool, args: args.value, allowed: true }, 404, error);
    }
    return this.serve(startedAt, { tool, args: args.value, allowed: true }, served);
  }
  /** The built-in step-up tool: records a proposed action; nothing is executed. */
  propose(args, startedAt) {
    const call = { tool: REQUEST_APPROVAL, args: args.ok ? args.value : args.raw, allowed: true };
    if (!args.ok) return this.fail(startedAt, call, args.status, args.error);
    const refusal = proposalRefusal(this.workflow);
    if (refusal) {
      const error = `${REQUEST_APPROVAL} may not be called ${refusal}`;
      return this.fail(startedAt, { ...call, allowed: false, proposed: true }, 403, error);
    }
    const body = args.value;
    if (!isPlainObject(body) || typeof body.tool !== "string") {
      const error = `${REQUEST_APPROVAL} needs a JSON object { "tool": "<tool name>", "args": {...}, "reason": "..." }`;
      return this.fail(startedAt, call, 400, error);
    }
    if (body.args !== void 0 && !isPlainObject(body.args)) {
      return this.fail(startedAt, call, 400, `"args" of ${REQUEST_APPROVAL} must be a JSON object`);
    }
    const proposal = { ...call, proposed: true };
    if (!Object.hasOwn(this.workflow.permissions, body.tool)) {
      return this.fail(startedAt, { ...proposal, allowed: false }, 403, this.notInMatrix(body.tool));
    }
    const mismatch = argsMismatch(this.workflow, body.tool, body.args ?? {});
    if (mismatch) return this.fail(startedAt, { ...proposal, rejected: true }, 400, mismatch);
    const fixture = fixtureFor(this.task, this.workflow, REQUEST_APPROVAL);
    const served = fixture ? this.fixtures.serve(fixture, body) : { found: false };
    return served.found ? this.serve(startedAt, proposal, served) : this.succeed(startedAt, proposal, PENDING_APPROVAL);
  }
  /** A fixture's answer: its result or fault, now or after its delay; `fault: timeout` never. */
  serve(startedAt, call, served) {
    const { fault, delayMs } = served;
    if (fault === "timeout") return { later: { record: this.record(startedAt, call, null, NEVER_ANSWERED, fault) } };
    const record = fault ? this.record(startedAt, call, null, fault.message, fault) : this.record(startedAt, call, served.result);
    const response = fault ? { status: fault.status, body: { error: fault.message }, fault } : { status: 200, body: served.result };
    return delayMs === 0 ? response : { later: { record, delay: { ms: delayMs, response } } };
  }
  /** Holds a call's answer for its delay, or (none) until the session closes, which answers it 410. */
  later({ record, delay }, startedAt) {
    return new Promise((resolve) => {
      const settle = (answer) => {
        clearTimeout(timer);
        this.waiting.delete(answerClosed);
        record.latency_ms = elapsedMs(startedAt);
        resolve(answer);
      };
      const answerClosed = () => {
        if (delay) record.error = `not answered: the attempt ended during its delay_ms ${delay.ms}`;
        settle(CLOSED);
      };
      const timer = delay ? setTimeout(() => settle(delay.response), delay.ms) : void 0;
      this.waiting.add(answerClosed);
    });
  }
  /** The backend's answer to a recorded call: its result (200), its refusal (400) or its failure (502). */
  fromBackend({ record }, startedAt) {
    return new Promise((resolve) => {
      let settled = false;
      const settle = (response) => {
        if (settled) return;
        settled = true;
        this.waiting.delete(answerClosed);
        record.latency_ms = elapsedMs(startedAt);
        resolve(response);
      };
      const answerClosed = () => {
        record.error = "not answered: the attempt ended while the tools backend was answering";
        settle(CLOSED);
      };
      this.waiting.add(answerClosed);
      const onAnswer = (answer) => {
        if ("result" in answer) {
          record.result = answer.result;
          return settle({ status: 200, body: answer.result });
        }
        if ("error" in answer) {
          record.error = answer.error;
          record.rejected = true;
          return settle({ status: 400, body: { error: answer.error } });
        }
        record.error = `tools backend: ${answer.failure}`;
        settle({ status: 502, body: { error: record.error } });
      };
      const onBug = (err) => {
        record.error = `evalgate sandbox error: ${err.message}`;
        settle({ status: 500, body: { error: record.error } });
      };
      this.backend.call(record.tool, record.args).then((answer) => settled || onAnswer(answer), onBug);
    });
  }
  permissionError(tool, args) {
    if (!Object.hasOwn(this.workflow.permissions, tool)) return this.notInMatrix(tool);
    if (this.workflow.permissions[tool].approval === "required") {
      return `"${tool}" requires approval: propose it with ${REQUEST_APPROVAL}`;
    }
    const refusal = callRefusal(this.workflow, tool, args);
    return refusal && `${tool} may not be called ${refusal}`;
  }
  notInMatrix(tool) {
    return `tool "${tool}" is not in the permission matrix of ${this.workflow.name}`;
  }
  succeed(startedAt, call, result) {
    this.record(startedAt, call, result);
    return { status: 200, body: result };
  }
  fail(startedAt, call, status, error) {
    this.record(startedAt, call, null, error);
    return { status, body: { error } };
  }
  record(startedAt, call, result, error, fault) {
    const record = {
      seq: this.calls.length + 1,
      tool: call.tool,
      args: call.args,
      result,
      started_at: wallClock(startedAt),
      latency_ms: elapsedMs(startedAt),
      allowed: call.allowed
    };
    if (error !== void 0) record.error = error;
    if (fault !== void 0) record.fault = fault;
    if (call.proposed) record.proposed = true;
    if (call.rejected) record.rejected = true;
    this.calls.push(record);
    return record;
  }
};
function elapsedMs(startedAt) {
  return Math.round((performance.now() - startedAt) * 1e3) / 1e3;
}
function isPlainObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function previewArgs(value) {
  return preview(JSON.stringify(value) ?? String(value), ARGS_PREVIEW_CHARS, { mark: "..." });
}

// src/sandbox/tool-sandbox.ts
var MAX_BODY_BYTES = 1024 * 1024;
var RAW_ARGS_CHARS = 1024;
var KEEP_ALIVE_MS = 65e3;
var ToolSandbox = class _ToolSandbox {
  constructor(server, url) {
    this.server = server;
    this.url = url;
  }
  server;
  url;
  sessions = /* @__PURE__ */ new Map();
  // A session's token is its number and a MAC of it: a closed session is told from an unknown
  // one without a list of every token a run of 100,000 attempts has closed.
  tokenKey = randomBytes(32);
  sessionsOpened = 0;
  static async start() {
    const server = createServer({ keepAliveTimeout: KEEP_ALIVE_MS, headersTimeout: KEEP_ALIVE_MS + 5e3 });
    await new Promise((resolve, reject) => {
      server.once("error", reject);
      server.listen(0, "127.0.0.1", () => {
        server.off("error", reject);
        resolve();
      });
    });
    const { port } = server.address();
    const sandbox = new _ToolSandbox(server, `http://127.0.0.1:${port}`);
    server.on("request", (req, res) => sandbox.handleRequest(req, res));
    return sandbox;
  }
  /** `maxCalls`: the attempt's tool-call budget; `backend`: the attempt's tools backend, if the workflow has one. */
  open(task, workflow, maxCalls = DEFAULT_MAX_TOOL_CALLS, backend) {
    const token = this.tokenOf(this.sessionsOpened++);
    const onClose = () => {
      this.sessions.delete(token);
    };
    const session = new SandboxSession(`${this.url}/s/${token}`, task, workflow, onClose, maxCalls, backend);
    this.sessions.set(token, session);
    return session;
  }
  async stop() {
    for (const session of [...this.sessions.values()]) session.close();
    await new Promise((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }
  /** 36 characters, like the UUIDs it replaced: the session's number in 8 hex digits, a dash, 27 of its MAC. */
  tokenOf(session) {
    const number = session.toString(16).padStart(8, "0");
    return `${number}-${this.macOf(number)}`;
  }
  macOf(number) {
    return createHmac("sha256", this.tokenKey).update(number).digest("hex").slice(0, 27);
  }
  /** Whether this sandbox gave out `token` (to a session open or closed). */
  issued(token) {
    const match = /^([0-9a-f]{8})-([0-9a-f]{27})$/.exec(token);
    return match !== null && timingSafeEqual(Buffer.from(match[2]), Buffer.from(this.macOf(match[1])));
  }
  handleRequest(req, res) {
    const startedAt = performance.now();
    const target = parseTarget(req.url ?? "/");
    if (!target) return send(res, 404, { error: "not found: tools are served at POST /s/<session>/<tool>" });
    const session = this.sessions.get(target.token);
    if (!session) {
      const gone = this.issued(target.token);
      return send(res, gone ? 410 : 404, { error: gone ? "this tool session is closed" : "unknown tool session" });
    }
    if (req.method !== "POST") return send(res, 405, { error: "tools only answer POST" }, { allow: "POST" });
    if (!target.tool) return send(res, 404, { error: "name the tool in the path: POST <tools_url>/<tool>" });
    readArgs(req, (args) => {
      let answered;
      try {
        answered = session.handle(target.tool, args, startedAt);
      } catch (err) {
        answered = Promise.reject(err);
      }
      answered.then(
        (response) => send(res, response.status, response.body),
        // A bug of ours must not leave the agent waiting for an answer until its timeout.
        (err) => send(res, 500, { error: `evalgate sandbox error: ${err.message}` })
      );
    });
  }
};
function parseTarget(url) {
  if (!url.startsWith("/s/")) return void 0;
  const queryAt = url.indexOf("?");
  const path = url.slice(3, queryAt === -1 ? void 0 : queryAt);
  const slash = path.indexOf("/");
  if (slash === -1) return { token: path, tool: "" };
  const tool = path.slice(slash + 1).replace(/\/+$/, "");
  return { token: path.slice(0, slash), tool: decodePathPart(tool) };
}
function decodePathPart(part) {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}
function readArgs(req, done) {
  const chunks = [];
  let size = 0;
  req.on("data", (chunk) => {
    size += chunk.length;
    if (size <= MAX_BODY_BYTES) chunks.push(chunk);
  });
  req.on("error", () => {
  });
  req.on("end", () => {
    if (size > MAX_BODY_BYTES) {
      return done({ ok: false, status: 413, error: `request body is over 1 MB (${size} bytes)`, raw: null });
    }
    const text = chunks.length === 1 ? chunks[0].toString("utf8") : Buffer.concat(chunks).toString("utf8");
    if (text.trim() === "") return done({ ok: true, value: {} });
    try {
      done({ ok: true, value: JSON.parse(text) });
    } catch (err) {
      const raw = preview(text, RAW_ARGS_CHARS, { mark: "..." });
      done({ ok: false, status: 400, error: `request body is not JSON: ${err.message}`, raw });
    }
  });
}
function send(res, status, body, headers = {}) {
  if (res.destroyed) return;
  const text = JSON.stringify(body) ?? "null";
  res.writeHead(status, {
    ...headers,
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(text)
  });
  res.end(text);
}

// src/agents/payload.ts
var REQUEST_APPROVAL_TOOL = {
  name: REQUEST_APPROVAL,
  scope: "read",
  risk: "low",
  approval: "none",
  description: 'Propose an action that needs human approval (a tool marked approval: required). Nothing is executed; the answer is {"status":"pending_approval"}.',
  parameters: {
    type: "object",
    properties: {
      tool: { type: "string", description: "The tool to run once approved" },
      args: { type: "object", description: "Its arguments" },
      reason: { type: "string", description: "Why the action is needed" }
    },
    required: ["tool", "args", "reason"]
  }
};
var toolsByWorkflow = /* @__PURE__ */ new WeakMap();
function buildPayload(task, workflow, toolsUrl) {
  const payload = {
    task_id: task.id,
    workflow: workflow.name,
    input: task.input,
    tools: payloadTools(workflow),
    phase: phaseOf(workflow)
  };
  if (toolsUrl !== void 0) payload.tools_url = toolsUrl;
  return payload;
}
function payloadTools(workflow) {
  let tools = toolsByWorkflow.get(workflow);
  if (!tools) {
    const schemas = new Map((workflow.tool_schemas ?? []).map((schema) => [schema.name, schema]));
    const listed = Object.entries(workflow.permissions).filter(([name]) => name !== REQUEST_APPROVAL);
    tools = listed.map(([name, permission]) => {
      const tool = { name, scope: permission.scope, risk: permission.risk, approval: permission.approval };
      if (permission.limits) tool.limits = permission.limits;
      const schema = schemas.get(name);
      if (schema?.description !== void 0) tool.description = schema.description;
      if (schema?.parameters !== void 0) tool.parameters = schema.parameters;
      return tool;
    });
    tools.push(REQUEST_APPROVAL_TOOL);
    toolsByWorkflow.set(workflow, tools);
  }
  return tools;
}

export {
  parseAnswer,
  infraError,
  agentError,
  formatSeconds,
  rawOutput,
  wallClock,
  ToolSandbox,
  buildPayload,
  payloadTools
};
