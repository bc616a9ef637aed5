import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { renderScorecardHtml } from './html.js'
import { renderScorecardMarkdown } from './markdown.js'
import type { Scorecard } from './model.js'

export interface ScorecardPaths {
  markdown: string
  html: string
}

export async function writeScorecard(outDir: string, card: Scorecard): Promise<ScorecardPaths> {
  await mkdir(outDir, { recursive: true })
  const paths = { markdown: join(outDir, 'scorecard.md'), html: join(outDir, 'scorecard.html') }
  await writeFile(paths.markdown, renderScorecardMarkdown(card))
  await writeFile(paths.html, renderScorecardHtml(card))
  return paths
}
