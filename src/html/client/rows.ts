// Page script, the tasks: the task table's compact data block (src/html/task-rows.ts) back into
// the tasks the table lists, filters and opens.
export const ROWS_SCRIPT = String.raw`
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
`
