// §10 Monthly review: incidents on record, each reproduced by a golden task, and versions that let
// a review tell one month's agent from the next.
import { plural } from '../../gate/format.js'
import { check, evidence, lacking, type Check } from '../check.js'
import type { WorkflowReadiness } from '../inputs.js'
import type { ReadinessSectionModule } from '../section.js'

const SCORECARD =
  'evalgate scorecard over the month’s reports shows success, escalations, cost and failure modes per column'

export const monthlyReviewSection: ReadinessSectionModule = {
  id: 'monthly_review',
  number: 10,
  title: 'monthly review',
  score(inputs) {
    return {
      notes: [SCORECARD],
      checks: [
        incidents(inputs.incidents),
        check(
          inputs.version !== undefined,
          `version ${inputs.version} (workflow.yml version)`,
          'no version in workflow.yml: reviews cannot tell agent versions apart'
        ),
        check(
          inputs.requireBump === true,
          'a prompt, policy or tool change needs a new version (versioning.require_bump)',
          'no versioning.require_bump: a prompt, policy or tool change may keep its version'
        )
      ]
    }
  }
}

function incidents(recorded: WorkflowReadiness['incidents']): Check {
  if (!recorded) return lacking('no incidents.yml beside workflow.yml')
  if (recorded.withoutTask > 0)
    return lacking(
      `${plural(recorded.withoutTask, 'incident')} in incidents.yml without a golden task that reproduces it`
    )
  return evidence(
    recorded.total === 0
      ? 'incidents.yml: no incident yet'
      : `incidents.yml: ${plural(recorded.total, 'incident')}, each reproduced by a golden task`
  )
}
