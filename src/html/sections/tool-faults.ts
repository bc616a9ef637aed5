// How the agent behaved when tools failed: each task whose fixtures made a tool fault, what it
// answered and how it was graded (the trace of each attempt is in the task table).
import { faultedTasks, toolFaultsLine } from '../../gate/tool-faults.js'
import type { Report } from '../../model/types.js'
import { h, type Html } from '../escape.js'

const HEADINGS = ['Task', 'Tier', 'Faults', 'Answered', 'Status']

export function toolFaultsSection(report: Report): Html | null {
  const faulted = faultedTasks(report)
  if (faulted.length === 0) return null
  return h(
    'section',
    { id: 'tool-faults' },
    h('h2', null, 'Tool faults'),
    h('p', null, `${toolFaultsLine(faulted)}.`),
    h(
      'p',
      { class: 'note' },
      "A fixture answered these tasks' tool calls with an HTTP error or no answer at all. Answered: whether the agent escalated or named a fallback."
    ),
    h(
      'table',
      { class: 'grid-table' },
      h('thead', null, h('tr', null, ...HEADINGS.map((text) => h('th', null, text)))),
      h(
        'tbody',
        null,
        ...faulted.map((t) =>
          h(
            'tr',
            null,
            h('td', null, t.task),
            h('td', null, t.tier),
            h('td', null, t.faults.join('; ')),
            h('td', null, t.answered),
            h('td', null, t.status)
          )
        )
      )
    )
  )
}
