import { phaseNamed } from '../model/rollout.js'
import { PHASES, type Phase } from '../model/types.js'
import { InputError } from '../util/problems.js'

/** `--phase NAME`: the rollout phase to judge every workflow at. */
export function phaseOption(value: string): Phase {
  const phase = phaseNamed(value)
  if (!phase) throw new InputError(`--phase must be one of ${PHASES.join(', ')}, got "${value}"`)
  return phase
}
