// Reading report.json files back (shards to merge, baselines, scorecards) by the schemas of
// src/model/report.ts.
import { readFile } from 'node:fs/promises'
import type { z } from 'zod'
import type { BaselineSnapshot } from '../gate/decide.js'
import { baselineSnapshot } from '../gate/baseline.js'
import { InputError } from '../util/problems.js'
import { decodeUserText } from '../util/read-text.js'
import { jsonMessage } from '../util/yaml-messages.js'
import { baselineReportSchema, reportFileSchema, type Report } from '../model/report.js'
import { flakyTasks } from './build.js'
import { runAttempts } from '../gate/run-attempts.js'

/** Reads and parses a JSON file; a missing file or bad JSON is the user's mistake. */
export async function readJsonFile(file: string): Promise<unknown> {
  let bytes: Buffer
  try {
    bytes = await readFile(file)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    const message = code === 'ENOENT' ? 'file not found' : `cannot read: ${(error as Error).message}`
    throw new InputError([{ file, message, severity: 'error' }])
  }
  const decoded = decodeUserText(bytes, file)
  if (!decoded.ok) throw new InputError([decoded.problem])
  try {
    return JSON.parse(decoded.text) as unknown
  } catch (error) {
    throw notAReport(file, `not valid JSON (${jsonMessage((error as Error).message)})`)
  }
}

export function notAReport(file: string, detail: string): InputError {
  return new InputError([{ file, message: `not an evalgate report: ${detail}`, severity: 'error' }])
}

/** The first few schema problems on one line, e.g. `tasks.3.status: Invalid option ...`. */
export function describeIssues(error: z.ZodError, limit = 3): string {
  const lines = error.issues
    .slice(0, limit)
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(top level)'}: ${issue.message}`)
  const more = error.issues.length > limit ? ` (and ${error.issues.length - limit} more)` : ''
  return lines.join('; ') + more
}

export function parseReport(data: unknown, file: string): Report {
  const result = reportFileSchema.safeParse(data)
  if (!result.success) throw notAReport(file, describeIssues(result.error))
  const report = result.data
  // A report written before issue 9 ran a fixed number of attempts (repeat, default 1).
  return {
    ...report,
    attempts: report.attempts ?? runAttempts(report.tasks, { repeat: report.repeat ?? 1 }),
    flaky_tasks: report.flaky_tasks ?? flakyTasks(report.tasks)
  }
}

export async function readReport(file: string): Promise<Report> {
  return parseReport(await readJsonFile(file), file)
}

/** A report as the baseline of a run (`--baseline`). */
export async function loadBaseline(file: string): Promise<BaselineSnapshot> {
  const result = baselineReportSchema.safeParse(await readJsonFile(file))
  if (!result.success) throw notAReport(file, describeIssues(result.error))
  return baselineSnapshot(result.data, file)
}
