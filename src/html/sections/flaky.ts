// Tasks whose attempts disagreed: what a reviewer looks at before trusting a rate.
import type { Report } from '../../model/types.js'
import { h, type Html } from '../escape.js'
import { taskLinks } from './task-links.js'

export function flakySection(report: Report): Html | null {
  if (report.flaky_tasks.length === 0) return null
  return h(
    'section',
    { id: 'flaky' },
    h('h2', null, `Flaky tasks (${report.flaky_tasks.length})`),
    h('p', { class: 'note' }, 'Mixed outcomes across attempts; each counts at its pass rate in its tier.'),
    taskLinks(report.flaky_tasks)
  )
}
