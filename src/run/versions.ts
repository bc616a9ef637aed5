// report.json `versions` of a run: each workflow's files as loaded (manifest, prompt, policy, tool
// schemas, agent code) and the thresholds file, against the baseline's when there is one.
import { againstBaseline } from '../gate/versions.js'
import type { BaselineSnapshot } from '../gate/paired.js'
import type { VersionedFile, Versions, WorkflowVersions, Workflow } from '../model/types.js'
import type { IncidentDefinition } from '../report/incidents.js'

export function versionsOf(
  workflows: readonly Workflow[],
  thresholdsFile: VersionedFile | undefined,
  commit: string | undefined,
  baseline: BaselineSnapshot | undefined
): Versions {
  return {
    ...(commit ? { commit } : {}),
    workflows: workflows.map((w) => {
      const own: WorkflowVersions = {
        workflow: w.name,
        ...(w.version !== undefined ? { version: w.version } : {}),
        require_bump: w.versioning?.require_bump === true,
        files: [...(w.versioned_files ?? []), ...(thresholdsFile ? [thresholdsFile] : [])]
      }
      return baseline ? { ...own, against_baseline: againstBaseline(own, baseline.versions) } : own
    })
  }
}

/** Every workflow's incidents.yml entries. */
export function incidentsOf(workflows: readonly Workflow[]): IncidentDefinition[] {
  return workflows.flatMap((w) => (w.incidents ?? []).map((incident) => ({ workflow: w.name, ...incident })))
}
