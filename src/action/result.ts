import type { OutputPaths } from '../report/outputs.js'
import type { TaskCounts } from './task-counts.js'

/** What a mode hands back to main: the outputs, and why the step fails when it does. */
export interface ModeResult {
  decision: string
  /** The files written, when the gate ran (the step outputs of those OUTPUTS name one). */
  paths?: OutputPaths
  successRates?: Record<string, number>
  /** The report's task counts, when the gate ran (empty step outputs otherwise). */
  counts?: TaskCounts
  /** The step output `retention-days`, when the report's manifests say how long artifacts are kept. */
  retentionDays?: number
  failure?: string
}
