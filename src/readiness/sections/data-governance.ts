// §3 Data governance: what reaches which provider and region, what is redacted first, who else
// processes it (subprocessors and their DPAs), what is stored where, and for how long.
import { plural } from '../../gate/format.js'
import { check, evidence, lacking, type Check } from '../check.js'
import type { WorkflowReadiness } from '../inputs.js'
import type { ReadinessSectionModule } from '../section.js'

const PROVIDER_FIELDS = [
  ['model_provider', 'model provider'],
  ['region', 'region']
] as const
const RETENTION_KINDS = ['prompts_days', 'traces_days', 'artifacts_days'] as const

export const dataGovernanceSection: ReadinessSectionModule = {
  id: 'data_governance',
  number: 3,
  title: 'data governance',
  score(inputs) {
    const governance = inputs.workflow.data_governance
    const unnamed = PROVIDER_FIELDS.filter(([field]) => !governance?.[field])
    const sent = governance?.sent_to_model ?? []
    const redact = governance?.redact ?? []
    return {
      checks: [
        check(
          unnamed.length === 0,
          `model provider ${governance?.model_provider}, region ${governance?.region}`,
          `no ${unnamed.map(([, words]) => words).join(' or ')} (${unnamed.map(([field]) => `data_governance.${field}`).join(', ')})`
        ),
        check(
          sent.length > 0,
          `what is sent to the model: ${plural(sent.length, 'kind')} of data listed`,
          'what is sent to the model is not listed (data_governance.sent_to_model)'
        ),
        check(
          redact.length > 0,
          `redacted before any model or artifact: ${redact.map((r) => r.name).join(', ')}`,
          'no redaction rules (data_governance.redact)'
        ),
        subprocessors(inputs.subprocessors),
        check(
          (inputs.stored ?? 0) > 0,
          `what is stored where: ${plural(inputs.stored ?? 0, 'entry', 'entries')}`,
          'what is stored where is not listed (data_governance.stored)'
        ),
        retention(inputs.retention, governance?.retention_days)
      ]
    }
  }
}

function subprocessors(listed: WorkflowReadiness['subprocessors']): Check {
  if (!listed || listed.length === 0) return lacking('no subprocessors listed (data_governance.subprocessors)')
  const withoutDpa = listed.filter((s) => !s.dpa_url).map((s) => s.name)
  if (withoutDpa.length > 0) return lacking(`subprocessors without a DPA (dpa_url): ${withoutDpa.join(', ')}`)
  return evidence(`${plural(listed.length, 'subprocessor')} with a DPA: ${listed.map((s) => s.name).join(', ')}`)
}

/** Retention per kind of data; one retention_days for everything is not yet the kit's answer. */
function retention(perKind: WorkflowReadiness['retention'], retentionDays: number | undefined): Check {
  const unset = RETENTION_KINDS.filter((kind) => perKind?.[kind] === undefined)
  if (unset.length === 0)
    return evidence(`retention: ${RETENTION_KINDS.map((kind) => `${kind} ${perKind![kind]}`).join(', ')}`)
  const single = retentionDays !== undefined ? ` (retention_days ${retentionDays} for all)` : ''
  return lacking(`no retention per kind: ${unset.map((kind) => `retention.${kind}`).join(', ')}${single}`)
}
