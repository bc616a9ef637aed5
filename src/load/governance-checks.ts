// What loading says about data_governance beyond its shape: a retention_days that no kind of
// data falls back to (retention lists every kind) says nothing, and is probably a leftover.
import { RETENTION_KINDS } from '../model/governance.js'
import type { DataGovernance } from '../model/workflow.js'
import type { Problem } from '../util/problems.js'
import type { Located } from './located.js'

export function governanceWarnings(governance: DataGovernance, manifest: Located, file: string): Problem[] {
  const { retention, retention_days } = governance
  if (retention_days === undefined || !retention) return []
  if (RETENTION_KINDS.some((kind) => retention[`${kind}_days`] === undefined)) return []
  const listed = RETENTION_KINDS.map((kind) => `${kind}_days`).join(', ')
  return [
    {
      file,
      line: manifest.lineOf(['data_governance', 'retention_days']),
      message: `data_governance.retention_days is not used: retention sets ${listed}`,
      severity: 'warning'
    }
  ]
}
