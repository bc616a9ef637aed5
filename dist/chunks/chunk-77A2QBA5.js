import { createRequire as __evalgateCreateRequire } from 'node:module'; const require = __evalgateCreateRequire(import.meta.url);
import {
  atPhases,
  higherIn,
  stricterOf,
  stricterThresholds
} from "./chunk-UK53RQSH.js";
import {
  MAIN_END,
  decisionCell,
  documentEnd,
  documentStart,
  drillLine,
  drillTaskName,
  faultedTasks,
  h,
  hasChanges,
  intervalHeader,
  jsonForScript,
  jsonScript,
  pageStyle,
  primaryCause,
  render,
  renderSummary,
  severalWorkflows,
  sourceHash,
  toolFaultsLine,
  verdictCell
} from "./chunk-ZI6PSATX.js";
import {
  EndpointNotes,
  MANIFEST_NAMES,
  agentTypeOf,
  canonicalJson,
  displayPath,
  endpointAsOnBase,
  escapeRegExp,
  findRepoRoot,
  isJsonLines,
  loadProject,
  manifestFiles,
  pLimit,
  parseYaml,
  repositoryPath,
  workflowRedactor
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
  points,
  signedPoints,
  thresholdPercent,
  usdLimit
} from "./chunk-WWFOR4K3.js";
import {
  append
} from "./chunk-2OAFEBTW.js";
import {
  InputError
} from "./chunk-NQKQZFN6.js";
import {
  LIMIT_KINDS,
  PHASE_RULES,
  RETENTION_KINDS,
  RISKS,
  describeLimit,
  isPlainMap,
  judgedAt,
  judgedPhases,
  limitsInWords,
  phaseOf,
  retentionDays,
  toolUseAt
} from "./chunk-7LLJMACG.js";
import {
  preview
} from "./chunk-2AYC2KJ6.js";
import {
  scrubSecrets,
  scrubValue
} from "./chunk-N6PE7UBE.js";

// src/html/index.ts
import { mkdir, stat as stat2 } from "node:fs/promises";
import { join } from "node:path";

// src/html/client/calls.ts
var CALLS_SCRIPT = String.raw`
function callsSection(trace) {
  var models = Array.isArray(trace.model_calls) ? trace.model_calls : [];
  var tools = Array.isArray(trace.tool_calls) ? trace.tool_calls.slice() : [];
  tools.sort(function (a, b) { return (a.seq || 0) - (b.seq || 0); });
  var permissions = (meta.permissions || {})[trace.workflow] || null;
  var interleave = models.length > 0 && tools.length > 0 && models.every(function (m) { return typeof m.seq === 'number'; });
  if (interleave) {
    var merged = models.map(function (m) { return { seq: m.seq, kind: 'model', call: m }; })
      .concat(tools.map(function (t) { return { seq: t.seq, kind: 'tool', call: t }; }));
    merged.sort(function (a, b) { return a.seq - b.seq; });
    return [
      el('h4', null, 'Model and tool calls (' + merged.length + ', in order)'),
      el('ol', { className: 'calls' }, merged.map(function (entry, i) {
        return entry.kind === 'model' ? modelCallItem(entry.call, i + 1) : toolCallItem(entry.call, permissions);
      }))
    ];
  }
  // Model calls carry no position relative to tool calls: each list keeps its own order.
  return [
    el('h4', null, 'Model calls (' + models.length + ', in the order they were made)'),
    models.length === 0
      ? el('p', { className: 'muted' }, 'no model calls')
      : el('ol', { className: 'calls model-calls' }, models.map(function (m, i) { return modelCallItem(m, i + 1); })),
    el('h4', null, 'Tool calls (' + tools.length + ', by seq)'),
    tools.length === 0
      ? el('p', { className: 'muted' }, 'no tool calls')
      : el('ol', { className: 'calls tool-calls' }, tools.map(function (t) { return toolCallItem(t, permissions); }))
  ];
}

function modelCallItem(call, position) {
  var facts = [
    call.purpose || 'agent',
    fmtCount(call.input_tokens) + ' in / ' + fmtCount(call.output_tokens) + ' out tokens',
    fmtLatency(call.latency_ms),
    fmtUsd(call.cost_usd)
  ];
  if (call.cached) facts.push('cached');
  if (call.retries) facts.push(call.retries + (call.retries === 1 ? ' retry' : ' retries'));
  return el('li', { className: 'call model-call' + (call.error ? ' has-error' : ''), 'data-kind': 'model' },
    el('div', { className: 'call-head' },
      el('span', { className: 'seq' }, 'model #' + position),
      el('code', { className: 'name' }, String(call.model || 'model')),
      el('span', { className: 'facts' }, facts.join(' · ')),
      call.error ? badge('error', 'bad') : null),
    call.error ? el('p', { className: 'error-text' }, String(call.error)) : null);
}

function toolCallItem(call, permissions) {
  var denied = call.allowed === false;
  var classes = 'call tool-call' + (denied ? ' denied' : '') + (call.proposed ? ' proposed' : '') + (call.error ? ' has-error' : '') + (call.fault ? ' faulted' : '');
  var proposedTool = call.proposed && call.args && typeof call.args.tool === 'string' ? call.args.tool : null;
  // A proposal is judged by the tool it asks approval for, not by request_approval itself.
  var permission = permissionOf(permissions, proposedTool || call.tool);
  return el('li', { className: classes, 'data-kind': 'tool', 'data-seq': call.seq, 'data-tool': call.tool },
    el('div', { className: 'call-head' },
      el('span', { className: 'seq' }, '#' + call.seq),
      el('code', { className: 'name' }, String(call.tool)),
      permission ? permissionBadges(permission) : null,
      denied ? badge('DENIED: guardrail violation', 'bad violation') : null,
      call.proposed ? badge('PROPOSED for approval' + (proposedTool ? ': ' + proposedTool : ''), 'proposal') : null,
      call.reported ? badge('reported in the answer, not made through evalgate', 'muted-badge') : null,
      call.fault ? badge(faultLabel(call.fault), 'bad fault') : call.error ? badge('error', 'bad') : null,
      el('span', { className: 'facts' }, fmtLatency(call.latency_ms))),
    el('div', { className: 'call-body' },
      el('div', null, el('h5', null, 'Arguments'), jsonBlock(call.args)),
      el('div', null, el('h5', null, 'Result'), jsonBlock(call.result))),
    call.error ? el('p', { className: 'error-text' }, String(call.error)) : null);
}

// The task's fixture failed this call on purpose: how the agent then behaved is what is tested.
function faultLabel(fault) {
  if (fault === 'timeout') return 'FAULT: timeout, never answered';
  return 'FAULT: HTTP ' + (fault && fault.status);
}

function permissionOf(permissions, tool) {
  return permissions && Object.prototype.hasOwnProperty.call(permissions, tool) ? permissions[tool] : null;
}

function permissionBadges(p) {
  return [
    badge(p.scope, p.scope === 'write' ? 'hot' : null),
    badge(p.risk + ' risk', p.risk === 'high' ? 'hot' : null),
    p.approval === 'required' ? badge('approval required', 'hot') : null
  ];
}
`;

// src/html/client/dom.ts
var DOM_SCRIPT = String.raw`
function byId(id) {
  return document.getElementById(id);
}

function readJson(id) {
  var node = byId(id);
  return node ? JSON.parse(node.textContent) : null;
}

// el('td', { className: 'num', title: text }, child, ...): strings become text nodes.
function el(tag, attrs) {
  var node = document.createElement(tag);
  if (attrs) {
    Object.keys(attrs).forEach(function (name) {
      var value = attrs[name];
      if (value === null || value === undefined || value === false) return;
      if (name === 'className') node.className = value;
      else node.setAttribute(name, value === true ? '' : String(value));
    });
  }
  for (var i = 2; i < arguments.length; i++) append(node, arguments[i]);
  return node;
}

function append(node, child) {
  if (child === null || child === undefined || child === false) return;
  if (Array.isArray(child)) {
    child.forEach(function (c) { append(node, c); });
    return;
  }
  node.appendChild(typeof child === 'object' ? child : document.createTextNode(String(child)));
}

function badge(text, tone) {
  return el('span', { className: 'badge' + (tone ? ' ' + tone : '') }, text);
}

function prettyJson(value) {
  if (value === undefined) return '(none)';
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value, null, 2);
  } catch (e) {
    return String(value);
  }
}

function jsonBlock(value) {
  return el('pre', { className: 'json' }, prettyJson(value));
}

function fmtDuration(ms) {
  if (typeof ms !== 'number') return '—';
  if (ms < 1000) return Math.round(ms) + 'ms';
  var seconds = ms / 1000;
  if (seconds < 60) return seconds.toFixed(1) + 's';
  var total = Math.round(seconds);
  var hours = Math.floor(total / 3600);
  var minutes = Math.floor((total % 3600) / 60);
  var rest = total % 60;
  return hours > 0 ? hours + 'h ' + pad2(minutes) + 'm' : minutes + 'm ' + pad2(rest) + 's';
}

function pad2(n) {
  return (n < 10 ? '0' : '') + n;
}

function fmtLatency(ms) {
  if (typeof ms !== 'number') return '—';
  return ms < 10 ? ms.toFixed(1) + 'ms' : fmtDuration(ms);
}

function fmtUsd(usd) {
  if (usd === null || usd === undefined) return 'unknown';
  return '$' + (usd >= 0.1 || usd === 0 ? usd.toFixed(2) : usd.toPrecision(2));
}

function fmtCount(n) {
  return typeof n === 'number' ? n.toLocaleString('en-US') : '—';
}

function truncate(text, limit) {
  return text.length > limit ? text.slice(0, limit - 1) + '…' : text;
}

function debounce(fn, ms) {
  var timer = null;
  return function () {
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(function () {
      timer = null;
      fn();
    }, ms);
  };
}
`;

// src/html/client/filters.ts
var FILTERS_SCRIPT = String.raw`
var RISK_ORDER = ['low', 'medium', 'high'];
var STATUS_ORDER = ['pass', 'fail', 'error', 'not_run'];
var STATUS_RANK = { error: 0, fail: 1, not_run: 2, pass: 3 };

function buildFilters() {
  var workflows = distinct(tasks.map(function (t) { return t.workflow; })).sort();
  var tiers = distinct(tasks.map(function (t) { return t.tier; })).sort();
  var risks = ordered(distinct(tasks.map(function (t) { return t.risk; })), RISK_ORDER);
  var statuses = ordered(distinct(tasks.map(function (t) { return t.status; })), STATUS_ORDER);
  var tagCounts = new Map();
  tasks.forEach(function (t) { (t.tags || []).forEach(function (tag) { tagCounts.set(tag, (tagCounts.get(tag) || 0) + 1); }); });
  var tags = Array.from(tagCounts.keys()).sort();

  var statusOptions = statuses.map(function (s) { return [s, s === 'not_run' ? 'not run' : s]; });
  if (statuses.indexOf('fail') >= 0 && statuses.indexOf('error') >= 0) statusOptions.push(['failing', 'fail or error']);
  var search = el('input', { id: 'filter-search', type: 'search', placeholder: 'task id', autocomplete: 'off' });
  search.addEventListener('input', debounce(function () {
    state.query = search.value.trim().toLowerCase();
    applyFilters();
  }, 150));
  var reset = el('button', { type: 'button', id: 'filter-reset' }, 'Clear filters');
  reset.addEventListener('click', function () { resetFilters(); applyFilters(); });

  append(byId('task-filters'), [
    el('label', null, 'Search ', search),
    workflows.length > 1 ? filterSelect('workflow', 'Workflow', pairs(workflows)) : null,
    filterSelect('tier', 'Tier', pairs(tiers)),
    filterSelect('risk', 'Risk', pairs(risks)),
    filterSelect('status', 'Status', statusOptions),
    filterSelect('tag', 'Tag', tags.map(function (tag) { return [tag, tag + ' (' + tagCounts.get(tag) + ')']; })),
    sortSelect(),
    reset
  ]);
}

function pairs(values) {
  return values.map(function (v) { return [v, v]; });
}

function filterSelect(field, label, options) {
  var select = el('select', { id: 'filter-' + field },
    el('option', { value: '' }, 'all'),
    options.map(function (o) { return el('option', { value: o[0] }, o[1]); }));
  select.addEventListener('change', function () {
    state[field] = select.value;
    applyFilters();
  });
  return el('label', null, label + ' ', select);
}

function sortSelect() {
  var options = [['report', 'report order'], ['failing', 'failures first'], ['duration', 'slowest first'],
    ['cost', 'most expensive first'], ['tool_calls', 'most tool calls first'], ['model_calls', 'most model calls first']];
  var select = el('select', { id: 'task-sort' }, options.map(function (o) { return el('option', { value: o[0] }, o[1]); }));
  select.addEventListener('change', function () {
    state.sort = select.value;
    applyFilters();
  });
  return el('label', null, 'Sort ', select);
}

function resetFilters() {
  ['workflow', 'tier', 'risk', 'status', 'tag'].forEach(function (field) {
    state[field] = '';
    var select = byId('filter-' + field);
    if (select) select.value = '';
  });
  state.query = '';
  byId('filter-search').value = '';
}

function distinct(values) {
  return Array.from(new Set(values));
}

function ordered(values, order) {
  return values.slice().sort(function (a, b) {
    var ia = order.indexOf(a), ib = order.indexOf(b);
    return (ia < 0 ? order.length : ia) - (ib < 0 ? order.length : ib) || (a < b ? -1 : a > b ? 1 : 0);
  });
}

function matches(row) {
  var t = row.task;
  if (state.workflow && t.workflow !== state.workflow) return false;
  if (state.tier && t.tier !== state.tier) return false;
  if (state.risk && t.risk !== state.risk) return false;
  if (state.status === 'failing') {
    if (t.status !== 'fail' && t.status !== 'error') return false;
  } else if (state.status && t.status !== state.status) return false;
  if (state.tag && (t.tags || []).indexOf(state.tag) < 0) return false;
  if (state.query && row.search.indexOf(state.query) < 0) return false;
  return true;
}

function descending(field) {
  return function (a, b) {
    var x = a.task[field], y = b.task[field];
    return (typeof y === 'number' ? y : -1) - (typeof x === 'number' ? x : -1) || a.order - b.order;
  };
}

var SORTS = {
  report: function (a, b) { return a.order - b.order; },
  failing: function (a, b) {
    return (STATUS_RANK[a.task.status] || 0) - (STATUS_RANK[b.task.status] || 0) || a.order - b.order;
  },
  duration: descending('duration_ms'),
  cost: descending('cost_usd'),
  tool_calls: descending('tool_calls'),
  model_calls: descending('model_calls')
};
`;

// src/html/client/rows.ts
var ROWS_SCRIPT = String.raw`
function decodeTasks(rows, strings) {
  function text(n) { return strings[n]; }
  return rows.map(function (r) {
    var status = strings[r.s];
    var task = {
      id: r.id, workflow: strings[r.w], tier: strings[r.t], risk: strings[r.k], status: status,
      reasons: (r.x || []).map(text), tags: (r.g || []).map(text),
      duration_ms: r.d, model_calls: r.m, tool_calls: r.c, cost_usd: r.u,
      attempts: r.a ? { total: r.a[0], passed: r.a[1] } : { total: 1, passed: status === 'pass' ? 1 : 0 }
    };
    if (r.f) task.flaky = true;
    return task;
  });
}
`;

// src/html/client/table.ts
var TABLE_SCRIPT = String.raw`
var PAGE_SIZE = 100;
var COLUMNS = 10;

var state = { workflow: '', tier: '', risk: '', status: '', tag: '', query: '', sort: 'report' };
var rows = [];
var matched = [];
var shown = 0;
var openKeys = new Set();

// The same key as the trace index: a workflow name has no "/".
function taskKey(workflow, id) {
  return workflow + '/' + id;
}

function startTable() {
  rows = tasks.map(function (task, order) {
    return { task: task, key: taskKey(task.workflow, task.id), search: (task.workflow + '/' + task.id).toLowerCase(), order: order };
  });
  buildFilters();
  byId('trace-note').textContent = traceStats.included
    ? 'Click a task to open its trace (' + fmtCount(traceStats.lines) + ' trace lines' +
      (traceStats.unreadable ? ', ' + fmtCount(traceStats.unreadable) + ' unreadable lines skipped' : '') + ').' +
      (traceStats.omitted ? ' To keep this page small, ' + fmtCount(traceStats.omitted) +
        ' more trace lines (passing attempts first) are only in traces.jsonl.' : '')
    : 'This report was written without traces.jsonl: the tasks have no traces.';
  var body = byId('task-rows');
  body.addEventListener('click', function (event) {
    var tr = event.target.closest('tr.task');
    if (tr) toggleRow(tr);
  });
  body.addEventListener('keydown', function (event) {
    if (event.target.matches('tr.task') && (event.key === 'Enter' || event.key === ' ')) {
      event.preventDefault();
      toggleRow(event.target);
    }
  });
  document.addEventListener('click', function (event) {
    var link = event.target.closest('.task-link');
    if (link) showTask(link.getAttribute('data-task'));
  });
  applyFilters();
}

function applyFilters() {
  matched = rows.filter(matches).sort(SORTS[state.sort] || SORTS.report);
  shown = 0;
  byId('task-rows').textContent = '';
  showMore(PAGE_SIZE);
}

function showMore(count) {
  var body = byId('task-rows');
  var end = Math.min(matched.length, shown + count);
  var fragment = document.createDocumentFragment();
  for (var i = shown; i < end; i++) {
    var row = matched[i];
    var open = openKeys.has(row.key);
    fragment.appendChild(taskRow(row, open));
    if (open) fragment.appendChild(detailRow(row));
  }
  body.appendChild(fragment);
  shown = end;
  updateCount();
}

function updateCount() {
  byId('task-count').textContent = 'Showing ' + fmtCount(matched.length) + ' of ' + fmtCount(rows.length) + ' tasks';
  var more = byId('task-more');
  more.textContent = '';
  var rest = matched.length - shown;
  if (matched.length === 0) {
    append(more, el('span', { className: 'muted' }, rows.length === 0 ? 'This report has no tasks.' : 'No task matches these filters.'));
    return;
  }
  append(more, el('span', { className: 'muted' }, 'Listed ' + fmtCount(shown) + ' of ' + fmtCount(matched.length) + '. '));
  if (rest <= 0) return;
  var next = el('button', { type: 'button', id: 'show-more' }, 'Show ' + Math.min(PAGE_SIZE, rest) + ' more');
  next.addEventListener('click', function () { showMore(PAGE_SIZE); });
  var all = el('button', { type: 'button', id: 'show-all' }, 'Show all');
  all.addEventListener('click', function () { showMore(rest); });
  append(more, [next, ' ', all]);
}

function statusBadge(t) {
  var text = t.status === 'not_run' ? 'not run' : t.status;
  if (t.attempts && t.attempts.total > 1) text += ' (' + t.attempts.passed + '/' + t.attempts.total + (t.flaky ? ', flaky' : '') + ')';
  return badge(text, 'status-' + t.status);
}

function taskRow(row, open) {
  var t = row.task;
  var reasons = t.reasons || [];
  return el('tr', { className: 'task', tabindex: '0', 'data-key': row.key, 'data-id': t.id, 'data-status': t.status, 'aria-expanded': open ? 'true' : 'false' },
    el('td', null, el('code', null, t.id)),
    el('td', null, t.workflow),
    el('td', null, t.tier),
    el('td', null, badge(t.risk, 'risk-' + t.risk)),
    el('td', null, statusBadge(t)),
    el('td', { className: 'reason', title: reasons.length > 1 ? reasons.join('\n') : null }, reasons.length ? truncate(String(reasons[0]), 140) : ''),
    el('td', { className: 'num' }, fmtDuration(t.duration_ms)),
    el('td', { className: 'num' }, fmtCount(t.model_calls)),
    el('td', { className: 'num' }, fmtCount(t.tool_calls)),
    el('td', { className: 'num' }, fmtUsd(t.cost_usd)));
}

function detailRow(row) {
  return el('tr', { className: 'detail', 'data-key': row.key }, el('td', { colspan: COLUMNS }, taskPanel(row)));
}

function toggleRow(tr) {
  var key = tr.getAttribute('data-key');
  var next = tr.nextElementSibling;
  if (openKeys.has(key)) {
    openKeys.delete(key);
    if (next && next.classList.contains('detail')) next.remove();
    tr.setAttribute('aria-expanded', 'false');
    return;
  }
  var row = matched.find(function (r) { return r.key === key; });
  if (!row) return;
  openKeys.add(key);
  tr.after(detailRow(row));
  tr.setAttribute('aria-expanded', 'true');
}

// A task name from the baseline or failure-mode lists: "id" or "workflow/id".
function showTask(name) {
  var row = rows.find(function (r) { return r.task.id === name; }) ||
    rows.find(function (r) { return r.task.workflow + '/' + r.task.id === name; });
  if (!row) return;
  resetFilters();
  state.query = row.search;
  byId('filter-search').value = row.task.id;
  openKeys.add(row.key);
  applyFilters();
  var tr = Array.from(document.querySelectorAll('#task-rows tr.task')).find(function (r) { return r.getAttribute('data-key') === row.key; });
  if (tr) {
    tr.scrollIntoView({ block: 'start' });
    tr.focus();
  }
}
`;

// src/html/client/traces.ts
var TRACES_SCRIPT = String.raw`
var CACHED_CHUNKS = 20;
var chunkCache = new Map();

function loadChunk(n) {
  if (chunkCache.has(n)) return chunkCache.get(n);
  var node = byId('eg-trace-chunk-' + n);
  var lines = node ? JSON.parse(node.textContent) : [];
  chunkCache.set(n, lines);
  if (chunkCache.size > CACHED_CHUNKS) chunkCache.delete(chunkCache.keys().next().value);
  return lines;
}

function tracesOf(key) {
  var found = [];
  (traceChunks.get(key) || []).forEach(function (n) {
    loadChunk(n).forEach(function (trace) {
      if (taskKey(trace.workflow || '', trace.task_id) === key) found.push(trace);
    });
  });
  found.sort(function (a, b) { return (a.attempt || 1) - (b.attempt || 1); });
  return found;
}

function taskPanel(row) {
  var t = row.task;
  var traces = tracesOf(row.key);
  var facts = [t.workflow, t.tier, t.risk + ' risk', fmtDuration(t.duration_ms), fmtUsd(t.cost_usd)];
  if (t.attempts && t.attempts.total > 1) facts.push(t.attempts.passed + '/' + t.attempts.total + ' attempts passed');
  return el('div', { className: 'panel', 'data-key': row.key },
    el('div', { className: 'panel-head' },
      el('strong', null, t.id), ' ', statusBadge(t), ' ',
      el('span', { className: 'muted' }, facts.join(' · ')),
      (t.tags || []).map(function (tag) { return badge(tag, 'tag'); })),
    // One attempt: its outcome below lists the same reasons.
    traces.length === 1 ? null : reasonList(t.reasons),
    traces.length === 0
      ? el('p', { className: 'muted no-trace' }, noTraceText(t))
      : traces.length === 1
        ? attemptView(traces[0])
        : attemptList(traces));
}

function noTraceText(t) {
  if (t.status === 'not_run') return 'This task was not run: there is no trace.';
  if (!traceStats.included) return 'No traces were included in this report.';
  if (traceStats.omitted) return 'This task\'s trace is not in this page (it holds the traces of failures first, up to a size); it is in traces.jsonl.';
  return 'No trace was recorded for this task.';
}

function reasonList(reasons) {
  if (!reasons || reasons.length === 0) return null;
  return el('ul', { className: 'reasons' }, reasons.map(function (r) { return el('li', null, String(r)); }));
}

function attemptList(traces) {
  var anyFailed = traces.some(function (tr) { return tr.status !== 'pass'; });
  // The PR form of a changed golden task runs beside its counted base form; a drill attempt counts apart.
  var counted = traces.filter(function (tr) { return !tr.form; }).length;
  return traces.map(function (trace, i) {
    var open = anyFailed ? trace.status !== 'pass' : i === 0;
    var label = trace.form === 'pr'
      ? 'PR form (not counted): ' + trace.status
      : trace.form === 'drill'
      ? 'Kill-switch drill (not counted): ' + trace.status
      : 'Attempt ' + (trace.attempt || i + 1) + ' of ' + (trace.of || counted) + ': ' + trace.status;
    return el('details', { className: 'attempt', open: open, 'data-attempt': trace.attempt || i + 1 },
      el('summary', null, label),
      attemptView(trace));
  });
}

function attemptView(trace) {
  var outcome = trace.outcome || {};
  var guardrails = trace.guardrails || {};
  return el('div', { className: 'attempt-body' },
    el('p', null, 'Outcome: ', badge(String(trace.status), 'status-' + trace.status), ' in ', fmtDuration(trace.duration_ms),
      outcome.causes && outcome.causes.length ? [' · causes: ', outcome.causes.join(', ')] : null),
    outcome.infra_error ? el('p', { className: 'error-text' }, 'Infrastructure error: ' + outcome.infra_error) : null,
    outcome.agent_error ? el('p', { className: 'error-text' }, 'Agent error: ' + outcome.agent_error) : null,
    reasonList(outcome.reasons),
    el('h4', null, 'Expectations'),
    expectationTable(outcome.expectations || []),
    el('h4', null, 'Guardrails'),
    guardrailTable(guardrails.checks || [], guardrails.violations || []),
    el('h4', null, 'Input'),
    jsonBlock(trace.input),
    trace.plan !== undefined && trace.plan !== null ? [el('h4', null, 'Plan'), planView(trace.plan)] : null,
    callsSection(trace),
    el('h4', null, 'Answer'),
    answerView(outcome.answer),
    trace.stderr ? outputBlock('stderr', trace.stderr, trace.status !== 'pass') : null,
    trace.raw_output ? outputBlock('Raw output', trace.raw_output, trace.status !== 'pass') : null);
}

function planView(plan) {
  var steps = Array.isArray(plan) && plan.every(function (step) { return typeof step === 'string'; });
  return steps ? el('ol', { className: 'plan' }, plan.map(function (step) { return el('li', null, step); })) : jsonBlock(plan);
}

function expectationTable(expectations) {
  if (expectations.length === 0) return el('p', { className: 'muted' }, 'nothing was graded');
  return el('table', { className: 'grid-table expectations' },
    el('thead', null, el('tr', null, el('th', null, ''), el('th', null, 'Expectation'), el('th', null, 'Reason'))),
    el('tbody', null, expectations.map(function (x) {
      return el('tr', { className: x.ok ? 'ok' : 'not-ok', 'data-ok': x.ok ? 'true' : 'false' },
        el('td', null, x.ok ? '✓ pass' : '✗ fail'),
        el('td', null, String(x.expectation)),
        el('td', null, x.reason ? String(x.reason) : ''));
    })));
}

function guardrailTable(checks, violations) {
  return [
    checks.length === 0
      ? el('p', { className: 'muted' }, 'no guardrail checks')
      : el('table', { className: 'grid-table guardrails' },
          el('thead', null, el('tr', null, el('th', null, ''), el('th', null, 'Check'), el('th', null, 'Detail'))),
          el('tbody', null, checks.map(function (c) {
            return el('tr', { className: c.ok ? 'ok' : 'not-ok', 'data-ok': c.ok ? 'true' : 'false' },
              el('td', null, c.ok ? '✓ ok' : '✗ violated'),
              el('td', null, String(c.check)),
              el('td', null, c.detail ? String(c.detail) : ''));
          }))),
    violations.length > 0
      ? el('ul', { className: 'violations' }, violations.map(function (v) { return el('li', null, 'Violation: ' + String(v)); }))
      : null
  ];
}

function answerView(answer) {
  if (!answer) return el('p', { className: 'muted' }, 'no answer');
  var rows = [];
  if (answer.label !== undefined) rows.push(['Label', String(answer.label)]);
  if (answer.escalated !== undefined) rows.push(['Escalated', answer.escalated ? 'yes' : 'no']);
  if (answer.confidence !== undefined) rows.push(['Confidence', String(answer.confidence)]);
  if (answer.fallback !== undefined) rows.push(['Fallback', String(answer.fallback)]);
  if (answer.message !== undefined) rows.push(['Message', el('div', { className: 'message' }, String(answer.message))]);
  if (answer.result !== undefined) rows.push(['Result', jsonBlock(answer.result)]);
  if (answer.actions !== undefined) rows.push(['Claimed actions', jsonBlock(answer.actions)]);
  return el('dl', { className: 'definitions answer' }, rows.map(function (r) { return [el('dt', null, r[0]), el('dd', null, r[1])]; }));
}

function outputBlock(title, text, open) {
  return el('details', { className: 'output', open: open }, el('summary', null, title), el('pre', null, String(text)));
}
`;

// src/html/client/index.ts
var PAGE_SCRIPT = [
  "(function () {",
  "'use strict';",
  DOM_SCRIPT,
  ROWS_SCRIPT,
  TABLE_SCRIPT,
  FILTERS_SCRIPT,
  TRACES_SCRIPT,
  CALLS_SCRIPT,
  "var meta = readJson('eg-meta') || {};",
  "var tasks = decodeTasks(readJson('eg-tasks') || [], readJson('eg-task-strings') || []);",
  "var traceStats = readJson('eg-trace-index') || { included: false, chunks: {} };",
  "var traceChunks = new Map(Object.entries(traceStats.chunks || {}));",
  "startTable();",
  "})();"
].join("\n");

// src/html/sections/task-links.ts
var SHOWN = 30;
function taskLinks(names) {
  const link = (name) => h("button", { type: "button", class: "task-link", "data-task": name }, name);
  const shown = names.slice(0, SHOWN).map(link);
  const rest = names.slice(SHOWN);
  return h(
    "div",
    { class: "task-links" },
    ...shown,
    rest.length > 0 && h("details", null, h("summary", null, `${rest.length} more`), ...rest.map(link))
  );
}

// src/html/sections/baseline.ts
function baselineSection(report) {
  const { baseline } = report;
  if (!baseline) return null;
  const withWorkflow = severalWorkflows(report);
  const flaky = baseline.flaky ?? [];
  const highRisk = baseline.high_risk_regressions ?? [];
  const rows = report.tiers.map((t) => {
    const before = t.baseline_rate;
    const change = before == null ? null : t.success_rate - before;
    const paired = t.paired;
    const tooLarge = paired !== void 0 && t.max_drop != null && paired.significant && paired.drop > t.max_drop + 1e-9;
    return h(
      "tr",
      { class: change === null ? null : change < 0 ? "worse" : change > 0 ? "better" : null },
      withWorkflow && h("td", null, t.workflow),
      h("td", null, t.tier),
      h("td", { class: "num" }, before == null ? "\u2014" : percent(before)),
      h("td", { class: "num" }, percent(t.success_rate)),
      h("td", { class: "num" }, change === null ? "\u2014" : signedPoints(change)),
      h("td", { class: "num" }, t.max_drop == null ? "\u2014" : points(t.max_drop)),
      h(
        "td",
        null,
        paired ? `${paired.common} tasks: ${paired.regressed} regressed, ${paired.fixed} fixed, p = ${Number(paired.p_value.toPrecision(2))}` : "\u2014"
      ),
      h("td", null, change === null ? "not in the baseline" : tooLarge ? "dropped too far (significant)" : "ok")
    );
  });
  return h(
    "section",
    { id: "baseline" },
    h("h2", null, "Against the baseline"),
    h("p", null, "Baseline report: ", h("code", null, baseline.file)),
    h(
      "table",
      { class: "grid-table", id: "baseline-table" },
      h(
        "thead",
        null,
        h(
          "tr",
          null,
          withWorkflow && h("th", null, "Workflow"),
          h("th", null, "Tier"),
          h("th", { class: "num" }, "Baseline"),
          h("th", { class: "num" }, "Now"),
          h("th", { class: "num" }, "Change (points)"),
          h("th", { class: "num" }, "Max drop"),
          h("th", null, "Paired (McNemar)"),
          h("th", null, "Drop rule")
        )
      ),
      h("tbody", null, ...rows)
    ),
    h(
      "h3",
      null,
      `Regressions (${baseline.regressions.length})`,
      h("small", null, " passed in the baseline, fail now")
    ),
    baseline.regressions.length > 0 ? taskLinks(baseline.regressions) : h("p", { class: "muted" }, "none"),
    h("h3", null, `Fixed (${baseline.fixed.length})`, h("small", null, " failed in the baseline, pass now")),
    baseline.fixed.length > 0 ? taskLinks(baseline.fixed) : h("p", { class: "muted" }, "none"),
    h("h3", null, `Flaky (${flaky.length})`, h("small", null, " mixed outcomes on either side")),
    flaky.length > 0 ? taskLinks(flaky) : h("p", { class: "muted" }, "none"),
    highRisk.length > 0 && [
      h(
        "h3",
        null,
        `High-risk regressions (${highRisk.length})`,
        h("small", null, " each fails the gate (baseline.block_high_risk_regressions)")
      ),
      taskLinks(highRisk)
    ]
  );
}

// src/html/sections/grid-table.ts
function gridTable(header, rows) {
  return h(
    "table",
    { class: "grid-table" },
    h("thead", null, h("tr", null, ...header.map((name) => h("th", null, name)))),
    h("tbody", null, ...rows.map((cells) => h("tr", null, ...cells.map((cell) => h("td", null, cell)))))
  );
}

// src/html/sections/drill.ts
function drillSection(report) {
  const { drill } = report;
  if (!drill) return null;
  const failures = drill.failures.length === 0 ? null : gridTable(
    ["Task", "Status", "Reason"],
    drill.failures.map((f) => [drillTaskName(report, f), f.status, f.reason])
  );
  return h(
    "section",
    { id: "drill" },
    h("h2", null, "Kill-switch drill"),
    h("p", null, `${drillLine(drill)}.`),
    h(
      "p",
      { class: "note" },
      "Each drill task ran once with the kill switch on: it must make no write call and no proposal, and answer escalated: true or fallback: human. Drill tasks count apart from the tiers."
    ),
    failures
  );
}

// src/html/sections/tool-faults.ts
var HEADINGS = ["Task", "Tier", "Faults", "Answered", "Status"];
function toolFaultsSection(report) {
  const faulted = faultedTasks(report);
  if (faulted.length === 0) return null;
  return h(
    "section",
    { id: "tool-faults" },
    h("h2", null, "Tool faults"),
    h("p", null, `${toolFaultsLine(faulted)}.`),
    h(
      "p",
      { class: "note" },
      "A fixture answered these tasks' tool calls with an HTTP error or no answer at all. Answered: whether the agent escalated or named a fallback."
    ),
    gridTable(
      HEADINGS,
      faulted.map((t) => [t.task, t.tier, t.faults.join("; "), t.answered, t.status])
    )
  );
}

// src/html/sections/readiness.ts
var BADGE = {
  met: "badge status-pass",
  partial: "badge hot",
  missing: "badge bad"
};
function readinessSection(report) {
  const { readiness } = report;
  if (!readiness) return null;
  const list2 = (items) => items.length === 0 ? "\u2014" : h("ul", null, ...items.map((i) => h("li", null, i)));
  return h(
    "section",
    { id: "readiness" },
    h("h2", null, "Readiness"),
    h("p", null, `The Agent Production Readiness Kit's ten sections: ${readinessCounts(readiness)}.`),
    h(
      "table",
      { class: "grid-table readiness" },
      h(
        "thead",
        null,
        h(
          "tr",
          null,
          h("th", null, "Section"),
          h("th", null, "Status"),
          h("th", null, "Evidence"),
          h("th", null, "Still missing")
        )
      ),
      h(
        "tbody",
        null,
        ...readiness.sections.map(
          (s) => h(
            "tr",
            { "data-section": s.id },
            h("td", null, sectionName(s)),
            h("td", null, h("span", { class: BADGE[s.status] }, s.status)),
            h("td", null, list2(s.evidence)),
            h("td", null, list2(s.missing))
          )
        )
      )
    ),
    h(
      "p",
      { class: "note" },
      "Scored from the manifests, golden tasks and thresholds.yml this run was judged by, and the run itself: evalgate readiness shows the same from the files alone."
    )
  );
}

// src/html/sections/flaky.ts
function flakySection(report) {
  if (report.flaky_tasks.length === 0) return null;
  return h(
    "section",
    { id: "flaky" },
    h("h2", null, `Flaky tasks (${report.flaky_tasks.length})`),
    h("p", { class: "note" }, "Mixed outcomes across attempts; each counts at its pass rate in its tier."),
    taskLinks(report.flaky_tasks)
  );
}

// src/html/sections/failure-modes.ts
function failureModesSection(report) {
  const modes = readFailureModes(report);
  if (!modes) return null;
  const sorted = [...modes].sort((a, b) => b.count - a.count || a.cause.localeCompare(b.cause));
  return h(
    "section",
    { id: "failure-modes" },
    h("h2", null, "Failure modes"),
    h("p", { class: "note" }, "Tasks that did not pass, by cause; a task with several causes counts under each."),
    sorted.length === 0 ? h("p", { class: "muted" }, "no failures") : h(
      "table",
      { class: "grid-table" },
      h(
        "thead",
        null,
        h("tr", null, h("th", null, "Cause"), h("th", { class: "num" }, "Tasks"), h("th", null, ""))
      ),
      h(
        "tbody",
        null,
        ...sorted.map(
          (mode) => h(
            "tr",
            { "data-cause": mode.cause },
            h("td", null, h("strong", null, mode.label), " ", h("code", { class: "muted" }, mode.cause)),
            h("td", { class: "num" }, String(mode.count)),
            h("td", null, taskLinks(mode.tasks))
          )
        )
      )
    )
  );
}
function readFailureModes(report) {
  const modes = report.failure_modes;
  if (!Array.isArray(modes)) return null;
  return modes.filter((m) => typeof m === "object" && m !== null).map((m) => ({
    cause: String(m.cause ?? "unknown"),
    label: typeof m.label === "string" ? m.label : String(m.cause ?? "unknown").replace(/_/g, " "),
    count: typeof m.count === "number" ? m.count : Array.isArray(m.tasks) ? m.tasks.length : 0,
    tasks: Array.isArray(m.tasks) ? m.tasks.map(String) : []
  }));
}

// src/html/sections/gate-changes.ts
function gateChangesSection(changes) {
  if (!changes) return null;
  const base = h("code", null, changes.base.sha.slice(0, 7));
  if (!hasChanges(changes))
    return h(
      "section",
      { id: "gate-changes" },
      h("p", { class: "muted" }, "Gate rules and golden tasks as on base ", base)
    );
  const { tasks, workflows } = changes;
  const name = (t) => `${t.workflow}/${t.id}`;
  return h(
    "section",
    { id: "gate-changes" },
    h("h2", null, "Changes to the gate in this PR"),
    h("p", null, "Judged as on base ", base, ` (read through ${changes.base.via}).`),
    changes.first_run && h("p", null, "The base has no thresholds file: this PR adds the gate, so its own rules apply."),
    list(
      "Thresholds (base \u2192 PR; the stricter applies)",
      changes.thresholds.map((t) => [
        h("code", null, t.rule),
        `: ${show(t.base)} \u2192 ${show(t.pr)} \u2014 `,
        t.effective !== void 0 ? `${show(t.effective)} applies` : `the ${t.applied === "pr" ? "PR's" : "base's"} applies`
      ])
    ),
    list("Golden tasks removed (still run in their base form and count)", tasks.removed.map(name)),
    list("Golden tasks added (run and count)", tasks.added.map(name)),
    list(
      "Golden tasks changed (count in their base form; the PR form runs beside)",
      tasks.changed.map((t) => [
        h("strong", null, name(t)),
        ` (${t.fields.join(", ")}) \u2014 PR form: ${t.pr_form ? t.pr_form.status : "not run in this report"}`,
        t.pr_form && t.pr_form.reasons.length > 0 && h("span", { class: "muted" }, ` (${t.pr_form.reasons.join("; ")})`),
        t.diff.length > 0 && h("pre", { class: "diff" }, t.diff.join("\n"))
      ])
    ),
    list("Workflows", [
      ...workflows.renamed.map((r) => `${r.from} renamed to ${r.to}: the rules and golden tasks of ${r.from} apply`),
      ...workflows.removed.map((w) => `${w} removed: its golden tasks cannot run, so the gate fails`),
      ...workflows.added.map((w) => `${w} added`)
    ]),
    list(
      "Permission matrix (the stricter entry applies)",
      changes.permissions.map((p) => `${p.workflow} ${p.tool}: ${p.change}`)
    ),
    list(
      "Endpoints that receive a secret (the base's apply)",
      changes.endpoints.map((e) => `${e.workflow} ${e.field}: ${e.note}`)
    ),
    list("Notes", changes.notes)
  );
}
function list(title, items) {
  if (items.length === 0) return null;
  return h("div", null, h("h3", null, title), h("ul", null, ...items.map((item) => h("li", null, item))));
}
function show(value) {
  return value === null ? "none" : String(value);
}

// src/html/sections/summary.ts
function decisionSection(report) {
  const meta = [["Date", report.created_at]];
  if (report.commit) meta.push(["Commit", report.commit]);
  const a = report.attempts;
  const extra = a.extra > 0 ? `, ${formatCount(a.extra)} extra (${formatUsd(a.extra_cost_usd)})` : "";
  meta.push([
    "Attempts",
    `${formatCount(a.total)} in ${a.rounds} round${a.rounds === 1 ? "" : "s"}, ${a.mode === "fixed" ? `fixed (--repeat ${report.repeat ?? 1})` : "adaptive"}${extra}${a.stopped_by ? ` \u2014 ${a.stopped_by}` : ""}`
  ]);
  if (report.shard) {
    const { index, count, set_size: setSize } = report.shard;
    meta.push(["Shard", `${index + 1} of ${count} (${setSize} tasks in the set); merge all shards to decide the gate`]);
  }
  return h(
    "section",
    { id: "decision", class: `decision decision-${report.decision}` },
    h("p", { class: "verdict" }, "Gate: ", h("strong", { id: "decision-value" }, report.decision.toUpperCase())),
    h("ul", { class: "reasons" }, ...report.reasons.map((reason) => h("li", null, reason))),
    h("dl", { class: "meta" }, ...meta.map(([term, value]) => [h("dt", null, term), h("dd", null, value)]))
  );
}
function marginCards(report) {
  const entries = report.economics ?? [];
  return entries.map((e) => [
    entries.length > 1 || report.workflows.length > 1 ? `Gross margin \xB7 ${e.workflow}` : "Gross margin",
    `${e.gross_margin === null ? "none" : percent(e.gross_margin)} (${e.min_gross_margin !== null ? `min ${thresholdPercent(e.min_gross_margin)}, ` : ""}value ${formatUsd(e.value_per_success_usd)})`,
    e.ok ? void 0 : "fail"
  ]);
}
function totalsSection(report) {
  const t = report.totals;
  const unpriced = t.cost_unknown_models?.length ? ` (no price for ${t.cost_unknown_models.join(", ")})` : "";
  const cards = [
    ["Tasks", formatCount(t.tasks)],
    ["Passed", formatCount(t.passed), "pass"],
    ["Failed", formatCount(t.failed), t.failed > 0 ? "fail" : void 0],
    ["Errored", formatCount(t.errored), t.errored > 0 ? "error" : void 0],
    ["Not run", formatCount(t.not_run), t.not_run > 0 ? "error" : void 0],
    ["Error rate", `${percent(t.error_rate)} (max ${thresholdPercent(report.gate.max_error_rate)})`],
    ["Duration", formatDuration(t.duration_ms)],
    ["Model calls", formatCount(t.model_calls)],
    ["Tool calls", formatCount(t.tool_calls)],
    ["Tokens", `${formatCount(t.tokens.input)} in / ${formatCount(t.tokens.output)} out`],
    ["Cost", formatUsd(t.cost_usd) + unpriced],
    ["Cost per successful task", formatUsd(t.cost_per_success_usd)],
    ...t.cost_per_passed_attempt_usd !== void 0 ? [["Cost per passed attempt", formatUsd(t.cost_per_passed_attempt_usd)]] : [],
    ...marginCards(report)
  ];
  return h(
    "section",
    { id: "totals" },
    h("h2", null, "Totals"),
    h(
      "dl",
      { class: "cards" },
      ...cards.map(
        ([label, value, tone]) => h("div", { class: tone ? `card tone-${tone}` : "card" }, h("dt", null, label), h("dd", null, value))
      )
    ),
    h("p", { class: "note" }, "Duration is the sum of task run times.")
  );
}

// src/html/sections/tier-chart.ts
var PLOT_HEIGHT = 200;
var TOP = 24;
var LEFT = 44;
var SLOT = 76;
var BAR = 40;
var CAP = 8;
var GRID = [0, 0.25, 0.5, 0.75, 1];
var round = (n) => Math.round(n * 100) / 100;
var yOf = (rate) => round(TOP + (1 - clamp(rate)) * PLOT_HEIGHT);
var clamp = (rate) => Math.min(1, Math.max(0, rate));
function tierChart(report) {
  const withWorkflow = severalWorkflows(report);
  const labelsHeight = withWorkflow ? 40 : 24;
  const width = LEFT + Math.max(1, report.tiers.length) * SLOT + 12;
  const height = TOP + PLOT_HEIGHT + labelsHeight;
  return h(
    "figure",
    { class: "chart" },
    h(
      "svg",
      {
        id: "tier-chart",
        viewBox: `0 0 ${width} ${height}`,
        width,
        height,
        role: "img",
        "aria-labelledby": "tier-chart-title",
        "data-plot-height": PLOT_HEIGHT,
        "data-plot-top": TOP
      },
      h("title", { id: "tier-chart-title" }, "Success rate per tier against its threshold"),
      GRID.map((rate) => [
        h("line", { class: "grid", x1: LEFT, x2: width - 8, y1: yOf(rate), y2: yOf(rate) }),
        h("text", { class: "axis", x: LEFT - 6, y: yOf(rate) + 4, "text-anchor": "end" }, `${rate * 100}%`)
      ]),
      report.tiers.map((tier, i) => tierBar(tier, LEFT + i * SLOT + SLOT / 2, withWorkflow))
    ),
    h(
      "figcaption",
      { class: "legend" },
      h("span", { class: "key key-ok" }, "passes its threshold"),
      h("span", { class: "key key-fail" }, "fails the gate"),
      h("span", { class: "key key-ungated" }, "not gated"),
      h("span", { class: "key key-threshold" }, "threshold"),
      h("span", { class: "key key-ci" }, "95% interval")
    )
  );
}
function tierBar(tier, center, withWorkflow) {
  const verdict = verdictCell(tier);
  const tone = verdict === "not gated" ? "ungated" : verdict;
  const top = yOf(tier.success_rate);
  const bottom = yOf(0);
  const ciTop = yOf(tier.ci_high);
  const ciBottom = yOf(tier.ci_low);
  const label = withWorkflow ? `${tier.workflow} ${tier.tier}` : tier.tier;
  const threshold = tier.threshold === null ? "no threshold" : `threshold ${thresholdPercent(tier.threshold)}`;
  const summary = `${label}: ${percent(tier.success_rate)} (${tier.passed}/${tier.total}), 95% interval ${percent(tier.ci_low)}\u2013${percent(tier.ci_high)}, ${threshold}, ${verdict}`;
  return h(
    "g",
    {
      class: `tier-bar bar-${tone}`,
      "data-workflow": tier.workflow,
      "data-tier": tier.tier,
      "data-rate": tier.success_rate,
      "data-threshold": tier.threshold
    },
    h("title", null, summary),
    h("rect", { class: "bar", x: round(center - BAR / 2), y: top, width: BAR, height: round(bottom - top) }),
    tier.total > 0 && [
      h("line", { class: "ci", x1: center, x2: center, y1: ciTop, y2: ciBottom }),
      h("line", { class: "ci", x1: center - CAP / 2, x2: center + CAP / 2, y1: ciTop, y2: ciTop }),
      h("line", { class: "ci", x1: center - CAP / 2, x2: center + CAP / 2, y1: ciBottom, y2: ciBottom })
    ],
    tier.threshold !== null && h("line", {
      class: "threshold",
      x1: round(center - SLOT / 2 + 6),
      x2: round(center + SLOT / 2 - 6),
      y1: yOf(tier.threshold),
      y2: yOf(tier.threshold)
    }),
    h(
      "text",
      { class: "value", x: center, y: round(Math.min(top, ciTop) - 6), "text-anchor": "middle" },
      tier.total > 0 ? percent(tier.success_rate) : "no tasks"
    ),
    h("text", { class: "label", x: center, y: bottom + 16, "text-anchor": "middle" }, tier.tier),
    withWorkflow && h("text", { class: "label workflow", x: center, y: bottom + 32, "text-anchor": "middle" }, shorten(tier.workflow))
  );
}
function shorten(name) {
  return preview(name, 12, { markInside: true });
}

// src/html/sections/tier-table.ts
function tiersSection(report) {
  return h(
    "section",
    { id: "tiers" },
    h("h2", null, "Tiers"),
    tierChart(report),
    tierTable(report, tierColumns(report))
  );
}
function tierTable(report, columns) {
  return h(
    "table",
    { id: "tier-table", class: "grid-table" },
    h("thead", null, h("tr", null, ...columns.map((c) => h("th", { class: c.numeric ? "num" : null }, c.header)))),
    h(
      "tbody",
      null,
      ...report.tiers.map(
        (tier) => h(
          "tr",
          { class: `verdict-${verdictCell(tier).replace(" ", "-")}` },
          ...columns.map((c) => h("td", { class: c.numeric ? "num" : null }, c.cell(tier)))
        )
      )
    )
  );
}
function briefTierColumns(report) {
  return [...workflowColumn(report), TIER, PASSED, RATE, intervalColumn(report), THRESHOLD, PER_SUCCESS, VERDICT];
}
var TIER = { header: "Tier", cell: (t) => t.tier };
var PASSED = { header: "Passed", cell: (t) => `${t.passed}/${t.total}`, numeric: true };
var RATE = { header: "Success rate", cell: (t) => percent(t.success_rate), numeric: true };
var THRESHOLD = { header: "Threshold", cell: thresholdCell, numeric: true };
var VERDICT = { header: "Verdict", cell: verdictCell };
var PER_SUCCESS = {
  header: "Per success",
  cell: (t) => formatUsd(t.cost_per_success_usd ?? null),
  numeric: true
};
function workflowColumn(report) {
  return severalWorkflows(report) ? [{ header: "Workflow", cell: (t) => t.workflow }] : [];
}
function intervalColumn(report) {
  return { header: intervalHeader(report), cell: (t) => `${percent(t.ci_low)}\u2013${percent(t.ci_high)}`, numeric: true };
}
function tierColumns(report) {
  const columns = [...workflowColumn(report)];
  columns.push(
    TIER,
    PASSED,
    { header: "Failed", cell: (t) => String(t.failed), numeric: true },
    { header: "Errored", cell: (t) => String(t.errored), numeric: true },
    { header: "Not run", cell: (t) => String(t.not_run), numeric: true },
    { header: "Flaky", cell: (t) => String(t.flaky ?? 0), numeric: true },
    RATE,
    intervalColumn(report),
    { header: "Interval method", cell: (t) => t.ci_method ?? "\u2014" },
    THRESHOLD,
    { header: "Attempts", cell: attemptsText, numeric: true },
    { header: "Decision", cell: decisionText }
  );
  if (report.attempts.total > report.tasks.length) {
    columns.push(
      { header: "Attempts passed", cell: (t) => percent(t.attempt_success_rate), numeric: true },
      { header: "pass^k", cell: passKText, numeric: true }
    );
  }
  if (report.baseline) {
    columns.push(
      { header: "Baseline", cell: (t) => t.baseline_rate == null ? "\u2014" : percent(t.baseline_rate), numeric: true },
      { header: "Change (points)", cell: changeCell, numeric: true },
      { header: "Max drop", cell: (t) => t.max_drop == null ? "\u2014" : points(t.max_drop), numeric: true }
    );
  }
  columns.push({ header: "Cost", cell: (t) => formatUsd(t.cost_usd), numeric: true }, PER_SUCCESS);
  if (report.tiers.some((t) => t.cost_per_passed_attempt_usd !== void 0))
    columns.push({
      header: "Per passed attempt",
      cell: (t) => t.cost_per_passed_attempt_usd === void 0 ? "\u2014" : formatUsd(t.cost_per_passed_attempt_usd),
      numeric: true
    });
  if (report.tiers.some((t) => t.cost_limit))
    columns.push({
      header: "Max per success",
      cell: (t) => t.cost_limit ? usdLimit(t.cost_limit.max_usd) : "\u2014",
      numeric: true
    });
  if (report.tiers.some((t) => t.gross_margin !== void 0))
    columns.push({
      header: "Gross margin",
      cell: (t) => t.gross_margin == null ? "\u2014" : percent(t.gross_margin),
      numeric: true
    });
  columns.push(VERDICT);
  return columns;
}
function attemptsText(t) {
  const a = t.attempts;
  if (!a) return "\u2014";
  return a.min === a.max ? `${a.total} (${a.max} per task)` : `${a.total} (${a.min}\u2013${a.max}, mean ${a.per_task.toFixed(1)})`;
}
function decisionText(t) {
  const d = t.decision;
  if (!d) return decisionCell(t);
  const bounds = `bounds ${percent(d.low)}\u2013${percent(d.high)} vs ${thresholdPercent(t.threshold - d.margin)}\u2013${thresholdPercent(t.threshold + d.margin)}`;
  return d.note ? `${d.note} (by the estimate)` : `${decisionCell(t)}: ${bounds}`;
}
function passKText(t) {
  if (!t.pass_k) return "\u2014";
  const required = t.pass_k.required ? ` (min ${thresholdPercent(t.pass_k.required.min)} at k=${t.pass_k.required.k})` : "";
  return `pass^${t.pass_k.k} ${percent(t.pass_k.rate)}${required}`;
}
function thresholdCell(t) {
  if (t.threshold === null) return "\u2014";
  return `\u2265 ${thresholdPercent(t.threshold)}${t.min_tasks !== null ? `, min ${t.min_tasks} tasks` : ""}`;
}
function changeCell(t) {
  return t.baseline_rate == null ? "\u2014" : signedPoints(t.success_rate - t.baseline_rate);
}

// src/html/sections/manifest-facts.ts
var NOT_RECORDED = "not recorded in this report";
var NOT_DECLARED = "not declared";
function agentText(w) {
  return w.agent ? `${w.agent.type}${w.agent.model ? ` (${w.agent.model})` : ""}` : NOT_RECORDED;
}
function identityText(w) {
  if (!w.identity) return NOT_DECLARED;
  return `${w.identity.model}${w.identity.principal ? ` as ${w.identity.principal}` : ""}`;
}
function governanceFacts(g) {
  return [
    ["Model provider", g.model_provider ?? NOT_DECLARED],
    ["Region", g.region ?? NOT_DECLARED],
    ["Retention", retentionText(g)],
    ["Sent to the model", g.sent_to_model ? listOr(g.sent_to_model, "nothing declared") : NOT_DECLARED],
    ["Redaction rules", g.redact.length > 0 ? listOrNone(g.redact) : "none (nothing is redacted)"],
    ["Subprocessors", g.subprocessors ? subprocessorTable(g.subprocessors) : NOT_DECLARED],
    ["Stored", g.stored ? storedTable(g.stored) : NOT_DECLARED]
  ];
}
var NO_GOVERNANCE = "no data_governance declared in the manifest";
function retentionText(g) {
  if (!g.retention) return g.retention_days === void 0 ? NOT_DECLARED : days(g.retention_days);
  return RETENTION_KINDS.map((kind) => {
    const kept = retentionDays(g, kind);
    return `${kind} ${kept === void 0 ? NOT_DECLARED : days(kept)}`;
  }).join(" \xB7 ");
}
function days(n) {
  return `${n} day${n === 1 ? "" : "s"}`;
}
var NOT_DECLARED_CELL = { text: NOT_DECLARED, muted: true };
function subprocessorTable(subprocessors) {
  if (subprocessors.length === 0) return "none";
  return {
    header: ["Name", "Region", "DPA"],
    // The address as text, not a link: a page references nothing outside itself.
    rows: subprocessors.map((s) => [
      s.name,
      s.region ?? NOT_DECLARED_CELL,
      s.dpa_url ? { text: s.dpa_url, code: true } : NOT_DECLARED_CELL
    ])
  };
}
function storedTable(stored) {
  if (stored.length === 0) return "nothing";
  return {
    header: ["What", "Where", "Kept"],
    rows: stored.map((s) => [
      s.what,
      s.where,
      s.retention_days === void 0 ? NOT_DECLARED_CELL : days(s.retention_days)
    ])
  };
}
function listOrNone(items) {
  return items.length > 0 ? items.join(", ") : "none";
}
function listOr(items, empty) {
  return items.length > 0 ? items : empty;
}
function cellText(cell) {
  return typeof cell === "string" ? cell : cell.text;
}

// src/html/sections/permission-table.ts
function permissionTable(permissions, phase) {
  if (!permissions) return h("p", { class: "muted" }, NOT_RECORDED);
  const tools = Object.entries(permissions);
  if (tools.length === 0) return h("p", { class: "muted" }, "no tools are allowed");
  return h(
    "table",
    { class: "grid-table permissions" },
    h(
      "thead",
      null,
      h(
        "tr",
        null,
        ...["Tool", "Scope", "Risk", "Approval", "Scopes", "Limits", `At phase ${phase}`].map(
          (name) => h("th", null, name)
        )
      )
    ),
    h(
      "tbody",
      null,
      ...tools.map(
        ([tool, p]) => h(
          "tr",
          { "data-tool": tool, class: sensitive(p) ? "sensitive" : null },
          h("td", null, h("code", null, tool)),
          h("td", null, badge(p.scope, p.scope === "write")),
          h("td", null, badge(p.risk, p.risk === "high")),
          h("td", null, badge(p.approval === "required" ? "required" : "none", p.approval === "required")),
          h("td", null, p.scopes?.length ? listOrNone(p.scopes) : h("span", { class: "muted" }, "none declared")),
          h("td", { class: "limits" }, limitsInWords(p) || h("span", { class: "muted" }, "none")),
          h("td", { class: "use" }, toolUseAt(phase, p))
        )
      )
    )
  );
}
function sensitive(p) {
  return p.scope === "write" || p.risk === "high" || p.approval === "required";
}
function badge(text, highlighted) {
  return h("span", { class: highlighted ? "badge hot" : "badge" }, text);
}

// src/html/sections/workflows.ts
function workflowsSection(report) {
  return h(
    "section",
    { id: "workflows" },
    h("h2", null, report.workflows.length === 1 ? "Workflow" : "Workflows"),
    ...report.workflows.map(workflowCard)
  );
}
function workflowCard(w) {
  return h(
    "article",
    { class: "workflow", "data-workflow": w.name },
    h("h3", null, w.name),
    w.description && h("p", null, w.description),
    definitions([
      ["Manifest", w.file],
      ["Tasks", String(w.tasks)],
      ["Agent", agentText(w)],
      ["Rollout phase", phaseText(w)],
      ["Identity", identityText(w)],
      ["Runbook", w.runbook ?? NOT_DECLARED],
      ["Input sources", w.inputs ? listOrNone(w.inputs.sources) : NOT_RECORDED],
      ["Required input fields", w.inputs ? listOrNone(w.inputs.required) : NOT_RECORDED]
    ]),
    h("h4", null, "Permission matrix"),
    permissionTable(w.permissions, w.phase ?? "autonomous"),
    h("h4", null, "Outcomes"),
    w.outcomes ? definitions([
      ["Success", w.outcomes.success ?? "not defined"],
      ["Failure", w.outcomes.failure ?? "not defined"]
    ]) : h("p", { class: "muted" }, NOT_RECORDED),
    h("h4", null, "Out of scope"),
    w.out_of_scope ? bulletList(w.out_of_scope, "nothing declared out of scope") : h("p", { class: "muted" }, NOT_RECORDED),
    h("h4", null, "Data governance"),
    governance(w)
  );
}
function phaseText(w) {
  if (!w.phase) return "not recorded in this report (it predates rollout phases: the matrix as written)";
  const declared = w.declared_phase ? ` (by --phase; its workflow.yml declares ${w.declared_phase})` : "";
  return [h("strong", { class: "phase" }, w.phase), `${declared} \u2014 ${PHASE_RULES[w.phase].allows}`];
}
function governance(w) {
  const g = w.data_governance;
  if (!g) return h("p", { class: "muted" }, NO_GOVERNANCE);
  return definitions(governanceFacts(g).map(([term, value]) => [term, factValue(value)]));
}
function factValue(value) {
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return bulletList(value, "");
  return gridTable(
    value.header,
    value.rows.map((cells) => cells.map(cellHtml))
  );
}
function cellHtml(cell) {
  if (typeof cell === "string") return cell;
  if (cell.code) return h("code", null, cell.text);
  return cell.muted ? h("span", { class: "muted" }, cell.text) : cell.text;
}
function definitions(rows) {
  return h("dl", { class: "definitions" }, ...rows.map(([term, value]) => [h("dt", null, term), h("dd", null, value)]));
}
function bulletList(items, empty) {
  if (items.length === 0) return h("p", { class: "muted" }, empty);
  return h("ul", null, ...items.map((item) => h("li", null, item)));
}

// src/html/page.ts
var TASK_COLUMNS = [
  "Task",
  "Workflow",
  "Tier",
  "Risk",
  "Status",
  "Reason",
  "Duration",
  "Model calls",
  "Tool calls",
  "Cost"
];
var NUMERIC_COLUMNS = /* @__PURE__ */ new Set(["Duration", "Model calls", "Tool calls", "Cost"]);
var STYLE = pageStyle();
var CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  `style-src ${sourceHash(STYLE)}`,
  `script-src ${sourceHash(PAGE_SCRIPT)}`,
  "base-uri 'none'",
  "form-action 'none'"
].join("; ");
function pageStart(report) {
  const commit = report.commit ? ` ${report.commit.slice(0, 7)}` : "";
  const title = `evalgate ${report.decision.toUpperCase()}: ${report.workflows.map((w) => w.name).join(", ")}${commit}`;
  const sections = [
    decisionSection(report),
    gateChangesSection(report.gate_changes),
    totalsSection(report),
    tiersSection(report),
    baselineSection(report),
    drillSection(report),
    toolFaultsSection(report),
    readinessSection(report),
    flakySection(report),
    failureModesSection(report),
    workflowsSection(report),
    taskTableShell()
  ];
  const present = sections.filter((s) => s !== null);
  const shell = { doctype: "<!DOCTYPE html>", title, policy: CONTENT_SECURITY_POLICY, style: STYLE };
  return documentStart(shell) + render([h("h1", null, "evalgate report"), navigation(present), ...present]) + MAIN_END;
}
function pageEnd() {
  return documentEnd(PAGE_SCRIPT);
}
var SECTION_TITLES = [
  ["gate-changes", "Gate changes"],
  ["totals", "Totals"],
  ["tiers", "Tiers"],
  ["baseline", "Baseline"],
  ["drill", "Kill-switch drill"],
  ["readiness", "Readiness"],
  ["flaky", "Flaky tasks"],
  ["failure-modes", "Failure modes"],
  ["workflows", "Workflow"],
  ["tasks", "Tasks"]
];
function navigation(sections) {
  const ids = new Set(sections.map((s) => /^<section id="([^"]+)"/.exec(s.value)?.[1]));
  const links = SECTION_TITLES.filter(([id]) => ids.has(id)).map(([id, title]) => h("a", { href: `#${id}` }, title));
  return h("nav", { class: "toc" }, ...links);
}
function taskTableShell() {
  return h(
    "section",
    { id: "tasks" },
    h("h2", null, "Tasks"),
    h("p", { id: "trace-note", class: "note" }),
    h("div", { id: "task-filters", class: "filters" }),
    h("p", { id: "task-count", "aria-live": "polite" }),
    h(
      "table",
      { id: "task-table", class: "grid-table tasks" },
      h(
        "thead",
        null,
        h("tr", null, ...TASK_COLUMNS.map((c) => h("th", { class: NUMERIC_COLUMNS.has(c) ? "num" : null }, c)))
      ),
      h("tbody", { id: "task-rows" })
    ),
    h("p", { id: "task-more" }),
    h("noscript", null, h("p", null, "The task table and the traces need JavaScript."))
  );
}

// src/util/atomic-file.ts
import { rename, rm } from "node:fs/promises";

// src/util/file-sink.ts
import { createWriteStream } from "node:fs";
import { once } from "node:events";
var FileSink = class {
  stream;
  failure;
  constructor(file) {
    this.stream = createWriteStream(file, { encoding: "utf8" });
    this.stream.on("error", (err) => {
      this.failure = err;
    });
  }
  async write(text) {
    if (this.failure) throw this.failure;
    if (!this.stream.write(text)) await once(this.stream, "drain");
  }
  async close() {
    if (this.failure) throw this.failure;
    this.stream.end();
    await once(this.stream, "finish");
  }
  /** Gives up on a page that failed half-way (the caller reports the error). */
  destroy() {
    this.stream.destroy();
  }
};

// src/util/atomic-file.ts
function partialPath(path4) {
  return `${path4}.partial`;
}
async function streamAtomically(path4, write) {
  const partial = partialPath(path4);
  const sink = new FileSink(partial);
  try {
    await write(sink);
    await sink.close();
    await rename(partial, path4);
  } catch (err) {
    sink.destroy();
    await rm(partial, { force: true });
    throw err;
  }
}
function writeAtomically(path4, text) {
  return streamAtomically(path4, (sink) => sink.write(text));
}

// src/html/trace-chunks.ts
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { createInterface } from "node:readline";
var TRACES_PER_CHUNK = 50;
var MAX_CHUNK_CHARS = 1e6;
var MAX_EMBEDDED_TRACE_CHARS = 24e6;
function traceKey(workflow, taskId) {
  return `${workflow}/${taskId}`;
}
function chunkElementId(chunk) {
  return `eg-trace-chunk-${chunk}`;
}
async function writeTraceChunks(tracesPath, write, maxChars = MAX_EMBEDDED_TRACE_CHARS) {
  const embedded = (await stat(tracesPath)).size > maxChars ? await linesThatFit(tracesPath, maxChars) : void 0;
  const index = { chunks: /* @__PURE__ */ Object.create(null), lines: 0, unreadable: 0 };
  let lineNo = -1;
  let chunk = [];
  let chunkChars = 0;
  let chunkNo = 0;
  const flush = async () => {
    if (chunk.length === 0) return;
    await write(`<script type="application/json" id="${chunkElementId(chunkNo)}">[${chunk.join(",")}]</script>
`);
    chunk = [];
    chunkChars = 0;
    chunkNo++;
  };
  for await (const rawLine of readLines(tracesPath)) {
    const line = scrubSecrets(rawLine.trim());
    if (line === "") continue;
    const key = keyOf(line);
    if (key === void 0) {
      index.unreadable++;
      continue;
    }
    lineNo++;
    if (embedded && !embedded[lineNo]) {
      index.omitted = (index.omitted ?? 0) + 1;
      continue;
    }
    const blocks = index.chunks[key] ??= [];
    if (blocks[blocks.length - 1] !== chunkNo) blocks.push(chunkNo);
    const safe = jsonForScript(line);
    chunk.push(safe);
    chunkChars += safe.length;
    index.lines++;
    if (chunk.length >= TRACES_PER_CHUNK || chunkChars >= MAX_CHUNK_CHARS) await flush();
  }
  await flush();
  return index;
}
function readLines(path4) {
  return createInterface({ input: createReadStream(path4, { encoding: "utf8" }), crlfDelay: Infinity });
}
async function linesThatFit(tracesPath, maxChars) {
  const sizes = [];
  const failing = [];
  for await (const rawLine of readLines(tracesPath)) {
    const line = scrubSecrets(rawLine.trim());
    const trace = line === "" ? void 0 : traceOf(line);
    if (trace === void 0) continue;
    sizes.push(jsonForScript(line).length + 1);
    failing.push(trace.status !== "pass");
  }
  const fits = new Uint8Array(sizes.length);
  let left = maxChars;
  for (const wanted of [true, false])
    for (let i = 0; i < sizes.length; i++)
      if (failing[i] === wanted && sizes[i] <= left) {
        fits[i] = 1;
        left -= sizes[i];
      }
  return fits;
}
function traceOf(line) {
  let trace;
  try {
    trace = JSON.parse(line);
  } catch {
    return void 0;
  }
  if (typeof trace !== "object" || trace === null || Array.isArray(trace)) return void 0;
  return typeof trace.task_id === "string" ? trace : void 0;
}
function keyOf(line) {
  const trace = traceOf(line);
  if (trace === void 0) return void 0;
  return traceKey(typeof trace.workflow === "string" ? trace.workflow : "", trace.task_id);
}

// src/html/task-rows.ts
var StringTable = class {
  numbers = /* @__PURE__ */ new Map();
  strings = [];
  of(text) {
    let n = this.numbers.get(text);
    if (n === void 0) {
      n = this.strings.length;
      this.numbers.set(text, n);
      this.strings.push(text);
    }
    return n;
  }
};
function taskRow(task, table) {
  const { total, passed } = task.attempts;
  const implied = total === 1 && passed === (task.status === "pass" ? 1 : 0);
  return {
    id: task.id,
    w: table.of(task.workflow),
    t: table.of(task.tier),
    k: table.of(task.risk),
    s: table.of(task.status),
    ...task.reasons.length > 0 ? { x: task.reasons.map((r) => table.of(r)) } : {},
    ...task.tags && task.tags.length > 0 ? { g: task.tags.map((tag) => table.of(tag)) } : {},
    d: task.duration_ms,
    m: task.model_calls,
    c: task.tool_calls,
    u: task.cost_usd,
    ...implied ? {} : { a: [total, passed] },
    ...task.flaky ? { f: 1 } : {}
  };
}

// src/html/index.ts
var HTML_REPORT_FILE = "report.html";
async function writeHtmlReport(outDir, report, tracesPath) {
  await mkdir(outDir, { recursive: true });
  const htmlPath = join(outDir, HTML_REPORT_FILE);
  const safeReport = scrubValue(report);
  const withTraces = tracesPath !== void 0 && await isFile(tracesPath);
  await streamAtomically(htmlPath, async (sink) => {
    await sink.write(pageStart(safeReport));
    await sink.write(jsonScript("eg-meta", JSON.stringify(pageMeta(safeReport))));
    await writeTaskRows(sink, safeReport.tasks);
    const index = withTraces ? await writeTraceChunks(tracesPath, (text) => sink.write(text)) : null;
    await sink.write(jsonScript("eg-trace-index", JSON.stringify({ included: index !== null, ...index })));
    await sink.write(pageEnd());
  });
  return htmlPath;
}
var ROWS_PER_WRITE = 500;
async function writeTaskRows(sink, tasks) {
  const table = new StringTable();
  await sink.write('<script type="application/json" id="eg-tasks">[');
  for (let start = 0; start < tasks.length; start += ROWS_PER_WRITE) {
    const rows = tasks.slice(start, start + ROWS_PER_WRITE).map((task) => JSON.stringify(taskRow(task, table)));
    await sink.write((start > 0 ? "," : "") + jsonForScript(rows.join(",")));
  }
  await sink.write("]</script>\n");
  await sink.write(jsonScript("eg-task-strings", JSON.stringify(table.strings)));
}
function pageMeta(report) {
  return {
    repeat: report.repeat,
    permissions: Object.fromEntries(report.workflows.map((w) => [w.name, w.permissions ?? null]))
  };
}
async function isFile(path4) {
  try {
    return (await stat2(path4)).isFile();
  } catch (err) {
    if (err.code === "ENOENT") return false;
    throw err;
  }
}

// src/report/outputs.ts
import { rmSync } from "node:fs";
import { rm as rm2 } from "node:fs/promises";
import { join as join2 } from "node:path";

// src/util/json-pieces.ts
var OPEN_DEPTH = 2;
function* prettyJsonPieces(value, indent = "", depth = 0) {
  if (depth >= OPEN_DEPTH || !isContainer(value)) {
    yield indented(JSON.stringify(value, null, 2) ?? "null", indent);
    return;
  }
  const inner = indent + "  ";
  const [open, close] = Array.isArray(value) ? ["[", "]"] : ["{", "}"];
  let first = true;
  for (const [key, item] of entriesOf(value)) {
    yield `${first ? open : ","}
${inner}${key === void 0 ? "" : `${JSON.stringify(key)}: `}`;
    first = false;
    yield* prettyJsonPieces(item, inner, depth + 1);
  }
  yield first ? open + close : `
${indent}${close}`;
}
function isContainer(value) {
  return typeof value === "object" && value !== null && typeof value.toJSON !== "function" && (!Array.isArray(value) || value.length > 0);
}
function* entriesOf(value) {
  if (Array.isArray(value)) {
    for (const item of value) yield [void 0, serializable(item) ? item : null];
    return;
  }
  for (const [key, item] of Object.entries(value)) if (serializable(item)) yield [key, item];
}
function serializable(value) {
  return value !== void 0 && typeof value !== "function" && typeof value !== "symbol";
}
function indented(text, indent) {
  return indent === "" || !text.includes("\n") ? text : text.split("\n").join(`
${indent}`);
}

// src/report/junit.ts
function* junitPieces(report) {
  const suites = report.tiers.map(
    (tier) => testsuite(
      tier,
      report.tasks.filter((t) => t.workflow === tier.workflow && t.tier === tier.tier),
      report.created_at
    )
  );
  const drill = report.drill && drillSuite(report.drill, report.created_at);
  const counts = countCases(report.tasks, report.drill);
  const root = element(
    "testsuites",
    { name: "evalgate", ...counts, time: seconds(sumDurations(report.tasks)) },
    drill ? [...suites, drill] : suites
  );
  yield '<?xml version="1.0" encoding="UTF-8"?>\n';
  yield* serialize(root);
  yield "\n";
}
function testsuite(tier, tasks, createdAt) {
  const properties = element(
    "properties",
    {},
    Object.entries({
      threshold: tier.threshold === null ? "none" : String(tier.threshold),
      gated: String(tier.gated),
      success_rate: String(tier.success_rate),
      ci_low: String(tier.ci_low),
      ci_high: String(tier.ci_high),
      ok: String(tier.ok),
      ...tier.ci_method ? { ci_method: tier.ci_method } : {},
      ...tier.attempts ? { attempts: String(tier.attempts.total), attempts_per_task: String(tier.attempts.per_task) } : {},
      ...tier.flaky !== void 0 ? { flaky: String(tier.flaky) } : {},
      ...tier.decision ? { decision: tier.decision.decided ? tier.decision.outcome : "undecided" } : {}
    }).map(([name, value]) => element("property", { name, value }))
  );
  const attributes = {
    name: `${tier.workflow} ${tier.tier}`,
    ...countCases(tasks),
    time: seconds(sumDurations(tasks)),
    timestamp: junitTimestamp(createdAt)
  };
  return element("testsuite", attributes, cases(properties, tasks));
}
function* cases(properties, tasks) {
  yield properties;
  for (const task of tasks) yield testcase(task);
}
function testcase(task) {
  const attributes = { name: task.id, classname: `${task.workflow}.${task.tier}`, time: seconds(task.duration_ms) };
  return element("testcase", attributes, outcome(task));
}
function outcome(task) {
  const message = task.reasons[0] ?? task.status;
  if (task.status === "not_run") return [element("skipped", { message })];
  if (task.status === "pass") return [];
  const name = task.status === "fail" ? "failure" : "error";
  return [element(name, { message, type: primaryCause(task) }, task.reasons.join("\n"))];
}
function drillSuite(drill, createdAt) {
  const failure = new Map(drill.failures.map((f) => [`${f.workflow}\0${f.task_id}`, f]));
  const cases2 = drill.ran.map((t) => {
    const failed = failure.get(`${t.workflow}\0${t.id}`);
    const name = failed?.status === "fail" ? "failure" : "error";
    const body = failed ? [element(name, { message: failed.reason, type: "kill_switch_drill" }, failed.reason)] : [];
    return element("testcase", { name: t.id, classname: `${t.workflow}.kill_switch_drill`, time: seconds(0) }, body);
  });
  const counts = countCases([], drill);
  return element("testsuite", { name: "kill switch drill", ...counts, timestamp: junitTimestamp(createdAt) }, cases2);
}
function countCases(tasks, drill) {
  const count = (status) => tasks.filter((t) => t.status === status).length;
  const drilled = (status) => (drill?.failures ?? []).filter((f) => f.status === status).length;
  return {
    tests: String(tasks.length + (drill?.tasks ?? 0)),
    failures: String(count("fail") + drilled("fail")),
    errors: String(count("error") + drilled("error")),
    skipped: String(count("not_run"))
  };
}
function sumDurations(tasks) {
  return tasks.reduce((sum, t) => sum + t.duration_ms, 0);
}
function seconds(ms) {
  return (ms / 1e3).toFixed(3);
}
function junitTimestamp(createdAt) {
  const date = new Date(createdAt);
  return Number.isNaN(date.getTime()) ? "" : date.toISOString().slice(0, 19);
}
function element(name, attributes, content = []) {
  return { name, attributes, content };
}
function* serialize(node, indent = "") {
  const attrs = Object.entries(node.attributes).filter(([, value]) => value !== "").map(([key, value]) => ` ${key}="${escapeAttribute(value)}"`).join("");
  const open = `${indent}<${node.name}${attrs}`;
  if (typeof node.content === "string") {
    yield `${open}>${escapeText(node.content)}</${node.name}>`;
    return;
  }
  let empty = true;
  for (const child of node.content) {
    yield empty ? `${open}>
` : "\n";
    empty = false;
    yield* serialize(child, `${indent}  `);
  }
  yield empty ? `${open}/>` : `
${indent}</${node.name}>`;
}
var FORBIDDEN_IN_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
function escapeText(text) {
  return text.replace(FORBIDDEN_IN_XML, "").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/\r/g, "&#13;");
}
function escapeAttribute(text) {
  return escapeText(text).replace(/"/g, "&quot;").replace(/'/g, "&apos;").replace(/\t/g, "&#9;").replace(/\n/g, "&#10;");
}

// src/report/traces-file.ts
import { createReadStream as createReadStream2, existsSync } from "node:fs";
import { rename as rename2 } from "node:fs/promises";
import { resolve } from "node:path";
async function writeTracesFile(path4, sources) {
  const present = sources.filter((file) => existsSync(file) && resolve(file) !== resolve(path4));
  if (present.length === 0) return false;
  if (present.length === 1 && resolve(present[0]) === resolve(partialPath(path4))) await rename2(present[0], path4);
  else
    await streamAtomically(path4, async (sink) => {
      for (const source of present) for await (const chunk of createReadStream2(source, "utf8")) await sink.write(chunk);
    });
  return true;
}

// src/report/outputs.ts
var TRACES_FILE = "traces.jsonl";
var PARTIAL_TRACES = partialPath(TRACES_FILE);
var FORMATS = [
  {
    name: "report",
    file: "report.json",
    write: textFile(function* (report) {
      yield* prettyJsonPieces(report);
      yield "\n";
    }),
    actionOutput: "report",
    last: true
  },
  { name: "summary", file: "summary.md", write: textFile((report) => [renderSummary(report)]) },
  {
    name: "traces",
    file: TRACES_FILE,
    write: (path4, { traceSources }) => writeTracesFile(path4, traceSources),
    optional: true,
    streamed: true
  },
  {
    name: "html",
    file: HTML_REPORT_FILE,
    write: async (_, { outDir, report, written }) => {
      await writeHtmlReport(outDir, report, written.traces);
      return true;
    }
  },
  { name: "junit", file: "junit.xml", write: textFile(junitPieces) }
];
var OUTPUTS = FORMATS;
var WRITE_CHARS = 1 << 16;
function textFile(render2) {
  return async (path4, { report }) => {
    await streamAtomically(path4, async (sink) => {
      let buffer = "";
      for (const piece of render2(report)) {
        buffer += scrubSecrets(piece);
        if (buffer.length < WRITE_CHARS) continue;
        await sink.write(buffer);
        buffer = "";
      }
      await sink.write(buffer);
    });
    return true;
  };
}
async function clearOutputs(outDir) {
  await Promise.all(
    OUTPUTS.flatMap(({ file }) => [join2(outDir, file), partialPath(join2(outDir, file))]).map(
      (path4) => rm2(path4, { force: true })
    )
  );
}
function removeUnfinishedSync(outDir) {
  for (const { file, streamed } of OUTPUTS) {
    const path4 = join2(outDir, file);
    for (const name of streamed ? [path4] : [path4, partialPath(path4)]) rmSync(name, { force: true });
  }
}

// src/base/as-on-base.ts
import path from "node:path";

// src/base/value-diff.ts
var VALUE_CHARS = 80;
function diffLines(before, after, path4) {
  if (canonicalJson(before) === canonicalJson(after)) return [];
  if (isPlainMap(before) && isPlainMap(after)) {
    const keys = [.../* @__PURE__ */ new Set([...Object.keys(before), ...Object.keys(after)])];
    return keys.flatMap((key) => diffLines(before[key], after[key], `${path4}.${key}`));
  }
  if (Array.isArray(before) && Array.isArray(after) && before.length === after.length) {
    return before.flatMap((item, i) => diffLines(item, after[i], `${path4}[${i}]`));
  }
  return [`${path4}: ${show2(before)} -> ${show2(after)}`];
}
function show2(value) {
  if (value === void 0) return "(none)";
  const text = canonicalJson(value);
  return preview(text, VALUE_CHARS, { markInside: true });
}

// src/base/compare-tasks.ts
var GATE_FIELDS = ["input", "fixtures", "initial_state", "expected", "tier", "risk", "reports_actions"];
var DIFF_LINES_PER_TASK = 8;
function compareTasks(base, pr) {
  const baseById = new Map(base.map((t) => [t.id, t]));
  const prIds = new Set(pr.map((t) => t.id));
  const result = { unchanged: [], added: [], removed: [], changed: [] };
  for (const task of pr) {
    const before = baseById.get(task.id);
    if (!before) {
      result.added.push(task);
      continue;
    }
    const [was, now] = [decisive(before), decisive(task)];
    const fields = GATE_FIELDS.filter((f) => canonicalJson(was[f]) !== canonicalJson(now[f]));
    if (fields.length === 0) result.unchanged.push(task);
    else
      result.changed.push({
        base: before,
        pr: task,
        fields,
        diff: shortDiff(fields.flatMap((f) => diffLines(was[f], now[f], f)))
      });
  }
  result.removed = base.filter((t) => !prIds.has(t.id));
  return result;
}
function decisive(task) {
  const fixtures = Object.fromEntries(Object.entries(task.fixtures).map(([tool, f]) => [tool, asWritten(f)]));
  return {
    input: task.input,
    fixtures,
    initial_state: task.initial_state,
    expected: task.expected,
    tier: task.tier,
    risk: task.risk,
    reports_actions: task.reports_actions
  };
}
function asWritten(fixture) {
  return fixture.kind === "value" ? fixture.value : fixture.cases;
}
function shortDiff(lines) {
  if (lines.length <= DIFF_LINES_PER_TASK) return lines;
  return [...lines.slice(0, DIFF_LINES_PER_TASK - 1), `\u2026 and ${lines.length - DIFF_LINES_PER_TASK + 1} more changes`];
}

// src/base/match-workflows.ts
function matchWorkflows(pr, base, manifestPath) {
  const unmatched = new Set(base);
  const take = (found) => {
    if (found) unmatched.delete(found);
    return found;
  };
  const byName = pr.map((w) => ({ pr: w, base: take(base.find((b) => b.name === w.name)) }));
  const pairs = byName.map((pair) => {
    if (pair.base) return pair;
    const path4 = manifestPath.pr(pair.pr);
    return { pr: pair.pr, base: take([...unmatched].find((b) => manifestPath.base(b) === path4)) };
  });
  return {
    pairs: pairs.map((p) => p.base ? { pr: p.pr, base: p.base } : { pr: p.pr }),
    renamed: pairs.filter((p) => p.base && p.base.name !== p.pr.name).map((p) => ({ from: p.base.name, to: p.pr.name })),
    added: pairs.filter((p) => !p.base).map((p) => p.pr.name),
    removed: base.filter((b) => unmatched.has(b))
  };
}

// src/base/backend-as-on-base.ts
import { isDeepStrictEqual } from "node:util";
function backendAsOnBase(base, pr) {
  const notes = [];
  if (!isDeepStrictEqual(base.tools_backend, pr.tools_backend))
    notes.push(
      `tools_backend ${changed(base.tools_backend, pr.tools_backend)} in this PR: the base's applies until it merges`
    );
  if (!isDeepStrictEqual(base.initial_state, pr.initial_state))
    notes.push(
      `state_file (the initial state) ${changed(base.initial_state, pr.initial_state)} in this PR: the base's applies until it merges`
    );
  return {
    // The base's program too, from its copy of the files (a PR cannot edit the backend that answers it).
    ...base.tools_backend ? { tools_backend: base.tools_backend, backend_dir: base.backend_dir ?? base.dir } : {},
    ...base.state_file !== void 0 ? { state_file: base.state_file } : {},
    ...base.initial_state !== void 0 ? { initial_state: base.initial_state } : {},
    notes
  };
}
function changed(base, pr) {
  return base === void 0 ? "added" : pr === void 0 ? "removed" : "changed";
}

// src/base/endpoints.ts
function endpointsAsOnBase(pr, base) {
  const notes = new EndpointNotes();
  const theirs = base?.agent.type === pr.agent.type ? base.agent : void 0;
  const agent = agentTypeOf(pr.agent).asOnBase(pr.agent, theirs, notes);
  const judge = pr.judge && { ...pr.judge, ...endpointAsOnBase(pr.judge, base?.judge, "judge", notes) };
  return { agent, ...judge ? { judge } : {}, notes: notes.items };
}

// src/base/fixtures-as-on-base.ts
function fixturesAsOnBase(base, pr) {
  const same = canonicalJson(base.fixtures ?? {}) === canonicalJson(pr.fixtures ?? {});
  const fixtures = base.fixtures ? { fixtures: base.fixtures } : {};
  return same ? fixtures : { ...fixtures, note: "the shared fixtures changed in this PR: the base's apply until it merges" };
}

// src/base/redaction-union.ts
function redactionUnion(base, pr) {
  const mine = pr?.redact ?? [];
  const kept = (base?.redact ?? []).filter((r) => !mine.some((m) => m.name === r.name && m.pattern === r.pattern));
  if (kept.length === 0) return { governance: pr, kept };
  return { governance: { ...pr ?? {}, redact: [...mine, ...kept] }, kept };
}
function ignoredByBoth(base, pr) {
  const both = (pr ?? []).filter((field) => base?.includes(field));
  const added = (pr ?? []).filter((field) => !base?.includes(field));
  return both.length > 0 ? { ignore: both, added } : { added };
}

// src/base/stricter-escalation.ts
function stricterEscalation(base, pr) {
  const theirs = base.escalation?.min_confidence;
  const mine = pr.escalation?.min_confidence;
  const kept = stricterOf(theirs, mine, "higher");
  if (kept === void 0) return {};
  const escalation = { min_confidence: kept };
  if (theirs === mine) return { escalation };
  const outcome2 = kept === mine ? "applies" : `stays ${kept}`;
  return {
    escalation,
    note: `escalation.min_confidence ${theirs ?? "unset"} -> ${mine ?? "unset"} in this PR: ${outcome2}`
  };
}

// src/base/stricter-kill-switch.ts
function stricterKillSwitch(base, pr) {
  const theirs = base.kill_switch;
  const mine = pr.kill_switch;
  if (!theirs) return mine ? { killSwitch: mine } : {};
  const drillTasks = stricterOf(theirs.drill_tasks, mine?.drill_tasks, "higher");
  const killSwitch = { ...theirs, drill_tasks: drillTasks };
  if (!mine)
    return { killSwitch, note: `kill_switch was removed in this PR: the base's (${switchOf(theirs)}) still applies` };
  if (switchOf(theirs) !== switchOf(mine))
    return {
      killSwitch,
      note: `kill_switch ${switchOf(theirs)} -> ${switchOf(mine)} in this PR: the drill sets the base's until it merges`
    };
  if (theirs.drill_tasks !== mine.drill_tasks)
    return {
      killSwitch,
      note: `kill_switch.drill_tasks ${theirs.drill_tasks} -> ${mine.drill_tasks} in this PR: ${drillTasks} tasks`
    };
  return { killSwitch };
}
function switchOf(killSwitch) {
  const where = killSwitch.env !== void 0 ? `env ${killSwitch.env}` : `header ${killSwitch.header}`;
  return `${where}=${JSON.stringify(killSwitch.value)}`;
}

// src/base/stricter-limits.ts
function stricterLimits(base, pr) {
  if (!base && !pr) return { changes: [] };
  const limits = {};
  const changes = [];
  for (const arg of /* @__PURE__ */ new Set([...Object.keys(pr ?? {}), ...Object.keys(base ?? {})])) {
    const theirs = base?.[arg];
    const mine = pr?.[arg];
    if (!theirs || !mine) {
      limits[arg] = theirs ?? mine;
      if (!mine) changes.push(`limits.${arg} removed in this PR: stays ${describeLimit(theirs)}`);
      else changes.push(`limits.${arg} added in this PR (${describeLimit(mine)})`);
      continue;
    }
    const kept = stricterLimit(theirs, mine);
    limits[arg] = kept;
    for (const kind of LIMIT_KINDS) {
      const [was, now, applies] = [theirs, mine, kept].map((l) => JSON.stringify(l[kind]) ?? "none");
      if (was === now) continue;
      changes.push(
        `limits.${arg}.${kind} ${was} -> ${now} in this PR: ${applies === now ? "applies" : `stays ${applies}`}`
      );
    }
  }
  return { limits, changes };
}
function stricterLimit(base, pr) {
  const limit = {};
  let max = stricterOf(base.max, pr.max, "lower");
  let min = stricterOf(base.min, pr.min, "higher");
  if (min !== void 0 && max !== void 0 && min > max) [min, max] = [base.min, base.max];
  if (max !== void 0) limit.max = max;
  if (min !== void 0) limit.min = min;
  const both = base.one_of && pr.one_of ? base.one_of.filter((v) => pr.one_of.includes(v)) : void 0;
  const oneOf = both && both.length > 0 ? both : base.one_of ?? pr.one_of;
  if (oneOf) limit.one_of = oneOf;
  const pattern = base.pattern ?? pr.pattern;
  if (pattern !== void 0) limit.pattern = pattern;
  return limit;
}

// src/base/stricter-permissions.ts
function stricterPermissions(base, pr) {
  const permissions = {};
  const changes = [];
  for (const [tool, mine] of Object.entries(pr)) {
    const theirs = base[tool];
    if (!theirs) {
      permissions[tool] = mine;
      changes.push({ tool, change: `added in this PR (${describe(mine)})` });
      continue;
    }
    const kept = {
      scope: theirs.scope === "write" || mine.scope === "write" ? "write" : "read",
      risk: higherIn(RISKS, theirs.risk, mine.risk),
      approval: theirs.approval === "required" || mine.approval === "required" ? "required" : "none"
    };
    const limits = stricterLimits(theirs.limits, mine.limits);
    if (limits.limits) kept.limits = limits.limits;
    if (mine.scopes) kept.scopes = mine.scopes;
    permissions[tool] = kept;
    for (const field of ["scope", "risk", "approval"]) {
      if (theirs[field] === mine[field]) continue;
      const outcome2 = kept[field] === mine[field] ? "applies" : `stays ${kept[field]}`;
      changes.push({ tool, change: `${field} ${theirs[field]} -> ${mine[field]} in this PR: ${outcome2}` });
    }
    for (const change of limits.changes) changes.push({ tool, change });
    const scopes = [theirs.scopes, mine.scopes].map((s) => (s ?? []).join(", ") || "none");
    if (scopes[0] !== scopes[1])
      changes.push({ tool, change: `scopes ${scopes[0]} -> ${scopes[1]} in this PR: applies` });
  }
  for (const tool of Object.keys(base)) {
    if (!(tool in pr)) changes.push({ tool, change: `removed in this PR (was ${describe(base[tool])})` });
  }
  return { permissions, changes };
}
function describe(p) {
  return `${p.scope}, ${p.risk} risk, approval ${p.approval}`;
}

// src/base/stricter-versioning.ts
function stricterVersioning(base, pr) {
  if (base.versioning?.require_bump !== true || pr.versioning?.require_bump === true) return {};
  return {
    versioning: { require_bump: true },
    note: "versioning.require_bump was turned off in this PR: the base's rule still applies until it merges"
  };
}

// src/base/workflow-as-on-base.ts
function workflowAsOnBase(pr, base) {
  const endpoints = endpointsAsOnBase(pr, base);
  const workflow = { ...pr, agent: endpoints.agent };
  if (endpoints.judge) workflow.judge = endpoints.judge;
  if (!base) return { workflow, permissions: [], endpoints: endpoints.notes, keptRedactions: [], notes: [] };
  const matrix = stricterPermissions(base.permissions, pr.permissions);
  const redaction = redactionUnion(base.data_governance, pr.data_governance);
  workflow.permissions = matrix.permissions;
  if (pr.reports_actions && !base.reports_actions) delete workflow.reports_actions;
  if (redaction.governance) workflow.data_governance = redaction.governance;
  const ignored = ignoredByBoth(base.redact_ignore, pr.redact_ignore);
  if (ignored.ignore) workflow.redact_ignore = ignored.ignore;
  else delete workflow.redact_ignore;
  const escalation = stricterEscalation(base, pr);
  if (escalation.escalation) workflow.escalation = escalation.escalation;
  const notes = escalation.note ? [escalation.note] : [];
  for (const field of ignored.added)
    notes.push(`redact_ignore "${field}" was added in this PR: its values are still redacted until it merges`);
  const fixtures = fixturesAsOnBase(base, pr);
  if (fixtures.fixtures) workflow.fixtures = fixtures.fixtures;
  else delete workflow.fixtures;
  if (fixtures.note) notes.push(fixtures.note);
  const killSwitch = stricterKillSwitch(base, pr);
  if (killSwitch.killSwitch) workflow.kill_switch = killSwitch.killSwitch;
  if (killSwitch.note) notes.push(killSwitch.note);
  const versioning = stricterVersioning(base, pr);
  if (versioning.versioning) workflow.versioning = versioning.versioning;
  if (versioning.note) notes.push(versioning.note);
  if (base.tool_schemas) workflow.base_tool_schemas = base.tool_schemas;
  const { notes: backendNotes, ...backend } = backendAsOnBase(base, pr);
  delete workflow.tools_backend;
  delete workflow.state_file;
  delete workflow.initial_state;
  Object.assign(workflow, backend);
  append(notes, backendNotes);
  if (phaseOf(pr) !== phaseOf(base)) {
    if (base.rollout) workflow.rollout = base.rollout;
    else delete workflow.rollout;
    notes.push(
      `rollout.phase ${phaseOf(base)} -> ${phaseOf(pr)} in this PR: judged at ${phaseOf(base)} (the base's) until it merges; evalgate run --phase ${phaseOf(pr)} judges it at ${phaseOf(pr)}`
    );
  }
  return { workflow, permissions: matrix.changes, endpoints: endpoints.notes, keptRedactions: redaction.kept, notes };
}

// src/base/as-on-base.ts
function asOnBase(pr, base, only) {
  const match = matchWorkflows(pr.workflows, base.workflows, {
    pr: pr.manifestPath,
    base: (w) => base.manifestPaths.get(w.name)
  });
  const removed = match.removed.filter((w) => only === void 0 || isNamed(w, only, base));
  const rules = base.thresholds ? stricterThresholds(
    base.thresholds,
    pr.thresholds,
    pr.workflows.map((w) => w.name),
    match.renamed
  ) : firstRun(pr.thresholds);
  const changes = {
    base: base.source,
    ...base.thresholds ? {} : { first_run: true },
    thresholds: rules.changes,
    tasks: { added: [], removed: [], changed: [] },
    workflows: { renamed: match.renamed, added: match.added, removed: removed.map((w) => w.name) },
    permissions: [],
    endpoints: [],
    notes: [...base.notes]
  };
  const workflows = match.pairs.map((pair) => effectiveWorkflow(pair, changes));
  const { counted, prForms } = goldenSet(pr.tasks, base.tasks, match.pairs, workflows, changes);
  return { thresholds: rules.thresholds, workflows, counted, prForms, changes };
}
function firstRun(thresholds) {
  return { thresholds: { ...thresholds, override: { ...thresholds.override, approvers: [] } }, changes: [] };
}
function effectiveWorkflow(pair, changes) {
  const judged = workflowAsOnBase(pair.pr, pair.base);
  const workflow = pair.pr.name;
  append(
    changes.permissions,
    judged.permissions.map((p) => ({ workflow, ...p }))
  );
  append(
    changes.endpoints,
    judged.endpoints.map((e) => ({ workflow, ...e }))
  );
  for (const rule of judged.keptRedactions)
    changes.notes.push(`${workflow}: redaction rule "${rule.name}" was removed in this PR; it still applies`);
  for (const note of judged.notes) changes.notes.push(`${workflow}: ${note}`);
  return judged.workflow;
}
function goldenSet(prTasks, baseTasks, pairs, workflows, changes) {
  const baseFormOf = /* @__PURE__ */ new Map();
  const prForms = [];
  const removed = [];
  pairs.forEach((pair, i) => {
    const name = pair.pr.name;
    const mine = prTasks.filter((t) => t.workflow === name);
    const theirs = pair.base ? baseTasks.filter((t) => t.workflow === pair.base.name).map((t) => ({ ...t, workflow: name })) : [];
    const compared = compareTasks(theirs, mine);
    const redact = workflowRedactor(workflows[i]);
    const graderDirs = new Map(theirs.map((t) => [t.id, t.grader_dir]));
    for (const task of compared.unchanged) {
      const graderDir = graderDirs.get(task.id);
      if (graderDir !== void 0) baseFormOf.set(task, { ...task, grader_dir: graderDir });
    }
    append(changes.tasks.added, compared.added.map(ref));
    append(changes.tasks.removed, compared.removed.map(ref));
    for (const c of compared.changed) {
      baseFormOf.set(c.pr, c.base);
      prForms.push(c.pr);
      changes.tasks.changed.push({ ...ref(c.pr), fields: c.fields, diff: redact.value(c.diff) });
    }
    append(removed, compared.removed);
  });
  const counted = [...prTasks.map((t) => baseFormOf.get(t) ?? t), ...removed];
  return { counted, prForms };
}
function ref(task) {
  return { workflow: task.workflow, id: task.id };
}
function isNamed(w, name, base) {
  const manifest = base.manifestPaths.get(w.name);
  return w.name === name || manifest !== void 0 && path.posix.basename(path.posix.dirname(manifest)) === name;
}

// src/base/snapshot.ts
import { rmSync as rmSync2 } from "node:fs";
import { mkdtemp, realpath, rm as rm3 } from "node:fs/promises";
import { tmpdir } from "node:os";
import path3 from "node:path";

// src/model/commit-source.ts
var BaseReadError = class extends Error {
  constructor(message) {
    super(message);
    this.name = "BaseReadError";
  }
};

// src/base/base-read-error.ts
function baseUnreadable(source, err) {
  return new InputError([
    {
      file: `base commit ${source.sha.slice(0, 7)}`,
      message: `cannot be read through ${source.via}: ${err.message} \u2014 the gate is not decided against the PR's own rules`,
      severity: "error"
    }
  ]);
}
async function readingBase(source, read) {
  try {
    return await read();
  } catch (err) {
    if (err instanceof BaseReadError) throw baseUnreadable(source, err);
    throw err;
  }
}

// src/base/materialize.ts
import { lstat, mkdir as mkdir2, readFile, writeFile } from "node:fs/promises";
import path2 from "node:path";

// src/base/blob-id.ts
import { createHash } from "node:crypto";
function gitBlobId(content) {
  return createHash("sha1").update(`blob ${content.length}\0`).update(content).digest("hex");
}

// src/base/grader-references.ts
async function graderReferences(content, file) {
  if (!content.includes("grader")) return [];
  return (await documents(content, file)).flatMap((value) => (Array.isArray(value) ? value : [value]).flatMap(namedBy));
}
async function documents(content, file) {
  if (!isJsonLines(file)) return (await parseYaml(content, file)).values.map((v) => v.value);
  return content.split("\n").flatMap((line) => {
    try {
      return line.trim() === "" ? [] : [JSON.parse(line)];
    } catch {
      return [];
    }
  });
}
function namedBy(task) {
  const grader = isPlainMap(task) && isPlainMap(task.expected) ? task.expected.grader : void 0;
  if (!isPlainMap(grader)) return [];
  if (typeof grader.module === "string") return [grader.module];
  const words = typeof grader.command === "string" ? grader.command.split(/\s+/) : grader.command;
  return Array.isArray(words) ? words.filter((w) => typeof w === "string" && w !== "" && !w.startsWith("-")) : [];
}

// src/base/manifest-references.ts
function manifestReferences(raw) {
  if (!isPlainMap(raw)) return { files: [], folders: [] };
  const folders = Array.isArray(raw.tasks_from) ? raw.tasks_from.filter(isText) : [];
  return { files: [...manifestFiles(raw), ...backendArguments(raw.tools_backend)], folders };
}
function backendArguments(backend) {
  if (!isPlainMap(backend)) return [];
  const argv = typeof backend.command === "string" ? backend.command.split(/\s+/) : backend.command;
  return Array.isArray(argv) ? argv.filter(isText).filter((arg) => !arg.startsWith("-")) : [];
}
function isText(value) {
  return typeof value === "string" && value !== "";
}

// src/base/materialize.ts
var DATA_EXTENSIONS = /* @__PURE__ */ new Set([".yaml", ".yml", ".json", ".jsonl"]);
var MAX_WORKING_COPY_BYTES = 64 * 1024 * 1024;
var PARALLEL_READS = 8;
async function materializeBase(source, entries, layout, dir) {
  const tree = new Map(entries.map((e) => [e.path, e]));
  const writer = new SnapshotWriter(source, layout.repoRoot, dir);
  const hasThresholds = tree.has(layout.thresholdsFile);
  const tasksFiles = entriesUnder(entries, layout.tasksDir);
  const written = await writer.write([
    ...hasThresholds ? [tree.get(layout.thresholdsFile)] : [],
    ...tasksFiles.filter((e) => isDataFile(e.path))
  ]);
  const named = [];
  const manifestFolders = [...written.keys()].filter((file) => isManifest(file, layout.tasksDir)).map((file) => path2.posix.dirname(file));
  for (const [file, content] of written) {
    if (isManifest(file, layout.tasksDir)) continue;
    for (const ref2 of await graderReferences(content.toString("utf8"), file))
      for (const folder of manifestFolders) {
        const entry = tree.get(inRepository(folder, ref2) ?? "");
        if (entry) named.push(entry);
      }
  }
  for (const [manifest, content] of written) {
    if (!isManifest(manifest, layout.tasksDir)) continue;
    const refs = manifestReferences((await parseYaml(content.toString("utf8"), manifest)).values[0]?.value);
    const folder = path2.posix.dirname(manifest);
    for (const file of refs.files) {
      const entry = tree.get(inRepository(folder, file) ?? "");
      if (entry) named.push(entry);
    }
    for (const shared of refs.folders) {
      const sharedDir = inRepository(folder, shared);
      if (sharedDir === void 0) continue;
      const under = entriesUnder(entries, sharedDir);
      if (under.length > 0) await mkdir2(path2.join(dir, sharedDir), { recursive: true });
      append(
        named,
        under.filter((e) => isDataFile(e.path))
      );
    }
  }
  await writer.write(unique(named).filter((e) => !written.has(e.path)));
  return { hasThresholds, hasTasksDir: tasksFiles.length > 0, notes: writer.notes };
}
var SnapshotWriter = class {
  constructor(source, repoRoot, dir) {
    this.source = source;
    this.repoRoot = repoRoot;
    this.dir = dir;
  }
  source;
  repoRoot;
  dir;
  notes = [];
  limit = pLimit(PARALLEL_READS);
  /** Writes the blobs; returns the content of each by path. */
  async write(entries) {
    const contents = /* @__PURE__ */ new Map();
    const short = this.source.sha.slice(0, 7);
    await Promise.all(
      entries.map(
        (entry) => this.limit(async () => {
          if (entry.type === "symlink") {
            this.notes.push(
              `${entry.path} is a symlink in the base ${short}: not followed, left out of the base's files`
            );
            return;
          }
          if (entry.type !== "blob") return;
          const target = path2.join(this.dir, entry.path);
          if (!isInside(this.dir, target)) return;
          const content = await this.workingCopy(entry) ?? await this.source.readBlob(entry.sha);
          await mkdir2(path2.dirname(target), { recursive: true });
          await writeFile(target, content, entry.executable ? { mode: 493 } : {});
          contents.set(entry.path, content);
        })
      )
    );
    return contents;
  }
  /** The working tree's file when it is a regular file with the base's content. */
  async workingCopy(entry) {
    const file = path2.join(this.repoRoot, entry.path);
    try {
      const info = await lstat(file);
      if (!info.isFile() || info.size > MAX_WORKING_COPY_BYTES) return void 0;
      const content = await readFile(file);
      return gitBlobId(content) === entry.sha ? content : void 0;
    } catch {
      return void 0;
    }
  }
};
function entriesUnder(entries, folder) {
  const prefix = folder === "" ? "" : `${folder}/`;
  return entries.filter((e) => {
    if (!e.path.startsWith(prefix)) return false;
    return !e.path.slice(prefix.length).split("/").some((segment) => segment.startsWith(".") || segment === "node_modules");
  });
}
function unique(entries) {
  return [...new Map(entries.map((e) => [e.path, e])).values()];
}
function isDataFile(file) {
  return DATA_EXTENSIONS.has(path2.posix.extname(file).toLowerCase());
}
function isManifest(file, tasksDir) {
  if (!MANIFEST_NAMES.includes(path2.posix.basename(file))) return false;
  const folder = path2.posix.dirname(file);
  const tasks = tasksDir === "" ? "." : tasksDir;
  return folder === tasks || path2.posix.dirname(folder) === tasks;
}
function inRepository(folder, relative) {
  if (path2.posix.isAbsolute(relative)) return void 0;
  const joined = path2.posix.normalize(path2.posix.join(folder, relative));
  if (joined === ".." || joined.startsWith("../")) return void 0;
  return joined === "." ? "" : joined.replace(/\/$/, "");
}
function isInside(dir, target) {
  const relative = path2.relative(dir, target);
  return relative !== "" && !relative.startsWith("..") && !path2.isAbsolute(relative);
}

// src/base/snapshot.ts
async function loadBaseProject(source, layout) {
  const dir = await realpath(await mkdtemp(path3.join(tmpdir(), "evalgate-base-")));
  let runsBaseCode = false;
  try {
    const entries = await readingBase(source, () => source.listTree());
    const files = await readingBase(source, () => materializeBase(source, entries, layout, dir));
    const tasksDir = path3.join(dir, layout.tasksDir);
    const thresholdsFile = path3.join(dir, layout.thresholdsFile);
    const options = { tasksDir, thresholdsFile, repoRoot: dir };
    const project = await loadProject(options);
    const absent = /* @__PURE__ */ new Set([
      ...files.hasThresholds ? [] : [displayPath(thresholdsFile)],
      ...files.hasTasksDir ? [] : [displayPath(tasksDir)]
    ]);
    const names = baseNames(dir, source.sha);
    const problems = project.problems.filter((p) => !absent.has(p.file));
    if (problems.length > 0) throw new InputError(problems.map(names.problem));
    const manifestPaths = new Map(project.workflows.map((w) => [w.name, names.repositoryPath(w.source.file)]));
    const dirs = new Map(project.workflows.map((w) => [w.name, w.dir]));
    for (const task of project.tasks)
      if (task.expected.grader) {
        task.grader_dir = dirs.get(task.workflow);
        runsBaseCode = true;
      }
    if (project.workflows.some((w) => w.tools_backend)) runsBaseCode = true;
    for (const item of [...project.workflows, ...project.tasks]) item.source = names.source(item.source);
    return {
      source: { sha: source.sha, via: source.via },
      ...files.hasThresholds ? { thresholds: project.thresholds } : {},
      workflows: project.workflows,
      tasks: project.tasks,
      manifestPaths,
      notes: files.notes
    };
  } finally {
    if (runsBaseCode) process.once("exit", () => rmSync2(dir, { recursive: true, force: true }));
    else await rm3(dir, { recursive: true, force: true });
  }
}
function baseNames(dir, sha) {
  const mark = ` (base ${sha.slice(0, 7)})`;
  const repositoryPath2 = (file) => path3.relative(dir, path3.resolve(file)).split(path3.sep).join("/") || ".";
  const label = (file) => `${repositoryPath2(file)}${mark}`;
  const prefixes = [.../* @__PURE__ */ new Set([displayPath(dir) + path3.sep, dir + path3.sep])].sort((a, b) => b.length - a.length);
  const inText = (text) => prefixes.reduce(
    (out, prefix) => out.replace(
      new RegExp(`${escapeRegExp(prefix)}([^\\s:'"(),]+)(:\\d+)?`, "g"),
      (_m, file, line = "") => `${file.split(path3.sep).join("/")}${line}${mark}`
    ),
    text
  );
  return {
    repositoryPath: repositoryPath2,
    source: (ref2) => ({ ...ref2, file: label(ref2.file) }),
    problem: (p) => ({ ...p, file: label(p.file), message: inText(p.message) })
  };
}

// src/run/gate-inputs.ts
async function judgedProject(opts) {
  const project = await loadProject(opts);
  if (project.problems.length) throw new InputError(project.problems);
  const inputs = opts.base ? await asOnBaseCommit(project, {
    base: opts.base,
    repoRoot: opts.repoRoot ?? findRepoRoot(),
    tasksDir: opts.tasksDir,
    thresholdsFile: opts.thresholdsFile,
    workflow: opts.workflow
  }) : asLoaded(project);
  return atJudgedPhases(inputs, opts.phase);
}
function atJudgedPhases(inputs, phase) {
  const workflows = inputs.workflows.map((w) => judgedAt(w, phase));
  return { ...inputs, workflows, thresholds: atPhases(inputs.thresholds, judgedPhases(workflows)) };
}
function gateRulesOf(thresholds) {
  return { rules: thresholds.rules, workflows: thresholds.workflows, max_error_rate: thresholds.budgets.max_error_rate };
}
function asLoaded(project) {
  return {
    thresholds: project.thresholds,
    workflows: project.workflows,
    counted: project.tasks,
    prForms: [],
    ...thresholdsFileOf(project)
  };
}
function thresholdsFileOf(project) {
  return project.thresholdsFile ? { thresholdsFile: project.thresholdsFile } : {};
}
async function asOnBaseCommit(project, opts) {
  const inRepository2 = (file) => repositoryPath(opts.repoRoot, file);
  const layout = {
    repoRoot: opts.repoRoot,
    tasksDir: inRepository2(opts.tasksDir) ?? outside("--tasks", opts.tasksDir, opts.repoRoot),
    thresholdsFile: inRepository2(opts.thresholdsFile) ?? outside("--thresholds", opts.thresholdsFile, opts.repoRoot)
  };
  const base = await loadBaseProject(opts.base, layout);
  const pr = { ...project, manifestPath: (w) => inRepository2(w.source.file) ?? w.source.file };
  return { ...asOnBase(pr, base, opts.workflow), ...thresholdsFileOf(project) };
}
function withPrForms(changes, prForms) {
  const results = new Map(prForms.map((r) => [`${r.workflow}/${r.id}`, r]));
  const changed2 = changes.tasks.changed.map((c) => {
    const result = results.get(`${c.workflow}/${c.id}`);
    return result ? { ...c, pr_form: { status: result.status, reasons: result.reasons } } : c;
  });
  return { ...changes, tasks: { ...changes.tasks, changed: changed2 } };
}
function outside(flag, file, root) {
  throw new InputError(`${flag} ${file} is outside the repository ${root}: it cannot be read from the base commit`);
}

export {
  tierTable,
  briefTierColumns,
  NOT_RECORDED,
  agentText,
  identityText,
  governanceFacts,
  NO_GOVERNANCE,
  retentionText,
  listOrNone,
  cellText,
  permissionTable,
  FileSink,
  writeAtomically,
  HTML_REPORT_FILE,
  TRACES_FILE,
  PARTIAL_TRACES,
  OUTPUTS,
  clearOutputs,
  removeUnfinishedSync,
  BaseReadError,
  judgedProject,
  gateRulesOf,
  withPrForms
};
