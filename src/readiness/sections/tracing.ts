// §6 Tracing: every run writes traces.jsonl; what the team decides is whether the traces hold real
// tool calls (the agent calls its tools, not only reports them) with personal data redacted.
import { formatCount, plural } from '../../gate/format.js'
import { check, type Check } from '../check.js'
import type { WorkflowReadiness } from '../inputs.js'
import type { ReadinessSectionModule } from '../section.js'

const ALWAYS =
  'every run writes traces.jsonl: per attempt the plan, each tool call (arguments, result, latency, error), the guardrail checks and the outcome'

export const tracingSection: ReadinessSectionModule = {
  id: 'tracing',
  number: 6,
  title: 'tracing',
  score(inputs) {
    const redact = inputs.workflow.data_governance?.redact ?? []
    return {
      notes: [ALWAYS],
      checks: [
        check(
          inputs.workflow.reports_actions !== true,
          'the agent calls its tools through the sandbox: every call is traced',
          'reports_actions: true — the agent reports its actions instead of calling tools, so traces hold its claims'
        ),
        check(
          redact.length > 0,
          `personal data redacted in traces (${redact.map((r) => r.name).join(', ')})`,
          'no redaction rules: traces keep personal data as the tasks give it (data_governance.redact)'
        ),
        ...ranCalls(inputs.run)
      ]
    }
  }
}

/** With a run: whether its traces hold tool calls at all. */
function ranCalls(run: WorkflowReadiness['run']): Check[] {
  if (!run || run.tasks.length === 0) return []
  const calls = run.tasks.reduce((sum, t) => sum + t.tool_calls, 0)
  return [
    check(
      calls > 0,
      `this run traced ${formatCount(calls)} tool call${calls === 1 ? '' : 's'} over ${plural(run.tasks.length, 'task')}`,
      'this run made no tool call: its traces show answers only'
    )
  ]
}
