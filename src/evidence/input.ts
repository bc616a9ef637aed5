// What the evidence pack is made of: the workflows as their manifests declare them, and, when a
// run is given, its report and the traces chosen for the sample. Assembled from the files by
// src/run/evidence-pack.ts; everything here is redacted again when the pack is written.
import type { Runbook } from '../model/runbook.js'
import type { KillSwitch } from '../model/workflow.js'
import type { RedactRule, Report, Risk, TaskResult, Tier, TierRule, TraceLine, WorkflowInfo } from '../model/types.js'

export interface EvidenceWorkflow {
  /**
   * The manifest as report.json shows it: inputs, outcomes, permission matrix, identity, governance
   * (with a run, as the run recorded it).
   */
  info: WorkflowInfo
  /** The manifest's matrix, identity or governance now differ from the run's record of them. */
  changedSinceRun?: boolean
  /** Its golden tasks by tier and risk. */
  tasks: { tier: Tier; risk: Risk }[]
  /** The tier rules a run of it is judged by (thresholds.yml, at its rollout phase); absent: not gated. */
  rules: Partial<Record<Tier, TierRule>>
  judgeModel?: string
  escalation?: { min_confidence: number }
  killSwitch?: KillSwitch
  /** Its redaction rules, resolved: the pack applies them (and the built-in ones) again. */
  redact: RedactRule[]
  /** workflow.yml `redact_ignore`: the keys whose values the rules leave as they are. */
  redactIgnore?: string[]
  /** workflow.yml `runbook`: its path as shown, and its text; absent when it declares none. */
  runbook?: Pick<Runbook, 'file' | 'text'>
}

/** One task of the trace sample, and the attempt shown (absent when traces.jsonl has none of it). */
export interface SampledTrace {
  task: TaskResult
  /** Why it was chosen: it did not pass, or it is the pass shown for its tier and risk. */
  why: 'failure' | 'pass'
  trace?: TraceLine
}

export interface EvidenceRun {
  /** The report as given, shown as it is. */
  file: string
  report: Report
  sample: SampledTrace[]
  /** Failures left out of the sample (it shows the first few). */
  moreFailures: number
  /** Why the sample has no traces, when it has none (no traces.jsonl beside the report). */
  tracesMissing?: string
  /** Lines of traces.jsonl that were not trace lines. */
  unreadableTraces: number
  /** The run's report.html, relative to the pack's folder, when it is beside the report. */
  reportHtml?: string
}

export interface EvidenceInput {
  workflows: EvidenceWorkflow[]
  run?: EvidenceRun
}
