import type { Readiness } from '../model/types.js'
import { readinessInputs, type ReadinessRun } from '../readiness/inputs.js'
import { scoreReadiness } from '../readiness/score.js'
import type { GateInputs } from './gate-inputs.js'

/** The readiness checklist of the project as the gate judges it (on a PR, as on its base), with what the run recorded. */
export function judgedReadiness(judged: GateInputs, run?: ReadinessRun): Readiness {
  const project = { workflows: judged.workflows, tasks: judged.counted, thresholds: judged.thresholds }
  return scoreReadiness(readinessInputs(project, run))
}
