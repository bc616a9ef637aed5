// What the pull request changed about its own gate, beside the decision it was judged by.
import type { GateChanges } from '../../model/types.js'
import { hasChanges } from '../../model/gate-changes.js'
import { h, type Child, type Html } from '../escape.js'

export function gateChangesSection(changes: GateChanges | undefined): Html | null {
  if (!changes) return null
  const base = h('code', null, changes.base.sha.slice(0, 7))
  if (!hasChanges(changes))
    return h(
      'section',
      { id: 'gate-changes' },
      h('p', { class: 'muted' }, 'Gate rules and golden tasks as on base ', base)
    )
  const { tasks, workflows } = changes
  const name = (t: { workflow: string; id: string }) => `${t.workflow}/${t.id}`
  return h(
    'section',
    { id: 'gate-changes' },
    h('h2', null, 'Changes to the gate in this PR'),
    h('p', null, 'Judged as on base ', base, ` (read through ${changes.base.via}).`),
    changes.first_run &&
      h('p', null, 'The base has no thresholds file: this PR adds the gate, so its own rules apply.'),
    list(
      'Thresholds (base → PR; the stricter applies)',
      changes.thresholds.map((t) => [
        h('code', null, t.rule),
        `: ${show(t.base)} → ${show(t.pr)} — `,
        t.effective !== undefined
          ? `${show(t.effective)} applies`
          : `the ${t.applied === 'pr' ? "PR's" : "base's"} applies`
      ])
    ),
    list('Golden tasks removed (still run in their base form and count)', tasks.removed.map(name)),
    list('Golden tasks added (run and count)', tasks.added.map(name)),
    list(
      'Golden tasks changed (count in their base form; the PR form runs beside)',
      tasks.changed.map((t) => [
        h('strong', null, name(t)),
        ` (${t.fields.join(', ')}) — PR form: ${t.pr_form ? t.pr_form.status : 'not run in this report'}`,
        t.pr_form &&
          t.pr_form.reasons.length > 0 &&
          h('span', { class: 'muted' }, ` (${t.pr_form.reasons.join('; ')})`),
        t.diff.length > 0 && h('pre', { class: 'diff' }, t.diff.join('\n'))
      ])
    ),
    list('Workflows', [
      ...workflows.renamed.map((r) => `${r.from} renamed to ${r.to}: the rules and golden tasks of ${r.from} apply`),
      ...workflows.removed.map((w) => `${w} removed: its golden tasks cannot run, so the gate fails`),
      ...workflows.added.map((w) => `${w} added`)
    ]),
    list(
      'Permission matrix (the stricter entry applies)',
      changes.permissions.map((p) => `${p.workflow} ${p.tool}: ${p.change}`)
    ),
    list(
      "Endpoints that receive a secret (the base's apply)",
      changes.endpoints.map((e) => `${e.workflow} ${e.field}: ${e.note}`)
    ),
    list('Notes', changes.notes)
  )
}

function list(title: string, items: Child[]): Html | null {
  if (items.length === 0) return null
  return h('div', null, h('h3', null, title), h('ul', null, ...items.map((item) => h('li', null, item))))
}

function show(value: number | string | null): string {
  return value === null ? 'none' : String(value)
}
