// The one evalgate comment on a pull request: a hidden marker, hidden machine-readable state
// (the head it describes, the tiers that failed there, the overrides), the gate's result, the
// override instructions and log. Pure: renders and parses the body, nothing else.
import * as z from 'zod'
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

export interface CommentContent {
  context: string
  state: CommentState
  /** Markdown of the gate's result (a summary, or a short note). */
  result: string
  runUrl?: string
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
  const { context, runUrl } = content
  let overrides = content.state.overrides.slice(-MAX_OVERRIDES_KEPT)
  const fixedParts = (kept: OverrideRecord[]) => {
    const state = { ...content.state, overrides: kept }
    return {
      head: `${commentMarker(context)}\n${STATE_PREFIX}${hiddenJson(state)} -->\n`,
      tail: `\n${RESULT_END}\n${instructions(state)}${overrideLog(state)}\n${footer(runUrl)}`
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

/** The state and result of a body this module rendered; undefined for any other body. */
export function parseComment(body: string, context: string): { state: CommentState; result: string } | undefined {
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
  const parsed = stateSchema.safeParse(raw)
  if (!parsed.success) return undefined
  const end = lines.indexOf(RESULT_END, 2)
  const result = lines.slice(2, end === -1 ? undefined : end).join('\n')
  return { state: parsed.data, result }
}

function instructions(state: CommentState): string {
  if (!state.head) return ''
  const applied = overrideFor(state, state.head)
  if (applied)
    return `\n**Overridden** by ${quietMention(applied.login)} on \`${short(applied.sha)}\`: the gate is not in force for this commit; a new push puts it back, and so does an approver's \`/evalgate override cancel ${short(applied.sha)}\`.\n`
  if (!state.failed) return ''
  return [
    '',
    `The gate failed on \`${short(state.head)}\`. An approver listed in \`override.approvers\` of thresholds.yml can override it for this commit with a comment:`,
    '',
    '```',
    `/evalgate override ${state.head} <reason>`,
    '```',
    ''
  ].join('\n')
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
  return `\n#### Override log\n\n${lines.join('\n')}\n`
}

function footer(runUrl: string | undefined): string {
  const run = runUrl ? `[workflow run](${runUrl}) · ` : ''
  return `<sub>${run}full report: the job summary and the \`evalgate-report\` artifact · \`${OVERRIDE_USAGE}\` · \`${CANCEL_USAGE}\`</sub>\n`
}

function fitResult(result: string, room: number, runUrl: string | undefined): string {
  if (result.length <= room) return result
  const pointer = `\n\n**…cut to fit a comment.** The full report is in the job summary and the \`evalgate-report\` artifact${runUrl ? ` of [the workflow run](${runUrl})` : ''}.`
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
