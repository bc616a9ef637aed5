// (a) The workflow manifest: what the agent is for, what it receives, what success means, what it
// must escalate, how it is turned off, and the golden tasks that hold it to that.
import { plural, thresholdPercent } from '../../gate/format.js'
import { agentText, listOrNone, NOT_RECORDED } from '../../html/sections/manifest-facts.js'
import { PHASE_RULES } from '../../model/rollout.js'
import { RISKS, TIERS } from '../../model/types.js'
import type { KillSwitch } from '../../model/workflow.js'
import type { Block } from '../blocks.js'
import type { EvidenceWorkflow } from '../input.js'
import { changedNote, facts, heading, listOr, paragraph, perWorkflow } from '../make.js'
import type { PackPage } from '../page.js'

export const manifestPage: PackPage = {
  id: 'manifest',
  title: 'Workflow manifest',
  summary: (input) =>
    input.workflows
      .map((w) => `${w.info.name}: ${plural(w.tasks.length, 'golden task')}, phase ${w.info.phase ?? 'autonomous'}`)
      .join('; '),
  blocks: (input) => perWorkflow(input, manifestBlocks)
}

function manifestBlocks(w: EvidenceWorkflow): Block[] {
  const info = w.info
  const phase = info.phase ?? 'autonomous'
  return [
    ...changedNote(w),
    ...(info.description ? [paragraph(info.description)] : []),
    facts([
      ['Manifest', { text: info.file, code: true }],
      ['Agent', `${agentText(info)}${w.judgeModel ? `; judge ${w.judgeModel}` : ''}`],
      ['Rollout phase', [{ text: phase, strong: true }, ` — ${PHASE_RULES[phase].allows}`]],
      ['Input sources', info.inputs ? listOrNone(info.inputs.sources) : NOT_RECORDED],
      ['Required input fields', info.inputs ? listOrNone(info.inputs.required) : NOT_RECORDED],
      ['Golden tasks', taskCounts(w)],
      ['Escalation', escalationText(w)],
      ['Kill switch', killSwitchText(w.killSwitch)],
      ['Runbook', w.runbook ? { text: w.runbook.file, page: 'runbook' } : 'not declared (workflow.yml runbook:)']
    ]),
    heading(3, 'Outcomes'),
    facts([
      ['Success', info.outcomes?.success ?? 'not defined'],
      ['Failure', info.outcomes?.failure ?? 'not defined']
    ]),
    heading(3, 'Out of scope: the agent must escalate'),
    listOr(info.out_of_scope ?? [], 'nothing declared out of scope'),
    paragraph([
      'What it may call: the ',
      { text: 'permission matrix', page: 'permissions' },
      '; what leaves the building: ',
      { text: 'data governance', page: 'data-governance' },
      '.'
    ])
  ]
}

/** `210: T1 60, T2 90, T3 60 — high risk 40, medium 70, low 100`. */
function taskCounts(w: EvidenceWorkflow): string {
  const count = <K extends 'tier' | 'risk'>(key: K, values: readonly string[], label: (v: string) => string) =>
    values
      .map((v) => [v, w.tasks.filter((t) => t[key] === v).length] as const)
      .filter(([, n]) => n > 0)
      .map(([v, n]) => `${label(v)} ${n}`)
      .join(', ')
  if (w.tasks.length === 0) return 'none'
  const risks = count('risk', [...RISKS].reverse(), (risk) => risk)
  return `${w.tasks.length}: ${count('tier', TIERS, (tier) => tier)} — risk ${risks}`
}

function escalationText(w: EvidenceWorkflow): string {
  const floor = w.escalation?.min_confidence
  return floor === undefined
    ? 'no confidence floor declared (escalation.min_confidence)'
    : `an answer less confident than ${thresholdPercent(floor)} must escalate (a guardrail)`
}

function killSwitchText(killSwitch: KillSwitch | undefined): string {
  if (!killSwitch) return 'none declared (workflow.yml kill_switch)'
  const how = killSwitch.env
    ? `environment variable ${killSwitch.env}=${killSwitch.value}`
    : `request header ${killSwitch.header}: ${killSwitch.value}`
  return `${how}; every run drills ${plural(killSwitch.drill_tasks, 'task')} with it on (no write, no proposal, escalate)`
}
