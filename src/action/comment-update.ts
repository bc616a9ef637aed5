// What the one PR comment says after a gate ran, or after a push the gate skipped: the body
// publish.ts writes, from the comment's earlier state. Pure.
import { joinParts, outcomeLine } from '../report/brief.js'
import { isCancel, renderComment, short, type CommentState, type OverrideRecord } from './comment-body.js'
import { escapeUserText } from './escape.js'
import type { Verdict } from './verdict.js'

/** Where the comment is: its status context, the head it describes, the workflow run and its artifact. */
export interface CommentTarget {
  context: string
  sha: string
  runUrl?: string
  /** The name the workflow uploads the report folder as (the `artifact-name` input). */
  artifactName?: string
}

/** The comment after a gate (or merge) outcome on `target.sha`; `override` is the one verified for it. */
export function verdictComment(
  cached: CommentState,
  target: CommentTarget,
  verdict: Verdict,
  override: OverrideRecord | undefined
): string {
  const state: CommentState = {
    ...cached,
    head: target.sha,
    failed: verdict.failedTiers,
    overrides: overridesShown(cached.overrides, target.sha, override, verdict)
  }
  if (!verdict.failedTiers) delete state.failed
  const { outcome, above, folds } = verdict.comment
  // The artifact exists only when the run wrote its report (the upload step of the README's workflows).
  const result = joinParts([above, links(target, verdict.paths !== undefined), folds])
  return renderComment({ context: target.context, state, outcome, result, runUrl: target.runUrl })
}

/** An existing comment after a push that changed no agent file: the gate was not run. */
export function noChangesComment(cached: CommentState, target: CommentTarget): string {
  const state: CommentState = { ...cached, head: target.sha }
  delete state.failed
  const outcome = outcomeLine('pass', `no agent changes as of ${short(target.sha)}`)
  const note =
    'No prompt, tool, policy, manifest, agent code, golden task or thresholds file changed, so the gate was not run.'
  const result = joinParts([note, links(target, false)])
  return renderComment({ context: target.context, state, outcome, result, runUrl: target.runUrl })
}

/** `[Workflow run](…) · [Report artifact evalgate-report](…#artifacts)`; empty without a run URL. */
function links(target: CommentTarget, withArtifact: boolean): string {
  if (!target.runUrl) return ''
  const run = `[Workflow run](${target.runUrl})`
  if (!withArtifact || !target.artifactName) return run
  return `${run} · [Report artifact: ${escapeUserText(target.artifactName, 100)}](${target.runUrl}#artifacts)`
}

/**
 * The log keeps earlier heads' records; for this head, the overrides and cancels up to its last
 * cancel (history, none in force), then only the override just verified.
 */
function overridesShown(
  cached: OverrideRecord[],
  sha: string,
  verified: OverrideRecord | undefined,
  verdict: Verdict
): OverrideRecord[] {
  const others = cached.filter((o) => o.sha !== sha)
  const mine = cached.filter((o) => o.sha === sha)
  const lastCancel = mine.findLastIndex(isCancel)
  const history = mine.slice(0, lastCancel + 1)
  return verified && verdict.decision === 'overridden'
    ? [...others, ...history, { ...verified, tiers: verdict.failedTiers ?? [] }]
    : [...others, ...history]
}
