import { createRequire as __evalgateCreateRequire } from 'node:module'; const require = __evalgateCreateRequire(import.meta.url);
import {
  preview,
  previewTail
} from "./chunk-2AYC2KJ6.js";
import {
  longestSecretLength
} from "./chunk-N6PE7UBE.js";

// src/util/failure-line.ts
var FAILURE_LINE_CHARS = 300;
var ERROR_LINE = /^[\w.]*(Error|Exception)\b[^:]*: /;
var NODE_NOISE = [/^Node\.js v\d/, /^\(Use `node --trace-uncaught/];
var STACK_FRAME = /^\s+at /;
function failureLine(stderr) {
  const lines = stderr.split("\n").filter((line2) => !STACK_FRAME.test(line2)).map((line2) => line2.trim()).filter((line2) => line2 !== "" && !NODE_NOISE.some((noise) => noise.test(line2)));
  const line = lines.findLast((l) => ERROR_LINE.test(l)) ?? lines.at(-1) ?? "";
  return preview(line, FAILURE_LINE_CHARS, { mark: "..." });
}

// src/agents/process-group.ts
import { spawn } from "node:child_process";

// src/agents/process-sweep.ts
import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
var MARKER_VARIABLE = "EVALGATE_AGENT_RUN";
var RUN = `${process.pid}-${randomBytes(6).toString("hex")}`;
var attempts = 0;
var SWEEPS = process.platform === "linux";
var MAX_PASSES = 5;
function newAttemptMarker() {
  return `${RUN}.${++attempts}`;
}
function sweepAttempt(marker) {
  return sweep(Buffer.from(`${MARKER_VARIABLE}=${marker}\0`));
}
function sweepRun() {
  return sweep(Buffer.from(`${MARKER_VARIABLE}=${RUN}.`));
}
function sweep(entry) {
  if (!SWEEPS) return 0;
  let found = 0;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    let killed = 0;
    for (const pid of processIds()) {
      let environ;
      try {
        environ = readFileSync(`/proc/${pid}/environ`);
      } catch {
        continue;
      }
      if (holds(environ, entry) && kill(pid)) killed++;
    }
    found += killed;
    if (killed === 0) break;
  }
  return found;
}
function holds(environ, entry) {
  for (let at = environ.indexOf(entry); at !== -1; at = environ.indexOf(entry, at + 1)) {
    if (at === 0 || environ[at - 1] === 0) return true;
  }
  return false;
}
function kill(pid) {
  try {
    process.kill(pid, "SIGKILL");
    return true;
  } catch {
    return false;
  }
}
function processIds() {
  try {
    return pidsOf(readdirSync("/proc"));
  } catch {
    return [];
  }
}
function pidsOf(names) {
  const pids = [];
  for (const name of names) {
    const pid = Number(name);
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid) pids.push(pid);
  }
  return pids;
}

// src/agents/process-group.ts
var SHELL_COULD_NOT_START = /* @__PURE__ */ new Set([126, 127]);
function shellCouldNotStart(viaShell, code) {
  return viaShell && code !== null && SHELL_COULD_NOT_START.has(code);
}
var liveGroups = /* @__PURE__ */ new Set();
var exitHookInstalled = false;
function spawnGroup(command, cwd, env) {
  const viaShell = typeof command === "string";
  const [file, ...args] = viaShell ? ["/bin/sh", "-c", command] : command;
  if (!file) return void 0;
  const marker = newAttemptMarker();
  const child = spawn(file, args, { cwd, env: { ...env, [MARKER_VARIABLE]: marker }, detached: true, stdio: "pipe" });
  if (child.pid !== void 0) {
    liveGroups.add(child.pid);
    installExitHook();
  }
  return { child, viaShell, marker };
}
function killGroup(pid) {
  if (pid === void 0) return;
  try {
    process.kill(-pid, "SIGKILL");
  } catch {
  }
}
function releaseGroup(group) {
  killGroup(group.child.pid);
  if (group.child.pid !== void 0) liveGroups.delete(group.child.pid);
  sweepAttempt(group.marker);
}
function installExitHook() {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on("exit", () => {
    for (const pgid of liveGroups) killGroup(pgid);
    sweepRun();
  });
}

// src/agents/group-process.ts
import { existsSync } from "node:fs";

// src/agents/stderr-tail.ts
var StderrTail = class {
  constructor(tailChars) {
    this.tailChars = tailChars;
  }
  tailChars;
  chunks = [];
  bytes = 0;
  /** Whether the start was dropped (only the tail is kept). */
  cut = false;
  add(chunk) {
    this.chunks.push(chunk);
    this.bytes += chunk.length;
    const keep = this.tailChars * 4 + longestSecretLength() * 4;
    if (this.bytes > 2 * keep) {
      const tail = Buffer.concat(this.chunks).subarray(-keep);
      this.chunks = [tail];
      this.bytes = tail.length;
      this.cut = true;
    }
  }
  /** The tail (previewTail: secrets scrubbed, cut at the start). */
  text() {
    return previewTail(Buffer.concat(this.chunks).toString("utf8"), this.tailChars, this.cut);
  }
};

// src/agents/group-process.ts
var PIPE_CLOSE_GRACE_MS = 1e3;
function runInGroup(opts) {
  const group = spawnGroup([opts.file, ...opts.args], opts.cwd, opts.env);
  if (!group) return Promise.resolve({ started: false, error: "the command is empty" });
  return new Promise((resolve) => new GroupProcess(group, opts, resolve).start());
}
var GroupProcess = class {
  constructor(group, opts, resolve) {
    this.group = group;
    this.opts = opts;
    this.resolve = resolve;
    this.child = group.child;
    this.stderr = new StderrTail(opts.stderrTailChars);
  }
  group;
  opts;
  resolve;
  stdout = [];
  stdoutBytes = 0;
  stderr;
  exit;
  stopReason;
  timer;
  graceTimer;
  settled = false;
  child;
  start() {
    const { child } = this;
    child.on("error", (err) => this.onError(err));
    if (child.pid === void 0) return;
    this.timer = setTimeout(() => this.stop("timeout"), this.opts.timeoutMs);
    child.stdout.on("data", (chunk) => this.onStdout(chunk));
    child.stderr.on("data", (chunk) => this.stderr.add(chunk));
    child.on("exit", (code, signal) => this.onExit(code, signal));
    child.on("close", () => this.finish());
    child.stdin.on("error", () => {
    });
    child.stdin.end(this.opts.stdin);
  }
  onError(err) {
    if (this.exit || this.settled) return;
    if (this.child.pid !== void 0) {
      this.killGroup();
      return;
    }
    this.settle({ started: false, error: startErrorMessage(err, this.opts.cwd) });
  }
  onStdout(chunk) {
    this.stdoutBytes += chunk.length;
    if (this.stdoutBytes > this.opts.maxStdoutBytes) return this.stop("too_large");
    this.stdout.push(chunk);
  }
  stop(reason) {
    if (this.exit || this.stopReason) return;
    this.stopReason = reason;
    this.killGroup();
  }
  onExit(code, signal) {
    this.exit = { code, signal };
    clearTimeout(this.timer);
    releaseGroup(this.group);
    this.graceTimer = setTimeout(() => {
      this.child.stdout.destroy();
      this.child.stderr.destroy();
      this.finish();
    }, PIPE_CLOSE_GRACE_MS).unref();
  }
  killGroup() {
    killGroup(this.child.pid);
  }
  finish() {
    if (this.settled || !this.exit) return;
    const stderr = this.stderr.text();
    this.settle({
      started: true,
      ...this.exit,
      ...this.stopReason ? { stopped: this.stopReason } : {},
      stdout: Buffer.concat(this.stdout),
      stderr
    });
  }
  settle(end) {
    this.settled = true;
    clearTimeout(this.timer);
    clearTimeout(this.graceTimer);
    this.resolve(end);
  }
};
function startErrorMessage(err, cwd) {
  if (err.code === "ENOENT" && !existsSync(cwd)) return `working directory ${cwd} does not exist`;
  return err.message;
}

// src/util/line-splitter.ts
var LineSplitter = class {
  /** `maxLineBytes`: the most bytes one line may have, its newline not counted. */
  constructor(maxLineBytes) {
    this.maxLineBytes = maxLineBytes;
  }
  maxLineBytes;
  partial = [];
  partialBytes = 0;
  over = false;
  feed(chunk) {
    const lines = [];
    for (let from = 0; from < chunk.length && !this.over; ) {
      const newline = chunk.indexOf(10, from);
      const piece = chunk.subarray(from, newline === -1 ? chunk.length : newline);
      if (this.partialBytes + piece.length > this.maxLineBytes) this.over = true;
      else if (newline === -1) this.add(piece);
      else lines.push(this.complete(piece));
      from = newline === -1 ? chunk.length : newline + 1;
    }
    return { lines, tooLong: this.over };
  }
  /** What came after the last newline (of a line over the bound: its part before the chunk that crossed it). */
  end() {
    return Buffer.concat(this.partial).toString("utf8");
  }
  add(piece) {
    this.partial.push(piece);
    this.partialBytes += piece.length;
  }
  complete(piece) {
    this.add(piece);
    const line = this.end();
    this.partial = [];
    this.partialBytes = 0;
    return line;
  }
};

export {
  failureLine,
  shellCouldNotStart,
  spawnGroup,
  killGroup,
  releaseGroup,
  StderrTail,
  PIPE_CLOSE_GRACE_MS,
  runInGroup,
  startErrorMessage,
  LineSplitter
};
