import { createReadStream, createWriteStream, existsSync } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import { pipeline } from 'node:stream/promises'
import type { Report } from '../model/types.js'
import { readReport } from './read-report.js'
import { mergeReports, type MergeRules } from './merge.js'
import { writeReportFiles } from './write.js'

export interface MergedFiles {
  report: Report
  paths: { report: string; summary: string; junit: string; html: string; traces?: string }
}

/**
 * Merges shard report files into outDir, deciding by `rules`; the traces.jsonl beside each shard
 * report are concatenated too.
 */
export async function mergeShardFiles(files: string[], outDir: string, rules: MergeRules): Promise<MergedFiles> {
  const reports = await Promise.all(files.map((file) => readReport(file)))
  const report = mergeReports(reports, files, rules)
  const traces = await concatTraces(files, outDir)
  const written = await writeReportFiles(outDir, report, traces)
  return {
    report,
    paths: {
      report: written.reportPath,
      summary: written.summaryPath,
      junit: written.junitPath,
      html: written.htmlPath,
      ...(traces ? { traces } : {})
    }
  }
}

async function concatTraces(files: string[], outDir: string): Promise<string | undefined> {
  const target = join(outDir, 'traces.jsonl')
  const sources = files
    .map((file) => join(dirname(file), 'traces.jsonl'))
    .filter((file) => existsSync(file) && resolve(file) !== resolve(target))
  if (sources.length === 0) return undefined
  await mkdir(outDir, { recursive: true })
  const out = createWriteStream(target)
  for (const source of sources) await pipeline(createReadStream(source), out, { end: false })
  out.end()
  await new Promise<void>((done, fail) => out.on('finish', done).on('error', fail))
  return target
}
