// The readiness checklist as a pure function of its inputs: the registry of the kit's ten
// sections, what each counts as met, partial and missing, and how several workflows combine.
import { describe, expect, it } from '@jest/globals'
import { READINESS_SECTIONS } from '../../src/readiness/sections/index.js'
import { readinessInputs, type WorkflowReadiness } from '../../src/readiness/inputs.js'
import { scoreReadiness } from '../../src/readiness/score.js'
import { sectionLine, withReadiness } from '../../src/gate/readiness.js'
import type { LoadedTask } from '../../src/load/task-schema.js'
import type { Readiness, Workflow } from '../../src/model/types.js'
import { task, thresholds, workflow } from '../base/builders.js'

/** A manifest with every field the kit asks of it that exists today. */
function readyWorkflow(name = 'wf'): Workflow {
  return workflow(name, {
    description: 'Handles refunds',
    inputs: { sources: ['email'], required: ['customer_id'] },
    outcomes: { success: 'refunded as policy says', failure: 'money moved wrongly' },
    out_of_scope: ['chargebacks'],
    permissions: {
      lookup_order: { scope: 'read', risk: 'low', approval: 'none', scopes: ['orders:read'] },
      issue_refund: { scope: 'write', risk: 'high', approval: 'required', scopes: ['payments:refund'] }
    },
    identity: { model: 'delegated_service', principal: 'svc-refunds' },
    data_governance: {
      model_provider: 'openai',
      region: 'eu',
      sent_to_model: ['ticket text'],
      redact: [{ name: 'email', pattern: 'x' }]
    },
    escalation: { min_confidence: 0.7 },
    rollout: { phase: 'propose' },
    kill_switch: { env: 'AGENT_OFF', value: '1', drill_tasks: 3 }
  })
}

function readyTasks(name = 'wf'): LoadedTask[] {
  return [
    task('a', { workflow: name, tier: 'T1', risk: 'high', expected: { escalate: true, actions_match: 'superset' } }),
    task('b', {
      workflow: name,
      tier: 'T2',
      fixtures: { lookup_order: { kind: 'cases', cases: [{ when: {}, fault: 'timeout' }] } },
      expected: { fallback: 'human', actions_match: 'superset' }
    }),
    task('c', { workflow: name, tier: 'T3' })
  ]
}

const readyThresholds = thresholds({
  rules: {
    tiers: { T1: { min_success: 0.9, min_tasks: 1 }, T2: { min_success: 0.8 }, T3: { min_success: 0.7 } },
    max_drop: { T1: 0.02 },
    decision: { margin: 0 }
  },
  phases: { autonomous: { tiers: { T1: { min_success: 0.97 } } } },
  budgets: { ...thresholds().budgets, max_cost_usd: 5 },
  override: { approvers: ['alice'], min_permission: 'maintain', allow_author: false }
})

/** What parts G, C and V of issue 14 bring, as the lead wires them into readinessInputs. */
const wired: Partial<WorkflowReadiness> = {
  runbook: { path: 'RUNBOOK.md', sectionsMissing: [] },
  subprocessors: [{ name: 'openai', dpa_url: 'https://openai.com/dpa' }],
  stored: 2,
  retention: { prompts_days: 0, traces_days: 30, artifacts_days: 30 },
  maxCostPerSuccessUsd: 0.05,
  economics: { value_per_success_usd: 2, min_gross_margin: 0.6 },
  incidents: { total: 1, withoutTask: 0 },
  version: '2.1.0',
  requireBump: true
}

function score(workflows: Workflow[], tasks: LoadedTask[], extra: Partial<WorkflowReadiness> = {}): Readiness {
  const inputs = readinessInputs({ workflows, tasks, thresholds: readyThresholds })
  return scoreReadiness({ workflows: inputs.workflows.map((w) => ({ ...w, ...extra })) })
}

const statuses = (r: Readiness) => Object.fromEntries(r.sections.map((s) => [s.number, s.status]))
const section = (r: Readiness, number: number) => r.sections.find((s) => s.number === number)!

describe('the registry of sections', () => {
  it('holds the kit’s ten sections in order, each with its own id', () => {
    expect(READINESS_SECTIONS.map((s) => `${s.number} ${s.title}`)).toEqual([
      '1 workflow manifest',
      '2 permission matrix',
      '3 data governance',
      '4 golden tasks',
      '5 regression gate',
      '6 tracing',
      '7 escalation & fallback',
      '8 cost controls',
      '9 phased rollout',
      '10 monthly review'
    ])
    expect(new Set(READINESS_SECTIONS.map((s) => s.id)).size).toBe(10)
  })
})

describe('scoreReadiness', () => {
  it('meets every section when the manifest, tasks, thresholds and the fields of parts G, C and V are all there', () => {
    const readiness = score([readyWorkflow()], readyTasks(), wired)
    expect(readiness.sections.filter((s) => s.status !== 'met').map(sectionLine)).toEqual([])
    expect(readiness).toMatchObject({ met: 10, partial: 0, missing: 0 })
    for (const s of readiness.sections) expect(s.missing).toEqual([])
  })

  it('counts an undefined field of G, C or V as not declared', () => {
    const readiness = score([readyWorkflow()], readyTasks())
    expect(statuses(readiness)).toEqual({
      1: 'met',
      2: 'met',
      3: 'partial',
      4: 'met',
      5: 'met',
      6: 'met',
      7: 'partial',
      8: 'partial',
      9: 'met',
      10: 'missing'
    })
    expect(section(readiness, 3).missing).toContain('no subprocessors listed (data_governance.subprocessors)')
    expect(section(readiness, 7).missing).toEqual(['no runbook (workflow.yml runbook)'])
    expect(section(readiness, 10).missing[0]).toBe('no incidents.yml beside workflow.yml')
  })

  it('scores a bare manifest: what it has is evidence, what the kit asks for is missing', () => {
    const readiness = scoreReadiness(
      readinessInputs({
        workflows: [workflow('wf')],
        tasks: [task('only')],
        thresholds: thresholds({ rules: { tiers: { T1: { min_success: 0.5 } }, max_drop: {} } })
      })
    )
    expect(statuses(readiness)).toEqual({
      1: 'missing',
      2: 'partial',
      3: 'missing',
      4: 'partial',
      5: 'partial',
      6: 'partial',
      7: 'missing',
      8: 'missing',
      9: 'missing',
      10: 'missing'
    })
    expect(sectionLine(section(readiness, 7))).toMatch(
      /^§7 escalation & fallback: missing — no golden task expects escalation .*; no golden task has a tool fault/
    )
    expect(section(readiness, 2).evidence).toEqual([
      '1 tool with scope, risk and approval (1 read, 0 write)',
      'no high-risk write tool'
    ])
    expect(section(readiness, 6).evidence[0]).toMatch(/^every run writes traces\.jsonl/)
  })

  it('asks a high-risk write for approval or limits, and a high-risk tool for high-risk tasks', () => {
    const open = readyWorkflow()
    open.permissions.issue_refund = { scope: 'write', risk: 'high', approval: 'none', scopes: ['payments:refund'] }
    const readiness = score(
      [open],
      readyTasks().filter((t) => t.risk !== 'high'),
      wired
    )
    expect(section(readiness, 2).missing).toEqual([
      'high-risk write issue_refund has neither approval: required nor limits'
    ])
    expect(section(readiness, 4).missing).toEqual([
      'no T1 task',
      'T1 has 0 tasks, min_tasks 1',
      'no high-risk task (risk: high), though issue_refund is high risk'
    ])
    const limited = readyWorkflow()
    limited.permissions.issue_refund = { ...open.permissions.issue_refund, limits: { amount: { max: 200 } } }
    expect(section(score([limited], readyTasks(), wired), 2).status).toBe('met')
  })

  it('reads min_tasks, the kill-switch drill of a run, and a runbook that lacks sections', () => {
    const inputs = readinessInputs(
      { workflows: [readyWorkflow()], tasks: readyTasks(), thresholds: readyThresholds },
      {
        tasks: [{ workflow: 'wf', status: 'pass', tool_calls: 0 }],
        drill: {
          tasks: 3,
          passed: 1,
          ran: ['a', 'b', 'c'].map((id) => ({ workflow: 'wf', id })),
          failures: ['a', 'b'].map((id) => ({ workflow: 'wf', task_id: id, status: 'fail' as const, reason: 'x' }))
        }
      }
    )
    const readiness = scoreReadiness({
      workflows: inputs.workflows.map((w) => ({
        ...w,
        ...wired,
        runbook: { path: 'RUNBOOK.md', sectionsMissing: ['on-call'] }
      }))
    })
    expect(section(readiness, 7).missing).toEqual([
      'kill switch drill: 2 of 3 tasks still acted with the switch on',
      'runbook RUNBOOK.md lacks: on-call'
    ])
    expect(section(readiness, 6).missing).toEqual(['this run made no tool call: its traces show answers only'])
    const short = thresholds({
      ...readyThresholds,
      rules: { ...readyThresholds.rules, tiers: { T1: { min_success: 0.9, min_tasks: 5 } } }
    })
    const few = scoreReadiness(
      readinessInputs({ workflows: [readyWorkflow()], tasks: readyTasks(), thresholds: short })
    )
    expect(section(few, 4).missing).toEqual(['T1 has 1 task, min_tasks 5'])
  })

  it('judges a workflow with several by its worst, and says which workflow each line is about', () => {
    const bare = workflow('bare')
    const readiness = score(
      [readyWorkflow('ready'), bare],
      [...readyTasks('ready'), task('x', { workflow: 'bare' })],
      wired
    )
    expect(section(readiness, 1).status).toBe('missing')
    expect(section(readiness, 1).evidence).toContain('ready: a description of what the workflow does')
    expect(section(readiness, 1).missing).toContain('bare: no description')
    // A note holds for both: once, unprefixed.
    expect(section(readiness, 6).evidence.filter((e) => e.startsWith('every run writes'))).toHaveLength(1)
  })

  it('asks for tier rules of the next phase, from the phase the manifest declares (also under --phase)', () => {
    const judged = readyWorkflow()
    judged.rollout = { phase: 'autonomous', declared: 'propose' }
    expect(section(score([judged], readyTasks(), wired), 9).evidence[0]).toBe(
      'rollout.phase propose (proposed actions)'
    )
    judged.rollout = { phase: 'draft' }
    expect(section(score([judged], readyTasks(), wired), 9).missing).toEqual([
      'no tier rules for the next phase, propose (thresholds.yml phases.propose.tiers)'
    ])
  })
})

describe('withReadiness (input readiness: strict)', () => {
  const passed = { decision: 'pass' as const, reasons: ['T1: 100% >= 50% required — ok'] }

  it('fails the gate with a reason per missing section, first', () => {
    const readiness = score([readyWorkflow()], readyTasks())
    const decided = withReadiness(passed, readiness)
    expect(decided.decision).toBe('fail')
    expect(decided.reasons[0]).toMatch(
      /^readiness: §10 monthly review missing — no incidents\.yml beside workflow\.yml/
    )
    expect(decided.reasons.at(-1)).toBe(passed.reasons[0])
  })

  it('leaves the decision alone when no section is missing (partial ones do not decide)', () => {
    const readiness = score([readyWorkflow()], readyTasks(), { ...wired, runbook: undefined })
    expect(readiness.partial).toBe(1)
    expect(withReadiness(passed, readiness)).toBe(passed)
  })
})
