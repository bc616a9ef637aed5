// What the pack quotes of a run (reasons, inputs, tool calls, answers) is scrubbed of secrets and
// redacted again before it is rendered: by the workflow's own rules and every built-in one,
// whatever the run applied.
import type { RedactRule, Report } from '../model/types.js'
import { BUILTIN_REDACTIONS } from '../redact/builtin-rules.js'
import { createRedactor, type Redactor } from '../redact/redactor.js'
import { scrubValue } from '../util/secrets.js'
import type { EvidenceInput, SampledTrace } from './input.js'

const BUILTIN_RULES: RedactRule[] = Object.entries(BUILTIN_REDACTIONS).map(([name, pattern]) => ({ name, pattern }))

export function redactedInput(input: EvidenceInput): EvidenceInput {
  if (!input.run) return input
  const own = new Map(
    input.workflows.map((w) => [w.info.name, createRedactor([...w.redact, ...BUILTIN_RULES], w.redactIgnore)])
  )
  const everyRule = createRedactor([...input.workflows.flatMap((w) => w.redact), ...BUILTIN_RULES])
  const redactorOf = (workflow: string): Redactor => own.get(workflow) ?? everyRule
  // Secrets go first: a redaction inside a secret would leave the rest of it for no scrub to find.
  const { report, sample } = scrubValue({ report: input.run.report, sample: input.run.sample })
  return {
    ...input,
    run: {
      ...input.run,
      report: redactedReport(report, redactorOf),
      sample: sample.map((s): SampledTrace => {
        const redactor = redactorOf(s.task.workflow)
        const task = { ...s.task, reasons: redactor.value(s.task.reasons) }
        return { ...s, task, ...(s.trace ? { trace: redactor.value(s.trace) } : {}) }
      })
    }
  }
}

/** The report's words: its reasons and each task's. Ids, numbers and dates are the run's own. */
function redactedReport(report: Report, redactorOf: (workflow: string) => Redactor): Report {
  return {
    ...report,
    reasons: report.reasons.map((reason) =>
      report.workflows.reduce((text, w) => redactorOf(w.name).text(text), reason)
    ),
    tasks: report.tasks.map((task) => ({ ...task, reasons: redactorOf(task.workflow).value(task.reasons) }))
  }
}
