// Page script, part 4: the task table. Filtering and sorting run in memory over all tasks
// (filters.ts); rows are rendered a page at a time ("show more"), so thousands of tasks stay
// responsive.
export const TABLE_SCRIPT = String.raw`
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
`
