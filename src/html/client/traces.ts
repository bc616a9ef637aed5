// Page script, part 3: a task's detail panel. Traces are parsed lazily, one data block at a
// time, when a task is opened; a few parsed blocks are kept.
export const TRACES_SCRIPT = String.raw`
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
`
