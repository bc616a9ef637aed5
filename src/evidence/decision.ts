// The run's decision as the first thing a page says: in a box, with its reasons; a run that could
// not be decided says so in words no reader can miss.
import { decisiveSummary } from '../report/cells.js'
import type { Block } from './blocks.js'
import type { EvidenceRun } from './input.js'

export function decisionCallout(run: EvidenceRun | undefined): Block {
  if (!run) return NO_RUN
  const { report } = run
  const title =
    report.decision === 'error'
      ? 'This run could not be decided: ERROR. Its numbers are not evidence that the agent works.'
      : `Gate: ${report.decision.toUpperCase()} — ${decisiveSummary(report)}`
  return { kind: 'callout', tone: report.decision, title, items: report.reasons }
}

export const NO_RUN: Block = {
  kind: 'callout',
  tone: 'note',
  title: 'No run was given',
  items: [
    'This pack shows the workflow as its files declare it; the eval report, the trace sample and the readiness score come from a run.',
    'evalgate evidence --report evalgate-report/report.json adds them.'
  ]
}
