// escalation.min_confidence on a pull request: the higher of the base's and the PR's, as a PR
// must not lower the confidence below which its agent has to escalate.
import type { Workflow } from '../model/types.js'
import { stricterOf } from './stricter.js'

export function stricterEscalation(
  base: Workflow,
  pr: Workflow
): { escalation?: Workflow['escalation']; note?: string } {
  const theirs = base.escalation?.min_confidence
  const mine = pr.escalation?.min_confidence
  const kept = stricterOf(theirs, mine, 'higher')
  if (kept === undefined) return {}
  const escalation = { min_confidence: kept }
  if (theirs === mine) return { escalation }
  const outcome = kept === mine ? 'applies' : `stays ${kept}`
  return {
    escalation,
    note: `escalation.min_confidence ${theirs ?? 'unset'} -> ${mine ?? 'unset'} in this PR: ${outcome}`
  }
}
