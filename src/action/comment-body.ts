// The one evalgate comment on a pull request: a hidden marker, hidden machine-readable state
// (the head it describes, the tiers that failed there, the overrides), the outcome as it stands
// (an override in force included) in its first line, the gate's result, then the override
// instructions and log folded. Pure: renders and parses the body, nothing else.
import * as z from 'zod'
import { fold, outcomeLine } from '../report/brief.js'
import { quietMention } from './escape.js'
import { CANCEL_USAGE, OVERRIDE_USAGE } from './override-command.js'
import { preview } from '../util/preview.js'

/** GitHub refuses comment bodies over 65,536 characters. */
export const MAX_COMMENT_LENGTH = 65_536
const MAX_OVERRIDES_KEPT = 20
const MIN_RESULT_ROOM = 4_000

const overrideRecordSchema = z.object({
  sha: z.string(),
  login: z.string(),
  at: z.string(),
  /** Already escaped (escapeUserText) when recorded. */
  reason: z.string(),
  tiers: z.array(z.string()),
  /** `cancel`: the approver took the head's override back (`reason` is their note). Absent: an override. */
  kind: z.literal('cancel').optional()
})
export type OverrideRecord = z.infer<typeof overrideRecordSchema>

const stateSchema = z.object({
  v: z.literal(1),
  head: z.string().optional(),
  /** Tiers that failed on `head`; present only when the gate failed there. */
  failed: z.array(z.string()).optional(),
  overrides: z.array(overrideRecordSchema).default([])
})
export type CommentState = z.infer<typeof stateSchema>

/** The hidden JSON: the state, and the gate's own outcome line (shown when no override is in force). */
const storedSchema = stateSchema.extend({ outcome: z.string().optional() })

export interface CommentContent {
  context: string
  state: CommentState
  /** The gate's own outcome on the head, e.g. `❌ **evalgate: T2 75.4% < 80%**`; an override in force replaces it. */
  outcome?: string
  /** Markdown of the gate's result (the brief of a report, or a short note). */
  result: string
  runUrl?: string
}

export interface ParsedComment {
  state: CommentState
  outcome?: string
  result: string
}

export function commentMarker(context: string): string {
  return `<!-- evalgate:${encodeURIComponent(context)} -->`
}

const STATE_PREFIX = '<!-- evalgate:state '
const RESULT_END = '<!-- evalgate:end -->'

export function hasMarker(body: string, context: string): boolean {
  return firstLine(body) === commentMarker(context)
}

/** The override recorded for `sha`, if any (the latest one), unless a later cancel took it back. */
export function overrideFor(state: CommentState, sha: string): OverrideRecord | undefined {
  const latest = [...state.overrides].reverse().find((o) => o.sha === sha)
  return latest?.kind === 'cancel' ? undefined : latest
}

export function isCancel(record: OverrideRecord): boolean {
  return record.kind === 'cancel'
}

export function renderComment(content: CommentContent): string {
  const { context, runUrl, outcome } = content
  let overrides = content.state.overrides.slice(-MAX_OVERRIDES_KEPT)
  const fixedParts = (kept: OverrideRecord[]) => {
    const state = { ...content.state, overrides: kept }
    const stored = outcome === undefined ? state : { ...state, outcome }
    return {
      head: `${commentMarker(context)}\n${STATE_PREFIX}${hiddenJson(stored)} -->\n${lead(state, outcome)}`,
      tail: `\n${RESULT_END}\n${joinFolds([instructions(state), overrideLog(state)])}`
    }
  }
  let parts = fixedParts(overrides)
  while (overrides.length > 0 && lengthOf(parts) > MAX_COMMENT_LENGTH - MIN_RESULT_ROOM) {
    overrides = overrides.slice(1)
    parts = fixedParts(overrides)
  }
  const room = MAX_COMMENT_LENGTH - lengthOf(parts)
  return parts.head + fitResult(neutralize(content.result.trim()), room, runUrl) + parts.tail
}

/** The state, outcome and result of a body this module rendered; undefined for any other body. */
export function parseComment(body: string, context: string): ParsedComment | undefined {
  if (!hasMarker(body, context)) return undefined
  const lines = body.split('\n')
  const stateLine = lines[1] ?? ''
  if (!stateLine.startsWith(STATE_PREFIX) || !stateLine.endsWith(' -->')) return undefined
  let raw: unknown
  try {
    raw = JSON.parse(stateLine.slice(STATE_PREFIX.length, -' -->'.length))
  } catch {
    return undefined
  }
  const parsed = storedSchema.safeParse(raw)
  if (!parsed.success) return undefined
  const { outcome, ...state } = parsed.data
  const end = lines.indexOf(RESULT_END, 2)
  const shown = lines.slice(2, end === -1 ? undefined : end).join('\n')
  // The lead is made from the state: what follows it is the result as it was given.
  const leading = lead(state, outcome)
  const result = shown.startsWith(leading) ? shown.slice(leading.length) : shown
  return { state, ...(outcome === undefined ? {} : { outcome }), result }
}

/**
 * The first line, the outcome as it stands: an override in force on the head (and who, why, how
 * to take it back), else the gate's own outcome; then a blank line. Empty when neither is known.
 */
function lead(state: CommentState, outcome: string | undefined): string {
  const applied = state.head ? overrideFor(state, state.head) : undefined
  if (applied) {
    const sha = short(applied.sha)
    const who = quietMention(applied.login)
    return [
      outcomeLine('pass', `overridden by ${who} for ${sha}`),
      '',
      `**Overridden** by ${who} on \`${sha}\` (${applied.at}): ${applied.reason} — the gate is not in force for this commit; a new push puts it back, and so does an approver's \`/evalgate override cancel ${sha}\`.`,
      '',
      ''
    ].join('\n')
  }
  const line = outcome ?? (state.head && state.failed ? outcomeLine('fail', `fail (${state.failed.join(', ')})`) : '')
  return line === '' ? '' : `${neutralize(line)}\n\n`
}

/** For a failed head without an override: the exact command, folded. */
function instructions(state: CommentState): string {
  if (!state.head || !state.failed || overrideFor(state, state.head)) return ''
  const body = [
    `An approver listed in \`override.approvers\` of thresholds.yml can override the gate for \`${short(state.head)}\` with a new comment:`,
    '',
    '```',
    `/evalgate override ${state.head} <reason>`,
    '```',
    '',
    `<sub>\`${OVERRIDE_USAGE}\` · \`${CANCEL_USAGE}\`</sub>`
  ].join('\n')
  return fold('<strong>Override this failure</strong> · approvers, this commit only', body)
}

function overrideLog(state: CommentState): string {
  if (state.overrides.length === 0) return ''
  const lines = state.overrides.map((o, i) => {
    const stale = state.head && o.sha !== state.head ? ' — an earlier commit, no longer in force' : ''
    if (isCancel(o)) {
      const note = o.reason ? `: ${o.reason}` : ''
      return `- ${o.at} ${quietMention(o.login)} cancelled the override on \`${short(o.sha)}\`${stale}${note}`
    }
    const tiers = o.tiers.length > 0 ? ` (failed: ${o.tiers.join(', ')})` : ''
    const cancelled = state.overrides.slice(i + 1).some((later) => isCancel(later) && later.sha === o.sha)
    const status = cancelled ? ' — cancelled' : stale
    return `- ${o.at} ${quietMention(o.login)} overrode the gate on \`${short(o.sha)}\`${tiers}${status}: ${o.reason}`
  })
  return fold(`<strong>Override log (${state.overrides.length})</strong>`, lines.join('\n'))
}

function joinFolds(folds: string[]): string {
  const shown = folds.filter((f) => f !== '')
  return shown.length > 0 ? `\n${shown.join('\n\n')}\n` : ''
}

function fitResult(result: string, room: number, runUrl: string | undefined): string {
  if (result.length <= room) return result
  const pointer = `\n\n**…cut to fit a comment.** The full report is in the job summary and the report artifact${runUrl ? ` of [the workflow run](${runUrl})` : ''}.`
  const cut = preview(result, Math.max(0, room - pointer.length), { mark: '' })
  const atLine = cut.lastIndexOf('\n')
  return (atLine > 0 ? cut.slice(0, atLine) : cut) + pointer
}

/** Content from a report (task ids, agent output) must not open an HTML comment that could pass for our state. */
function neutralize(markdown: string): string {
  return markdown.replace(/<!--/g, '&lt;!--').replace(/--!?>/g, (m) => m.replace('>', '&gt;'))
}

/** JSON that cannot close the HTML comment it sits in. */
function hiddenJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
}

function lengthOf(parts: { head: string; tail: string }): number {
  return parts.head.length + parts.tail.length
}

function firstLine(text: string): string {
  const end = text.indexOf('\n')
  return (end === -1 ? text : text.slice(0, end)).trimEnd()
}

export function short(sha: string): string {
  return sha.slice(0, 7)
}
