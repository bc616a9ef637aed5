// §1 Workflow manifest: what the workflow is for, what it takes, what success means, what it must not do.
import { plural } from '../../gate/format.js'
import { check } from '../check.js'
import type { ReadinessSectionModule } from '../section.js'

export const manifestSection: ReadinessSectionModule = {
  id: 'workflow_manifest',
  number: 1,
  title: 'workflow manifest',
  score({ workflow }) {
    const { inputs, outcomes, out_of_scope: outOfScope } = workflow
    const undefinedOutcomes = (['success', 'failure'] as const).filter((o) => !outcomes[o]?.trim())
    return {
      checks: [
        check(Boolean(workflow.description?.trim()), 'a description of what the workflow does', 'no description'),
        check(
          inputs.sources.length > 0,
          `input sources: ${inputs.sources.join(', ')}`,
          'no input sources (inputs.sources)'
        ),
        check(
          inputs.required.length > 0,
          `required input fields: ${inputs.required.join(', ')}`,
          'no required input fields (inputs.required)'
        ),
        check(
          undefinedOutcomes.length === 0,
          'success and failure outcomes defined',
          `no ${undefinedOutcomes.join(' or ')} outcome (${undefinedOutcomes.map((o) => `outcomes.${o}`).join(', ')})`
        ),
        check(
          outOfScope.length > 0,
          `${plural(outOfScope.length, 'out-of-scope case')} listed`,
          'no out-of-scope cases (out_of_scope)'
        )
      ]
    }
  }
}
