// The "Changes to the gate in this PR" section of summary.md (and so of the PR comment): what a
// pull request changed about the rules and golden tasks it is judged by, and what applied.
import { plural } from '../gate/format.js'
import type { ChangedTask, GateChanges, ThresholdChange } from '../model/types.js'
import { hasChanges } from '../model/gate-changes.js'
import { largest } from '../util/append.js'
import { preview } from '../util/preview.js'
import { inertText } from './inert-text.js'

/** Detail lines shown before the section folds into <details>. */
const FOLD_AFTER_LINES = 15
const LISTED_IDS = 30
const PR_FORM_REASON_CHARS = 160

/** `fold: false`: the detail stays open (the PR comment folds the whole section itself). */
export function gateChangesSection(changes: GateChanges | undefined, { fold = true } = {}): string {
  if (!changes) return ''
  const base = code(changes.base.sha.slice(0, 7))
  if (!hasChanges(changes)) return `Gate rules and golden tasks as on base ${base}`
  const parts = [
    changes.first_run
      ? `The base ${base} has no thresholds file: this PR adds the gate, so its own rules apply (no override until they are merged: a PR cannot name its own approvers).`
      : '',
    thresholdLines(changes.thresholds),
    taskLines(changes),
    workflowLines(changes.workflows),
    listOf(
      '**Permission matrix** (the stricter entry applies):',
      changes.permissions.map((p) => `${code(p.workflow)} ${code(p.tool)}: ${inertText(p.change)}`)
    ),
    listOf(
      "**Endpoints that receive a secret** (the base's apply):",
      changes.endpoints.map((e) => `${code(e.workflow)} ${code(e.field)}: ${inertText(e.note)}`)
    ),
    listOf(
      '**Notes:**',
      changes.notes.map((text) => inertText(text))
    )
  ].filter((p) => p !== '')
  const heading = `### Changes to the gate in this PR\n\nJudged as on base ${base} (read through ${inertText(changes.base.via)}): ${gateChangesOverview(changes)}.`
  const detail = parts.join('\n\n')
  if (!fold || detail.split('\n').length <= FOLD_AFTER_LINES) return `${heading}\n\n${detail}`
  return `${heading}\n\n<details><summary>What changed</summary>\n\n${detail}\n\n</details>`
}

/** `1 threshold rule changed, 2 golden tasks added`: what changed, counted. */
export function gateChangesOverview(c: GateChanges): string {
  const facts = [
    c.thresholds.length > 0 ? plural(c.thresholds.length, 'threshold rule') + ' changed' : '',
    c.tasks.added.length > 0 ? plural(c.tasks.added.length, 'golden task') + ' added' : '',
    c.tasks.removed.length > 0 ? plural(c.tasks.removed.length, 'golden task') + ' removed' : '',
    c.tasks.changed.length > 0 ? plural(c.tasks.changed.length, 'golden task') + ' changed' : '',
    c.workflows.renamed.length > 0 ? plural(c.workflows.renamed.length, 'workflow') + ' renamed' : '',
    c.workflows.removed.length > 0 ? plural(c.workflows.removed.length, 'workflow') + ' removed' : '',
    c.permissions.length > 0 ? plural(c.permissions.length, 'permission change') : '',
    c.endpoints.length > 0 ? plural(c.endpoints.length, 'endpoint change') : ''
  ].filter((f) => f !== '')
  return facts.length > 0 ? facts.join(', ') : 'see below'
}

function thresholdLines(changes: ThresholdChange[]): string {
  return listOf(
    '**Thresholds** (base -> PR; the stricter applies):',
    changes.map((t) => {
      const applied =
        t.effective !== undefined
          ? `${show(t.effective)} applies`
          : `the ${t.applied === 'pr' ? "PR's" : "base's"} applies`
      return `${code(t.rule)}: ${show(t.base)} -> ${show(t.pr)} — ${applied}`
    })
  )
}

function taskLines(c: GateChanges): string {
  const { added, removed, changed } = c.tasks
  const several = new Set([...added, ...removed, ...changed].map((t) => t.workflow)).size > 1
  const name = (t: { workflow: string; id: string }) => code(several ? `${t.workflow}/${t.id}` : t.id)
  const ids = (list: { workflow: string; id: string }[]) =>
    list.slice(0, LISTED_IDS).map(name).join(', ') +
    (list.length > LISTED_IDS ? ` and ${list.length - LISTED_IDS} more` : '')
  const lines = [
    removed.length > 0
      ? `**Golden tasks removed** (${removed.length}) — they still run in their base form and count: ${ids(removed)}`
      : '',
    added.length > 0 ? `**Golden tasks added** (${added.length}) — they run and count: ${ids(added)}` : '',
    changed.length > 0
      ? `**Golden tasks changed** (${changed.length}) — each counts in its base form; the PR form runs beside it:\n\n` +
        changed.map((t) => changedTask(t, name(t))).join('\n')
      : ''
  ]
  return lines.filter((l) => l !== '').join('\n\n')
}

function changedTask(t: ChangedTask, name: string): string {
  const form = t.pr_form
    ? `PR form: **${t.pr_form.status}**${t.pr_form.reasons.length > 0 ? ` (${inertText(truncate(t.pr_form.reasons.join('; '), PR_FORM_REASON_CHARS))})` : ''}`
    : 'PR form: not run in this report'
  const diff = t.diff.length > 0 ? `\n\n${fenced(t.diff, '  ')}` : ''
  return `- ${name} (${t.fields.join(', ')}) — ${form}${diff}`
}

function workflowLines(w: GateChanges['workflows']): string {
  return listOf('**Workflows:**', [
    ...w.renamed.map(
      (r) => `${code(r.from)} renamed to ${code(r.to)}: the rules and golden tasks of ${code(r.from)} apply`
    ),
    ...w.removed.map((name) => `${code(name)} removed: its golden tasks cannot run, so the gate fails`),
    ...w.added.map((name) => `${code(name)} added`)
  ])
}

function listOf(title: string, items: string[]): string {
  return items.length === 0 ? '' : `${title}\n\n${items.map((i) => `- ${i}`).join('\n')}`
}

function show(value: number | string | null): string {
  return value === null ? 'none' : typeof value === 'number' ? String(value) : code(value)
}

/** Inline code that no backtick in `text` can close early. */
function code(text: string): string {
  const line = oneLine(text)
  const longest = largest(
    [...line.matchAll(/`+/g)].map((m) => m[0].length),
    0
  )
  const fence = '`'.repeat(longest + 1)
  const pad = line.startsWith('`') || line.endsWith('`') ? ' ' : ''
  return `${fence}${pad}${line}${pad}${fence}`
}

/** A fenced block no line of `lines` can close early. */
function fenced(lines: string[], indent: string): string {
  const longest = largest(
    lines.flatMap((l) => [...l.matchAll(/`+/g)].map((m) => m[0].length)),
    0
  )
  const fence = '`'.repeat(Math.max(3, longest + 1))
  return [fence, ...lines.map(oneLine), fence].map((l) => indent + l).join('\n')
}

function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ')
}

function truncate(text: string, limit: number): string {
  return preview(text, limit, { markInside: true })
}
