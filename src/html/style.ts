// The page's only stylesheet: system fonts, no external resources.
export const PAGE_STYLE = `
:root {
  --fg: #1f2328; --muted: #656d76; --line: #d0d7de; --bg-soft: #f6f8fa;
  --ok: #1a7f37; --ok-soft: #dafbe1; --fail: #cf222e; --fail-soft: #ffebe9;
  --warn: #9a6700; --warn-soft: #fff8c5; --grey: #8c959f; --accent: #0969da;
}
* { box-sizing: border-box; }
body { margin: 0; padding: 24px; color: var(--fg); background: #fff;
  font: 14px/1.5 -apple-system, BlinkMacSystemFont, "Segoe UI", Helvetica, Arial, sans-serif; }
main { max-width: 1280px; margin: 0 auto; }
h1 { font-size: 22px; margin: 0 0 8px; }
.toc { display: flex; flex-wrap: wrap; gap: 12px; margin-bottom: 16px; font-size: 13px; }
.toc a { color: var(--accent); }
h2 { font-size: 18px; margin: 32px 0 12px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
h3 { font-size: 15px; margin: 20px 0 8px; }
h4 { font-size: 13px; margin: 16px 0 6px; text-transform: uppercase; letter-spacing: .03em; color: var(--muted); }
h5 { font-size: 12px; margin: 4px 0; color: var(--muted); }
code, pre { font: 12px/1.45 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
pre { margin: 0; padding: 8px; background: var(--bg-soft); border: 1px solid var(--line); border-radius: 6px;
  max-height: 24em; overflow: auto; white-space: pre-wrap; word-break: break-word; }
.muted, small { color: var(--muted); }
.note { color: var(--muted); font-size: 12px; }
.decision { padding: 16px; border-radius: 8px; border: 1px solid var(--line); }
.decision-pass { background: var(--ok-soft); border-color: var(--ok); }
.decision-fail { background: var(--fail-soft); border-color: var(--fail); }
.decision-error { background: var(--warn-soft); border-color: var(--warn); }
.verdict { font-size: 20px; margin: 0 0 8px; }
.reasons { margin: 4px 0 8px; padding-left: 20px; }
.meta { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 0; }
.meta dt, .definitions dt { font-weight: 600; }
.meta dd, .definitions dd { margin: 0; }
.definitions { display: grid; grid-template-columns: minmax(120px, max-content) 1fr; gap: 4px 16px; margin: 0; }
.definitions ul { margin: 0; padding-left: 18px; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(170px, 1fr)); gap: 8px; margin: 0; }
.card { border: 1px solid var(--line); border-radius: 6px; padding: 8px 12px; }
.card dt { color: var(--muted); font-size: 12px; }
.card dd { margin: 0; font-size: 16px; font-weight: 600; }
.tone-pass dd { color: var(--ok); } .tone-fail dd { color: var(--fail); } .tone-error dd { color: var(--warn); }
.grid-table { border-collapse: collapse; width: 100%; margin: 8px 0; }
.grid-table th, .grid-table td { border-bottom: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
.grid-table th { background: var(--bg-soft); font-size: 12px; }
.num { text-align: right !important; white-space: nowrap; }
.verdict-fail td, tr.worse td { background: var(--fail-soft); }
.chart { margin: 0 0 8px; }
.chart svg { max-width: 100%; height: auto; font-size: 11px; }
.chart .grid { stroke: var(--line); stroke-width: 1; }
.chart .axis, .chart .label { fill: var(--muted); }
.chart .value { fill: var(--fg); font-weight: 600; }
.bar-ok .bar { fill: var(--ok); } .bar-fail .bar { fill: var(--fail); } .bar-ungated .bar { fill: var(--grey); }
.chart .ci { stroke: var(--fg); stroke-width: 1.5; }
.chart .threshold { stroke: var(--fg); stroke-width: 2; stroke-dasharray: 5 3; }
.legend { display: flex; flex-wrap: wrap; gap: 16px; font-size: 12px; color: var(--muted); }
.key::before { content: ""; display: inline-block; width: 12px; height: 12px; margin-right: 4px; vertical-align: -2px; }
.key-ok::before { background: var(--ok); } .key-fail::before { background: var(--fail); }
.key-ungated::before { background: var(--grey); }
.key-threshold::before { height: 0; border-top: 2px dashed var(--fg); vertical-align: 3px; }
.key-ci::before { width: 2px; background: var(--fg); margin: 0 9px 0 5px; }
.workflow { border: 1px solid var(--line); border-radius: 8px; padding: 4px 16px 16px; margin-bottom: 16px; }
.permissions tr.sensitive td { background: var(--warn-soft); }
.badge { display: inline-block; padding: 0 6px; margin: 0 2px; border-radius: 10px; font-size: 11px; line-height: 18px;
  border: 1px solid var(--line); background: #fff; white-space: nowrap; }
.badge.hot { border-color: var(--warn); background: var(--warn-soft); color: #7d4e00; font-weight: 600; }
.badge.bad, .badge.status-fail { border-color: var(--fail); background: var(--fail-soft); color: var(--fail); font-weight: 600; }
.badge.status-pass { border-color: var(--ok); background: var(--ok-soft); color: var(--ok); }
.badge.status-error, .badge.status-not_run { border-color: var(--warn); background: var(--warn-soft); color: var(--warn); }
.badge.risk-high { border-color: var(--fail); color: var(--fail); }
.badge.proposal { border-color: var(--accent); background: #ddf4ff; color: var(--accent); font-weight: 600; }
.badge.tag, .badge.muted-badge { color: var(--muted); }
.task-links { display: flex; flex-wrap: wrap; gap: 4px; }
.task-link { font: 12px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; cursor: pointer; color: var(--accent);
  background: none; border: 1px solid var(--line); border-radius: 4px; padding: 1px 6px; }
.filters { display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: center; margin-bottom: 8px; }
.filters select, .filters input, button { font: inherit; }
#task-count { font-weight: 600; margin: 4px 0; }
tr.task { cursor: pointer; }
tr.task:hover td, tr.task:focus td { background: var(--bg-soft); }
tr.task[aria-expanded="true"] td { background: #ddf4ff; }
tr.task td.reason { max-width: 420px; }
tr.detail > td { padding: 0 0 16px 16px; border-left: 3px solid var(--accent); }
.panel { padding: 8px 0; }
.panel-head { margin-bottom: 4px; }
.attempt { border: 1px solid var(--line); border-radius: 6px; padding: 4px 12px; margin: 8px 0; }
.attempt > summary { cursor: pointer; font-weight: 600; }
.calls { list-style: none; padding: 0; margin: 0; }
.call { border: 1px solid var(--line); border-radius: 6px; padding: 6px 10px; margin: 6px 0; }
.call.denied { border: 2px solid var(--fail); background: var(--fail-soft); }
.call.proposed { border-color: var(--accent); }
.call-head { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; }
.call-head .seq { font-weight: 600; color: var(--muted); }
.call-head .facts { color: var(--muted); font-size: 12px; }
.call-body { display: grid; grid-template-columns: 1fr 1fr; gap: 8px; margin-top: 4px; }
.error-text { color: var(--fail); margin: 4px 0; white-space: pre-wrap; }
tr.not-ok td { background: var(--fail-soft); }
.violations { color: var(--fail); font-weight: 600; }
.message { white-space: pre-wrap; }
.output > summary { cursor: pointer; margin-top: 8px; }
@media (max-width: 800px) { .call-body { grid-template-columns: 1fr; } body { padding: 8px; } }
`
