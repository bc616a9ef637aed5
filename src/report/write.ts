import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Report } from '../model/types.js'
import { renderSummary } from './summary.js'
import { scrubSecrets } from '../util/secrets.js'

export async function writeReportFiles(
  outDir: string,
  report: Report
): Promise<{ reportPath: string; summaryPath: string }> {
  await mkdir(outDir, { recursive: true })
  const reportPath = join(outDir, 'report.json')
  const summaryPath = join(outDir, 'summary.md')
  await writeFile(reportPath, scrubSecrets(JSON.stringify(report, null, 2)) + '\n')
  await writeFile(summaryPath, scrubSecrets(renderSummary(report)))
  return { reportPath, summaryPath }
}
