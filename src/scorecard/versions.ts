// The scorecard's version rows: each report's workflow version, and which files that define the
// agent changed against the column before (report.json `versions`; "unknown" where a report has none).
import { compareFiles, fileNamer } from '../gate/versions.js'
import type { Report, Versions } from '../model/types.js'
import { NOTHING } from './cells.js'
import type { TextRow } from './model.js'

export const UNKNOWN = 'unknown'

/** No rows when no report of the series records versions. */
export function versionRows(reports: readonly Report[]): TextRow[] {
  if (!reports.some((r) => r.versions)) return []
  const names = new Set(reports.flatMap((r) => (r.versions?.workflows ?? []).map((w) => w.workflow)))
  const prefix = (workflow: string) => (names.size > 1 ? `${workflow} ` : '')
  return [
    {
      label: 'Version',
      cells: reports.map((r) =>
        r.versions
          ? r.versions.workflows.map((w) => `${prefix(w.workflow)}${w.version ?? 'no version'}`).join('; ') || NOTHING
          : UNKNOWN
      )
    },
    {
      label: 'Files changed since the previous report',
      cells: reports.map((r, i) => (i === 0 ? NOTHING : changedSince(r.versions, reports[i - 1].versions, prefix)))
    }
  ]
}

function changedSince(
  now: Versions | undefined,
  before: Versions | undefined,
  prefix: (workflow: string) => string
): string {
  if (!now || !before) return UNKNOWN
  const parts = now.workflows.map((w) => {
    const theirs = before.workflows.find((b) => b.workflow === w.workflow)
    if (!theirs) return `${prefix(w.workflow)}new`
    const changed = compareFiles(w.files, theirs.files).filter((f) => f.change !== 'unchanged')
    const name = fileNamer(changed)
    return `${prefix(w.workflow)}${changed.length > 0 ? changed.map(name).join(', ') : 'none'}`
  })
  return parts.join('; ') || NOTHING
}
