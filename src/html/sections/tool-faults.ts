// How the agent behaved when tools failed: each task whose fixtures made a tool fault, what it
// answered and how it was graded (the trace of each attempt is in the task table).
import { faultedTasks, toolFaultsLine } from '../../gate/tool-faults.js'
import type { Report } from '../../model/types.js'
import { h, type Html } from '../escape.js'
import { gridTable } from './grid-table.js'

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
    gridTable(
      HEADINGS,
      faulted.map((t) => [t.task, t.tier, t.faults.join('; '), t.answered, t.status])
    )
  )
}
