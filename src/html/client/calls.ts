// Page script, part 2: one attempt's model calls and tool calls, in the order they happened.
export const CALLS_SCRIPT = String.raw`
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
`
