import { createRequire as __evalgateCreateRequire } from 'node:module'; const require = __evalgateCreateRequire(import.meta.url);
import {
  LineSplitter,
  PIPE_CLOSE_GRACE_MS,
  StderrTail,
  failureLine,
  killGroup,
  releaseGroup,
  runInGroup,
  shellCouldNotStart,
  spawnGroup,
  startErrorMessage
} from "./chunk-XVHLRIQ7.js";
import {
  agentEnvironmentCached
} from "./chunk-OK5TKKTO.js";
import "./chunk-5FUXRJRG.js";
import "./chunk-AO5R7NBC.js";
import {
  extractJsonAnswer
} from "./chunk-3CLPDVPL.js";
import {
  agentError,
  buildPayload,
  formatSeconds,
  infraError,
  parseAnswer,
  rawOutput
} from "./chunk-3OEFYE6Q.js";
import "./chunk-CEYCZK43.js";
import "./chunk-LCFPQPNL.js";
import "./chunk-7LLJMACG.js";
import "./chunk-JNHVC7HD.js";
import "./chunk-2AYC2KJ6.js";
import "./chunk-N6PE7UBE.js";
import "./chunk-WE7CPBA2.js";
import "./chunk-BX4ROB6G.js";

// src/agents/command-process.ts
var MAX_STDOUT_BYTES = 10 * 1024 * 1024;
var STDERR_TAIL_CHARS = 8 * 1024;
function runCommandAgent(ctx, agent) {
  const viaShell = typeof agent.command === "string";
  const [file, args] = viaShell ? ["/bin/sh", ["-c", agent.command]] : splitArgv(agent.command);
  if (!file) return Promise.resolve(infraError("could not start agent: the command is empty", "config"));
  const env = {
    ...agentEnvironmentCached(agent),
    EVALGATE_TOOLS_URL: ctx.session.url,
    EVALGATE_TASK_ID: ctx.task.id,
    ...ctx.killSwitch?.env ? { [ctx.killSwitch.env]: ctx.killSwitch.value } : {}
  };
  const stdin = JSON.stringify(buildPayload(ctx.task, ctx.workflow));
  return runInGroup({
    file,
    args,
    cwd: ctx.workflow.dir,
    env,
    stdin,
    timeoutMs: ctx.timeoutMs,
    maxStdoutBytes: MAX_STDOUT_BYTES,
    stderrTailChars: STDERR_TAIL_CHARS
  }).then((end) => outcomeOf(end, ctx, viaShell));
}
function splitArgv(argv) {
  return [argv[0], argv.slice(1)];
}
function outcomeOf(end, ctx, viaShell) {
  if (!end.started) return infraError(`could not start agent: ${end.error}`, "unreachable");
  const { code, signal, stdout, stderr } = end;
  const extras = stderr ? { stderr } : {};
  const failed = { ...extras, raw_output: rawOutput(stdout) };
  if (end.stopped === "timeout") {
    return infraError(`agent timed out after ${formatSeconds(ctx.timeoutMs)}`, "timeout", failed);
  }
  if (end.stopped === "too_large") return agentError("agent output is over 10 MB", "bad_output", failed);
  const exited = exitFailure(code, signal, stderr, viaShell, failed);
  if (exited) return exited;
  const extracted = extractJsonAnswer(stdout.toString("utf8"));
  if (!extracted.ok) return agentError(extracted.error, "bad_output", failed);
  const parsed = parseAnswer(extracted.value);
  if (!parsed.ok) return agentError(parsed.error, "bad_answer", failed);
  return { ...extras, answer: parsed.answer };
}
function exitFailure(code, signal, stderr, viaShell, failed) {
  if (signal) return agentError(`agent was killed by ${signal}`, "crash", failed);
  if (code === 0) return void 0;
  const said = failureLine(stderr);
  if (shellCouldNotStart(viaShell, code)) {
    return infraError(`could not start agent: ${said || `shell exited with code ${code}`}`, "unreachable", failed);
  }
  return agentError(`agent exited with code ${code}${said ? `: ${said}` : ""}`, "crash", failed);
}

// src/agents/command-worker.ts
var CommandWorker = class {
  constructor(group, cwd, limits) {
    this.group = group;
    this.cwd = cwd;
    this.limits = limits;
    this.gone = new Promise((resolve) => this.markGone = resolve);
    this.stdout = new LineSplitter(limits.maxLineBytes);
    const { child } = group;
    child.on("error", (err) => this.onError(err));
    child.stdin.on("error", () => {
    });
    if (child.pid === void 0) return;
    child.stdout.on("data", (chunk) => this.onStdout(chunk));
    child.stdout.on("end", () => this.onStdoutEnd());
    child.stderr.on("data", (chunk) => this.task?.stderr.add(chunk));
    child.on("exit", (code, signal) => this.onExit(code, signal));
    child.on("close", () => this.onClose());
  }
  group;
  cwd;
  limits;
  /** Tasks it has answered. */
  served = 0;
  task;
  stdout;
  stopReason;
  exit;
  closed = false;
  ending;
  gone;
  markGone;
  /** False once it is ending or ended: it takes no more tasks. */
  get usable() {
    return this.stopReason === void 0 && !this.exit && !this.closed && this.group.child.pid !== void 0;
  }
  /** Whether evalgate killed it for a fault: what it prints after that is not read. */
  get faulted() {
    return this.stopReason !== void 0 && this.stopReason !== "ended";
  }
  /** Sends one task; resolves with its answer or the fault that ended the worker. */
  serve(taskId, line, timeoutMs) {
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.fail("timeout", { kind: "timeout" }), timeoutMs);
      this.task = { id: taskId, timer, stderr: new StderrTail(this.limits.stderrTailChars), resolve };
      this.group.child.stdin.write(`${line}
`);
    });
  }
  /** Resolves once its process is gone and its pipes are closed (or it never started). */
  get whenGone() {
    return this.gone;
  }
  /** Closes its stdin (a well-behaved agent exits), and kills its group after `graceMs`; resolves once it is gone. */
  end(graceMs) {
    if (this.stopReason === void 0) this.stopReason = "ended";
    if (!this.ending) {
      this.group.child.stdin.end();
      const timer = setTimeout(() => this.kill(), graceMs);
      this.ending = this.gone.then(() => clearTimeout(timer));
    }
    return this.ending;
  }
  /** Kills its process group now (a stop signal); resolves nothing. */
  kill() {
    if (this.stopReason === void 0) this.stopReason = "ended";
    killGroup(this.group.child.pid);
  }
  onStdout(chunk) {
    if (this.faulted) return;
    const { lines, tooLong } = this.stdout.feed(chunk);
    for (const line of lines) {
      if (this.faulted) return;
      if (line.trim() !== "") this.onLine(line);
    }
    if (tooLong && !this.faulted) this.fail("too_large", { kind: "too_large" });
  }
  onLine(text) {
    const task = this.task;
    if (!task) return this.fail("protocol");
    if (task.answer) return this.fail("protocol", { kind: "twice" });
    const parsed = extractJsonAnswer(text);
    if (!parsed.ok) return this.fail("protocol", { kind: "not_json", error: parsed.error }, text);
    const value = parsed.value;
    if (typeof value !== "object" || value === null || Array.isArray(value))
      return this.fail("protocol", { kind: "not_json", error: "the answer line is not a JSON object" }, text);
    const answer = value;
    if (answer.task_id === void 0 || answer.task_id === null)
      return this.fail("protocol", { kind: "no_task_id" }, text);
    if (answer.task_id !== task.id)
      return this.fail("protocol", { kind: "other_task", answered: String(answer.task_id) }, text);
    task.answer = answer;
    setImmediate(() => this.answered(task));
  }
  answered(task) {
    if (this.task !== task || !task.answer) return;
    this.served++;
    this.settle({ answer: task.answer, stderr: task.stderr.text() });
  }
  onStdoutEnd() {
    if (!this.exit) this.fail("stdout_closed");
  }
  onExit(code, signal) {
    this.exit = { code, signal };
    releaseGroup(this.group);
    setTimeout(() => {
      this.group.child.stdout.destroy();
      this.group.child.stderr.destroy();
      this.onClose();
    }, this.limits.pipeGraceMs).unref();
  }
  onClose() {
    if (this.closed || !this.exit) return;
    this.closed = true;
    const task = this.task;
    if (task?.answer) this.answered(task);
    else if (task) this.settle(this.faultReply(task, this.exitFault(this.exit)));
    this.markGone();
  }
  /** How its exit reads: evalgate's own kill says why it killed; otherwise the code or signal. */
  exitFault(exit) {
    if (this.stopReason === "stdout_closed" && exit.signal === "SIGKILL") return { kind: "stdout_closed" };
    return { kind: "exit", ...exit };
  }
  onError(err) {
    if (this.group.child.pid !== void 0) return this.kill();
    this.closed = true;
    this.markGone();
    if (this.task)
      this.settle(this.faultReply(this.task, { kind: "not_started", error: startErrorMessage(err, this.cwd) }));
  }
  /**
   * Ends the worker for `reason`; the task out, if any, gets `fault` now (without one, it waits for
   * the exit, which says what happened).
   */
  fail(reason, fault, output) {
    if (this.stopReason === void 0 || this.stopReason === "ended") this.stopReason = reason;
    killGroup(this.group.child.pid);
    const task = this.task;
    if (task && fault) this.settle(this.faultReply(task, fault, output));
  }
  faultReply(task, fault, output) {
    const printed = output ?? this.stdout.end();
    return { fault, output: printed, stderr: task.stderr.text() };
  }
  settle(reply) {
    const task = this.task;
    if (!task) return;
    this.task = void 0;
    clearTimeout(task.timer);
    task.resolve(reply);
  }
};

// src/agents/worker-pools.ts
var END_GRACE_MS = 1e3;
var PER_TASK_VARIABLES = ["EVALGATE_TOOLS_URL", "EVALGATE_TASK_ID"];
var WorkerPool = class {
  constructor(agent, cwd, killSwitch, limits) {
    this.agent = agent;
    this.cwd = cwd;
    this.killSwitch = killSwitch;
    this.limits = limits;
  }
  agent;
  cwd;
  killSwitch;
  limits;
  idle = [];
  /** Every worker not yet gone, busy, idle or ending. */
  live = /* @__PURE__ */ new Set();
  /** Serves one task on an idle worker, or a new one; undefined when the command is empty. */
  async serve(taskId, line, timeoutMs) {
    let worker = this.idle.pop();
    while (worker && !worker.usable) worker = this.idle.pop();
    worker ??= this.start();
    if (!worker) return void 0;
    const reply = await worker.serve(taskId, line, timeoutMs);
    const max = this.agent.max_tasks_per_worker;
    if (max !== void 0 && worker.served >= max) void worker.end(END_GRACE_MS);
    else if (worker.usable) this.idle.push(worker);
    return reply;
  }
  /** Ends every worker (stdin closed, killed after a grace) and waits until they are gone. */
  async stop() {
    this.idle.length = 0;
    await Promise.all([...this.live].map((worker) => worker.end(END_GRACE_MS)));
  }
  kill() {
    for (const worker of this.live) worker.kill();
  }
  start() {
    const env = { ...agentEnvironmentCached(this.agent) };
    for (const name of PER_TASK_VARIABLES) delete env[name];
    if (this.killSwitch?.env) env[this.killSwitch.env] = this.killSwitch.value;
    const group = spawnGroup(this.agent.command, this.cwd, env);
    if (!group) return void 0;
    const worker = new CommandWorker(group, this.cwd, this.limits);
    this.live.add(worker);
    void worker.whenGone.then(() => this.live.delete(worker));
    return worker;
  }
};
var WorkerPools = class {
  constructor(limits) {
    this.limits = limits;
  }
  limits;
  pools = /* @__PURE__ */ new Map();
  /** The pool of `agent` (started in `cwd`), with `killSwitch` on in its environment if set. */
  poolFor(agent, cwd, killSwitch) {
    let byEnv = this.pools.get(agent);
    if (!byEnv) this.pools.set(agent, byEnv = /* @__PURE__ */ new Map());
    const key = killSwitch?.env ? `${killSwitch.env}=${killSwitch.value}` : "";
    let pool = byEnv.get(key);
    if (!pool)
      byEnv.set(key, pool = new WorkerPool(agent, cwd, killSwitch?.env ? killSwitch : void 0, this.limits));
    return pool;
  }
  /** Ends every worker of the run (stdin closed, then killed after a grace) and waits for them. */
  async end() {
    await Promise.all([...this.pools.values()].flatMap((byEnv) => [...byEnv.values()].map((pool) => pool.stop())));
  }
  /** Kills every worker's process group now (synchronous: a stop signal exits right after). */
  kill() {
    for (const byEnv of this.pools.values()) for (const pool of byEnv.values()) pool.kill();
  }
};

// src/agents/persistent-command.ts
var WORKERS = /* @__PURE__ */ Symbol("persistent command workers");
var newWorkers = () => new WorkerPools({
  maxLineBytes: MAX_STDOUT_BYTES,
  stderrTailChars: STDERR_TAIL_CHARS,
  pipeGraceMs: PIPE_CLOSE_GRACE_MS
});
async function runPersistent(ctx, agent, scope) {
  const pools = scope.resource(WORKERS, newWorkers);
  const pool = pools.poolFor(agent, ctx.workflow.dir, ctx.killSwitch);
  const line = JSON.stringify(buildPayload(ctx.task, ctx.workflow, ctx.session.url));
  const reply = await pool.serve(ctx.task.id, line, ctx.timeoutMs);
  if (!reply) return infraError("could not start agent: the command is empty", "config");
  return outcomeOf2(reply, ctx, typeof agent.command === "string");
}
function outcomeOf2(reply, ctx, viaShell) {
  const extras = reply.stderr ? { stderr: reply.stderr } : {};
  if ("answer" in reply) {
    const parsed = parseAnswer(reply.answer);
    if (!parsed.ok)
      return agentError(parsed.error, "bad_answer", { ...extras, raw_output: rawOutput(JSON.stringify(reply.answer)) });
    return { ...extras, answer: parsed.answer };
  }
  const failed = { ...extras, ...reply.output ? { raw_output: rawOutput(reply.output) } : {} };
  return faultOutcome(reply.fault, { ctx, viaShell, stderr: reply.stderr, failed });
}
var FAULT_OUTCOMES = {
  timeout: (_, { ctx, failed }) => infraError(`agent timed out after ${formatSeconds(ctx.timeoutMs)}`, "timeout", failed),
  too_large: (_, { failed }) => agentError("agent output is over 10 MB", "bad_output", failed),
  not_json: (fault, { failed }) => agentError(fault.error, "bad_output", failed),
  no_task_id: (_, { failed }) => agentError(
    "the answer line carries no task_id (a persistent agent names the task it answers)",
    "bad_answer",
    failed
  ),
  other_task: (fault, { ctx, failed }) => agentError(
    `the agent answered for task "${fault.answered}" while task "${ctx.task.id}" was out`,
    "bad_answer",
    failed
  ),
  twice: (_, { ctx, failed }) => agentError(`the agent answered task "${ctx.task.id}" twice`, "bad_answer", failed),
  stdout_closed: (_, { ctx, failed }) => agentError(`the agent closed its stdout before answering task "${ctx.task.id}"`, "crash", failed),
  not_started: (fault, { failed }) => infraError(`could not start agent: ${fault.error}`, "unreachable", failed),
  exit: (fault, { ctx, viaShell, stderr, failed }) => exitFailure(fault.code, fault.signal, stderr, viaShell, failed) ?? agentError(`agent exited with code 0 before answering task "${ctx.task.id}"`, "crash", failed)
};
function faultOutcome(fault, scene) {
  return FAULT_OUTCOMES[fault.kind](fault, scene);
}

// src/agents/command-run.ts
function runCommand(ctx, agent) {
  return agent.persistent && ctx.scope ? runPersistent(ctx, agent, ctx.scope) : runCommandAgent(ctx, agent);
}
export {
  runCommand
};
