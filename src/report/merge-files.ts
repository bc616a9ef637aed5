import { dirname, join } from 'node:path'
import type { Report } from '../model/types.js'
import { readReport } from './read-report.js'
import { mergeReports, type MergeRules } from './merge.js'
import { TRACES_FILE, type OutputPaths } from './outputs.js'
import { writeReportFiles } from './write.js'

export interface MergedFiles {
  report: Report
  paths: OutputPaths
}

/**
 * Merges shard report files into outDir, deciding by `rules`; the traces.jsonl beside each shard
 * report are concatenated too.
 */
export async function mergeShardFiles(files: string[], outDir: string, rules: MergeRules): Promise<MergedFiles> {
  const reports = await Promise.all(files.map((file) => readReport(file)))
  const report = mergeReports(reports, files, rules)
  const traces = files.map((file) => join(dirname(file), TRACES_FILE))
  return { report, paths: await writeReportFiles(outDir, report, traces) }
}
