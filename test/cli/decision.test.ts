// Issue 9 through the CLI (dist/cli.js): adaptive rounds, --repeat, the cost cap, shards, the
// too-small warning, bad thresholds values and a high-risk regression against a baseline. The
// agent is seeded (test/fixtures/agents/seeded.mjs): its outcomes depend on task and attempt only.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { cpSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { runCli, writeProject } from '../helpers/project.js'
import { answerReply, FakeOpenAI } from '../helpers/fake-openai.js'
import { decisionProject, readReportIn, tasksYaml, type TaskGroup } from './decision-project.js'

type Tier = {
  tier: string
  success_rate: number
  attempts: { total: number; min: number; max: number }
  decision?: { decided: boolean; outcome: string; note?: string }
  ci_method: string
  flaky: number
  pass_k: { k: number; rate: number }
}
type Task = { id: string; attempts: { total: number; passed: number }; status: string; flaky?: boolean }
const tierOf = (report: { tiers: Tier[] }, name: string) => report.tiers.find((t) => t.tier === name)!

const DETERMINISTIC_93: TaskGroup[] = [
  { tier: 'T1', count: 56, p: 1 },
  { tier: 'T1', count: 4, p: 0 }
]

describe('adaptive attempts, through dist/cli.js', () => {
  it('stops after 2 rounds for a deterministic agent, after 1 for a tier far above its threshold', async () => {
    const dir = decisionProject('tiers:\n  T1: 0.92\n  T2: 0.8\n', [
      ...DETERMINISTIC_93,
      { tier: 'T2', count: 30, p: 1 }
    ])
    const res = await runCli(['run', '--out', 'out'], dir)
    expect(res.stderr).not.toMatch(/\n\s+at /)
    expect(res.code).toBe(0)
    const report = readReportIn(dir)
    expect(report.attempts).toMatchObject({ mode: 'adaptive', rounds: 2, total: 150, extra: 60 })
    const t1 = tierOf(report, 'T1')
    // 93.3% with every attempt agreeing: exact, inside the margin, decided by the estimate.
    expect(t1).toMatchObject({ success_rate: 56 / 60, attempts: { total: 120, min: 2, max: 2 }, flaky: 0 })
    expect(t1.ci_method).toBe("exact: every task's attempts agree, 2 attempts")
    expect(t1.decision).toMatchObject({ decided: true, outcome: 'inside_margin' })
    expect(tierOf(report, 'T2')).toMatchObject({
      attempts: { total: 30, min: 1, max: 1 },
      decision: { outcome: 'pass' }
    })
    expect(report.flaky_tasks).toEqual([])
    const summary = readFileSync(join(dir, 'out/summary.md'), 'utf8')
    expect(summary).toContain('| T1 | 56/60 | 93.3% | 93.3–93.3% | ≥ 92% | 2 | inside margin (95%) | ok |')
    expect(summary).toContain('- Attempts: 150 in 2 rounds (adaptive; 60 extra, $0.00)')
  })

  it('gives a flaky tier more rounds, up to max_attempts, and lists its flaky tasks', async () => {
    const groups: TaskGroup[] = [
      { tier: 'T1', count: 40, p: 1 },
      { tier: 'T1', count: 20, p: 0.85 },
      { tier: 'T2', count: 30, p: 1 }
    ]
    const dir = decisionProject('tiers:\n  T1: 0.92\n  T2: 0.8\n', groups)
    const res = await runCli(['run', '--out', 'out'], dir)
    expect(res.code).toBe(0)
    const report = readReportIn(dir)
    expect(report.attempts.rounds).toBeGreaterThan(2)
    const t1 = tierOf(report, 'T1')
    expect(t1.attempts.max).toBeGreaterThan(2)
    expect(t1.attempts.max).toBeLessThanOrEqual(5)
    expect(t1.ci_method).toMatch(/^clustered t, df [\d.]+, \d attempts$/)
    // The rate is the mean of each task's pass rate.
    const tasks = (report.tasks as (Task & { tier: string })[]).filter((t) => t.tier === 'T1')
    const mean = tasks.reduce((sum, t) => sum + t.attempts.passed / t.attempts.total, 0) / tasks.length
    expect(t1.success_rate).toBeCloseTo(mean, 12)
    // Only T1 was undecided: T2 stopped after round 1.
    expect(tierOf(report, 'T2').attempts.max).toBe(1)
    expect(report.flaky_tasks.length).toBe(t1.flaky)
    expect(report.flaky_tasks.length).toBeGreaterThan(0)
    expect(report.flaky_tasks.every((id: string) => id.startsWith('t1-p85-'))).toBe(true)
    const flakyTask = tasks.find((t) => t.id === report.flaky_tasks[0])!
    expect(flakyTask.flaky).toBe(true)
    const summary = readFileSync(join(dir, 'out/summary.md'), 'utf8')
    expect(summary).toMatch(
      new RegExp(`Flaky tasks \\(${report.flaky_tasks.length}\\) — mixed outcomes across attempts`)
    )
    expect(summary).toContain(
      `- ${flakyTask.id} (T1, low risk): passed ${flakyTask.attempts.passed} of ${flakyTask.attempts.total} attempts`
    )
    const html = readFileSync(join(dir, 'out/report.html'), 'utf8')
    expect(html).toContain('id="flaky"')
  })

  it('with max_attempts 1 and margin 0 decides as the single-attempt point rule', async () => {
    const thresholds = 'decision: { max_attempts: 1, margin: 0 }\ntiers:\n  T1: 0.92\n'
    const dir = decisionProject(thresholds, [{ tier: 'T1', count: 25, p: 0.9 }])
    const res = await runCli(['run', '--out', 'out'], dir)
    const report = readReportIn(dir)
    expect(report.attempts).toMatchObject({ rounds: 1, total: 25 })
    const t1 = tierOf(report, 'T1')
    const passed = (report.tasks as Task[]).filter((t) => t.status === 'pass').length
    expect(t1.success_rate).toBe(passed / 25)
    expect(res.code).toBe(passed / 25 >= 0.92 ? 0 : 1)
  })

  it('--repeat K runs a fixed K attempts and rates the tier by the mean pass rate, pass^k beside', async () => {
    const dir = decisionProject('tiers:\n  T1: 0.5\n', [{ tier: 'T1', count: 10, p: 0.7 }, ...DETERMINISTIC_93])
    const res = await runCli(['run', '--out', 'out', '--repeat', '3'], dir)
    expect([0, 1]).toContain(res.code)
    const report = readReportIn(dir)
    expect(report.repeat).toBe(3)
    expect(report.attempts).toMatchObject({ mode: 'fixed', rounds: 3, total: 210, extra: 140 })
    const tasks = report.tasks as Task[]
    expect(tasks.every((t) => t.attempts.total === 3)).toBe(true)
    const t1 = tierOf(report, 'T1')
    const mean = tasks.reduce((sum, t) => sum + t.attempts.passed / 3, 0) / tasks.length
    expect(t1.success_rate).toBeCloseTo(mean, 12)
    const allThree = tasks.filter((t) => t.attempts.passed === 3).length / tasks.length
    expect(t1.pass_k).toEqual({ k: 3, rate: allThree })
    expect(readFileSync(join(dir, 'out/traces.jsonl'), 'utf8').trim().split('\n')).toHaveLength(210)
  })

  it('runs what a pass^k rule needs and gates it', async () => {
    const thresholds = 'tiers:\n  T1: { min_success: 0.5, pass_k: { k: 3, min: 0.99 } }\n'
    const dir = decisionProject(thresholds, [
      { tier: 'T1', count: 20, p: 1 },
      { tier: 'T1', count: 2, p: 0.5 }
    ])
    const res = await runCli(['run', '--out', 'out'], dir)
    const report = readReportIn(dir)
    expect((report.tasks as Task[]).every((t) => t.attempts.total >= 3)).toBe(true)
    const t1 = tierOf(report, 'T1')
    expect(t1.pass_k.k).toBe(3)
    expect(res.code).toBe(t1.pass_k.rate >= 0.99 ? 0 : 1)
    if (res.code === 1) expect(report.reasons[0]).toMatch(/^T1: pass\^3 [\d.]+% < 99% required — fail$/)
  })
})

describe('shards and merge, through dist/cli.js', () => {
  it('merging the shards gives the decision an unsharded run with the same attempts gives', async () => {
    // T1 stays undecided until max_attempts in a shard and unsharded alike, T2 is deterministic:
    // every task runs the same attempts either way, and the seeded agent gives them the same outcomes.
    const thresholds = 'tiers:\n  T1: { min_success: 0.5, max_attempts: 3, margin: 0 }\n  T2: 0.9\n'
    const groups: TaskGroup[] = [
      { tier: 'T1', count: 24, p: 0.5 },
      { tier: 'T2', count: 18, p: 1 },
      { tier: 'T2', count: 2, p: 0 }
    ]
    const whole = decisionProject(thresholds, groups)
    const sharded = decisionProject(thresholds, groups)
    await runCli(['run', '--out', 'out'], whole)
    for (const i of [1, 2, 3]) {
      const res = await runCli(['run', '--out', `shard${i}`, '--shard', `${i}/3`], sharded)
      expect([0, 1]).toContain(res.code)
    }
    const files = [1, 2, 3].map((i) => `shard${i}/report.json`)
    const merged = await runCli(['merge', ...files, '--out', 'merged'], sharded)
    expect(merged.stderr).not.toMatch(/\n\s+at /)
    const unsharded = readReportIn(whole)
    const report = readReportIn(sharded, 'merged')
    expect(report.tasks.map((t: Task) => t.attempts)).toEqual(unsharded.tasks.map((t: Task) => t.attempts))
    expect(report.decision).toBe(unsharded.decision)
    expect(report.tiers).toEqual(unsharded.tiers)
    expect(report.reasons).toEqual(unsharded.reasons)
    expect(report.flaky_tasks).toEqual(unsharded.flaky_tasks)
    expect(report.attempts).toMatchObject({ mode: 'adaptive', rounds: 3, total: unsharded.attempts.total })
    expect(merged.code).toBe(unsharded.decision === 'pass' ? 0 : 1)
  })
})

describe('thresholds and validate, through dist/cli.js', () => {
  it('validate warns when a gated tier is too small to judge, from the computation', async () => {
    const dir = decisionProject('tiers:\n  T1: 0.92\n  T2: 0.8\n', [
      { tier: 'T1', count: 12, p: 1 },
      { tier: 'T2', count: 200, p: 1 }
    ])
    const res = await runCli(['validate'], dir)
    expect(res.code).toBe(0)
    expect(res.stderr).toContain(
      'thresholds.yml: warning: T1 has 12 tasks: at 92% it cannot tell 92% from 85.1% at 95% confidence (63 tasks would, at 5 attempts each)'
    )
    expect(res.stderr).not.toMatch(/T2 has/)
    expect(res.stdout).toMatch(/^ok: /)
  })

  it('refuses bad decision values with file:line, exit 2, before running anything', async () => {
    const thresholds = [
      'decision: { confidence: 1.2 }',
      'tiers:',
      '  T1: { min_success: 0.9, max_attempts: 0, margin: -0.05 }',
      '  T2: { min_success: 0.8, max_attempts: 2, pass_k: { k: 3, min: 0.5 } }',
      ''
    ].join('\n')
    const dir = decisionProject(thresholds, [{ tier: 'T1', count: 2, p: 1 }])
    for (const command of [['validate'], ['run', '--out', 'out']]) {
      const res = await runCli(command, dir)
      expect(res.code).toBe(2)
      expect(res.stderr).not.toMatch(/\n\s+at /)
      expect(res.stderr).toContain('thresholds.yml:1: "confidence" must be more than 0.5 and less than 1, got 1.2')
      expect(res.stderr).toContain('thresholds.yml:3: "max_attempts" must be at least 1, got 0')
      expect(res.stderr).toContain('thresholds.yml:3: "margin" must be 0 or more, got -0.05')
      expect(res.stderr).toContain('thresholds.yml:4: "k" must be at most the tier\'s max_attempts (2), got 3')
    }
  })
})

describe('paired regressions against a baseline, through dist/cli.js', () => {
  it('fails the gate on a high-risk task that passed on the base and now fails every attempt', async () => {
    const groups = (riskyP: number): TaskGroup[] => [
      { tier: 'T1', count: 59, p: 1 },
      { tier: 'T1', count: 1, p: riskyP, prefix: 'risky', risk: 'high' }
    ]
    const dir = decisionProject('tiers:\n  T1: 0.92\n', groups(1))
    expect((await runCli(['run', '--out', 'base'], dir)).code).toBe(0)
    writeFileSync(join(dir, 'golden-tasks/wf/tasks.yaml'), tasksYaml(groups(0)))
    const res = await runCli(['run', '--out', 'out', '--baseline', 'base/report.json'], dir)
    expect(res.code).toBe(1)
    const report = readReportIn(dir)
    // 59/60 = 98.3% clears 92%, but the high-risk task regressed consistently.
    expect(tierOf(report, 'T1').success_rate).toBeCloseTo(59 / 60, 12)
    const risky = (report.tasks as Task[]).find((t) => t.id === 'risky-0')!
    expect(risky.attempts).toEqual({ total: 5, passed: 0, errored: 0 })
    expect(report.baseline).toMatchObject({
      regressions: ['risky-0'],
      high_risk_regressions: ['risky-0'],
      fixed: [],
      flaky: []
    })
    expect(report.reasons[0]).toBe(
      'T1: high-risk task risky-0 regressed: passed every attempt on the baseline, failed 5 of 5 now — fail (baseline.block_high_risk_regressions)'
    )
    const summary = readFileSync(join(dir, 'out/summary.md'), 'utf8')
    expect(summary).toContain('**High-risk regressions (1)**')

    writeFileSync(join(dir, 'thresholds.yml'), 'tiers:\n  T1: 0.92\nbaseline: { block_high_risk_regressions: false }\n')
    cpSync(join(dir, 'base'), join(dir, 'base2'), { recursive: true })
    const off = await runCli(['run', '--out', 'off', '--baseline', 'base2/report.json'], dir)
    expect(off.code).toBe(0)
  })
})

describe('the cost cap, through dist/cli.js and a local OpenAI-compatible server', () => {
  let fake: FakeOpenAI
  const served = new Map<string, number>()
  beforeAll(async () => {
    fake = await FakeOpenAI.start()
    // Each task alternates between a right and a wrong answer, half of them starting right (a
    // flaky agent at 50%, which one round cannot place against a 50% threshold).
    fake.otherwise((request) => {
      const input = JSON.parse(request.body.messages[1].content) as { id: string; start: number }
      const n = (served.get(input.id) ?? 0) + 1
      served.set(input.id, n)
      return answerReply({ label: (n + input.start) % 2 === 1 ? 'ok' : 'wrong' })
    })
  })
  afterAll(() => fake.stop())

  const project = (maxCost: number) =>
    writeProject({
      // $1 per model call: 100 prompt tokens at $10,000 per million.
      'thresholds.yml': [
        'tiers:\n  T1: 0.5',
        `budgets: { max_cost_usd: ${maxCost}, max_retries: 0 }`,
        'pricing:\n  fake-model: { input_per_mtok: 10000, output_per_mtok: 0 }',
        ''
      ].join('\n'),
      'golden-tasks/wf/workflow.yml': [
        'name: wf',
        'permissions: {}',
        'agent:',
        '  type: openai',
        '  model: fake-model',
        '  prompt: prompt.md',
        '  tools: tools.json',
        `  base_url: ${fake.baseUrl}`,
        ''
      ].join('\n'),
      'golden-tasks/wf/prompt.md': 'Answer.',
      'golden-tasks/wf/tools.json': '[]',
      'golden-tasks/wf/tasks.yaml':
        Array.from(
          { length: 20 },
          (_, i) =>
            `- { id: t${i}, tier: T1, risk: low, input: { id: t${i}-${maxCost}, start: ${i % 2} }, expected: { label: ok } }`
        ).join('\n') + '\n'
    })

  it('stops extra attempts at max_cost_usd and decides the tier on what ran', async () => {
    const dir = project(25)
    const res = await runCli(['run', '--out', 'out', '--concurrency', '1'], dir, { OPENAI_API_KEY: 'sk-test' })
    expect(res.stderr).not.toMatch(/\n\s+at /)
    const report = readReportIn(dir)
    expect(report.totals.not_run).toBe(0)
    expect(report.attempts.total).toBe(25)
    expect(report.attempts.extra).toBe(5)
    expect(report.attempts.extra_cost_usd).toBeCloseTo(5, 10)
    expect(report.attempts.stopped_by).toMatch(
      /^max_cost_usd 25 USD reached after spending 25\.0000 USD: extra attempts stopped$/
    )
    expect(report.reasons).toContain(
      'max_cost_usd 25 USD reached after spending 25.0000 USD: extra attempts stopped: the tiers were decided on the attempts that ran'
    )
    expect(tierOf(report, 'T1').decision).toMatchObject({ decided: false })
    expect(tierOf(report, 'T1').decision!.note).toMatch(/\(max_cost_usd stopped extra attempts\)$/)
    expect(report.decision).not.toBe('error')
    expect(readFileSync(join(dir, 'out/summary.md'), 'utf8')).toMatch(
      /- Attempts: 25 in 2 rounds \(adaptive; 5 extra, \$5\.00\) — max_cost_usd/
    )
  })

  it('leaves a task that never ran not_run, and the decision error', async () => {
    const dir = project(5)
    const res = await runCli(['run', '--out', 'out', '--concurrency', '1'], dir, { OPENAI_API_KEY: 'sk-test' })
    expect(res.code).toBe(2)
    const report = readReportIn(dir)
    expect(report.decision).toBe('error')
    expect(report.totals.not_run).toBe(15)
    expect(report.reasons[0]).toMatch(
      /^15 tasks were not run \(max_cost_usd 5 USD reached after spending 5\.0000 USD\) — decision error$/
    )
  })
})
