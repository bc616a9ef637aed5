// monthly-review.html: monthly-review.md as a self-contained page that prints on one sheet.
import { h, type Child } from '../html/escape.js'
import { scorecardDocument, wordTableHtml } from './html.js'
import type { Scorecard } from './model.js'
import { incidentListTable, monthlyReviewTable, REVIEW_DEFINITIONS, reviewScopeLine } from './tables.js'

export function renderMonthlyReviewHtml(card: Scorecard): string {
  const main: Child[] = [
    h('h1', null, 'evalgate monthly review'),
    h('p', { class: 'scope' }, reviewScopeLine(card)),
    wordTableHtml(monthlyReviewTable(card)),
    h('h2', null, 'Incidents'),
    card.incidents.length > 0 ? wordTableHtml(incidentListTable(card)) : h('p', null, 'None recorded (incidents.yml).'),
    h('h2', null, 'How the numbers are computed'),
    h(
      'ul',
      { class: 'note' },
      REVIEW_DEFINITIONS.map((line) => h('li', null, line))
    )
  ]
  return scorecardDocument('evalgate monthly review', main)
}
