// (c) Data governance: what is sent to which model provider and region, how long it is kept, what
// is redacted; worded as report.html words it.
import { plural } from '../../gate/format.js'
import { governanceFacts, NO_GOVERNANCE, retentionText } from '../../html/sections/manifest-facts.js'
import { BUILTIN_REDACTIONS } from '../../redact/builtin-rules.js'
import type { Block } from '../blocks.js'
import type { EvidenceWorkflow } from '../input.js'
import { changedNote, muted, paragraph, perWorkflow, wordedFacts } from '../make.js'
import type { PackPage } from '../page.js'

export const governancePage: PackPage = {
  id: 'data-governance',
  title: 'Data governance',
  summary: (input) => input.workflows.map((w) => `${w.info.name}: ${governanceSummary(w)}`).join('; '),
  blocks: (input) => perWorkflow(input, governanceBlocks)
}

function governanceBlocks(w: EvidenceWorkflow): Block[] {
  const g = w.info.data_governance
  return [
    ...changedNote(w),
    ...(g ? wordedFacts(governanceFacts(g)) : [muted(NO_GOVERNANCE)]),
    paragraph(
      'The redaction rules apply before anything reaches a model or an artifact of a run (traces, report, ' +
        'summary, PR comment). Secrets (API keys, credential headers) are never written.'
    ),
    muted(
      `This pack redacts what it quotes of the run again, by these rules and every built-in one ` +
        `(${Object.keys(BUILTIN_REDACTIONS).join(', ')}).`
    )
  ]
}

function governanceSummary(w: EvidenceWorkflow): string {
  const g = w.info.data_governance
  if (!g) return 'not declared'
  const where = [g.model_provider, g.region].filter((part) => part !== undefined).join(', ') || 'provider not declared'
  const processors = g.subprocessors ? `; ${plural(g.subprocessors.length, 'subprocessor')}` : ''
  return `${where}; retention ${retentionText(g)}; ${plural(g.redact.length, 'redaction rule')}${processors}`
}
