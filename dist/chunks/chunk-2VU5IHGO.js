import { createRequire as __evalgateCreateRequire } from 'node:module'; const require = __evalgateCreateRequire(import.meta.url);
import {
  decideRun,
  failClosed,
  judgedReadiness,
  notEvaluatedReasons,
  taskSetHash,
  versionsOf,
  writeReportFiles
} from "./chunk-YTPH24MI.js";
import {
  TRACES_FILE,
  gateRulesOf,
  judgedProject
} from "./chunk-77A2QBA5.js";
import {
  buildReport,
  incidentDefinitions,
  readReport,
  runAttempts
} from "./chunk-ZI6PSATX.js";
import {
  displayPath,
  loadThresholds
} from "./chunk-3GL3DNQB.js";
import {
  isFlaky,
  taskKey,
  withReadiness
} from "./chunk-HOOUSS7H.js";
import {
  plural,
  tierSettings
} from "./chunk-WWFOR4K3.js";
import {
  append,
  largest
} from "./chunk-2OAFEBTW.js";
import {
  InputError
} from "./chunk-NQKQZFN6.js";

// src/report/merge-files.ts
import { dirname, join } from "node:path";

// src/report/merge.ts
import { isDeepStrictEqual as isDeepStrictEqual2 } from "node:util";

// src/report/merge-checks.ts
import { isDeepStrictEqual } from "node:util";
function statusOfAttempts(attempts) {
  const { total, passed, errored } = attempts;
  if (total === 0) return "not_run";
  if (passed === total) return "pass";
  if (errored === void 0) return void 0;
  return total - passed - errored > 0 ? "fail" : "error";
}
function taskProblems(report, file, gate) {
  const problems = [];
  for (const task of report.tasks) {
    const key = taskKey(task);
    const { total, passed, errored } = task.attempts;
    if (passed + (errored ?? 0) > total) {
      problems.push(`${file}: task ${key} has more passed and errored attempts than attempts (${counts(task)})`);
      continue;
    }
    const derived = statusOfAttempts(task.attempts);
    const fits = derived === void 0 ? task.status === "fail" || task.status === "error" : task.status === derived;
    if (!fits)
      problems.push(
        `${file}: task ${key} says "${task.status}", but its attempts (${counts(task)}) make it "${derived ?? "fail"}"`
      );
    const most = mostAttempts(report, gate, task);
    if (total > most.count)
      problems.push(`${file}: task ${key} ran ${total} attempts, more than the ${most.count} ${most.why}`);
  }
  return problems;
}
function mostAttempts(report, gate, task) {
  if (report.repeat !== void 0) return { count: report.repeat, why: `of --repeat ${report.repeat}` };
  const settings = tierSettings(gate, task.workflow, task.tier);
  const k = settings.pass_k?.k ?? 0;
  return k > settings.max_attempts ? { count: k, why: `its tier's pass_k rule needs` } : { count: settings.max_attempts, why: `its tier's max_attempts allows` };
}
function counts(task) {
  const { total, passed, errored } = task.attempts;
  return `${total} run, ${passed} passed${errored !== void 0 ? `, ${errored} errored` : ""}`;
}
function ruleProblems(report, file, rules) {
  const recorded = plain(report.gate);
  const given = plain(rules.gate);
  if (isDeepStrictEqual(recorded, given)) return [];
  const diffs = differences(recorded, given);
  const shown = diffs.slice(0, 3).map((d) => `${d.path} ${show(d.a)} there, ${show(d.b)} in ${rules.source}`).join("; ");
  const more = diffs.length > 3 ? ` (and ${diffs.length - 3} more)` : "";
  return [`${file} was run with other gate rules than ${rules.source} gives: ${shown}${more}`];
}
function setProblems(tasks, setHash, golden) {
  const problems = [];
  if (taskSetHash(tasks) !== setHash)
    problems.push(
      `the shards' tasks are not the task set they were cut from (its hash ${setHash}): a task id was changed, added or removed`
    );
  if (!golden) return problems;
  const unknown = [];
  for (const task of tasks) {
    const key = taskKey(task);
    const known = golden.tasks.get(key);
    if (!known) unknown.push(key);
    else if (known.tier !== task.tier || known.risk !== task.risk)
      problems.push(
        `task ${key} is ${task.tier}, ${task.risk} risk in its shard report, ${known.tier}, ${known.risk} risk in ${golden.label}`
      );
  }
  if (unknown.length > 0)
    problems.push(`${list(unknown)} ${unknown.length === 1 ? "is" : "are"} not a golden task of ${golden.label}`);
  if (golden.whole && unknown.length === 0 && tasks.length !== golden.tasks.size)
    problems.push(`the shards hold ${tasks.length} tasks, ${golden.label} has ${golden.tasks.size}`);
  return problems;
}
function versionProblems(report, file, golden) {
  if (!golden?.versions) return [];
  const recorded = report.versions?.workflows ?? [];
  const problems = [];
  for (const workflow of new Set(report.tasks.map((t) => t.workflow))) {
    const read = golden.versions.find((w) => w.workflow === workflow);
    const theirs = recorded.find((w) => w.workflow === workflow);
    if (!read) continue;
    if (!theirs) problems.push(`${file} records no versions of workflow ${workflow}`);
    else if (!isDeepStrictEqual(plain(ownVersions(theirs)), plain(ownVersions(read))))
      problems.push(
        `${file} records other versions of workflow ${workflow} (version, versioning.require_bump or file hashes) than ${golden.label} has`
      );
  }
  return problems;
}
function ownVersions(w) {
  const { against_baseline: _against, ...own } = w;
  return own;
}
function list(keys) {
  const shown = keys.slice(0, 5).map((k) => `task ${k}`);
  return keys.length > 5 ? `${shown.join(", ")} and ${keys.length - 5} more` : shown.join(", ");
}
function plain(value) {
  return JSON.parse(JSON.stringify(value));
}
function differences(a, b, path2 = "") {
  const objects = isObject(a) && isObject(b);
  if (!objects) return isDeepStrictEqual(a, b) ? [] : [{ path: path2 || "(all)", a, b }];
  const keys = [.../* @__PURE__ */ new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  return keys.flatMap((key) => differences(a[key], b[key], path2 ? `${path2}.${key}` : key));
}
function isObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function show(value) {
  return value === void 0 ? "(not set)" : JSON.stringify(value);
}

// src/report/merge.ts
function mergeReports(reports, files, rules) {
  if (reports.length === 0) throw new InputError("merge needs at least one shard report");
  const first = reports[0];
  const firstFile = files[0];
  const problems = [];
  const shards = reports.map((report, i) => ({ report, file: files[i], shard: report.shard }));
  for (const { file, shard } of shards) if (!shard) problems.push(`${file} is not a shard report`);
  if (problems.length > 0) throw mergeError(problems);
  const reference = first.shard;
  for (const { file, shard } of shards.slice(1)) {
    const s = shard;
    if (s.set_hash !== reference.set_hash || s.set_size !== reference.set_size) {
      problems.push(`${file} is from another task set than ${firstFile}`);
    } else if (s.count !== reference.count) {
      problems.push(`${file} is a shard of ${s.count}, ${firstFile} of ${reference.count}`);
    }
  }
  if (problems.length > 0) throw mergeError(problems);
  const indexProblems = checkShardIndices(shards, reference.count);
  append(problems, indexProblems);
  for (const { report, file } of shards) append(problems, ruleProblems(report, file, rules));
  for (const { report, file } of shards.slice(1)) {
    if (report.repeat !== first.repeat) {
      problems.push(`${file} was run with ${attemptsFlag(report)}, ${firstFile} with ${attemptsFlag(first)}`);
    }
    if (report.commit && first.commit && report.commit !== first.commit) {
      problems.push(`${file} is from commit ${report.commit}, ${firstFile} from ${first.commit}`);
    }
    if (report.gate_changes?.base.sha !== first.gate_changes?.base.sha) {
      problems.push(`${file} was judged against ${baseOf(report)}, ${firstFile} against ${baseOf(first)}`);
    }
  }
  if (indexProblems.length === 0) append(problems, checkUniqueTasks(shards));
  const baselines = shards.filter((s) => s.report.baseline);
  const baselineFiles = new Set(baselines.map((s) => s.report.baseline.file));
  if (baselineFiles.size > 1)
    problems.push(`the shards were compared with different baselines: ${[...baselineFiles].join(", ")}`);
  else if (baselines.some((s) => !isDeepStrictEqual2(snapshotOf(s.report), snapshotOf(baselines[0].report))))
    problems.push(`the shards hold different records of the baseline ${[...baselineFiles][0]}`);
  else if (baselines.length > 0 && baselines.length < shards.length)
    problems.push("some shards were compared with a baseline, others were not");
  for (const { report, file } of shards) append(problems, taskProblems(report, file, rules.gate));
  append(
    problems,
    sameRecordProblems(shards, (r) => r.versions, "versions of the agent's files")
  );
  for (const { report, file } of shards) append(problems, versionProblems(report, file, rules.golden));
  append(
    problems,
    sameRecordProblems(shards, (r) => incidentDefinitions(r.incidents ?? []), "incidents (incidents.yml)")
  );
  if (problems.length > 0) throw mergeError(problems);
  const tasks = reports.flatMap((r) => r.tasks).map(withFlakyFromAttempts);
  if (tasks.length !== reference.set_size) {
    throw mergeError([`the shards hold ${tasks.length} tasks, but their task set has ${reference.set_size}`]);
  }
  const setIssues = setProblems(tasks, reference.set_hash, rules.golden);
  if (setIssues.length > 0) throw mergeError(setIssues);
  const baselineSection = baselines[0]?.report.baseline;
  const baseline = baselineSection && {
    file: baselineSection.file,
    tiers: baselineSection.tiers,
    statuses: baselineSection.statuses ?? {},
    ...baselineSection.attempts ? { attempts: baselineSection.attempts } : {}
  };
  const costUnknownModels = [...new Set(reports.flatMap((r) => r.totals.cost_unknown_models ?? []))].sort();
  const repeat = first.repeat !== void 0 ? { repeat: first.repeat } : {};
  const attempts = runAttempts(tasks, { ...repeat, rounds: mergedRounds(reports) });
  const gateChanges = first.gate_changes && mergeGateChanges(first.gate_changes, reports);
  const golden = [...(rules.golden?.tasks ?? /* @__PURE__ */ new Map()).entries()].map(([key, { tier }]) => ({
    workflow: key.slice(0, key.indexOf("/")),
    tier
  }));
  const notEvaluated = notEvaluatedReasons(golden, tasks, rules.gate, (them) => `the shards hold no task of ${them}`);
  const { versions } = first;
  const decidedTiers = failClosed(
    decideRun({ tasks, gate: rules.gate, attempts, baseline, gateChanges, versions }),
    notEvaluated
  );
  const readiness = rules.readiness ? rules.readiness.score({ tasks }) : first.readiness;
  const decided = rules.readiness?.strict && readiness ? withReadiness(decidedTiers, readiness) : decidedTiers;
  return buildReport({
    tasks,
    gate: rules.gate,
    decided,
    attempts,
    workflows: mergeWorkflows(reports, tasks),
    ...repeat,
    commit: reports.find((r) => r.commit)?.commit,
    costUnknownModels,
    gateChanges,
    versions,
    incidents: incidentDefinitions(first.incidents ?? []),
    readiness
  });
}
function sameRecordProblems(shards, pick, what) {
  const [first, ...rest] = shards;
  return rest.filter((s) => !isDeepStrictEqual2(pick(s.report), pick(first.report))).map((s) => `${s.file} records other ${what} than ${first.file}`);
}
function snapshotOf(report) {
  const b = report.baseline;
  return b && { file: b.file, tiers: b.tiers, statuses: b.statuses ?? {}, attempts: b.attempts ?? {} };
}
function withFlakyFromAttempts(task) {
  const { flaky: _, ...rest } = task;
  return isFlaky(task.attempts) ? { ...rest, flaky: true } : rest;
}
function attemptsFlag(report) {
  return report.repeat !== void 0 ? `--repeat ${report.repeat}` : "adaptive attempts";
}
function mergedRounds(reports) {
  const costs = reports.map((r) => r.attempts.extra_cost_usd);
  const stopped = reports.map((r) => r.attempts.stopped_by).filter((s) => s !== void 0);
  return {
    rounds: largest(
      reports.map((r) => r.attempts.rounds),
      0
    ),
    extra_cost_usd: costs.includes(null) ? null : costs.reduce((sum, c) => sum + c, 0),
    ...stopped.length > 0 ? { stopped_by: `${stopped[0]} (in ${plural(stopped.length, "shard")})` } : {}
  };
}
function baseOf(report) {
  return report.gate_changes ? `base ${report.gate_changes.base.sha.slice(0, 7)}` : "no base commit";
}
function mergeGateChanges(first, reports) {
  const prForms = /* @__PURE__ */ new Map();
  for (const report of reports)
    for (const c of report.gate_changes?.tasks.changed ?? [])
      if (c.pr_form) prForms.set(`${c.workflow}/${c.id}`, c.pr_form);
  const changed = first.tasks.changed.map((c) => {
    const prForm = prForms.get(`${c.workflow}/${c.id}`);
    return prForm ? { ...c, pr_form: prForm } : c;
  });
  return { ...first, tasks: { ...first.tasks, changed } };
}
function checkShardIndices(shards, count) {
  const problems = [];
  const filesByIndex = /* @__PURE__ */ new Map();
  for (const { file, shard } of shards) {
    if (shard.index < 0 || shard.index >= count)
      problems.push(`${file} claims shard ${shard.index + 1}/${count}, which does not exist`);
    else filesByIndex.set(shard.index, [...filesByIndex.get(shard.index) ?? [], file]);
  }
  for (let index = 0; index < count; index++) {
    const given = filesByIndex.get(index) ?? [];
    if (given.length === 0) problems.push(`shard ${index + 1}/${count} is missing`);
    if (given.length > 1) problems.push(`shard ${index + 1}/${count} given twice (${given.join(", ")})`);
  }
  return problems;
}
function checkUniqueTasks(shards) {
  const seen = /* @__PURE__ */ new Map();
  const problems = [];
  for (const { report, file } of shards) {
    for (const task of report.tasks) {
      const key = `${task.workflow}/${task.id}`;
      const earlier = seen.get(key);
      if (earlier !== void 0) problems.push(`task ${key} is in both ${earlier} and ${file}`);
      else seen.set(key, file);
    }
  }
  return problems;
}
function mergeWorkflows(reports, tasks) {
  const byName = /* @__PURE__ */ new Map();
  for (const report of reports)
    for (const workflow of report.workflows) if (!byName.has(workflow.name)) byName.set(workflow.name, workflow);
  return [...byName.values()].map((workflow) => ({
    ...workflow,
    tasks: tasks.filter((t) => t.workflow === workflow.name).length
  }));
}
function mergeError(messages) {
  const problems = messages.map((message) => ({ file: "evalgate merge", message, severity: "error" }));
  return new InputError(problems);
}

// src/report/merge-files.ts
async function mergeShardFiles(files, outDir, rules) {
  const reports = await Promise.all(files.map((file) => readReport(file)));
  const report = mergeReports(reports, files, rules);
  const traces = files.map((file) => join(dirname(file), TRACES_FILE));
  return { report, paths: await writeReportFiles(outDir, report, traces) };
}

// src/run/merge-rules.ts
import path from "node:path";
async function rulesOfFile(thresholdsFile) {
  const { thresholds, problems } = await loadThresholds(thresholdsFile);
  const errors = problems.filter((p) => p.severity === "error");
  if (!thresholds || errors.length > 0) throw new InputError(errors);
  if (thresholds.phases)
    throw new InputError(
      `${label(thresholdsFile)} sets tier rules per rollout phase (phases): merge needs --tasks DIR (or --phase) to judge each workflow at its phase, as the run did`
    );
  return { gate: gateRulesOf(thresholds), source: label(thresholdsFile) };
}
async function judgedRules(opts) {
  const judged = await judgedProject(opts);
  const onBase = opts.base ? ` (as on base ${opts.base.sha.slice(0, 7)})` : "";
  const source = opts.base ? `${label(opts.thresholdsFile)} (each rule the stricter of base ${opts.base.sha.slice(0, 7)}'s and this commit's)` : label(opts.thresholdsFile);
  const tasks = new Map(judged.counted.map((t) => [taskKey(t), { tier: t.tier, risk: t.risk }]));
  return {
    thresholds: judged.thresholds,
    rules: {
      gate: gateRulesOf(judged.thresholds),
      source,
      golden: {
        tasks,
        label: `${label(opts.tasksDir)}${onBase}`,
        whole: opts.whole,
        versions: versionsOf(judged.workflows, judged.thresholdsFile, void 0, void 0).workflows
      },
      readiness: { score: (run) => judgedReadiness(judged, run), strict: opts.readiness === "strict" }
    }
  };
}
function label(file) {
  return displayPath(path.resolve(file));
}

export {
  mergeShardFiles,
  rulesOfFile,
  judgedRules
};
