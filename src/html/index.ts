// report.html: one self-contained page (no network, inline CSS and JS) that opens from a
// downloaded artifact. Written as a stream: traces are copied in line by line.
import { mkdir, stat } from 'node:fs/promises'
import { join } from 'node:path'
import type { Report, TaskResult } from '../model/types.js'
import { scrubValue } from '../util/secrets.js'
import { jsonForScript, jsonScript } from './escape.js'
import { pageEnd, pageStart } from './page.js'
import { streamAtomically } from '../util/atomic-file.js'
import { writeTraceChunks, type TraceIndex } from './trace-chunks.js'
import { StringTable, taskRow } from './task-rows.js'
import type { FileSink } from '../util/file-sink.js'

export const HTML_REPORT_FILE = 'report.html'

/** Writes `outDir/report.html` from the report and (when given and present) its traces.jsonl. */
export async function writeHtmlReport(outDir: string, report: Report, tracesPath?: string): Promise<string> {
  await mkdir(outDir, { recursive: true })
  const htmlPath = join(outDir, HTML_REPORT_FILE)
  const safeReport = scrubValue(report)
  const withTraces = tracesPath !== undefined && (await isFile(tracesPath))
  // Written under a temporary name: a half-written page would look like a report.
  await streamAtomically(htmlPath, async (sink) => {
    await sink.write(pageStart(safeReport))
    await sink.write(jsonScript('eg-meta', JSON.stringify(pageMeta(safeReport))))
    await writeTaskRows(sink, safeReport.tasks)
    const index: TraceIndex | null = withTraces ? await writeTraceChunks(tracesPath, (text) => sink.write(text)) : null
    await sink.write(jsonScript('eg-trace-index', JSON.stringify({ included: index !== null, ...index })))
    await sink.write(pageEnd())
  })
  return htmlPath
}

/** Rows that are written together into the block. */
const ROWS_PER_WRITE = 500

/** The task table's data (src/html/task-rows.ts), written a few hundred rows at a time. */
async function writeTaskRows(sink: FileSink, tasks: readonly TaskResult[]): Promise<void> {
  const table = new StringTable()
  await sink.write('<script type="application/json" id="eg-tasks">[')
  for (let start = 0; start < tasks.length; start += ROWS_PER_WRITE) {
    const rows = tasks.slice(start, start + ROWS_PER_WRITE).map((task) => JSON.stringify(taskRow(task, table)))
    await sink.write((start > 0 ? ',' : '') + jsonForScript(rows.join(',')))
  }
  await sink.write(']</script>\n')
  await sink.write(jsonScript('eg-task-strings', JSON.stringify(table.strings)))
}

/** What the page script needs besides the tasks: the permission matrix marks each tool call. */
function pageMeta(report: Report) {
  return {
    repeat: report.repeat,
    permissions: Object.fromEntries(report.workflows.map((w) => [w.name, w.permissions ?? null]))
  }
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile()
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false
    throw err
  }
}
