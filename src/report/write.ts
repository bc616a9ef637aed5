import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { Report } from '../model/types.js'
import { OUTPUTS, type OutputPaths } from './outputs.js'

/**
 * Writes every output of the report in outDir (traces.jsonl from `traceSources`, and report.html
 * embeds it), each whole or not at all, report.json last.
 */
export async function writeReportFiles(
  outDir: string,
  report: Report,
  traceSources: readonly string[] = []
): Promise<OutputPaths> {
  await mkdir(outDir, { recursive: true })
  const written: Partial<OutputPaths> = {}
  for (const output of [...OUTPUTS.filter((o) => !o.last), ...OUTPUTS.filter((o) => o.last)]) {
    const path = join(outDir, output.file)
    if (await output.write(path, { outDir, report, traceSources, written })) written[output.name] = path
  }
  // Only an optional format may write nothing.
  return written as OutputPaths
}
