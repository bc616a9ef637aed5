// The readiness checklist: the kit's ten sections, each met, partial or missing, with what
// evidences it and what it still asks for.
import { readinessCounts, sectionName } from '../../gate/readiness.js'
import type { ReadinessStatus, Report } from '../../model/types.js'
import { h, type Html } from '../escape.js'

const BADGE: Record<ReadinessStatus, string> = {
  met: 'badge status-pass',
  partial: 'badge hot',
  missing: 'badge bad'
}

export function readinessSection(report: Report): Html | null {
  const { readiness } = report
  if (!readiness) return null
  const list = (items: string[]) => (items.length === 0 ? '—' : h('ul', null, ...items.map((i) => h('li', null, i))))
  return h(
    'section',
    { id: 'readiness' },
    h('h2', null, 'Readiness'),
    h('p', null, `The Agent Production Readiness Kit's ten sections: ${readinessCounts(readiness)}.`),
    h(
      'table',
      { class: 'grid-table readiness' },
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          h('th', null, 'Section'),
          h('th', null, 'Status'),
          h('th', null, 'Evidence'),
          h('th', null, 'Still missing')
        )
      ),
      h(
        'tbody',
        null,
        ...readiness.sections.map((s) =>
          h(
            'tr',
            { 'data-section': s.id },
            h('td', null, sectionName(s)),
            h('td', null, h('span', { class: BADGE[s.status] }, s.status)),
            h('td', null, list(s.evidence)),
            h('td', null, list(s.missing))
          )
        )
      )
    ),
    h(
      'p',
      { class: 'note' },
      'Scored from the manifests, golden tasks and thresholds.yml this run was judged by, and the run itself: evalgate readiness shows the same from the files alone.'
    )
  )
}
