// Issue 14 item 5 through the CLI (dist/cli.js): an openai agent against a local OpenAI-compatible
// server, priced by thresholds.yml, so that cost per success is real; the gate fails on the cost
// limit and on the margin, passes when they are relaxed, errors when the cost is unknown, keeps
// the base's rules on a pull request, and the scorecard flags the column whose margin fell.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { FakeOpenAI } from '../helpers/fake-openai.js'
import { pricedProject as files, script, STRICT, thresholds } from '../helpers/priced-project.js'
import { gitRepo } from '../helpers/git-repo.js'
import { runCli, writeProject } from '../helpers/project.js'

const KEY = 'sk-test-secret-key-0123456789'

const read = (dir: string, out: string, file = 'report.json') => readFileSync(join(dir, out, file), 'utf8')

describe('cost per success and gross margin through the CLI', () => {
  let fake: FakeOpenAI
  beforeAll(async () => {
    fake = await FakeOpenAI.start()
    fake.otherwise(script)
  })
  afterAll(() => fake.stop())

  const run = (dir: string, out: string, ...more: string[]) =>
    runCli(['run', '--repeat', '1', '--out', out, ...more], dir, { OPENAI_API_KEY: KEY })

  it('fails on the margin and the cost limit, with the figures, and records them', async () => {
    const dir = writeProject(files(fake.baseUrl, STRICT))
    const res = await run(dir, 'out')
    expect(res.code).toBe(1)
    const report = JSON.parse(read(dir, 'out'))
    expect(report.decision).toBe('fail')
    expect(report.reasons.slice(0, 2)).toEqual([
      'wf T1: cost per passed attempt $0.36 > max_cost_per_success_usd $0.3 — fail',
      'wf: gross margin 64.0% < min_gross_margin 70% (cost per passed attempt $0.36, value $1.00) — fail'
    ])
    expect(report.totals.cost_usd).toBeCloseTo(0.72, 10)
    expect(report.totals.cost_per_success_usd).toBeCloseTo(0.36, 10)
    expect(report.totals.cost_per_passed_attempt_usd).toBeCloseTo(0.36, 10)
    expect(report.totals.gross_margin).toBeCloseTo(0.64, 10)
    expect(report.tiers[0]).toMatchObject({ ok: false, cost_limit: { max_usd: 0.3, outcome: 'over' } })
    expect(report.tiers[0].gross_margin).toBeCloseTo(0.64, 10)
    expect(report.economics).toEqual([
      {
        workflow: 'wf',
        cost_usd: expect.closeTo(0.72, 10),
        successes: 2,
        cost_per_passed_attempt_usd: expect.closeTo(0.36, 10),
        value_per_success_usd: 1,
        gross_margin: expect.closeTo(0.64, 10),
        min_gross_margin: 0.7,
        max_margin_drop: 0.05,
        ok: false
      }
    ])
    // One number is every tier's limit.
    expect(report.gate.workflows.wf).toEqual({ max_cost_per_success_usd: { T1: 0.3, T2: 0.3, T3: 0.3 } })
    const summary = read(dir, 'out', 'summary.md')
    expect(summary).toContain('**evalgate: FAIL** — T1 cost per passed attempt $0.36 > $0.3, margin 64.0% < 70%')
    expect(summary).toContain(
      '- Gross margin (1 − cost per passed attempt / value): 64.0% (min 70%, value $1.00) — **fail**'
    )
    expect(summary).toContain(
      '- Cost by tier: T1 $0.72 ($0.36 per success, $0.36 per passed attempt, max $0.3 — **over**, margin 64.0%)'
    )
    const html = read(dir, 'out', 'report.html')
    expect(html).toContain('<dt>Gross margin</dt><dd>64.0% (min 70%, value $1.00)</dd>')
    expect(html).toContain('<th class="num">Gross margin</th>')
    expect(html).toContain('<dt>Cost per passed attempt</dt><dd>$0.36</dd>')
    expect(res.stdout).toContain('wf: gross margin 64.0% < min_gross_margin 70%')
  })

  it('passes when both are relaxed, and counts cached responses at their price', async () => {
    const relaxed = [
      'economics: { value_per_success_usd: 1, min_gross_margin: 0.6 }',
      'budgets: { max_retries: 0, max_cost_per_success_usd: 0.4 }'
    ].join('\n')
    const dir = writeProject(files(fake.baseUrl, relaxed))
    const first = await run(dir, 'out', '--cache', 'cache')
    expect(first.code).toBe(0)
    const calls = fake.completions.length
    const again = await run(dir, 'again', '--cache', 'cache')
    expect(again.code).toBe(0)
    expect(fake.completions.length).toBe(calls)
    const report = JSON.parse(read(dir, 'again'))
    // Nothing spent, but a success still costs what its answers cost.
    expect(report.totals.cost_usd).toBe(0)
    expect(report.totals.cost_per_success_usd).toBe(0)
    expect(report.totals.cost_per_passed_attempt_usd).toBeCloseTo(0.36, 10)
    expect(report.tasks[0].cached_cost_usd).toBeCloseTo(0.24, 10)
    expect(report.economics[0].gross_margin).toBeCloseTo(0.64, 10)
    expect(report.reasons).toContain(
      'wf: gross margin 64.0% >= min_gross_margin 60% (cost per passed attempt $0.36, value $1.00) — ok'
    )
    expect(read(dir, 'again', 'summary.md')).toContain(
      '- Cost: $0.00 · per successful task: $0.00 · per passed attempt: $0.36 (cached responses at their price)'
    )
  })

  it('a model without a price cannot be judged by the rules: decision error, exit 2', async () => {
    const dir = writeProject(files(fake.baseUrl, STRICT, ''))
    const res = await run(dir, 'out')
    expect(res.code).toBe(2)
    const report = JSON.parse(read(dir, 'out'))
    expect(report.decision).toBe('error')
    expect(report.reasons[0]).toBe(
      'wf T1: cost per passed attempt unknown (3 tasks with a model call that has no price: add its model to thresholds.yml pricing): max_cost_per_success_usd $0.3 cannot be decided — decision error'
    )
    expect(report.reasons[1]).toMatch(/^wf: gross margin unknown \(3 tasks/)
    expect(report.totals.cost_unknown_models).toEqual(['shop-model'])
    expect(read(dir, 'out', 'summary.md')).toMatch(
      /^\*\*evalgate: ERROR\*\* — cost per passed attempt unknown \(no price\)\n/
    )
  })

  it('a margin outside 0..1 and a value of 0 are file:line problems (exit 2), in validate and run', async () => {
    const bad = 'economics:\n  value_per_success_usd: 0\n  min_gross_margin: 1.5'
    const dir = writeProject(files(fake.baseUrl, bad))
    for (const args of [['validate'], ['run']]) {
      const res = await runCli(args, dir, { OPENAI_API_KEY: KEY })
      expect(res.code).toBe(2)
      expect(res.stderr).toContain('thresholds.yml:5: "value_per_success_usd" must be more than 0, got 0')
      expect(res.stderr).toContain('thresholds.yml:6: "min_gross_margin" must be between 0 and 1, got 1.5')
      expect(res.stderr).not.toMatch(/\n\s+at /)
    }
  })

  it('on a pull request, a PR loosening min_gross_margin and raising the value still fails', async () => {
    const repo = gitRepo(files(fake.baseUrl, STRICT))
    const base = repo.commit('base')
    const loose = [
      'economics: { value_per_success_usd: 10, min_gross_margin: 0.1 }',
      'workflows: { wf: { budgets: { max_cost_per_success_usd: 5 } } }'
    ].join('\n')
    repo.write({ 'thresholds.yml': thresholds(loose) })
    const own = await run(repo.dir, 'own')
    expect(own.code).toBe(0)
    const res = await run(repo.dir, 'out', '--base-ref', base)
    expect(res.code).toBe(1)
    const report = JSON.parse(read(repo.dir, 'out'))
    expect(report.reasons.slice(0, 2)).toEqual([
      'wf T1: cost per passed attempt $0.36 > max_cost_per_success_usd $0.3 — fail',
      'wf: gross margin 64.0% < min_gross_margin 70% (cost per passed attempt $0.36, value $1.00) — fail'
    ])
    expect(report.gate_changes.thresholds).toEqual([
      { rule: 'economics.value_per_success_usd', base: 1, pr: 10, applied: 'base' },
      { rule: 'economics.min_gross_margin', base: 0.7, pr: 0.1, applied: 'base' },
      ...['T1', 'T2', 'T3'].map((tier) => ({
        rule: `workflows.wf.budgets.max_cost_per_success_usd.${tier}`,
        base: 0.3,
        pr: 5,
        applied: 'base'
      }))
    ])
    const summary = read(repo.dir, 'out', 'summary.md')
    expect(summary).toContain('economics.min_gross_margin')
  })

  it('the scorecard shows cost per success and margin per report and flags the one that fell', async () => {
    const rules = 'economics: { value_per_success_usd: 1, min_gross_margin: 0.5 }'
    const dir = writeProject(files(fake.baseUrl, rules, '{ input_per_mtok: 500, output_per_mtok: 500 }'))
    expect((await run(dir, 'week1')).code).toBe(0) // $0.18 per success: 82%
    // The next week the model costs more.
    const dearer = readFileSync(join(dir, 'thresholds.yml'), 'utf8').replace(/500/g, '1200')
    writeFileSync(join(dir, 'thresholds.yml'), dearer)
    expect((await run(dir, 'week2')).code).toBe(0) // $0.432 per success: 56.8%
    // Given newest first: the scorecard orders them by created_at.
    const res = await runCli(['scorecard', 'week2/report.json', 'week1/report.json', '--out', 'card'], dir)
    expect(res.code).toBe(0)
    const md = read(dir, 'card', 'scorecard.md')
    expect(md).toMatch(/\| \*\*Cost per successful task\*\* \| \$0\.18 \| \$0\.43 \|/)
    expect(md).toMatch(/\| Cost per passed attempt \| \$0\.18 \| \$0\.43 \|/)
    expect(md).toMatch(/\| \*\*Gross margin\*\* \| 82\.0% \| 56\.8% ⚠ \|/)
    expect(md).toMatch(
      /### Margin flags\n\n- \S+: Gross margin: dropped 25\.2 points from 82\.0% to 56\.8% \(more than max_margin_drop 0\.05\)/
    )
    expect(read(dir, 'card', 'scorecard.html')).toContain('class="fail flagged"')
  })
})

describe('a command agent without model cost', () => {
  it('meets any cost limit and margin: cost per success 0, margin 100%', async () => {
    const dir = writeProject({
      'thresholds.yml': [
        'tiers: { T1: 0.5 }',
        'budgets: { max_cost_per_success_usd: 0 }',
        'economics: { value_per_success_usd: 1, min_gross_margin: 0.99 }',
        ''
      ].join('\n'),
      'golden-tasks/wf/workflow.yml': [
        'name: wf',
        'permissions: {}',
        'agent:',
        '  type: command',
        `  command: ["${process.execPath}", "-e", "process.stdout.write(JSON.stringify({ label: 'ok' }))"]`,
        ''
      ].join('\n'),
      'golden-tasks/wf/tasks.yaml': '- { id: a, tier: T1, risk: low, input: {}, expected: { label: ok } }\n'
    })
    const res = await runCli(['run', '--out', 'out'], dir)
    expect(res.code).toBe(0)
    const report = JSON.parse(read(dir, 'out'))
    expect(report.totals).toMatchObject({
      cost_usd: 0,
      cost_per_success_usd: 0,
      cost_per_passed_attempt_usd: 0,
      gross_margin: 1
    })
    expect(report.tiers[0]).toMatchObject({ cost_limit: { max_usd: 0, outcome: 'ok' }, gross_margin: 1 })
    expect(report.economics[0]).toMatchObject({ gross_margin: 1, ok: true })
  })
})
