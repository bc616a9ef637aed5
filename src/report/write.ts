import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Report } from '../model/types.js'
import { writeHtmlReport } from '../html/index.js'
import { renderJunit } from './junit.js'
import { renderSummary } from './summary.js'
import { scrubSecrets } from '../util/secrets.js'

export interface ReportPaths {
  reportPath: string
  summaryPath: string
  junitPath: string
  htmlPath: string
}

/** Writes every file made from report.json; report.html also embeds the traces when they are given. */
export async function writeReportFiles(outDir: string, report: Report, tracesPath?: string): Promise<ReportPaths> {
  await mkdir(outDir, { recursive: true })
  const reportPath = join(outDir, 'report.json')
  const summaryPath = join(outDir, 'summary.md')
  const junitPath = join(outDir, 'junit.xml')
  await writeFile(reportPath, scrubSecrets(JSON.stringify(report, null, 2)) + '\n')
  await writeFile(summaryPath, scrubSecrets(renderSummary(report)))
  await writeFile(junitPath, scrubSecrets(renderJunit(report)))
  const htmlPath = await writeHtmlReport(outDir, report, tracesPath)
  return { reportPath, summaryPath, junitPath, htmlPath }
}
