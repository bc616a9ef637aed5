import { createRequire as __evalgateCreateRequire } from 'node:module'; const require = __evalgateCreateRequire(import.meta.url);
import {
  readTraceLines,
  workflowInfo
} from "./chunk-6NTLNALJ.js";
import {
  HTML_REPORT_FILE,
  NOT_RECORDED,
  NO_GOVERNANCE,
  TRACES_FILE,
  agentText,
  briefTierColumns,
  cellText,
  gateRulesOf,
  governanceFacts,
  identityText,
  listOrNone,
  permissionTable,
  retentionText,
  tierTable,
  writeAtomically
} from "./chunk-77A2QBA5.js";
import {
  atPhases
} from "./chunk-UK53RQSH.js";
import {
  MAIN_END,
  byImportance,
  causeLabel,
  compareTasks,
  decisiveSummary,
  documentEnd,
  documentStart,
  failureModes,
  h,
  inertText,
  markdownTable,
  pageStyle,
  permissionMatrixMarkdown,
  primaryCause,
  readReport,
  render,
  sourceHash
} from "./chunk-ZI6PSATX.js";
import {
  registerWorkflowSecrets
} from "./chunk-UMWV34Y7.js";
import {
  BUILTIN_REDACTIONS,
  createRedactor,
  displayPath,
  loadProject
} from "./chunk-3GL3DNQB.js";
import {
  readinessCounts,
  sectionName
} from "./chunk-HOOUSS7H.js";
import {
  formatCount,
  formatDuration,
  formatUsd,
  percent,
  plural,
  thresholdPercent,
  tierSettings
} from "./chunk-WWFOR4K3.js";
import {
  InputError
} from "./chunk-NQKQZFN6.js";
import {
  PHASE_RULES,
  REQUEST_APPROVAL,
  RISKS,
  TIERS,
  judgedPhases
} from "./chunk-7LLJMACG.js";
import {
  preview
} from "./chunk-2AYC2KJ6.js";
import {
  scrubSecrets,
  scrubValue
} from "./chunk-N6PE7UBE.js";

// src/run/evidence-pack.ts
import { existsSync } from "node:fs";
import { dirname, join as join2, relative, sep } from "node:path";
import { isDeepStrictEqual } from "node:util";

// src/evidence/trace-choice.ts
var MAX_FAILURES = 3;
function chooseSample(report) {
  const tasks = [];
  let moreFailures = 0;
  for (const workflow of report.workflows) {
    const own = report.tasks.filter((t) => t.workflow === workflow.name).sort(compareTasks);
    const failures = failuresShown(own.filter((t) => t.status === "fail" || t.status === "error"));
    moreFailures += failures.left;
    for (const task of failures.shown) tasks.push({ task, why: "failure" });
    for (const task of passPerTierAndRisk(own)) tasks.push({ task, why: "pass" });
  }
  return { tasks, moreFailures };
}
function failuresShown(failures) {
  const ordered = [...failures].sort((a, b) => byImportance(a, b) || compareTasks(a, b));
  const causes = /* @__PURE__ */ new Set();
  const firstOfCause = [];
  const rest = [];
  for (const task of ordered) {
    const cause = primaryCause(task);
    if (causes.has(cause)) rest.push(task);
    else {
      causes.add(cause);
      firstOfCause.push(task);
    }
  }
  const shown = [...firstOfCause, ...rest].slice(0, MAX_FAILURES);
  return { shown, left: failures.length - shown.length };
}
function passPerTierAndRisk(tasks) {
  const passed = tasks.filter((t) => t.status === "pass");
  return TIERS.flatMap(
    (tier) => [...RISKS].reverse().flatMap((risk) => passed.find((t) => t.tier === tier && t.risk === risk) ?? [])
  );
}

// src/evidence/write.ts
import { mkdir } from "node:fs/promises";
import { join } from "node:path";

// src/evidence/blocks.ts
var PAGE_IDS = [
  "index",
  "manifest",
  "permissions",
  "data-governance",
  "eval-report",
  "trace-sample",
  "runbook",
  "readiness"
];
function runsOf(line) {
  return Array.isArray(line) ? line : [line];
}

// src/evidence/style.ts
var WIDTH_STEP = 2;
function columnWidthClass(percent2) {
  return `w${Math.max(WIDTH_STEP, Math.round(percent2 / WIDTH_STEP) * WIDTH_STEP)}`;
}
var WIDTH_RULES = Array.from({ length: 100 / WIDTH_STEP }, (_, i) => (i + 1) * WIDTH_STEP).map((w) => `col.w${w} { width: ${w}%; }`).join(" ");
var PACK_STYLE = `
main { max-width: 960px; }
.pack-nav { display: flex; flex-wrap: wrap; gap: 4px 14px; margin-bottom: 16px; font-size: 13px; }
.pack-nav a { color: var(--accent); }
.pack-nav a[aria-current="page"] { color: var(--fg); font-weight: 600; text-decoration: none; }
.lede { color: var(--muted); margin: 0 0 12px; }
.part > h2 { margin-top: 20px; }
.keep { border: 1px solid var(--line); border-radius: 6px; padding: 4px 12px 8px; margin: 10px 0; }
.keep h4 { margin-top: 8px; text-transform: none; letter-spacing: 0; color: var(--fg); font-size: 14px; }
.decision-note { background: var(--bg-soft); }
.decision[role="alert"] .verdict { font-size: 22px; color: var(--fail); }
.pack-foot { margin-top: 24px; color: var(--muted); font-size: 12px; }
h1, h2, h3, h4, h5, h6, p, li, dt, dd, td, th, pre { overflow-wrap: break-word; }
.definitions { grid-template-columns: minmax(120px, max-content) minmax(0, 1fr); }
code { overflow-wrap: anywhere; }
.grid-table { table-layout: fixed; }
/* Short cells: each column as wide as it needs, a long word broken only when the row cannot fit. */
#tier-table { table-layout: auto; }
.grid-table td, .grid-table th { overflow-wrap: anywhere; }
.grid-table .num { white-space: normal; }
.grid-table th, .grid-table td { padding: 4px 6px; }
.permissions th:nth-child(1), .permissions th:nth-child(7) { width: 19%; } .permissions th:nth-child(2) { width: 9%; }
.permissions th:nth-child(3) { width: 11%; } .permissions th:nth-child(4) { width: 13%; }
.permissions th:nth-child(5) { width: 14%; } .permissions th:nth-child(6) { width: 15%; }
.decision { margin-bottom: 12px; }
${WIDTH_RULES}
@page { size: portrait; margin: 12mm; }
@media print {
  body { padding: 0; font-size: 10pt; }
  .grid-table { font-size: 9pt; }
  main { max-width: none; }
  .pack-nav { display: none; }
  .part + .part { break-before: page; }
  h2, h3, h4 { break-after: avoid; }
  .keep, tr, .decision, dl.definitions > * { break-inside: avoid; }
  pre { max-height: none; overflow: visible; }
  a { color: inherit; }
  .decision { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;

// src/evidence/html.ts
var RENDERERS = {
  heading: (b) => h(`h${b.level}`, null, b.text),
  paragraph: (b) => h("p", { class: b.muted ? "muted" : null }, lineHtml(b.line)),
  list: (b) => h(b.ordered ? "ol" : "ul", null, ...b.items.map((item) => h("li", null, lineHtml(item)))),
  facts: (b) => h(
    "dl",
    { class: "definitions" },
    ...b.rows.map((row) => [h("dt", null, row.term), h("dd", null, factValue(row.value))])
  ),
  table: (b) => {
    const numeric = new Set(b.numeric ?? []);
    const cls = (i) => numeric.has(i) ? "num" : null;
    const widths = b.widths ?? b.header.map(() => 100 / b.header.length);
    return h(
      "table",
      { class: "grid-table fixed" },
      h("colgroup", null, ...widths.map((width) => h("col", { class: columnWidthClass(width) }))),
      h("thead", null, h("tr", null, ...b.header.map((name, i) => h("th", { class: cls(i) }, name)))),
      h("tbody", null, ...b.rows.map((row) => h("tr", null, ...row.map((cell, i) => h("td", { class: cls(i) }, cell)))))
    );
  },
  code: (b) => h("pre", null, h("code", null, b.text)),
  callout: (b) => h(
    "section",
    { class: `decision decision-${b.tone}`, role: b.tone === "error" ? "alert" : null },
    h("p", { class: "verdict" }, h("strong", null, b.title)),
    b.items.length > 0 && h("ul", { class: "reasons" }, ...b.items.map((item) => h("li", null, item)))
  ),
  rendered: (b) => b.html,
  keep: (b) => h("div", { class: "keep" }, ...b.blocks.map(blockHtml)),
  part: (b) => h("section", { class: "part" }, h("h2", null, b.title), ...b.blocks.map(blockHtml))
};
function blockHtml(block) {
  return RENDERERS[block.kind](block);
}
function factValue(value) {
  if (typeof value === "object" && !Array.isArray(value) && "list" in value)
    return h("ul", null, ...value.list.map((item) => h("li", null, lineHtml(item))));
  return lineHtml(value);
}
function lineHtml(line) {
  return runsOf(line).map(inlineHtml);
}
function pageFile(page) {
  return `${page}.html`;
}
function inlineHtml(run) {
  if (typeof run === "string") return run;
  if ("page" in run) return h("a", { href: pageFile(run.page) }, run.text);
  if ("href" in run) return h("a", { href: run.href }, run.text);
  if (run.code) return h("code", null, run.text);
  return run.strong ? h("strong", null, run.text) : run.text;
}

// src/evidence/markdown.ts
var RENDERERS2 = {
  heading: (b) => `${"#".repeat(b.level)} ${inertText(b.text)}`,
  paragraph: (b) => b.muted ? `_${lineMarkdown(b.line)}_` : lineMarkdown(b.line),
  list: (b) => b.items.map((item, i) => `${b.ordered ? `${i + 1}.` : "-"} ${lineMarkdown(item)}`).join("\n"),
  facts: (b) => b.rows.map(factMarkdown).join("\n"),
  table: (b) => markdownTable(
    b.header.map((name) => inertText(name)),
    b.rows.map((row) => row.map((cell) => inertText(cell)))
  ),
  code: (b) => fenced(b.text),
  callout: (b) => [`**${inertText(b.title)}**`, ...b.items.length > 0 ? ["", ...b.items.map((item) => `- ${inertText(item)}`)] : []].map((line) => line === "" ? ">" : `> ${line}`).join("\n"),
  rendered: (b) => b.markdown,
  keep: (b) => b.blocks.map(blockMarkdown).join("\n\n"),
  part: (b) => [`## ${inertText(b.title)}`, ...b.blocks.map(blockMarkdown)].join("\n\n")
};
function blockMarkdown(block) {
  return RENDERERS2[block.kind](block);
}
function factMarkdown(row) {
  const term = `- **${inertText(row.term)}:**`;
  const { value } = row;
  if (typeof value === "object" && !Array.isArray(value) && "list" in value)
    return [term, ...value.list.map((item) => `  - ${lineMarkdown(item)}`)].join("\n");
  return `${term} ${lineMarkdown(value)}`;
}
function lineMarkdown(line) {
  return runsOf(line).map(inlineMarkdown).join("");
}
function inlineMarkdown(run) {
  if (typeof run === "string") return inertText(run);
  if ("page" in run) return `[${inertText(run.text)}](${run.page}.md)`;
  if ("href" in run) return `[${inertText(run.text)}](${linkTarget(run.href)})`;
  if (run.code) return codeSpan(run.text);
  return run.strong ? `**${inertText(run.text)}**` : inertText(run.text);
}
function linkTarget(href) {
  return encodeURI(href).replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
function codeSpan(text) {
  const fence2 = "`".repeat(longestRun(text, "`") + 1);
  const flat = text.replace(/\s*[\r\n]+\s*/g, " ");
  return `${fence2}${flat.startsWith("`") || flat.endsWith("`") ? ` ${flat} ` : flat}${fence2}`;
}
function fenced(text) {
  const fence2 = "`".repeat(Math.max(3, longestRun(text, "`") + 1));
  return `${fence2}text
${text.replace(/\n+$/, "")}
${fence2}`;
}
function longestRun(text, char) {
  let longest = 0;
  let run = 0;
  for (const c of text) {
    run = c === char ? run + 1 : 0;
    if (run > longest) longest = run;
  }
  return longest;
}

// src/evidence/page.ts
var STYLE = pageStyle(PACK_STYLE);
var POLICY = ["default-src 'none'", `style-src ${sourceHash(STYLE)}`, "base-uri 'none'", "form-action 'none'"].join(
  "; "
);
var PAGE_TITLES = {
  index: "Evidence pack",
  manifest: "Workflow manifest",
  permissions: "Permission matrix",
  "data-governance": "Data governance",
  "eval-report": "Eval report",
  "trace-sample": "Trace sample",
  runbook: "Incident runbook",
  readiness: "Readiness checklist"
};
function pageHtml(page) {
  const shell = {
    doctype: "<!DOCTYPE html>",
    title: `${page.title} \u2014 ${page.lede}`,
    policy: POLICY,
    style: STYLE
  };
  const nav = h(
    "nav",
    { class: "pack-nav", "aria-label": "Evidence pack" },
    ...PAGE_IDS.map(
      (id) => h("a", { href: pageFile(id), "aria-current": id === page.id ? "page" : null }, PAGE_TITLES[id])
    )
  );
  const body = [nav, h("h1", null, page.title), h("p", { class: "lede" }, page.lede), ...page.blocks.map(blockHtml)];
  return documentStart(shell) + render(body) + MAIN_END + documentEnd();
}
function pageMarkdown(page) {
  const back = page.id === "index" ? [] : ["Part of the [evidence pack](index.md)."];
  const parts = [`# ${inertText(page.title)}`, `_${inertText(page.lede)}_`, ...back, ...page.blocks.map(blockMarkdown)];
  return parts.join("\n\n") + "\n";
}

// src/evidence/decision.ts
function decisionCallout(run) {
  if (!run) return NO_RUN;
  const { report } = run;
  const title = report.decision === "error" ? "This run could not be decided: ERROR. Its numbers are not evidence that the agent works." : `Gate: ${report.decision.toUpperCase()} \u2014 ${decisiveSummary(report)}`;
  return { kind: "callout", tone: report.decision, title, items: report.reasons };
}
var NO_RUN = {
  kind: "callout",
  tone: "note",
  title: "No run was given",
  items: [
    "This pack shows the workflow as its files declare it; the eval report, the trace sample and the readiness score come from a run.",
    "evalgate evidence --report evalgate-report/report.json adds them."
  ]
};

// src/evidence/make.ts
function paragraph(line) {
  return { kind: "paragraph", line };
}
function muted(line) {
  return { kind: "paragraph", line, muted: true };
}
function heading(level, text) {
  return { kind: "heading", level, text };
}
function facts(rows) {
  return { kind: "facts", rows: rows.map(([term, value]) => ({ term, value })) };
}
function wordedFacts(rows) {
  const lines = [];
  const tables = [];
  for (const [term, value] of rows) {
    if (typeof value === "string") lines.push([term, value]);
    else if (Array.isArray(value)) lines.push([term, { list: value }]);
    else
      tables.push(heading(4, term), {
        kind: "table",
        header: value.header,
        rows: value.rows.map((cells2) => cells2.map(cellText))
      });
  }
  return [facts(lines), ...tables];
}
function listOr(items, empty) {
  return items.length > 0 ? { kind: "list", items } : muted(empty);
}
function perWorkflow(input, blocks) {
  return input.workflows.map((w) => ({ kind: "part", title: w.info.name, blocks: blocks(w) }));
}
function workflowNames(input) {
  const names = input.workflows.map((w) => w.info.name);
  return names.length <= 1 ? names[0] ?? "no workflow" : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}
function changedNote(w) {
  if (!w.changedSinceRun) return [];
  return [
    paragraph({
      text: `${w.info.file} has changed since the run: this page shows the permission matrix, identity and data governance as the run recorded them (report.json), the ones its results are evidence for.`,
      strong: true
    })
  ];
}

// src/evidence/pages/eval-report.ts
var TOP_FAILURE_MODES = 3;
var evalReportPage = {
  id: "eval-report",
  title: "Eval report",
  summary: (input) => input.run ? `${input.run.report.decision.toUpperCase()}; ${tierRates(input.run.report)}; ${formatUsd(input.run.report.totals.cost_per_success_usd)} per successful task` : "no run was given",
  blocks: (input) => input.run ? runBlocks(input.run, input) : [decisionCallout(void 0), ...rulesBlocks(input)]
};
function runBlocks(run, input) {
  const { report } = run;
  const t = report.totals;
  const columns = briefTierColumns(report);
  return [
    decisionCallout(run),
    facts([
      ["Report", { text: run.file, code: true }],
      ["Date", report.created_at],
      ["Commit", report.commit ?? "not recorded"],
      ["Tasks", `${formatCount(t.tasks)}: ${t.passed} passed, ${t.failed} failed, ${t.errored} errored`],
      ["Attempts", `${formatCount(report.attempts.total)} (${report.attempts.mode})`],
      ["Cost", `${formatUsd(t.cost_usd)}; per successful task ${formatUsd(t.cost_per_success_usd)}`],
      ["Error rate", `${percent(t.error_rate)} (max ${thresholdPercent(report.gate.max_error_rate)})`]
    ]),
    heading(3, "Tiers"),
    {
      kind: "rendered",
      html: tierTable(report, columns),
      markdown: markdownTable(
        columns.map((c) => c.header),
        report.tiers.map((tier) => columns.map((c) => inertText(c.cell(tier))))
      )
    },
    muted("Success rate: the share of the tier\u2019s golden tasks that passed; the interval says how sure that rate is."),
    ...failureModeBlocks(report),
    ...workflowMismatch(report, input),
    fullReport(run)
  ];
}
function failureModeBlocks(report) {
  const modes = report.failure_modes ?? failureModes(report.tasks);
  if (modes.length === 0) return [];
  return [
    heading(3, "Top failure modes"),
    {
      kind: "list",
      ordered: true,
      items: modes.slice(0, TOP_FAILURE_MODES).map((mode) => `${mode.label}: ${plural(mode.count, "task")}`)
    }
  ];
}
function workflowMismatch(report, input) {
  const declared = new Set(input.workflows.map((w) => w.info.name));
  const run = report.workflows.map((w) => w.name);
  const notDeclared = run.filter((name) => !declared.has(name));
  const notRun = [...declared].filter((name) => !run.includes(name));
  if (notDeclared.length === 0 && notRun.length === 0) return [];
  const parts = [
    ...notDeclared.length > 0 ? [`the report covers ${notDeclared.join(", ")}, which no manifest here declares`] : [],
    ...notRun.length > 0 ? [`the report has no result for ${notRun.join(", ")}`] : []
  ];
  return [paragraph({ text: `Note: ${parts.join("; ")}.`, strong: true })];
}
function fullReport(run) {
  return run.reportHtml ? paragraph(["Every task, trace and rule: ", { text: "report.html", href: run.reportHtml }, "."]) : muted("The full report (report.html) is not beside the report given.");
}
function rulesBlocks(input) {
  return perWorkflow(input, (w) => [
    heading(3, "What a run must show"),
    {
      kind: "table",
      header: ["Tier", "Golden tasks", "Min success", "Min tasks"],
      rows: ruleRows(w),
      numeric: [1, 2, 3]
    }
  ]);
}
function ruleRows(w) {
  return TIERS.filter((tier) => w.tasks.some((t) => t.tier === tier) || w.rules[tier]).map((tier) => {
    const rule2 = w.rules[tier];
    return [
      tier,
      String(w.tasks.filter((t) => t.tier === tier).length),
      rule2 ? `\u2265 ${thresholdPercent(rule2.min_success)}` : "not gated",
      rule2?.min_tasks !== void 0 ? String(rule2.min_tasks) : "\u2014"
    ];
  });
}
function tierRates(report) {
  const several = report.workflows.length > 1;
  return report.tiers.map((t) => `${several ? `${t.workflow} ` : ""}${t.tier} ${percent(t.success_rate)}`).join(", ");
}

// src/evidence/pages/governance.ts
var governancePage = {
  id: "data-governance",
  title: "Data governance",
  summary: (input) => input.workflows.map((w) => `${w.info.name}: ${governanceSummary(w)}`).join("; "),
  blocks: (input) => perWorkflow(input, governanceBlocks)
};
function governanceBlocks(w) {
  const g = w.info.data_governance;
  return [
    ...changedNote(w),
    ...g ? wordedFacts(governanceFacts(g)) : [muted(NO_GOVERNANCE)],
    paragraph(
      "The redaction rules apply before anything reaches a model or an artifact of a run (traces, report, summary, PR comment). Secrets (API keys, credential headers) are never written."
    ),
    muted(
      `This pack redacts what it quotes of the run again, by these rules and every built-in one (${Object.keys(BUILTIN_REDACTIONS).join(", ")}).`
    )
  ];
}
function governanceSummary(w) {
  const g = w.info.data_governance;
  if (!g) return "not declared";
  const where = [g.model_provider, g.region].filter((part) => part !== void 0).join(", ") || "provider not declared";
  const processors = g.subprocessors ? `; ${plural(g.subprocessors.length, "subprocessor")}` : "";
  return `${where}; retention ${retentionText(g)}; ${plural(g.redact.length, "redaction rule")}${processors}`;
}

// src/evidence/pages/manifest.ts
var manifestPage = {
  id: "manifest",
  title: "Workflow manifest",
  summary: (input) => input.workflows.map((w) => `${w.info.name}: ${plural(w.tasks.length, "golden task")}, phase ${w.info.phase ?? "autonomous"}`).join("; "),
  blocks: (input) => perWorkflow(input, manifestBlocks)
};
function manifestBlocks(w) {
  const info = w.info;
  const phase = info.phase ?? "autonomous";
  return [
    ...changedNote(w),
    ...info.description ? [paragraph(info.description)] : [],
    facts([
      ["Manifest", { text: info.file, code: true }],
      ["Agent", `${agentText(info)}${w.judgeModel ? `; judge ${w.judgeModel}` : ""}`],
      ["Rollout phase", [{ text: phase, strong: true }, ` \u2014 ${PHASE_RULES[phase].allows}`]],
      ["Input sources", info.inputs ? listOrNone(info.inputs.sources) : NOT_RECORDED],
      ["Required input fields", info.inputs ? listOrNone(info.inputs.required) : NOT_RECORDED],
      ["Golden tasks", taskCounts(w)],
      ["Escalation", escalationText(w)],
      ["Kill switch", killSwitchText(w.killSwitch)],
      ["Runbook", w.runbook ? { text: w.runbook.file, page: "runbook" } : "not declared (workflow.yml runbook:)"]
    ]),
    heading(3, "Outcomes"),
    facts([
      ["Success", info.outcomes?.success ?? "not defined"],
      ["Failure", info.outcomes?.failure ?? "not defined"]
    ]),
    heading(3, "Out of scope: the agent must escalate"),
    listOr(info.out_of_scope ?? [], "nothing declared out of scope"),
    paragraph([
      "What it may call: the ",
      { text: "permission matrix", page: "permissions" },
      "; what leaves the building: ",
      { text: "data governance", page: "data-governance" },
      "."
    ])
  ];
}
function taskCounts(w) {
  const count = (key, values, label) => values.map((v) => [v, w.tasks.filter((t) => t[key] === v).length]).filter(([, n]) => n > 0).map(([v, n]) => `${label(v)} ${n}`).join(", ");
  if (w.tasks.length === 0) return "none";
  const risks = count("risk", [...RISKS].reverse(), (risk) => risk);
  return `${w.tasks.length}: ${count("tier", TIERS, (tier) => tier)} \u2014 risk ${risks}`;
}
function escalationText(w) {
  const floor = w.escalation?.min_confidence;
  return floor === void 0 ? "no confidence floor declared (escalation.min_confidence)" : `an answer less confident than ${thresholdPercent(floor)} must escalate (a guardrail)`;
}
function killSwitchText(killSwitch) {
  if (!killSwitch) return "none declared (workflow.yml kill_switch)";
  const how = killSwitch.env ? `environment variable ${killSwitch.env}=${killSwitch.value}` : `request header ${killSwitch.header}: ${killSwitch.value}`;
  return `${how}; every run drills ${plural(killSwitch.drill_tasks, "task")} with it on (no write, no proposal, escalate)`;
}

// src/evidence/pages/permissions.ts
var permissionsPage = {
  id: "permissions",
  title: "Permission matrix",
  summary: (input) => input.workflows.map((w) => `${w.info.name}: ${toolCounts(w.info.permissions ?? {})}`).join("; "),
  blocks: (input) => perWorkflow(input, permissionBlocks)
};
function permissionBlocks(w) {
  const phase = w.info.phase ?? "autonomous";
  const permissions = w.info.permissions ?? {};
  return [
    ...changedNote(w),
    facts([
      ["Identity", identityText(w.info)],
      ["Rollout phase", [{ text: phase, strong: true }, ` \u2014 ${PHASE_RULES[phase].allows}`]],
      ["Tools", toolCounts(permissions)]
    ]),
    {
      kind: "rendered",
      html: permissionTable(permissions, phase),
      markdown: permissionMatrixMarkdown(permissions, phase) || "no tools are allowed"
    },
    paragraph(
      `Enforced on every golden task: a call to a tool the matrix does not list, or a direct call to an approval: required tool, is a guardrail violation and fails the task; the agent proposes such a call with ${REQUEST_APPROVAL} and a human approves. Limits bound the arguments of the calls it makes on its own.`
    ),
    muted("Scopes and identity are descriptive: evalgate shows them, the credentials behind the tools enforce them.")
  ];
}
function toolCounts(permissions) {
  const all = Object.values(permissions);
  if (all.length === 0) return "no tools";
  const write = all.filter((p) => p.scope === "write").length;
  const high = all.filter((p) => p.risk === "high").length;
  const approval = all.filter((p) => p.approval === "required").length;
  return `${plural(all.length, "tool")}: ${write} write, ${high} high risk, ${approval} need approval`;
}

// src/evidence/pages/readiness.ts
var readinessPage = {
  id: "readiness",
  title: "Readiness checklist",
  summary: (input) => {
    const readiness = input.run?.report.readiness;
    return readiness ? readinessCounts(readiness) : "not scored";
  },
  blocks: (input) => {
    const readiness = input.run?.report.readiness;
    return readiness ? checklist(readiness) : notScored(input);
  }
};
function checklist(readiness) {
  return [
    paragraph({ text: `The readiness kit's ten sections: ${readinessCounts(readiness)}.`, strong: true }),
    {
      kind: "table",
      header: ["Section", "Status", "What evidences it; what is still missing"],
      rows: readiness.sections.map((s) => [sectionName(s), s.status, sectionText(s)]),
      widths: [18, 10, 72]
    }
  ];
}
function sectionText(section) {
  const evidence = section.evidence.join("; ") || "nothing yet";
  return section.missing.length > 0 ? `${evidence}. Still missing: ${section.missing.join("; ")}` : evidence;
}
function notScored(input) {
  return [
    paragraph({ text: "Not scored.", strong: true }),
    muted(
      input.run ? "The report given has no readiness section (a report of an older evalgate); evalgate readiness scores the workflow from its files." : "No run was given; evalgate readiness scores the workflow from its files."
    )
  ];
}

// src/evidence/runbook-markdown.ts
var HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
var FENCE = /^ {0,3}(`{3,}|~{3,})/;
var ITEM = /^ {0,3}([-*+]|\d{1,9}[.)])[ \t]+(.*)$/;
var RULE = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
var QUOTE = /^ {0,3}>[ \t]?(.*)$/;
var TABLE_DIVIDER = /^ {0,3}\|?[ \t]*:?-+:?[ \t]*(\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;
function runbookBlocks(text, topLevel = 3) {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  const out = [];
  const readers = [blank, fence, heading2(topLevel), rule, table, list, quote, paragraph2];
  let at = 0;
  while (at < lines.length) {
    for (const read of readers) {
      const next = read(lines, at, out);
      if (next !== void 0) {
        at = next;
        break;
      }
    }
  }
  return out;
}
var blank = (lines, at) => lines[at].trim() === "" ? at + 1 : void 0;
var fence = (lines, at, out) => {
  const open = FENCE.exec(lines[at]);
  if (!open) return void 0;
  const marker = open[1];
  const body = [];
  let end = at + 1;
  while (end < lines.length && !closesFence(lines[end], marker)) body.push(lines[end++]);
  out.push({ kind: "code", text: body.join("\n") });
  return end + 1;
};
function closesFence(line, marker) {
  const close = FENCE.exec(line);
  return close !== null && close[1][0] === marker[0] && close[1].length >= marker.length && line.trim() === close[1];
}
function heading2(topLevel) {
  return (lines, at, out) => {
    const match = HEADING.exec(lines[at]);
    if (!match) return void 0;
    const level = Math.min(6, topLevel + match[1].length - 1);
    out.push({ kind: "heading", level, text: plainText(match[2] ?? "") });
    return at + 1;
  };
}
var rule = (lines, at) => RULE.test(lines[at]) ? at + 1 : void 0;
var table = (lines, at, out) => {
  if (!lines[at].includes("|") || at + 1 >= lines.length || !TABLE_DIVIDER.test(lines[at + 1])) return void 0;
  const header = cells(lines[at]);
  const rows = [];
  let end = at + 2;
  while (end < lines.length && lines[end].includes("|") && lines[end].trim() !== "") {
    const row = cells(lines[end++]);
    rows.push(header.map((_, i) => row[i] ?? ""));
  }
  out.push({ kind: "table", header, rows });
  return end;
};
function cells(line) {
  const trimmed = line.trim().replace(/^\|/, "").replace(/(?<!\\)\|$/, "");
  return trimmed.split(/(?<!\\)\|/).map((cell) => plainText(cell.trim().replace(/\\\|/g, "|")));
}
var list = (lines, at, out) => {
  const first = ITEM.exec(lines[at]);
  if (!first) return void 0;
  const ordered = /\d/.test(first[1]);
  const items = [];
  let end = at;
  while (end < lines.length) {
    const item = ITEM.exec(lines[end]);
    if (item && /\d/.test(item[1]) === ordered) items.push(item[2]);
    else if (item || lines[end].trim() === "" || !/^\s/.test(lines[end])) break;
    else items[items.length - 1] += ` ${lines[end].trim()}`;
    end++;
  }
  out.push({ kind: "list", ordered, items: items.map(inlineRuns) });
  return end;
};
var quote = (lines, at, out) => {
  if (!QUOTE.test(lines[at])) return void 0;
  const body = [];
  let end = at;
  while (end < lines.length) {
    const match = QUOTE.exec(lines[end]);
    if (!match) break;
    body.push(match[1]);
    end++;
  }
  out.push({ kind: "paragraph", line: inlineRuns(body.join(" ").trim()), muted: true });
  return end;
};
var paragraph2 = (lines, at, out) => {
  const body = [lines[at].trim()];
  let end = at + 1;
  while (end < lines.length && lines[end].trim() !== "" && !startsBlock(lines, end)) body.push(lines[end++].trim());
  out.push({ kind: "paragraph", line: inlineRuns(body.join(" ")) });
  return end;
};
function startsBlock(lines, at) {
  const line = lines[at];
  return HEADING.test(line) || FENCE.test(line) || ITEM.test(line) || QUOTE.test(line) || RULE.test(line);
}
var INLINE = /(`+)([\s\S]*?[^`])\1(?!`)|\*\*(?=\S)([\s\S]*?\S)\*\*|__(?=\S)([\s\S]*?\S)__|\[([^\]]*)\]\(([^)\s]*)\)|<((?:https?|mailto):[^>\s]*)>/g;
function inlineRuns(text) {
  const runs = [];
  let last = 0;
  for (const match of text.matchAll(INLINE)) {
    if (match.index > last) runs.push(text.slice(last, match.index));
    const [, , code, bold, underBold, linkText, linkTarget2, auto] = match;
    if (code !== void 0) runs.push({ text: code.trim() === "" ? code : code.replace(/^ (.*) $/, "$1"), code: true });
    else if (bold !== void 0 || underBold !== void 0) runs.push({ text: bold ?? underBold, strong: true });
    else if (linkText !== void 0) runs.push(linkTarget2 ? `${linkText} (${linkTarget2})` : linkText);
    else runs.push(auto);
    last = match.index + match[0].length;
  }
  if (last < text.length) runs.push(text.slice(last));
  return runs;
}
function plainText(text) {
  return runsOf(inlineRuns(text)).map((run) => typeof run === "string" ? run : run.text).join("");
}

// src/evidence/pages/runbook.ts
var NO_RUNBOOK = "no runbook declared (workflow.yml runbook:)";
var runbookPage = {
  id: "runbook",
  title: "Incident runbook",
  summary: (input) => {
    const declared = input.workflows.filter((w) => w.runbook);
    if (declared.length === 0) return NO_RUNBOOK;
    if (declared.length === input.workflows.length) return declared.map((w) => w.runbook.file).join(", ");
    return `declared by ${declared.map((w) => w.info.name).join(", ")}; not by ${undeclared(input).join(", ")}`;
  },
  blocks: (input) => perWorkflow(
    input,
    (w) => w.runbook ? [paragraph(["From ", { text: w.runbook.file, code: true }, ":"]), ...runbookBlocks(w.runbook.text)] : [paragraph({ text: NO_RUNBOOK, strong: true }), muted(RUNBOOK_ASKS)]
  )
};
var RUNBOOK_ASKS = "The readiness kit asks for one: when to escalate, the fallback behaviour, who is on call, and how to turn the automation off.";
function undeclared(input) {
  return input.workflows.filter((w) => !w.runbook).map((w) => w.info.name);
}

// src/evidence/pages/trace-sample.ts
var INPUT_CHARS = 240;
var ARGS_CHARS = 100;
var RESULT_CHARS = 60;
var MESSAGE_CHARS = 200;
var REASONS_SHOWN = 3;
var traceSamplePage = {
  id: "trace-sample",
  title: "Trace sample",
  summary: (input) => {
    if (!input.run) return "no run was given";
    const failures = input.run.sample.filter((s) => s.why === "failure").length;
    return `${plural(input.run.sample.length, "task")}: ${failures} that did not pass, ${input.run.sample.length - failures} passes`;
  },
  blocks: (input) => input.run ? sampleBlocks(input.run, input) : [NO_RUN]
};
function sampleBlocks(run, input) {
  const notes = [
    paragraph(
      `A fixed choice from the run's traces: per workflow, the tasks that did not pass first (one of each cause before a second, at most ${MAX_FAILURES}), then one pass for each tier and risk. Quoted text is redacted by the workflow's rules and the built-in ones.`
    ),
    ...run.moreFailures > 0 ? [muted(`${plural(run.moreFailures, "more task")} did not pass: see report.html.`)] : [],
    ...run.tracesMissing ? [paragraph({ text: run.tracesMissing, strong: true })] : [],
    ...run.unreadableTraces > 0 ? [muted(`${plural(run.unreadableTraces, "line")} of traces.jsonl could not be read and were skipped.`)] : []
  ];
  const names = [.../* @__PURE__ */ new Set([...input.workflows.map((w) => w.info.name), ...run.sample.map((s) => s.task.workflow)])];
  const parts = names.map((name) => ({ name, sampled: run.sample.filter((s) => s.task.workflow === name) })).filter(({ sampled }) => sampled.length > 0).map(({ name, sampled }) => ({ kind: "part", title: name, blocks: sampled.map(sampledBlock) }));
  return [...notes, ...parts.length > 0 ? parts : [muted("The run has no task to show.")]];
}
function sampledBlock(sampled) {
  const { task, trace } = sampled;
  const why = sampled.why === "failure" ? `it did not pass (${causeLabel(primaryCause(task))})` : `the pass shown for ${task.tier}, ${task.risk} risk`;
  const head = {
    kind: "heading",
    level: 4,
    text: `${task.id} \xB7 ${task.tier} \xB7 ${task.risk} risk \xB7 ${task.status}`
  };
  if (!trace)
    return {
      kind: "keep",
      blocks: [head, facts([["Shown because", why]]), muted("traces.jsonl has no attempt of it.")]
    };
  return {
    kind: "keep",
    blocks: [head, facts([["Shown because", why], ...traceFacts(trace, task.attempts.total)]), ...callsTable(trace)]
  };
}
function traceFacts(trace, attempts) {
  const { outcome } = trace;
  const rows = [];
  if (outcome.reasons.length > 0) rows.push(["Reasons", { list: reasonsShown(outcome.reasons) }]);
  if (trace.guardrails.violations.length > 0) rows.push(["Guardrail violations", { list: trace.guardrails.violations }]);
  rows.push(["Input", { text: jsonPreview(trace.input, INPUT_CHARS), code: true }]);
  rows.push(["Answer", answerText(trace)]);
  rows.push([
    "Attempt",
    `${trace.attempt} of ${attempts}; ${formatDuration(trace.duration_ms)}; ${plural(trace.model_calls.length, "model call")}`
  ]);
  return rows;
}
function reasonsShown(reasons) {
  const shown = reasons.slice(0, REASONS_SHOWN).map((r) => preview(r, MESSAGE_CHARS));
  return reasons.length > REASONS_SHOWN ? [...shown, `and ${reasons.length - REASONS_SHOWN} more`] : shown;
}
function answerText(trace) {
  const { answer, infra_error: infra, agent_error: agent } = trace.outcome;
  if (!answer) return infra ?? agent ?? "no answer";
  const parts = [
    ...answer.label !== void 0 ? [`label ${answer.label}`] : [],
    ...answer.escalated !== void 0 ? [`escalated: ${answer.escalated}`] : [],
    ...answer.fallback !== void 0 ? [`fallback: ${answer.fallback}`] : [],
    ...answer.message !== void 0 ? [`\u201C${preview(answer.message, MESSAGE_CHARS)}\u201D`] : []
  ];
  return parts.join("; ") || "an empty answer";
}
function callsTable(trace) {
  if (trace.tool_calls.length === 0) return [muted("No tool calls.")];
  return [
    {
      kind: "table",
      header: ["#", "Tool call", "Arguments", "Outcome"],
      rows: trace.tool_calls.map((call) => [
        String(call.seq),
        call.tool,
        jsonPreview(call.args, ARGS_CHARS),
        callOutcome(call)
      ]),
      numeric: [0],
      widths: [6, 22, 42, 30]
    }
  ];
}
function callOutcome(call) {
  if (!call.allowed) return `refused: ${call.error ?? "not allowed by the permission matrix"}`;
  if (call.error) return `error: ${call.error}`;
  if (call.proposed) return `proposed: ${jsonPreview(call.result, RESULT_CHARS)}`;
  return "ok";
}
function jsonPreview(value, chars) {
  return preview(value === void 0 ? "none" : JSON.stringify(value) ?? String(value), chars);
}

// src/evidence/pages/index.ts
var PAGES = [
  manifestPage,
  permissionsPage,
  governancePage,
  evalReportPage,
  traceSamplePage,
  runbookPage,
  readinessPage
];
function packPages(input) {
  const lede = ledeOf(input);
  return [
    { id: "index", title: PAGE_TITLES.index, lede, blocks: indexBlocks(input) },
    ...PAGES.map((page) => ({ id: page.id, title: page.title, lede, blocks: page.blocks(input) }))
  ];
}
function indexBlocks(input) {
  const items = PAGES.map((page) => [
    { text: page.title, page: page.id },
    ": ",
    ...runsOf(page.summary(input))
  ]);
  return [
    decisionCallout(input.run),
    { kind: "list", ordered: true, items },
    ...input.run?.reportHtml ? [
      paragraph([
        "The run's full report, every task and trace: ",
        { text: "report.html", href: input.run.reportHtml },
        "."
      ])
    ] : [],
    muted(
      "Each page prints on its own, a sheet per workflow where the content allows; the same pages are beside these as markdown (index.md) for a wiki."
    )
  ];
}
function ledeOf(input) {
  if (!input.run) return `${workflowNames(input)} \xB7 no run given`;
  const { report } = input.run;
  const commit = report.commit ? `, commit ${report.commit.slice(0, 12)}` : "";
  return `${workflowNames(input)} \xB7 run of ${report.created_at}${commit}`;
}

// src/evidence/redaction.ts
var BUILTIN_RULES = Object.entries(BUILTIN_REDACTIONS).map(([name, pattern]) => ({ name, pattern }));
function redactedInput(input) {
  if (!input.run) return input;
  const own = new Map(
    input.workflows.map((w) => [w.info.name, createRedactor([...w.redact, ...BUILTIN_RULES], w.redactIgnore)])
  );
  const everyRule = createRedactor([...input.workflows.flatMap((w) => w.redact), ...BUILTIN_RULES]);
  const redactorOf = (workflow) => own.get(workflow) ?? everyRule;
  const { report, sample } = scrubValue({ report: input.run.report, sample: input.run.sample });
  return {
    ...input,
    run: {
      ...input.run,
      report: redactedReport(report, redactorOf),
      sample: sample.map((s) => {
        const redactor = redactorOf(s.task.workflow);
        const task = { ...s.task, reasons: redactor.value(s.task.reasons) };
        return { ...s, task, ...s.trace ? { trace: redactor.value(s.trace) } : {} };
      })
    }
  };
}
function redactedReport(report, redactorOf) {
  return {
    ...report,
    reasons: report.reasons.map(
      (reason) => report.workflows.reduce((text, w) => redactorOf(w.name).text(text), reason)
    ),
    tasks: report.tasks.map((task) => ({ ...task, reasons: redactorOf(task.workflow).value(task.reasons) }))
  };
}

// src/evidence/write.ts
var FORMS = [
  ["html", pageHtml],
  ["md", pageMarkdown]
];
async function writeEvidencePack(outDir, input) {
  await mkdir(outDir, { recursive: true });
  const pages = packPages(redactedInput(input));
  const [index, ...rest] = pages;
  const written = [];
  for (const page of [...rest, index])
    for (const [extension, render2] of FORMS) {
      const path = join(outDir, `${page.id}.${extension}`);
      await writeAtomically(path, scrubSecrets(render2(page)));
      written.push(path);
    }
  return [...written.slice(-FORMS.length), ...written.slice(0, -FORMS.length)];
}

// src/run/evidence-pack.ts
async function makeEvidencePack(opts) {
  const project = await loadProject(opts);
  if (project.problems.length > 0) throw new InputError(project.problems);
  registerWorkflowSecrets(project.workflows);
  const run = opts.reportFile === void 0 ? void 0 : await evidenceRun(opts.reportFile, opts.report, opts.outDir);
  const gate = gateRulesOf(atPhases(project.thresholds, judgedPhases(project.workflows)));
  const workflows = project.workflows.map(
    (w) => evidenceWorkflow(
      w,
      project.tasks.filter((t) => t.workflow === w.name),
      {
        ruleOf: (tier) => tierSettings(gate, w.name, tier).rule,
        recorded: run?.report.workflows.find((r) => r.name === w.name)
      }
    )
  );
  return writeEvidencePack(opts.outDir, { workflows, ...run ? { run } : {} });
}
function evidenceWorkflow(w, tasks, ctx) {
  const rules = {};
  for (const tier of TIERS) {
    const rule2 = ctx.ruleOf(tier);
    if (rule2) rules[tier] = rule2;
  }
  const loaded = workflowInfo(w, tasks.length);
  return {
    // With a run, its record of the manifest: the matrix and governance it ran under.
    info: ctx.recorded ?? loaded,
    ...ctx.recorded && changedSince(ctx.recorded, loaded) ? { changedSinceRun: true } : {},
    tasks: tasks.map((t) => ({ tier: t.tier, risk: t.risk })),
    rules,
    redact: w.data_governance?.redact ?? [],
    ...w.redact_ignore ? { redactIgnore: w.redact_ignore } : {},
    ...w.judge ? { judgeModel: w.judge.model } : {},
    ...w.escalation ? { escalation: w.escalation } : {},
    ...w.kill_switch ? { killSwitch: w.kill_switch } : {},
    ...w.runbook ? { runbook: { file: w.runbook.file, text: w.runbook.text } } : {}
  };
}
function changedSince(recorded, loaded) {
  const relied = (w) => ({
    permissions: w.permissions,
    identity: w.identity,
    data_governance: w.data_governance
  });
  return !isDeepStrictEqual(JSON.parse(JSON.stringify(relied(recorded))), JSON.parse(JSON.stringify(relied(loaded))));
}
async function evidenceRun(file, given, outDir) {
  const report = given ?? await readReport(file);
  const choice = chooseSample(report);
  const tracesFile = join2(dirname(file), TRACES_FILE);
  const traces = existsSync(tracesFile) ? await sampledTraces(tracesFile, choice.tasks) : void 0;
  const htmlFile = join2(dirname(file), HTML_REPORT_FILE);
  return {
    file: displayPath(file),
    report,
    sample: traces?.sample ?? choice.tasks,
    moreFailures: choice.moreFailures,
    unreadableTraces: traces?.unreadable ?? 0,
    ...traces ? {} : { tracesMissing: `No ${TRACES_FILE} beside ${displayPath(file)}: the sample shows no trace.` },
    ...existsSync(htmlFile) ? { reportHtml: relative(outDir, htmlFile).split(sep).join("/") } : {}
  };
}
async function sampledTraces(file, chosen) {
  const key = (workflow, id) => `${workflow}\0${id}`;
  const wanted = new Map(chosen.map((c) => [key(c.task.workflow, c.task.id), c]));
  const first = /* @__PURE__ */ new Map();
  const fitting = /* @__PURE__ */ new Map();
  let unreadable = 0;
  for await (const line of readTraceLines(file, () => unreadable++)) {
    const k = key(line.workflow, line.task_id);
    const choice = wanted.get(k);
    if (!choice || line.form !== void 0) continue;
    if (!first.has(k)) first.set(k, line);
    if (!fitting.has(k) && line.status === "pass" === (choice.why === "pass")) fitting.set(k, line);
  }
  const sample = chosen.map((c) => {
    const trace = fitting.get(key(c.task.workflow, c.task.id)) ?? first.get(key(c.task.workflow, c.task.id));
    return trace ? { ...c, trace } : c;
  });
  return { sample, unreadable };
}

export {
  makeEvidencePack
};
