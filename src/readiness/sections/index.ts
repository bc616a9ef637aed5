// The readiness kit's ten sections, in the kit's order: one module each. A new criterion goes in
// its section's module; a new section is its module and one entry here.
import type { ReadinessSectionModule } from '../section.js'
import { costControlsSection } from './cost-controls.js'
import { dataGovernanceSection } from './data-governance.js'
import { escalationSection } from './escalation.js'
import { goldenTasksSection } from './golden-tasks.js'
import { manifestSection } from './manifest.js'
import { monthlyReviewSection } from './monthly-review.js'
import { permissionsSection } from './permissions.js'
import { regressionGateSection } from './regression-gate.js'
import { rolloutSection } from './rollout.js'
import { tracingSection } from './tracing.js'

export const READINESS_SECTIONS: readonly ReadinessSectionModule[] = [
  manifestSection,
  permissionsSection,
  dataGovernanceSection,
  goldenTasksSection,
  regressionGateSection,
  tracingSection,
  escalationSection,
  costControlsSection,
  rolloutSection,
  monthlyReviewSection
]
