import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { Report } from '../model/types.js'
import { writeHtmlReport } from '../html/index.js'
import { renderJunit } from './junit.js'
import { renderSummary } from './summary.js'
import { scrubSecrets } from '../util/secrets.js'
import { writeAtomically } from './outputs.js'

export interface ReportPaths {
  reportPath: string
  summaryPath: string
  junitPath: string
  htmlPath: string
}

/**
 * Writes every file made from report.json; report.html also embeds the traces when they are
 * given. Each file appears whole or not at all, report.json last.
 */
export async function writeReportFiles(outDir: string, report: Report, tracesPath?: string): Promise<ReportPaths> {
  await mkdir(outDir, { recursive: true })
  const reportPath = join(outDir, 'report.json')
  const summaryPath = join(outDir, 'summary.md')
  const junitPath = join(outDir, 'junit.xml')
  await writeAtomically(summaryPath, scrubSecrets(renderSummary(report)))
  await writeAtomically(junitPath, scrubSecrets(renderJunit(report)))
  const htmlPath = await writeHtmlReport(outDir, report, tracesPath)
  await writeAtomically(reportPath, scrubSecrets(JSON.stringify(report, null, 2)) + '\n')
  return { reportPath, summaryPath, junitPath, htmlPath }
}
