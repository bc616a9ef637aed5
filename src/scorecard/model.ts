import type { Decision } from '../model/types.js'

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
