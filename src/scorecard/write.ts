import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { renderScorecardHtml } from './html.js'
import { renderScorecardMarkdown } from './markdown.js'
import type { Scorecard } from './model.js'
import { renderMonthlyReviewHtml } from './review-html.js'
import { renderMonthlyReviewMarkdown } from './review-markdown.js'

export interface ScorecardPaths {
  markdown: string
  html: string
  /** monthly-review.md and .html: the kit's monthly review on one page. */
  review_markdown: string
  review_html: string
}

export async function writeScorecard(outDir: string, card: Scorecard): Promise<ScorecardPaths> {
  await mkdir(outDir, { recursive: true })
  const paths = {
    markdown: join(outDir, 'scorecard.md'),
    html: join(outDir, 'scorecard.html'),
    review_markdown: join(outDir, 'monthly-review.md'),
    review_html: join(outDir, 'monthly-review.html')
  }
  await writeFile(paths.markdown, renderScorecardMarkdown(card))
  await writeFile(paths.html, renderScorecardHtml(card))
  await writeFile(paths.review_markdown, renderMonthlyReviewMarkdown(card))
  await writeFile(paths.review_html, renderMonthlyReviewHtml(card))
  return paths
}
