// (e) A trace sample: a fixed choice of the run's traces (src/evidence/trace-choice.ts), each
// attempt in a few lines: what the agent got, the tools it called and how, what it answered.
import { formatDuration, plural } from '../../gate/format.js'
import type { ToolCallRecord, TraceLine } from '../../model/types.js'
import { causeLabel, primaryCause } from '../../report/failure-modes.js'
import { preview } from '../../util/preview.js'
import type { Block, Fact } from '../blocks.js'
import { NO_RUN } from '../decision.js'
import type { EvidenceInput, EvidenceRun, SampledTrace } from '../input.js'
import { facts, muted, paragraph } from '../make.js'
import type { PackPage } from '../page.js'
import { MAX_FAILURES } from '../trace-choice.js'

const INPUT_CHARS = 240
const ARGS_CHARS = 100
const RESULT_CHARS = 60
const MESSAGE_CHARS = 200
const REASONS_SHOWN = 3

export const traceSamplePage: PackPage = {
  id: 'trace-sample',
  title: 'Trace sample',
  summary: (input) => {
    if (!input.run) return 'no run was given'
    const failures = input.run.sample.filter((s) => s.why === 'failure').length
    return `${plural(input.run.sample.length, 'task')}: ${failures} that did not pass, ${input.run.sample.length - failures} passes`
  },
  blocks: (input) => (input.run ? sampleBlocks(input.run, input) : [NO_RUN])
}

function sampleBlocks(run: EvidenceRun, input: EvidenceInput): Block[] {
  const notes: Block[] = [
    paragraph(
      `A fixed choice from the run's traces: per workflow, the tasks that did not pass first (one of each cause ` +
        `before a second, at most ${MAX_FAILURES}), then one pass for each tier and risk. Quoted text is redacted by ` +
        `the workflow's rules and the built-in ones.`
    ),
    ...(run.moreFailures > 0 ? [muted(`${plural(run.moreFailures, 'more task')} did not pass: see report.html.`)] : []),
    ...(run.tracesMissing ? [paragraph({ text: run.tracesMissing, strong: true })] : []),
    ...(run.unreadableTraces > 0
      ? [muted(`${plural(run.unreadableTraces, 'line')} of traces.jsonl could not be read and were skipped.`)]
      : [])
  ]
  const names = [...new Set([...input.workflows.map((w) => w.info.name), ...run.sample.map((s) => s.task.workflow)])]
  const parts: Block[] = names
    .map((name) => ({ name, sampled: run.sample.filter((s) => s.task.workflow === name) }))
    .filter(({ sampled }) => sampled.length > 0)
    .map(({ name, sampled }) => ({ kind: 'part', title: name, blocks: sampled.map(sampledBlock) }))
  return [...notes, ...(parts.length > 0 ? parts : [muted('The run has no task to show.')])]
}

function sampledBlock(sampled: SampledTrace): Block {
  const { task, trace } = sampled
  const why =
    sampled.why === 'failure'
      ? `it did not pass (${causeLabel(primaryCause(task))})`
      : `the pass shown for ${task.tier}, ${task.risk} risk`
  const head: Block = {
    kind: 'heading',
    level: 4,
    text: `${task.id} · ${task.tier} · ${task.risk} risk · ${task.status}`
  }
  if (!trace)
    return {
      kind: 'keep',
      blocks: [head, facts([['Shown because', why]]), muted('traces.jsonl has no attempt of it.')]
    }
  return {
    kind: 'keep',
    blocks: [head, facts([['Shown because', why], ...traceFacts(trace, task.attempts.total)]), ...callsTable(trace)]
  }
}

function traceFacts(trace: TraceLine, attempts: number): [string, Fact['value']][] {
  const { outcome } = trace
  const rows: [string, Fact['value']][] = []
  if (outcome.reasons.length > 0) rows.push(['Reasons', { list: reasonsShown(outcome.reasons) }])
  if (trace.guardrails.violations.length > 0) rows.push(['Guardrail violations', { list: trace.guardrails.violations }])
  rows.push(['Input', { text: jsonPreview(trace.input, INPUT_CHARS), code: true }])
  rows.push(['Answer', answerText(trace)])
  rows.push([
    'Attempt',
    `${trace.attempt} of ${attempts}; ${formatDuration(trace.duration_ms)}; ${plural(trace.model_calls.length, 'model call')}`
  ])
  return rows
}

function reasonsShown(reasons: string[]): string[] {
  const shown = reasons.slice(0, REASONS_SHOWN).map((r) => preview(r, MESSAGE_CHARS))
  return reasons.length > REASONS_SHOWN ? [...shown, `and ${reasons.length - REASONS_SHOWN} more`] : shown
}

function answerText(trace: TraceLine): string {
  const { answer, infra_error: infra, agent_error: agent } = trace.outcome
  if (!answer) return infra ?? agent ?? 'no answer'
  const parts = [
    ...(answer.label !== undefined ? [`label ${answer.label}`] : []),
    ...(answer.escalated !== undefined ? [`escalated: ${answer.escalated}`] : []),
    ...(answer.fallback !== undefined ? [`fallback: ${answer.fallback}`] : []),
    ...(answer.message !== undefined ? [`“${preview(answer.message, MESSAGE_CHARS)}”`] : [])
  ]
  return parts.join('; ') || 'an empty answer'
}

function callsTable(trace: TraceLine): Block[] {
  if (trace.tool_calls.length === 0) return [muted('No tool calls.')]
  return [
    {
      kind: 'table',
      header: ['#', 'Tool call', 'Arguments', 'Outcome'],
      rows: trace.tool_calls.map((call) => [
        String(call.seq),
        call.tool,
        jsonPreview(call.args, ARGS_CHARS),
        callOutcome(call)
      ]),
      numeric: [0],
      widths: [6, 22, 42, 30]
    }
  ]
}

function callOutcome(call: ToolCallRecord): string {
  if (!call.allowed) return `refused: ${call.error ?? 'not allowed by the permission matrix'}`
  if (call.error) return `error: ${call.error}`
  if (call.proposed) return `proposed: ${jsonPreview(call.result, RESULT_CHARS)}`
  return 'ok'
}

function jsonPreview(value: unknown, chars: number): string {
  return preview(value === undefined ? 'none' : (JSON.stringify(value) ?? String(value)), chars)
}
