// Page script, part 5: the filter controls and the in-memory filtering and sorting of all tasks.
export const FILTERS_SCRIPT = String.raw`
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
`
