// Issue 12 item 6: help per command, suggestions for a mistyped command or flag, progress in CI
// logs, and a --filter that leaves a gated tier without a task, end to end through dist/cli.js.
import { beforeAll, describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { runCli } from '../helpers/project.js'
import { decisionProject, readReportIn } from './decision-project.js'

const THRESHOLDS = 'tiers:\n  T1: 0.8\n  T2: 0.8\n'
const GROUPS = [
  { tier: 'T1' as const, count: 6, p: 1 },
  { tier: 'T2' as const, count: 6, p: 1 },
  { tier: 'T3' as const, count: 3, p: 1 }
]

describe('evalgate <command> --help', () => {
  it.each(['run', 'validate', 'merge', 'scorecard'])(
    '%s --help, -h and help %s print its help and exit 0',
    async (name) => {
      for (const args of [
        [name, '--help'],
        [name, '-h'],
        ['help', name],
        [name, '--tasks', 'x', '--help']
      ]) {
        const res = await runCli(args, process.cwd())
        expect(res.code).toBe(0)
        expect(res.stderr).toBe('')
        expect(res.stdout.startsWith(`Usage: evalgate ${name}`)).toBe(true)
        expect(res.stdout).toContain('Exit codes: 0 gate passed')
      }
    }
  )

  it('run --help lists every option of run', async () => {
    const res = await runCli(['run', '--help'], process.cwd())
    for (const flag of [
      '--tasks',
      '--thresholds',
      '--out',
      '--concurrency',
      '--repeat',
      '--shard',
      '--baseline',
      '--workflow',
      '--filter',
      '--cache',
      '--openai-base-url',
      '--base-ref'
    ])
      expect(res.stdout).toContain(`  ${flag} `)
  })

  it('the overview names every command and how to get its help', async () => {
    const res = await runCli(['help'], process.cwd())
    expect(res.code).toBe(0)
    expect(res.stdout).toContain('evalgate help <command>')
    for (const name of ['run', 'validate', 'merge', 'scorecard', 'evidence'])
      expect(res.stdout).toContain(`evalgate ${name} `)
  })
})

describe('a mistyped command or flag', () => {
  it('suggests the nearest command, exit 2', async () => {
    const res = await runCli(['vaildate'], process.cwd())
    expect(res.code).toBe(2)
    expect(res.stderr).toContain('unknown command "vaildate" (did you mean validate?)')
    const help = await runCli(['help', 'rnu'], process.cwd())
    expect(help.code).toBe(2)
    expect(help.stderr).toContain('unknown command "rnu" (did you mean run?)')
  })

  it('suggests the nearest flag of the command, exit 2', async () => {
    const res = await runCli(['run', '--filtr', 'tier=T1'], process.cwd())
    expect(res.code).toBe(2)
    expect(res.stderr).toContain("evalgate run: Unknown option '--filtr' (did you mean --filter?)")
    expect(res.stderr).toContain('See evalgate run --help for its options.')
    const merge = await runCli(['merge', 'a.json', '--thresold', 't.yml'], process.cwd())
    expect(merge.code).toBe(2)
    expect(merge.stderr).toContain("Unknown option '--thresold' (did you mean --thresholds?)")
  })

  it('suggests nothing when nothing is close', async () => {
    const cmd = await runCli(['deploy'], process.cwd())
    expect(cmd.code).toBe(2)
    expect(cmd.stderr).not.toContain('did you mean')
    expect(cmd.stderr).toContain('expected run, validate, merge, scorecard, readiness or evidence')
    const flag = await runCli(['validate', '--zzz'], process.cwd())
    expect(flag.code).toBe(2)
    expect(flag.stderr).toContain("Unknown option '--zzz'")
    expect(flag.stderr).not.toContain('did you mean')
    expect(flag.stderr).not.toMatch(/\n\s+at /)
  })
})

describe('a --filter that leaves a gated tier without a task', () => {
  let dir: string
  beforeAll(() => {
    dir = decisionProject(THRESHOLDS, GROUPS)
  })

  it('runs the whole set to a pass, with plain progress lines in a CI log', async () => {
    const res = await runCli(['run', '--repeat', '1', '--out', 'out'], dir, { CI: 'true' })
    expect(res.code).toBe(0)
    expect(readReportIn(dir).decision).toBe('pass')
    expect(res.stderr).toMatch(/^evalgate: \d+\/15 tasks, [\d.]+s, about \d+s left$/m)
    expect(res.stderr).toMatch(/^evalgate: 15\/15 tasks, [\d.]+s$/m)
    expect(res.stderr).not.toContain('\r')
    expect(res.stderr).not.toContain('\x1b')
  })

  it('is error, never pass, and the decision names the tier not evaluated', async () => {
    const res = await runCli(['run', '--repeat', '1', '--out', 'out', '--filter', 'tier=T2'], dir)
    expect(res.code).toBe(2)
    const report = readReportIn(dir)
    expect(report.decision).toBe('error')
    const reason = 'T1 is gated but was not evaluated: --filter "tier=T2" left no task in it — the run cannot pass'
    expect(report.reasons[0]).toBe(reason)
    expect(report.tiers.map((t: { tier: string }) => t.tier)).toEqual(['T2'])
    expect(readFileSync(join(dir, 'out/summary.md'), 'utf8')).toContain(reason)
  })

  it('names every gated tier left out; a run that fails anyway stays fail', async () => {
    // Only the ungated T3 ran: "no tier is gated" fails the run, as it did before.
    const res = await runCli(['run', '--repeat', '1', '--out', 'out', '--filter', 'tier=T3'], dir)
    expect(res.code).toBe(1)
    expect(readReportIn(dir).reasons[0]).toBe(
      'T1, T2 are gated but were not evaluated: --filter "tier=T3" left no task in them — the run cannot pass'
    )
  })

  it('passes when every gated tier keeps a task (an ungated tier may go)', async () => {
    const res = await runCli(['run', '--repeat', '1', '--out', 'out', '--filter', 'tier!=T3'], dir)
    expect(res.code).toBe(0)
    expect(readReportIn(dir).decision).toBe('pass')
  })

  it("is error in the merge of a filtered run's shards checked against the golden set", async () => {
    for (const i of [1, 2])
      expect(
        (await runCli(['run', '--repeat', '1', '--out', `s${i}`, '--shard', `${i}/2`, '--filter', 'tier=T2'], dir)).code
      ).toBe(2)
    const merged = await runCli(
      ['merge', 's1/report.json', 's2/report.json', '--tasks', 'golden-tasks', '--out', 'm'],
      dir
    )
    expect(merged.code).toBe(2)
    expect(readReportIn(dir, 'm').reasons[0]).toBe(
      'T1 is gated but was not evaluated: the shards hold no task of it — the run cannot pass'
    )
  })
})
