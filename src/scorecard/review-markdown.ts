// monthly-review.md: the kit's monthly review on one page, from the scorecard's reports.
import { wordTable } from './markdown.js'
import type { Scorecard } from './model.js'
import { incidentListTable, monthlyReviewTable, REVIEW_DEFINITIONS, reviewScopeLine } from './tables.js'

export function renderMonthlyReviewMarkdown(card: Scorecard): string {
  const sections = [
    '# evalgate monthly review',
    reviewScopeLine(card),
    wordTable(monthlyReviewTable(card)),
    card.incidents.length > 0
      ? `### Incidents\n\n${wordTable(incidentListTable(card))}`
      : '### Incidents\n\nNone recorded (incidents.yml).',
    '### How the numbers are computed\n\n' + REVIEW_DEFINITIONS.map((line) => `- ${line}`).join('\n')
  ]
  return sections.join('\n\n') + '\n'
}
