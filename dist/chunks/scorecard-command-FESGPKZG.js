import { createRequire as __evalgateCreateRequire } from 'node:module'; const require = __evalgateCreateRequire(import.meta.url);
import {
  parseArgs
} from "./chunk-F7JT2AST.js";
import {
  MAIN_END,
  causeLabel,
  compareFiles,
  documentEnd,
  documentStart,
  escapeCell,
  failureModes,
  fileNamer,
  h,
  pageStyle,
  passingWords,
  readReport,
  render
} from "./chunk-ZI6PSATX.js";
import {
  EPSILON
} from "./chunk-HOOUSS7H.js";
import {
  SEVERITIES,
  formatUsd,
  percent,
  plural,
  points,
  thresholdPercent
} from "./chunk-WWFOR4K3.js";
import {
  append,
  smallest
} from "./chunk-2OAFEBTW.js";
import {
  EXIT
} from "./chunk-DCNRK4SB.js";
import {
  InputError
} from "./chunk-NQKQZFN6.js";
import "./chunk-DOEHTZXB.js";
import "./chunk-LCFPQPNL.js";
import {
  TIERS
} from "./chunk-7LLJMACG.js";
import "./chunk-2AYC2KJ6.js";
import "./chunk-N6PE7UBE.js";
import "./chunk-WE7CPBA2.js";
import "./chunk-BX4ROB6G.js";

// src/scorecard/margins.ts
function scorecardEconomics(reports) {
  const workflows = [...new Set(reports.flatMap((r) => (r.economics ?? []).map((e) => e.workflow)))].sort();
  const several = new Set(reports.flatMap((r) => r.tiers.map((t) => t.workflow))).size > 1;
  const margins = [];
  const flags = [];
  for (const workflow of workflows) {
    const records = reports.map((r) => r.economics?.find((e) => e.workflow === workflow));
    const name = several ? `${workflow} gross margin` : "Gross margin";
    margins.push({ workflow, label: name, values: records.map((e) => e?.gross_margin ?? null) });
    records.forEach((record, column2) => {
      const text = record && flagText(record, records[column2 - 1]);
      if (text) flags.push({ column: column2, workflow, text: `${name}: ${text}` });
    });
  }
  const perAttempt = reports.map((r) => r.totals.cost_per_passed_attempt_usd);
  const costs = perAttempt.some((v) => v !== void 0) ? [{ label: "Cost per passed attempt", values: perAttempt.map((v) => v ?? null) }] : [];
  return { costs, margins, flags };
}
function flagText(now, before) {
  const min = now.min_gross_margin;
  const reasons = [];
  if (min !== null && now.gross_margin === null && (now.cost_usd ?? 0) > 0 && now.successes === 0)
    reasons.push(`no attempt passed (target ${thresholdPercent(min)})`);
  if (min !== null && now.gross_margin !== null && now.gross_margin < min - EPSILON)
    reasons.push(`${percent(now.gross_margin)}, under the target ${thresholdPercent(min)}`);
  const previous = before?.gross_margin;
  if (now.gross_margin !== null && previous != null && previous - now.gross_margin > now.max_margin_drop + EPSILON)
    reasons.push(
      `dropped ${points(previous - now.gross_margin)} points from ${percent(previous)} to ${percent(now.gross_margin)} (more than max_margin_drop ${now.max_margin_drop})`
    );
  return reasons.length > 0 ? reasons.join("; ") : void 0;
}

// src/scorecard/incidents.ts
function seriesIncidents(series) {
  const latest = /* @__PURE__ */ new Map();
  for (const { file, report } of series)
    for (const incident of report.incidents ?? [])
      latest.set(`${incident.workflow}/${incident.id}`, { ...incident, file, created_at: report.created_at });
  return [...latest.values()].sort((a, b) => a.date < b.date ? 1 : a.date > b.date ? -1 : 0);
}
function incidentMonths(incidents3) {
  const months = /* @__PURE__ */ new Map();
  for (const incident of incidents3) {
    const month = incident.date.slice(0, 7);
    const row = months.get(month) ?? {
      month,
      count: 0,
      severities: Object.fromEntries(SEVERITIES.map((s) => [s, 0])),
      failing: 0
    };
    row.count += 1;
    row.severities[incident.severity] += 1;
    if (incident.passing === false) row.failing += 1;
    months.set(month, row);
  }
  return [...months.values()].sort((a, b) => a.month < b.month ? -1 : 1);
}

// src/scorecard/rates.ts
function successRate(report) {
  const total = report.tasks.length;
  return total > 0 ? report.tasks.filter((t) => t.status === "pass").length / total : null;
}
function escalationRate(report) {
  const ran = tasksThatRan(report.tasks);
  return ran.length > 0 ? ran.filter((t) => t.escalated === true).length / ran.length : null;
}
function errorRate(report) {
  const ran = tasksThatRan(report.tasks);
  return ran.length > 0 ? ran.filter((t) => t.status === "error").length / ran.length : null;
}
function tasksThatRan(tasks) {
  return tasks.filter((t) => t.status !== "not_run");
}

// src/scorecard/monthly-review.ts
var TOP_FAILURE_MODES = 3;
function monthlyReview(series, incidents3) {
  const byMonth = /* @__PURE__ */ new Map();
  for (const entry of series) {
    const month = entry.report.created_at.slice(0, 7);
    byMonth.set(month, [...byMonth.get(month) ?? [], entry]);
  }
  return [...byMonth].sort(([a], [b]) => a < b ? -1 : 1).map(([month, reports]) => {
    const tasks = reports.flatMap((r) => r.report.tasks);
    const escalation = escalationRate({ tasks });
    return {
      month,
      reports: reports.length,
      results: tasks.length,
      success_rate: successRate({ tasks }),
      containment_rate: escalation === null ? null : 1 - escalation,
      escalations: tasks.filter((t) => t.escalated === true).length,
      incidents: incidents3.filter((i) => i.date.startsWith(month)).length,
      failure_modes: failureModes(tasks).slice(0, TOP_FAILURE_MODES).map((m) => ({ label: m.label, count: m.count }))
    };
  });
}

// src/scorecard/cells.ts
var NOTHING = "\u2014";
function rateCell(value) {
  return value === null ? NOTHING : percent(value);
}
function usdCell(value) {
  return value === null ? NOTHING : formatUsd(value);
}
var FLAG = "\u26A0";
function metricRows(card) {
  const rates = (row, strong = false) => ({ label: row.label, cells: row.values.map(rateCell), strong });
  return [
    { label: "Decision", cells: card.columns.map((c) => c.decision) },
    { label: "Tasks", cells: card.columns.map((c) => String(c.tasks)) },
    rates(card.success_rate, true),
    ...card.tiers.map((row) => rates({ ...row, label: `${row.label} success rate` })),
    rates(card.escalation_rate),
    rates(card.containment_rate, true),
    rates(card.error_rate),
    { label: card.cost_per_success_usd.label, cells: card.cost_per_success_usd.values.map(usdCell), strong: true },
    ...card.economics.costs.map((row) => ({ label: row.label, cells: row.values.map(usdCell) })),
    ...card.economics.margins.map((row) => {
      const flagged = row.values.map(
        (_, column2) => card.economics.flags.some((f) => f.workflow === row.workflow && f.column === column2)
      );
      const cells = row.values.map((value, i) => flagged[i] ? `${rateCell(value)} ${FLAG}` : rateCell(value));
      return { label: row.label, cells, strong: true, flagged };
    })
  ];
}
function flagLines(card) {
  return card.economics.flags.map((f) => `${card.columns[f.column].label}: ${f.text}`);
}
function definitions(card) {
  if (card.economics.margins.length === 0) return DEFINITIONS;
  const [last] = DEFINITIONS.slice(-1);
  return [
    ...DEFINITIONS.slice(0, -1),
    "Cost per passed attempt (reports with a cost limit or economics): the model cost, cached responses at their price, over the attempts that passed \u2014 what budgets.max_cost_per_success_usd and economics judge.",
    `Gross margin (reports with economics.value_per_success_usd): 1 \u2212 cost per passed attempt / value per success, per workflow; ${FLAG} marks a report under its economics.min_gross_margin, or more than its economics.max_margin_drop (default 0.05) below the report before.`,
    last
  ];
}
function scopeLine(card) {
  const dates = card.columns.map((c) => c.created_at.slice(0, 10));
  const span = dates.length > 1 ? `, ${dates[0]} to ${dates[dates.length - 1]}` : `, ${dates[0]}`;
  const workflows = card.workflows.length > 0 ? `${card.workflows.join(", ")}: ` : "";
  return `${workflows}${plural(card.columns.length, "report")}${span}, oldest first (ordered by created_at).`;
}
var DEFINITIONS = [
  "Success rate: the mean over the tasks of each task's pass rate across its attempts, as the gate counts it (one attempt each: the share of the tasks that passed; errored attempts and not-run tasks count as not passed).",
  "Escalation rate: share of the tasks that ran whose answer escalated (`escalated: true`); containment rate = 1 \u2212 escalation rate.",
  "Error rate: share of the attempts that ran that errored (agent unreachable, timeouts, judge errors).",
  "Cost per successful task: the run\u2019s model cost divided by the tasks that passed; \u2014 when no task passed or no model had a price.",
  "Failure modes: tasks that did not pass, counted once under each of their causes."
];

// src/scorecard/versions.ts
var UNKNOWN = "unknown";
function versionRows(reports) {
  if (!reports.some((r) => r.versions)) return [];
  const names = new Set(reports.flatMap((r) => (r.versions?.workflows ?? []).map((w) => w.workflow)));
  const prefix = (workflow) => names.size > 1 ? `${workflow} ` : "";
  return [
    {
      label: "Version",
      cells: reports.map(
        (r) => r.versions ? r.versions.workflows.map((w) => `${prefix(w.workflow)}${w.version ?? "no version"}`).join("; ") || NOTHING : UNKNOWN
      )
    },
    {
      label: "Files changed since the previous report",
      cells: reports.map((r, i) => i === 0 ? NOTHING : changedSince(r.versions, reports[i - 1].versions, prefix))
    }
  ];
}
function changedSince(now, before, prefix) {
  if (!now || !before) return UNKNOWN;
  const parts = now.workflows.map((w) => {
    const theirs = before.workflows.find((b) => b.workflow === w.workflow);
    if (!theirs) return `${prefix(w.workflow)}new`;
    const changed = compareFiles(w.files, theirs.files).filter((f) => f.change !== "unchanged");
    const name = fileNamer(changed);
    return `${prefix(w.workflow)}${changed.length > 0 ? changed.map(name).join(", ") : "none"}`;
  });
  return parts.join("; ") || NOTHING;
}

// src/scorecard/compute.ts
function computeScorecard(series) {
  const reports = series.map((s) => s.report);
  const incidents3 = seriesIncidents(series);
  const row = (label, measure) => ({
    label,
    values: reports.map(measure)
  });
  return {
    columns: series.map(column),
    workflows: [...new Set(reports.flatMap((r) => r.tiers.map((t) => t.workflow)))].sort(),
    success_rate: row("Success rate", successRate),
    tiers: tierRows(reports),
    escalation_rate: row("Escalation rate", escalationRate),
    containment_rate: row("Containment rate", (r) => {
      const rate = escalationRate(r);
      return rate === null ? null : 1 - rate;
    }),
    error_rate: row("Error rate", errorRate),
    cost_per_success_usd: row("Cost per successful task", (r) => r.totals.cost_per_success_usd),
    economics: scorecardEconomics(reports),
    failure_modes: failureModeRows(reports),
    versions: versionRows(reports),
    incidents: incidents3,
    incident_months: incidentMonths(incidents3),
    months: monthlyReview(series, incidents3)
  };
}
function column({ file, report }) {
  const date = report.created_at.slice(0, 10);
  const commit = report.commit?.slice(0, 7);
  return {
    file,
    created_at: report.created_at,
    ...report.commit ? { commit: report.commit } : {},
    label: commit ? `${date} \xB7 ${commit}` : date,
    decision: report.decision,
    tasks: report.tasks.length
  };
}
function tierRows(reports) {
  const keys = /* @__PURE__ */ new Map();
  for (const report of reports)
    for (const { workflow, tier } of report.tiers) keys.set(`${workflow}\0${tier}`, { workflow, tier });
  const several = new Set([...keys.values()].map((k) => k.workflow)).size > 1;
  return [...keys.values()].sort((a, b) => compareStrings(a.workflow, b.workflow) || TIERS.indexOf(a.tier) - TIERS.indexOf(b.tier)).map(({ workflow, tier }) => ({
    label: several ? `${workflow} ${tier}` : tier,
    values: reports.map((r) => r.tiers.find((t) => t.workflow === workflow && t.tier === tier)?.success_rate ?? null)
  }));
}
function failureModeRows(reports) {
  const perReport = reports.map((r) => new Map(failureModes(r.tasks).map((m) => [m.cause, m.count])));
  const causes = [...new Set(perReport.flatMap((counts) => [...counts.keys()]))];
  const rows = causes.map((cause) => ({
    cause,
    label: causeLabel(cause),
    counts: perReport.map((counts) => counts.get(cause) ?? 0)
  }));
  const total = (row) => row.counts.reduce((sum, n) => sum + n, 0);
  return rows.sort((a, b) => total(b) - total(a) || compareStrings(a.cause, b.cause));
}
function compareStrings(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

// src/scorecard/read.ts
async function readScorecardReports(files) {
  const problems = [];
  const series = [];
  for (const file of files) {
    try {
      const report = await readReport(file);
      const time = Date.parse(report.created_at);
      if (Number.isNaN(time)) problems.push(problem(file, `created_at "${report.created_at}" is not a date`));
      else if (report.shard) {
        const { index, count } = report.shard;
        problems.push(problem(file, `is shard ${index + 1}/${count} of a run: merge the shards first (evalgate merge)`));
      } else series.push({ file, report, time });
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      append(problems, error.problems);
    }
  }
  if (problems.length > 0) throw new InputError(problems);
  return series.sort((a, b) => a.time - b.time).map(({ file, report }) => ({ file, report }));
}
function problem(file, message) {
  return { file, message, severity: "error" };
}

// src/scorecard/write.ts
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";

// src/scorecard/chart.ts
var WIDTH = 720;
var HEIGHT = 260;
var MARGIN = { top: 16, right: 48, bottom: 40, left: 48 };
var COLORS = ["#111827", "#2563eb", "#d97706", "#059669", "#7c3aed", "#db2777", "#0891b2", "#65a30d"];
var MAX_X_LABELS = 12;
function chartSeries(card) {
  const rows = [card.success_rate, ...card.tiers];
  return rows.map((row, i) => ({
    label: i === 0 ? "All tasks" : row.label,
    color: COLORS[i % COLORS.length],
    values: row.values
  }));
}
function successRateChart(card) {
  const series = chartSeries(card);
  const labels = card.columns.map((c) => c.created_at.slice(0, 10));
  const known = series.flatMap((s) => s.values.filter((v) => v !== null));
  const bottom = known.length > 0 ? Math.max(0, Math.floor(smallest(known) * 10 - 0.5) / 10) : 0;
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const x = (i) => MARGIN.left + (labels.length > 1 ? i / (labels.length - 1) * plotWidth : plotWidth / 2);
  const y = (rate) => MARGIN.top + (1 - rate) / (1 - bottom || 1) * plotHeight;
  const grid = [];
  for (let tenth = Math.round(bottom * 10); tenth <= 10; tenth++) {
    const at = fmt(y(tenth / 10));
    grid.push(
      h("line", { x1: MARGIN.left, x2: WIDTH - MARGIN.right, y1: at, y2: at, class: "grid" }),
      h(
        "text",
        { x: MARGIN.left - 6, y: fmt(y(tenth / 10) + 4), "text-anchor": "end", class: "axis" },
        `${tenth * 10}%`
      )
    );
  }
  const every = Math.ceil(labels.length / MAX_X_LABELS);
  const xLabels = labels.map(
    (label, i) => (i % every === 0 || i === labels.length - 1) && h("text", { x: fmt(x(i)), y: HEIGHT - MARGIN.bottom + 18, "text-anchor": "middle", class: "axis" }, label)
  );
  return h(
    "svg",
    {
      xmlns: "http://www.w3.org/2000/svg",
      viewBox: `0 0 ${WIDTH} ${HEIGHT}`,
      width: WIDTH,
      height: HEIGHT,
      role: "img",
      "aria-label": "Success rate over time"
    },
    grid,
    xLabels,
    series.map((s) => seriesMarks(s, card, x, y))
  );
}
function seriesMarks(series, card, x, y) {
  const width = series.label === "All tasks" ? 3 : 1.5;
  const lines = [];
  const dots = [];
  let run = [];
  const endLine = () => {
    if (run.length > 1)
      lines.push(h("polyline", { points: run.join(" "), fill: "none", stroke: series.color, "stroke-width": width }));
    run = [];
  };
  series.values.forEach((value, i) => {
    if (value === null) return endLine();
    run.push(`${fmt(x(i))},${fmt(y(value))}`);
    const title = `${series.label} \xB7 ${card.columns[i].label} \xB7 ${percent(value)}`;
    dots.push(
      h("circle", { cx: fmt(x(i)), cy: fmt(y(value)), r: width + 1.5, fill: series.color }, h("title", null, title))
    );
  });
  endLine();
  return [...lines, ...dots];
}
function fmt(n) {
  return Number(n.toFixed(1)).toString();
}

// src/scorecard/tables.ts
function incidentMonthTable(card) {
  return {
    header: ["Month", "Incidents", ...SEVERITIES, "Tasks fail now"],
    rows: card.incident_months.map((m) => [
      m.month,
      String(m.count),
      ...SEVERITIES.map((s) => String(m.severities[s])),
      String(m.failing)
    ])
  };
}
function incidentListTable(card) {
  const several = new Set(card.incidents.map((i) => i.workflow)).size > 1;
  return {
    header: ["Incident", "Date", "Severity", "Summary", "Tasks", "Passes now", "As of"],
    rows: card.incidents.map((i) => [
      several ? `${i.workflow}/${i.id}` : i.id,
      i.date,
      i.severity,
      i.summary,
      i.tasks.map((t) => t.id).join(", ") || "none",
      passingWords(i.passing),
      i.created_at.slice(0, 10)
    ])
  };
}
function reviewScopeLine(card) {
  const dates = card.columns.map((c) => c.created_at.slice(0, 10));
  const span = dates.length > 1 ? `${dates[0]} to ${dates[dates.length - 1]}` : dates[0];
  const workflows = card.workflows.length > 0 ? `${card.workflows.join(", ")}: ` : "";
  return `${workflows}${plural(card.columns.length, "report")} in ${plural(card.months.length, "month")}, ${span}; newest month first.`;
}
function monthlyReviewTable(card) {
  return {
    header: ["Month", "Reports", "Success", "Containment", "Escalations", "Incidents", "Top 3 failure modes"],
    rows: [...card.months].reverse().map((m) => [
      m.month,
      `${m.reports} (${plural(m.results, "task result")})`,
      rateCell(m.success_rate),
      rateCell(m.containment_rate),
      String(m.escalations),
      String(m.incidents),
      m.failure_modes.map((f) => `${f.label} (${f.count})`).join(", ") || NOTHING
    ])
  };
}
var REVIEW_DEFINITIONS = [
  "Each month holds the reports created in it (UTC); every task result of those reports counts, pooled (a task run in three reports counts three times).",
  "Success: the share of the task results that passed (errored and not-run count as not passed).",
  "Containment: the share of the task results that ran whose answer did not escalate (`escalated: true`) \u2014 handled without a human; 1 \u2212 escalation rate.",
  "Escalations: the task results whose answer escalated.",
  "Incidents: the incidents of incidents.yml dated in the month; whether each one's tasks pass now is from the latest report that records it.",
  "Top 3 failure modes: the causes of the task results that did not pass, largest first; a result with several causes counts under each."
];

// src/scorecard/html.ts
var BAD_DECISIONS = /* @__PURE__ */ new Set(["fail", "error"]);
var POLICY = "default-src 'none'; style-src 'unsafe-inline'";
var SCORECARD_RULES = `
.scope { color: var(--muted); }
.table-wrap { overflow-x: auto; }
.series { width: auto; }
.series th, .series td { text-align: right; white-space: nowrap; }
.series th:first-child, .series td:first-child { text-align: left; }
.series .commit { font: 12px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; color: var(--muted); }
.series tr.strong td { font-weight: 600; }
.series td.fail, .series td.error { color: var(--fail); }
ul.legend { list-style: none; margin: 4px 0 0; padding: 0; }
.swatch { display: inline-block; width: 14px; height: 4px; margin-right: 6px; vertical-align: middle; }
`;
function renderScorecardHtml(card) {
  const rows = [...metricRows(card), ...card.versions];
  const metrics = rows.map(
    (row) => h(
      "tr",
      { class: row.strong ? "strong" : null },
      h("td", null, row.label),
      row.cells.map(
        (cell, i) => h("td", { class: row.flagged?.[i] ? "fail flagged" : BAD_DECISIONS.has(cell) ? cell : null }, cell)
      )
    )
  );
  const legend = chartSeries(card).map(
    (s) => h("li", null, h("span", { class: "swatch", style: `background:${s.color}` }), s.label)
  );
  const main = [
    h("h1", null, "evalgate scorecard"),
    h("p", { class: "scope" }, scopeLine(card)),
    h("h2", null, "Success rate over time"),
    h("figure", { class: "chart" }, successRateChart(card), h("ul", { class: "legend" }, legend)),
    table(card, "Metric", metrics),
    marginFlags(card),
    failureModes2(card),
    incidents(card),
    h("h2", null, "Reports"),
    h(
      "ul",
      null,
      card.columns.map((c) => h("li", null, `${c.label}: `, h("code", null, c.file)))
    ),
    h("h2", null, "How the numbers are computed"),
    h(
      "ul",
      { class: "note" },
      definitions(card).map((line) => h("li", null, line))
    )
  ];
  return scorecardDocument("evalgate scorecard", main);
}
function scorecardDocument(title, main) {
  const shell = { doctype: "<!doctype html>", title, policy: POLICY, style: pageStyle(SCORECARD_RULES) };
  return documentStart(shell) + render(main) + MAIN_END + documentEnd();
}
function wordTableHtml(table2) {
  return h(
    "div",
    { class: "table-wrap" },
    h(
      "table",
      { class: "grid-table series" },
      h(
        "thead",
        null,
        h(
          "tr",
          null,
          table2.header.map((cell) => h("th", null, cell))
        )
      ),
      h(
        "tbody",
        null,
        table2.rows.map(
          (row) => h(
            "tr",
            null,
            row.map((cell) => h("td", null, cell))
          )
        )
      )
    )
  );
}
function incidents(card) {
  if (card.incidents.length === 0) return [];
  return [
    h("h2", null, "Incidents"),
    h("p", { class: "note" }, "Per month of their date:"),
    wordTableHtml(incidentMonthTable(card)),
    h(
      "p",
      { class: "note" },
      "Each incident, newest first, and whether its tasks pass in the latest report that records it:"
    ),
    wordTableHtml(incidentListTable(card))
  ];
}
function table(card, first, rows) {
  return h(
    "div",
    { class: "table-wrap" },
    h(
      "table",
      { class: "grid-table series" },
      h("thead", null, h("tr", null, h("th", null, first), card.columns.map(columnHeader))),
      h("tbody", null, rows)
    )
  );
}
function columnHeader(column2) {
  return h(
    "th",
    { title: column2.file },
    column2.created_at.slice(0, 10),
    column2.commit && [h("br", null), h("span", { class: "commit" }, column2.commit.slice(0, 7))]
  );
}
function marginFlags(card) {
  const lines = flagLines(card);
  if (lines.length === 0) return [];
  return [
    h("h2", null, "Margin flags"),
    h(
      "ul",
      { id: "margin-flags" },
      lines.map((line) => h("li", null, line))
    )
  ];
}
function failureModes2(card) {
  const heading = h("h2", null, "Failure modes over time");
  if (card.failure_modes.length === 0) return [heading, h("p", null, "No task failed in any report.")];
  const rows = card.failure_modes.map(
    (row) => h(
      "tr",
      null,
      h("td", null, row.label),
      row.counts.map((n) => h("td", null, n))
    )
  );
  return [
    heading,
    h("p", { class: "note" }, "Tasks per cause in each report, the most frequent over the series first."),
    table(card, "Failure mode", rows)
  ];
}

// src/scorecard/markdown.ts
function renderScorecardMarkdown(card) {
  const header = ["Metric", ...card.columns.map((c) => c.label)];
  const metrics = markdownTable(header, [
    ...metricRows(card).map((row) => [row.strong ? `**${row.label}**` : row.label, ...row.cells]),
    ...card.versions.map((row) => [row.label, ...row.cells])
  ]);
  const sections = [
    "# evalgate scorecard",
    scopeLine(card),
    metrics,
    marginFlags2(card),
    failureModes3(card),
    incidents2(card),
    "### Reports\n\n" + card.columns.map((c) => `- ${escapeCell(c.label)}: ${escapeCell(c.file)}`).join("\n"),
    "### How the numbers are computed\n\n" + definitions(card).map((line) => `- ${line}`).join("\n")
  ];
  return sections.filter((s) => s !== "").join("\n\n") + "\n";
}
function marginFlags2(card) {
  const lines = flagLines(card);
  return lines.length > 0 ? `### Margin flags

${lines.map((l) => `- ${escapeCell(l)}`).join("\n")}` : "";
}
function failureModes3(card) {
  if (card.failure_modes.length === 0) return "### Failure modes over time\n\nNo task failed in any report.";
  const table2 = markdownTable(
    ["Failure mode", ...card.columns.map((c) => c.label)],
    card.failure_modes.map((row) => [row.label, ...row.counts.map(String)])
  );
  return `### Failure modes over time

Tasks per cause in each report, the most frequent over the series first.

${table2}`;
}
function incidents2(card) {
  if (card.incidents.length === 0) return "";
  return [
    "### Incidents",
    "Per month of their date:",
    wordTable(incidentMonthTable(card)),
    "Each incident, newest first, and whether its tasks pass in the latest report that records it:",
    wordTable(incidentListTable(card))
  ].join("\n\n");
}
function wordTable(table2) {
  return markdownTable(table2.header, table2.rows);
}
function markdownTable(header, rows) {
  const line = (cells) => `| ${cells.map(escapeCell).join(" | ")} |`;
  return [line(header), `|${header.map(() => "---").join("|")}|`, ...rows.map(line)].join("\n");
}

// src/scorecard/review-html.ts
function renderMonthlyReviewHtml(card) {
  const main = [
    h("h1", null, "evalgate monthly review"),
    h("p", { class: "scope" }, reviewScopeLine(card)),
    wordTableHtml(monthlyReviewTable(card)),
    h("h2", null, "Incidents"),
    card.incidents.length > 0 ? wordTableHtml(incidentListTable(card)) : h("p", null, "None recorded (incidents.yml)."),
    h("h2", null, "How the numbers are computed"),
    h(
      "ul",
      { class: "note" },
      REVIEW_DEFINITIONS.map((line) => h("li", null, line))
    )
  ];
  return scorecardDocument("evalgate monthly review", main);
}

// src/scorecard/review-markdown.ts
function renderMonthlyReviewMarkdown(card) {
  const sections = [
    "# evalgate monthly review",
    reviewScopeLine(card),
    wordTable(monthlyReviewTable(card)),
    card.incidents.length > 0 ? `### Incidents

${wordTable(incidentListTable(card))}` : "### Incidents\n\nNone recorded (incidents.yml).",
    "### How the numbers are computed\n\n" + REVIEW_DEFINITIONS.map((line) => `- ${line}`).join("\n")
  ];
  return sections.join("\n\n") + "\n";
}

// src/scorecard/write.ts
async function writeScorecard(outDir, card) {
  await mkdir(outDir, { recursive: true });
  const paths = {
    markdown: join(outDir, "scorecard.md"),
    html: join(outDir, "scorecard.html"),
    review_markdown: join(outDir, "monthly-review.md"),
    review_html: join(outDir, "monthly-review.html")
  };
  await writeFile(paths.markdown, renderScorecardMarkdown(card));
  await writeFile(paths.html, renderScorecardHtml(card));
  await writeFile(paths.review_markdown, renderMonthlyReviewMarkdown(card));
  await writeFile(paths.review_html, renderMonthlyReviewHtml(card));
  return paths;
}

// src/cli/scorecard-command.ts
async function scorecardCommand(args) {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { out: { type: "string", default: "evalgate-scorecard" } }
  });
  if (positionals.length === 0)
    throw new InputError("scorecard needs the reports: evalgate scorecard REPORT.json... [--out DIR]");
  const card = computeScorecard(await readScorecardReports(positionals));
  const paths = await writeScorecard(values.out, card);
  process.stdout.write(
    `scorecard of ${card.columns.length} report${card.columns.length === 1 ? "" : "s"}
markdown: ${paths.markdown}
html:     ${paths.html}
monthly review: ${paths.review_markdown}, ${paths.review_html}
`
  );
  return EXIT.pass;
}
export {
  scorecardCommand
};
