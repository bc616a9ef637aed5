import type { Decision, IncidentResult, Report, Severity } from '../model/types.js'

/** One report of the series and the file it was read from. */
export interface ReportFile {
  file: string
  report: Report
}

/** One report of the series: a column of the scorecard. */
export interface ScorecardColumn {
  file: string
  created_at: string
  commit?: string
  /** `2025-01-06 · abc1234`: the report's date (UTC) and short commit. */
  label: string
  decision: Decision
  tasks: number
}

/** A row of the scorecard: one value per column, `null` where a report has nothing to measure. */
export interface ScorecardRow {
  label: string
  values: (number | null)[]
}

export interface FailureModeRow {
  cause: string
  label: string
  /** Tasks with this cause in each report (0 when it had none). */
  counts: number[]
}

/** The numbers of a series of reports, oldest first. */
export interface Scorecard {
  columns: ScorecardColumn[]
  workflows: string[]
  success_rate: ScorecardRow
  /** Per workflow and tier, labelled `T1` (or `refunds T1` when the series has several workflows). */
  tiers: ScorecardRow[]
  escalation_rate: ScorecardRow
  containment_rate: ScorecardRow
  error_rate: ScorecardRow
  cost_per_success_usd: ScorecardRow
  /** Gross margins per workflow with economics, and the columns flagged. */
  economics: ScorecardEconomics
  failure_modes: FailureModeRow[]
  /** Each column's workflow version and the files changed since the column before (none without versions). */
  versions: TextRow[]
  /** Every incident the series records, newest first. */
  incidents: ScorecardIncident[]
  incident_months: IncidentMonth[]
  /** The monthly review: one row per month of the reports' created_at, oldest first. */
  months: MonthReview[]
}

/** A row of words, one per column. */
export interface TextRow {
  label: string
  cells: string[]
}

/** An incident as the latest report of the series that records it says. */
export interface ScorecardIncident extends IncidentResult {
  /** That report: its `passing` says whether the incident's tasks pass now. */
  file: string
  created_at: string
}

export interface IncidentMonth {
  /** `2025-03`, of the incidents' dates. */
  month: string
  count: number
  severities: Record<Severity, number>
  /** Of them, those whose tasks fail now. */
  failing: number
}

/** One month of reports (by created_at), every task result of its reports pooled. */
export interface MonthReview {
  month: string
  reports: number
  /** Task results of the month's reports. */
  results: number
  success_rate: number | null
  containment_rate: number | null
  /** Task results whose answer escalated. */
  escalations: number
  /** Incidents dated in the month. */
  incidents: number
  /** The three largest causes over the month's results. */
  failure_modes: { label: string; count: number }[]
}

/** A column whose margin fell under its target or dropped more than max_margin_drop. */
export interface MarginFlag {
  /** Index into `columns`. */
  column: number
  workflow: string
  /** e.g. `Gross margin: 62.0%, under the target 70%`. */
  text: string
}

export interface ScorecardEconomics {
  /** `Cost per passed attempt`, where a report has it (the figure the margins are computed from). */
  costs: ScorecardRow[]
  margins: (ScorecardRow & { workflow: string })[]
  flags: MarginFlag[]
}
