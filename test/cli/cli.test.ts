import { describe, expect, it, beforeAll } from '@jest/globals'
import { readFileSync, existsSync } from 'node:fs'
import { join } from 'node:path'
import { runCli, writeProject, repoRoot } from '../helpers/project.js'
import type { Report } from '../../src/model/types.js'

const agent = `
let raw = ''
process.stdin.on('data', (d) => (raw += d))
process.stdin.on('end', async () => {
  const task = JSON.parse(raw)
  const input = task.input
  if (input.order) {
    const res = await fetch(process.env.EVALGATE_TOOLS_URL + '/lookup_order', {
      method: 'POST',
      body: JSON.stringify({ order_id: input.order })
    })
    await res.json()
  }
  process.stdout.write(JSON.stringify({ label: process.env.AGENT_PERFECT ? 'ok' : input.answer }) + '\\n')
})
`

function tasksYaml(tier: string, count: number, wrong: number): string {
  const lines: string[] = []
  for (let i = 0; i < count; i++) {
    lines.push(
      `- id: ${tier.toLowerCase()}-${i}`,
      `  tier: ${tier}`,
      `  risk: low`,
      `  input: { msg: "m${i}", order: "O-${i}", answer: ${i < wrong ? 'wrong' : 'ok'} }`,
      `  fixtures:`,
      `    lookup_order: { status: shipped }`,
      `  expected:`,
      `    label: ok`,
      `    actions: [{ tool: lookup_order, args: { order_id: "O-${i}" } }]`
    )
  }
  return lines.join('\n') + '\n'
}

const files = {
  'thresholds.yml': 'tiers:\n  T1: 0.9\n  T2: 0.8\nbaseline:\n  max_drop: 0.05\n',
  // T2 not gated: a run filtered to T1 can pass (a gated tier a filter leaves out never does).
  'thresholds-t1.yml': 'tiers:\n  T1: 0.9\n',
  'golden-tasks/wf/workflow.yml': [
    'name: wf',
    'inputs: { required: [msg] }',
    'permissions:',
    '  lookup_order: { scope: read, risk: low }',
    'agent:',
    '  type: command',
    `  command: ["${process.execPath}", "agent.mjs"]`,
    ''
  ].join('\n'),
  'golden-tasks/wf/agent.mjs': agent,
  'golden-tasks/wf/tasks/t1.yaml': tasksYaml('T1', 10, 0),
  'golden-tasks/wf/tasks/t2.yaml': tasksYaml('T2', 10, 3)
}

describe('evalgate CLI, end to end through dist/cli.js', () => {
  let dir: string
  beforeAll(() => {
    dir = writeProject(files)
  })

  it('runs the gate: T2 at 70% fails its 80% threshold, exit 1, and writes the three files', async () => {
    const res = await runCli(['run', '--out', 'out'], dir)
    expect(res.stderr).not.toMatch(/\n\s+at /)
    expect(res.code).toBe(1)
    expect(res.stdout).toMatch(/T1/)
    expect(res.stdout).toMatch(/T2/)
    const report = JSON.parse(readFileSync(join(dir, 'out/report.json'), 'utf8'))
    expect(report.decision).toBe('fail')
    const t2 = report.tiers.find((t: { tier: string }) => t.tier === 'T2')
    expect(t2).toMatchObject({ total: 10, passed: 7, failed: 3, gated: true, ok: false, threshold: 0.8 })
    expect(report.tasks.find((t: { id: string }) => t.id === 't2-0').reasons.join(' ')).toMatch(/wrong/)
    const summary = readFileSync(join(dir, 'out/summary.md'), 'utf8')
    expect(summary).toMatch(/\| *T2 *\|/)
    const traces = readFileSync(join(dir, 'out/traces.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l))
    // Issue 9: round 1 cannot tell 10 tasks apart from the margin; round 2 shows the agent is
    // deterministic (every attempt agrees), which decides both tiers.
    expect(traces).toHaveLength(40)
    expect(traces.filter((t) => t.attempt === 2)).toHaveLength(20)
    expect(report.attempts).toMatchObject({ mode: 'adaptive', rounds: 2, total: 40, extra: 20 })
    expect(traces[0].tool_calls[0]).toMatchObject({
      tool: 'lookup_order',
      allowed: true,
      result: { status: 'shipped' }
    })
  })

  it('passes with a filter that keeps only T1', async () => {
    const res = await runCli(
      ['run', '--out', 'out-t1', '--filter', 'tier=T1', '--thresholds', 'thresholds-t1.yml'],
      dir
    )
    expect(res.code).toBe(0)
    const report = JSON.parse(readFileSync(join(dir, 'out-t1/report.json'), 'utf8'))
    expect(report.totals.tasks).toBe(10)
  })

  it('counts attempts with --repeat', async () => {
    const res = await runCli(
      ['run', '--out', 'out-rep', '--repeat', '2', '--filter', 'tier=T1', '--thresholds', 'thresholds-t1.yml'],
      dir
    )
    expect(res.code).toBe(0)
    const report = JSON.parse(readFileSync(join(dir, 'out-rep/report.json'), 'utf8'))
    expect(report.tasks[0].attempts).toEqual({ total: 2, passed: 2, errored: 0 })
    expect(readFileSync(join(dir, 'out-rep/traces.jsonl'), 'utf8').trim().split('\n')).toHaveLength(20)
  })

  it('shards the run and merges to the same decision, refusing an incomplete set', async () => {
    for (const i of [1, 2, 3]) {
      const res = await runCli(['run', '--out', `shard${i}`, '--shard', `${i}/3`], dir)
      expect([0, 1]).toContain(res.code)
    }
    const merged = await runCli(
      ['merge', 'shard1/report.json', 'shard2/report.json', 'shard3/report.json', '--out', 'merged'],
      dir
    )
    expect(merged.code).toBe(1)
    const whole = JSON.parse(readFileSync(join(dir, 'out/report.json'), 'utf8'))
    const report = JSON.parse(readFileSync(join(dir, 'merged/report.json'), 'utf8'))
    expect(report.decision).toBe(whole.decision)
    expect(report.tiers.map((t: { passed: number }) => t.passed)).toEqual(
      whole.tiers.map((t: { passed: number }) => t.passed)
    )
    expect(report.tasks).toHaveLength(20)
    // Each shard ran its own 2 rounds (a deterministic agent); the merge keeps every attempt.
    expect(readFileSync(join(dir, 'merged/traces.jsonl'), 'utf8').trim().split('\n')).toHaveLength(40)

    const missing = await runCli(['merge', 'shard1/report.json', 'shard3/report.json'], dir)
    expect(missing.code).toBe(2)
    expect(missing.stderr).toMatch(/shard 2\/3 is missing/)
    expect(missing.stderr).not.toMatch(/\n\s+at /)
  })

  it('compares with a baseline and lists the tasks that went from pass to fail', async () => {
    const perfect = await runCli(['run', '--out', 'out-perfect'], dir, { AGENT_PERFECT: '1' })
    expect(perfect.code).toBe(0)
    const res = await runCli(['run', '--out', 'out-base', '--baseline', 'out-perfect/report.json'], dir)
    expect(res.code).toBe(1)
    const report = JSON.parse(readFileSync(join(dir, 'out-base/report.json'), 'utf8'))
    expect(report.baseline.regressions.sort()).toEqual(['t2-0', 't2-1', 't2-2'])
    // Issue 9: the regressed tasks got extra attempts (up to max_attempts) and failed them all.
    expect(report.tasks.find((t: { id: string }) => t.id === 't2-0').attempts).toMatchObject({ total: 5, passed: 0 })
    // 3 regressed against 0 fixed is not significant (McNemar p = 0.125): max_drop alone would not
    // fail T2; its rate does.
    const t2 = report.tiers.find((t: { tier: string }) => t.tier === 'T2')
    expect(t2.paired).toMatchObject({ common: 10, regressed: 3, fixed: 0, p_value: 0.125, significant: false })
    expect(report.reasons.join('\n')).not.toMatch(/dropped/)
    expect(report.reasons[0]).toMatch(/^T2: 70\.0% .* < 80% required — fail$/)
  })

  it('validate reports a broken task file as file:line and exits 2 without a stack trace', async () => {
    const broken = writeProject({
      ...files,
      'golden-tasks/wf/tasks/t2.yaml':
        '- id: x\n  tier: T4\n  risk: low\n  input: { msg: a }\n  expected: { label: ok }\n'
    })
    const res = await runCli(['validate'], broken)
    expect(res.code).toBe(2)
    expect(res.stderr).toMatch(/golden-tasks\/wf\/tasks\/t2\.yaml:2: .*T4/)
    expect(res.stderr).not.toMatch(/\n\s+at /)
    const run = await runCli(['run'], broken)
    expect(run.code).toBe(2)
    expect(existsSync(join(broken, 'evalgate-report/report.json'))).toBe(false)
  })

  it('validate says ok on a good project', async () => {
    const res = await runCli(['validate'], dir)
    expect(res.code).toBe(0)
    expect(res.stdout).toMatch(/ok: 1 workflow\(s\), 20 tasks/)
  })

  it('refuses unknown commands and bad flags with exit 2', async () => {
    expect((await runCli(['bogus'], dir)).code).toBe(2)
    const bad = await runCli(['run', '--concurrency', 'zero'], dir)
    expect(bad.code).toBe(2)
    expect(bad.stderr).toMatch(/--concurrency must be a positive integer/)
    expect((await runCli(['run', '--nope'], dir)).code).toBe(2)
  })
})

describe('the bundled example', () => {
  const statuses = (report: Report) => Object.fromEntries(report.tasks.map((t) => [t.id, t.status]))
  const tierRows = (report: Report) => report.tiers.map((t) => [t.tier, t.passed, t.total, t.ok])
  let judged: Report

  it('runs offline from the repo root: judged at phase propose, T2 fails, tool faults and the drill shown', async () => {
    const out = writeProject({})
    const res = await runCli(['run', '--out', out], repoRoot)
    expect(res.code).toBe(1)
    expect(res.stdout).toMatch(/T1/)
    judged = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as Report
    expect(judged.decision).toBe('fail')
    expect(judged.totals).toMatchObject({ tasks: 216, errored: 0 })
    expect(tierRows(judged)).toEqual([
      ['T1', 59, 63, true],
      ['T2', 72, 93, false],
      ['T3', 53, 60, true]
    ])
    expect(judged.workflows[0].phase).toBe('propose')
    // The deliberate bugs: a failed fraud check or history read counts as clean; every other fault is handled.
    const faults = Object.entries(statuses(judged)).filter(([id]) => id.includes('tool-fault'))
    expect(Object.fromEntries(faults)).toEqual({
      't1-tool-fault-001': 'fail',
      't1-tool-fault-002': 'pass',
      't1-tool-fault-003': 'pass',
      't2-tool-fault-001': 'pass',
      't2-tool-fault-002': 'fail',
      't2-tool-fault-003': 'pass'
    })
    const byId = new Map(judged.tasks.map((t) => [t.id, t]))
    expect(byId.get('t1-tool-fault-001')).toMatchObject({
      tool_faults: ['check_fraud_signals: 503 fraud service unavailable'],
      escalated: false
    })
    expect(byId.get('t2-tool-fault-001')).toMatchObject({
      tool_faults: ['lookup_customer: no answer (timeout)'],
      escalated: true,
      fallback: 'human'
    })
    expect(judged.drill).toMatchObject({ tasks: 10, passed: 10, failures: [] })
    const summary = readFileSync(join(out, 'summary.md'), 'utf8')
    expect(summary).toContain('### Tool faults\n\n5 tasks met a tool fault: 3 passed, 2 did not.')
    expect(summary).toContain(
      '| t2-tool-fault-001 | T2 | lookup_customer: no answer (timeout) | escalated, fallback human | pass |'
    )
    const html = readFileSync(join(out, 'report.html'), 'utf8')
    for (const text of ['propose', 'Kill-switch drill', 'Tool faults', 'payments:refund', 'svc-refund-agent'])
      expect(html).toContain(text)
  }, 300_000)

  it('grades the same tasks alike at every phase; autonomy asks for a stricter T1', async () => {
    for (const phase of ['draft', 'autonomous']) {
      const out = writeProject({})
      const res = await runCli(['run', '--repeat', '1', '--phase', phase, '--out', out], repoRoot)
      const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as Report
      expect(res.code).toBe(1)
      expect(report.workflows[0].phase).toBe(phase)
      expect(statuses(report)).toEqual(statuses(judged))
      expect(report.tiers.find((t) => t.tier === 'T1')!.threshold).toBe(phase === 'autonomous' ? 0.97 : 0.92)
    }
  }, 300_000)
})
