// A section of the readiness kit: its place and name, and how it is scored for one workflow.
import type { SectionScore } from './check.js'
import type { WorkflowReadiness } from './inputs.js'

export interface ReadinessSectionModule {
  /** report.json's id, e.g. `data_governance`. */
  id: string
  /** Its number in the kit (§1 to §10). */
  number: number
  title: string
  /** Pure: the same inputs, the same score. */
  score(inputs: WorkflowReadiness): SectionScore
}
