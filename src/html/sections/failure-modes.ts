// Why tasks failed, grouped by cause, largest group first.
import type { Report } from '../../model/types.js'
import { h, type Html } from '../escape.js'
import { taskLinks } from './task-links.js'

interface FailureModeView {
  cause: string
  label: string
  count: number
  tasks: string[]
}

export function failureModesSection(report: Report): Html | null {
  const modes = readFailureModes(report)
  if (!modes) return null
  const sorted = [...modes].sort((a, b) => b.count - a.count || a.cause.localeCompare(b.cause))
  return h(
    'section',
    { id: 'failure-modes' },
    h('h2', null, 'Failure modes'),
    h('p', { class: 'note' }, 'Tasks that did not pass, by cause; a task with several causes counts under each.'),
    sorted.length === 0
      ? h('p', { class: 'muted' }, 'no failures')
      : h(
          'table',
          { class: 'grid-table' },
          h(
            'thead',
            null,
            h('tr', null, h('th', null, 'Cause'), h('th', { class: 'num' }, 'Tasks'), h('th', null, ''))
          ),
          h(
            'tbody',
            null,
            ...sorted.map((mode) =>
              h(
                'tr',
                { 'data-cause': mode.cause },
                h('td', null, h('strong', null, mode.label), ' ', h('code', { class: 'muted' }, mode.cause)),
                h('td', { class: 'num' }, String(mode.count)),
                h('td', null, taskLinks(mode.tasks))
              )
            )
          )
        )
  )
}

// Read defensively: reports of older versions have no failure_modes, or modes without a label.
function readFailureModes(report: Report): FailureModeView[] | null {
  const modes = (report as { failure_modes?: unknown }).failure_modes
  if (!Array.isArray(modes)) return null
  return modes
    .filter((m): m is Record<string, unknown> => typeof m === 'object' && m !== null)
    .map((m) => ({
      cause: String(m.cause ?? 'unknown'),
      label: typeof m.label === 'string' ? m.label : String(m.cause ?? 'unknown').replace(/_/g, ' '),
      count: typeof m.count === 'number' ? m.count : Array.isArray(m.tasks) ? m.tasks.length : 0,
      tasks: Array.isArray(m.tasks) ? m.tasks.map(String) : []
    }))
}
