import { createRequire as __evalgateCreateRequire } from 'node:module'; const require = __evalgateCreateRequire(import.meta.url);
import {
  readinessInputs,
  scoreReadiness
} from "./chunk-SMYTZZDR.js";
import {
  BaseReadError,
  OUTPUTS
} from "./chunk-77A2QBA5.js";
import {
  againstBaseline,
  compareTasks,
  decideGate,
  withVersionRule
} from "./chunk-ZI6PSATX.js";
import {
  compareStrings,
  percent,
  plural,
  thresholdPercent,
  tierSettings
} from "./chunk-WWFOR4K3.js";
import {
  InputError
} from "./chunk-NQKQZFN6.js";
import {
  TIERS
} from "./chunk-7LLJMACG.js";

// src/gate/not-evaluated.ts
function notEvaluatedReasons(golden, ran, gate, cause) {
  const present = new Set(ran.map((t) => t.workflow));
  const evaluated = new Set(ran.map(key));
  const missing = /* @__PURE__ */ new Map();
  for (const t of golden)
    if (present.has(t.workflow) && !evaluated.has(key(t)) && tierSettings(gate, t.workflow, t.tier).rule)
      missing.set(key(t), { workflow: t.workflow, tier: t.tier });
  if (missing.size === 0) return [];
  const order = (a, b) => compareStrings(a.workflow, b.workflow) || TIERS.indexOf(a.tier) - TIERS.indexOf(b.tier);
  const several = present.size > 1;
  const labels = [...missing.values()].sort(order).map((t) => several ? `${t.workflow} ${t.tier}` : t.tier);
  const one = labels.length === 1;
  return [
    `${labels.join(", ")} ${one ? "is" : "are"} gated but ${one ? "was" : "were"} not evaluated: ${cause(one ? "it" : "them")} \u2014 the run cannot pass`
  ];
}
function failClosed(decided, reasons) {
  if (reasons.length === 0) return decided;
  const decision = decided.decision === "pass" ? "error" : decided.decision;
  return { ...decided, decision, reasons: [...reasons, ...decided.reasons] };
}
function key(t) {
  return `${t.workflow}\0${t.tier}`;
}

// src/report/write.ts
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
async function writeReportFiles(outDir, report, traceSources = []) {
  await mkdir(outDir, { recursive: true });
  const written = {};
  for (const output of [...OUTPUTS.filter((o) => !o.last), ...OUTPUTS.filter((o) => o.last)]) {
    const path = join(outDir, output.file);
    if (await output.write(path, { outDir, report, traceSources, written })) written[output.name] = path;
  }
  return written;
}

// src/report/shard.ts
import { createHash } from "node:crypto";
function shardTasks(tasks, index, count) {
  if (!Number.isInteger(count) || count < 1 || !Number.isInteger(index) || index < 0 || index >= count) {
    throw new RangeError(`invalid shard ${index} of ${count}`);
  }
  const keyed = tasks.map((task) => {
    const key2 = `${task.workflow}/${task.id}`;
    return { task, key: key2, hash: sha1(key2) };
  });
  keyed.sort((a, b) => compare(a.task.tier, b.task.tier) || compare(a.hash, b.hash) || compare(a.key, b.key));
  return keyed.filter((_, position) => position % count === index).map((k) => k.task);
}
function taskSetHash(tasks) {
  const keys = tasks.map((t) => `${t.workflow}/${t.id}`).sort(compare);
  return createHash("sha256").update(keys.join("\n")).digest("hex").slice(0, 16);
}
function parseShard(text) {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (!match) throw new InputError(`--shard ${text}: expected I/N, e.g. --shard 1/4`);
  const number = Number(match[1]);
  const count = Number(match[2]);
  if (count < 1) throw new InputError(`--shard ${text}: the number of shards must be at least 1`);
  if (number < 1 || number > count) {
    throw new InputError(`--shard ${text}: the shard number must be between 1 and ${count}`);
  }
  return { index: number - 1, count };
}
function sha1(text) {
  return createHash("sha1").update(text).digest("hex");
}
function compare(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

// src/gate/gate-changes.ts
function withRemovedWorkflows(gate, changes) {
  const lines = (changes?.workflows.removed ?? []).map(
    (name) => `workflow ${name} was removed in this PR; its golden tasks cannot run without it \u2014 an approver may override`
  );
  if (lines.length === 0) return gate;
  return { ...gate, decision: gate.decision === "error" ? "error" : "fail", reasons: [...lines, ...gate.reasons] };
}
function withoutDilution(gate, tasks, rules, changes, attempts) {
  const added = new Set((changes?.tasks.added ?? []).map((t) => `${t.workflow}/${t.id}`));
  if (added.size === 0) return gate;
  const before = tasks.filter((t) => !added.has(`${t.workflow}/${t.id}`));
  if (before.length === 0) return gate;
  const without = decideGate({ tasks: before, gate: rules, attempts });
  const several = new Set(tasks.map((t) => t.workflow)).size > 1;
  const lines = [];
  const tiers = gate.tiers.map((tier) => {
    const earlier = without.tiers.find((t) => t.workflow === tier.workflow && t.tier === tier.tier);
    if (!tier.gated || !tier.ok || !earlier || earlier.ok) return tier;
    const label = `${several ? `${tier.workflow} ` : ""}${tier.tier}`;
    const count = tier.total - earlier.total;
    lines.push(
      `${label}: without the ${plural(count, "task")} this PR adds, ${percent(earlier.success_rate)} (${earlier.passed}/${earlier.total}) does not meet the rule \u2014 fail (tasks a PR adds cannot lift its own gate)`
    );
    return { ...tier, ok: false };
  });
  const economics = gate.economics?.map((now) => {
    const earlier = without.economics?.find((e) => e.workflow === now.workflow);
    if (!now.ok || !earlier || earlier.ok) return now;
    const margin = earlier.gross_margin === null ? "no gross margin" : `gross margin ${percent(earlier.gross_margin)}`;
    lines.push(
      `${now.workflow}: without the tasks this PR adds, ${margin} does not meet min_gross_margin ${thresholdPercent(now.min_gross_margin)} \u2014 fail (tasks a PR adds cannot lift its own gate)`
    );
    return { ...now, ok: false };
  });
  if (lines.length === 0) return gate;
  return {
    ...gate,
    tiers,
    ...economics ? { economics } : {},
    decision: gate.decision === "error" ? "error" : "fail",
    reasons: [...lines, ...gate.reasons]
  };
}

// src/gate/decide-run.ts
function decideRun(input) {
  const tasks = [...input.tasks].sort(compareTasks);
  const { attempts, gateChanges } = input;
  const how = { mode: attempts.mode, ...attempts.stopped_by ? { stopped_by: attempts.stopped_by } : {} };
  const decided = decideGate({ tasks, gate: input.gate, baseline: input.baseline, attempts: how });
  const gate = withVersionRule(
    withRemovedWorkflows(withoutDilution(decided, tasks, input.gate, gateChanges, how), gateChanges),
    input.versions
  );
  const reasons = [...gate.reasons];
  if (attempts.stopped_by) reasons.push(`${attempts.stopped_by}: the tiers were decided on the attempts that ran`);
  if (input.shard) {
    const { index, count, set_size } = input.shard;
    reasons.push(
      `shard ${index + 1}/${count}: this report covers ${tasks.length} of ${set_size} tasks; merge all shards to decide the gate`
    );
  }
  return { ...gate, reasons };
}

// src/run/versions.ts
function versionsOf(workflows, thresholdsFile, commit, baseline) {
  return {
    ...commit ? { commit } : {},
    workflows: workflows.map((w) => {
      const own = {
        workflow: w.name,
        ...w.version !== void 0 ? { version: w.version } : {},
        require_bump: w.versioning?.require_bump === true,
        files: [...w.versioned_files ?? [], ...thresholdsFile ? [thresholdsFile] : []]
      };
      return baseline ? { ...own, against_baseline: againstBaseline(own, baseline.versions) } : own;
    })
  };
}
function incidentsOf(workflows) {
  return workflows.flatMap((w) => (w.incidents ?? []).map((incident) => ({ workflow: w.name, ...incident })));
}

// src/run/readiness.ts
function judgedReadiness(judged, run) {
  const project = { workflows: judged.workflows, tasks: judged.counted, thresholds: judged.thresholds };
  return scoreReadiness(readinessInputs(project, run));
}

// src/base/git-source.ts
import { execFile } from "node:child_process";
var MAX_TREE_BYTES = 64 * 1024 * 1024;
var MAX_BLOB_BYTES = 64 * 1024 * 1024;
var MAX_SMALL_OUTPUT = 64 * 1024;
var EXECUTABLE = "100755";
var OBJECT_ID = /^[0-9a-f]{40}([0-9a-f]{24})?$/;
var GitCommitSource = class {
  constructor(dir, sha) {
    this.dir = dir;
    this.sha = sha;
  }
  dir;
  sha;
  via = "git";
  async listTree() {
    const out = await this.git(["ls-tree", "-r", "-z", "--full-tree", this.sha], MAX_TREE_BYTES, "the tree");
    return parseLsTree(out);
  }
  async readBlob(sha) {
    if (!OBJECT_ID.test(sha)) throw new BaseReadError(`"${sha}" is not a git object id`);
    return this.git(["cat-file", "blob", sha], MAX_BLOB_BYTES, `blob ${sha.slice(0, 12)}`);
  }
  async git(args, maxBuffer, what) {
    try {
      return await runGit(this.dir, args, maxBuffer);
    } catch (err) {
      throw new BaseReadError(`git could not read ${what} of ${this.sha.slice(0, 7)}: ${gitFailure(err, maxBuffer)}`);
    }
  }
};
async function gitCommitSource(dir, ref) {
  if (ref === "" || ref.startsWith("-")) return void 0;
  try {
    const out = await runGit(dir, ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`], MAX_SMALL_OUTPUT);
    const sha = out.toString("utf8").trim();
    return OBJECT_ID.test(sha) ? new GitCommitSource(dir, sha) : void 0;
  } catch {
    return void 0;
  }
}
async function gitTopLevel(dir) {
  try {
    const out = await runGit(dir, ["rev-parse", "--show-toplevel"], MAX_SMALL_OUTPUT);
    return out.toString("utf8").trim() || void 0;
  } catch {
    return void 0;
  }
}
function parseLsTree(out) {
  const entries = [];
  for (const record of out.toString("utf8").split("\0")) {
    if (record === "") continue;
    const tab = record.indexOf("	");
    const [mode, , sha] = record.slice(0, tab).split(" ");
    if (tab < 0 || sha === void 0)
      throw new BaseReadError(`git ls-tree printed an unexpected line: ${record.slice(0, 80)}`);
    entries.push({
      path: record.slice(tab + 1),
      type: entryType(mode),
      sha,
      ...mode === EXECUTABLE ? { executable: true } : {}
    });
  }
  return entries;
}
function entryType(mode) {
  if (mode === "120000") return "symlink";
  if (mode === "160000") return "submodule";
  return "blob";
}
function runGit(dir, args, maxBuffer) {
  return new Promise((resolve, reject) => {
    execFile(
      "git",
      args,
      { cwd: dir, encoding: "buffer", maxBuffer, windowsHide: true },
      (err, stdout, stderr) => err ? reject(Object.assign(err, { stderrText: stderr.toString("utf8") })) : resolve(stdout)
    );
  });
}
function gitFailure(err, maxBuffer) {
  const e = err;
  if (e.code === "ERR_CHILD_PROCESS_STDIO_MAXBUFFER") return `the output is larger than ${maxBuffer / 1024 / 1024} MB`;
  if (e.code === "ENOENT") return "git is not installed";
  return e.stderrText?.trim().split("\n")[0] || e.message;
}

export {
  notEvaluatedReasons,
  failClosed,
  writeReportFiles,
  shardTasks,
  taskSetHash,
  parseShard,
  decideRun,
  versionsOf,
  incidentsOf,
  judgedReadiness,
  gitCommitSource,
  gitTopLevel
};
