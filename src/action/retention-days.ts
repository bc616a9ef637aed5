// The step output `retention-days`, for actions/upload-artifact: the artifacts of a run expire
// when the manifests say.
import { retentionDays } from '../model/governance.js'
import type { Report } from '../model/types.js'

/**
 * The shortest artifacts retention of the report's workflows (`retention.artifacts_days`, else
 * `retention_days`), at least 1: upload-artifact reads 0 as the repository's default. Undefined
 * when no workflow says.
 */
export function retentionDaysOutput(report: Report): number | undefined {
  const days = report.workflows.flatMap((w) => {
    const kept = retentionDays(w.data_governance, 'artifacts')
    return kept === undefined ? [] : [kept]
  })
  return days.length === 0
    ? undefined
    : Math.max(
        1,
        days.reduce((a, b) => Math.min(a, b))
      )
}
