// incidents.yml beside a workflow.yml (issue 14): the incidents the workflow had in production,
// each with the golden tasks that reproduce it, and what a run says of those tasks.
import * as z from 'zod'
import { kept, strictMap, text } from './schema-common.js'

/** sev1 is the most severe (the whole workflow down, money moved wrongly), sev4 the least. */
export const SEVERITIES = ['sev1', 'sev2', 'sev3', 'sev4'] as const
export type Severity = (typeof SEVERITIES)[number]

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/** A calendar date written YYYY-MM-DD that exists (no 2025-02-30). */
export function isCalendarDate(value: string): boolean {
  const match = ISO_DATE.exec(value)
  if (!match) return false
  const [year, month, day] = match.slice(1).map(Number)
  const date = new Date(Date.UTC(year, month - 1, day))
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
}

export const incidentSchema = strictMap({
  id: text.describe('Unique in the file, e.g. INC-2025-014.'),
  date: z
    .string()
    .regex(ISO_DATE, 'must be a date written YYYY-MM-DD')
    .refine(isCalendarDate, {
      message: 'must be a date that exists, written YYYY-MM-DD',
      when: (payload) => payload.issues.length === 0
    })
    .describe('The day it happened, YYYY-MM-DD (the scorecard counts incidents per month of this date).'),
  severity: z.enum(SEVERITIES).describe('sev1 (most severe) to sev4.'),
  summary: text.describe('What happened, in a sentence.'),
  tasks: z
    .array(text)
    .default(() => [])
    .describe('The ids of the golden tasks (of this workflow) that reproduce it; validate warns when there are none.')
})
export type Incident = z.output<typeof incidentSchema>

export const incidentsFileSchema = z.array(incidentSchema)

/** An incident task's status in a run; `absent`: the run did not hold it (a --filter, a shard). */
export const INCIDENT_TASK_STATUSES = ['pass', 'fail', 'error', 'not_run', 'absent'] as const

/** An incident as report.json records it: the file's entry, its workflow, and whether its tasks pass in this run. */
export const incidentResultSchema = kept({
  workflow: z.string(),
  id: z.string(),
  date: z.string(),
  severity: z.enum(SEVERITIES),
  summary: z.string(),
  tasks: z.array(kept({ id: z.string(), status: z.enum(INCIDENT_TASK_STATUSES) })),
  /** True when every one of its tasks passed, false when one failed or errored, null when that is not known (no task, or one not run). */
  passing: z.boolean().nullable()
})
export type IncidentResult = z.output<typeof incidentResultSchema>
