// (f) The incident runbook: the manifest's `runbook` file, rendered; or what is missing.
import type { Block } from '../blocks.js'
import type { EvidenceInput } from '../input.js'
import { muted, paragraph, perWorkflow } from '../make.js'
import type { PackPage } from '../page.js'
import { runbookBlocks } from '../runbook-markdown.js'

const NO_RUNBOOK = 'no runbook declared (workflow.yml runbook:)'

export const runbookPage: PackPage = {
  id: 'runbook',
  title: 'Incident runbook',
  summary: (input) => {
    const declared = input.workflows.filter((w) => w.runbook)
    if (declared.length === 0) return NO_RUNBOOK
    if (declared.length === input.workflows.length) return declared.map((w) => w.runbook!.file).join(', ')
    return `declared by ${declared.map((w) => w.info.name).join(', ')}; not by ${undeclared(input).join(', ')}`
  },
  blocks: (input) =>
    perWorkflow(input, (w): Block[] =>
      w.runbook
        ? [paragraph(['From ', { text: w.runbook.file, code: true }, ':']), ...runbookBlocks(w.runbook.text)]
        : [paragraph({ text: NO_RUNBOOK, strong: true }), muted(RUNBOOK_ASKS)]
    )
}

const RUNBOOK_ASKS =
  'The readiness kit asks for one: when to escalate, the fallback behaviour, who is on call, and how to turn the automation off.'

function undeclared(input: EvidenceInput): string[] {
  return input.workflows.filter((w) => !w.runbook).map((w) => w.info.name)
}
