import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { runCli, writeProject } from '../helpers/project.js'
import { week1, week2, week3 } from '../scorecard/series.js'

describe('evalgate scorecard, end to end through dist/cli.js', () => {
  let dir: string
  beforeAll(() => {
    dir = writeProject({
      'a.json': JSON.stringify(week3),
      'b.json': JSON.stringify(week1),
      'c.json': JSON.stringify(week2),
      'not-a-report.json': JSON.stringify({ name: 'package', version: '1.0.0' })
    })
  })
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true })
  })

  it('writes scorecard.md and scorecard.html, oldest report first, and exits 0', async () => {
    const res = await runCli(['scorecard', 'a.json', 'b.json', 'c.json', '--out', 'card'], dir)
    expect(res.stderr).toBe('')
    expect(res.code).toBe(0)
    expect(res.stdout).toContain(join('card', 'scorecard.md'))
    expect(res.stdout).toContain(join('card', 'scorecard.html'))
    const md = readFileSync(join(dir, 'card/scorecard.md'), 'utf8')
    expect(md).toContain('| Metric | 2025-01-06 · aaaaaaa | 2025-01-13 · bbbbbbb | 2025-01-20 |')
    expect(md).toContain('| **Success rate** | 50.0% | 87.5% | 75.0% |')
    const html = readFileSync(join(dir, 'card/scorecard.html'), 'utf8')
    expect(html).toContain('<svg')
    expect(html).toContain('<td>71.4%</td><td>87.5%</td><td>100.0%</td>')
  })

  it('writes to evalgate-scorecard by default', async () => {
    const res = await runCli(['scorecard', 'b.json'], dir)
    expect(res.code).toBe(0)
    expect(existsSync(join(dir, 'evalgate-scorecard/scorecard.md'))).toBe(true)
    expect(existsSync(join(dir, 'evalgate-scorecard/scorecard.html'))).toBe(true)
  })

  it('refuses a JSON file that is not a report: exit 2, the file named, no stack trace', async () => {
    const res = await runCli(['scorecard', 'b.json', 'not-a-report.json', '--out', 'bad'], dir)
    expect(res.code).toBe(2)
    expect(res.stderr).toMatch(/^not-a-report\.json: not an evalgate report: /)
    expect(res.stderr).not.toMatch(/\n\s+at /)
    expect(existsSync(join(dir, 'bad'))).toBe(false)
  })

  it('refuses a file that is not JSON', async () => {
    writeFileSync(join(dir, 'broken.json'), '{ nope')
    const res = await runCli(['scorecard', 'broken.json'], dir)
    expect(res.code).toBe(2)
    expect(res.stderr).toMatch(/^broken\.json: not an evalgate report: not valid JSON/)
    expect(res.stderr).not.toMatch(/\n\s+at /)
  })

  it('needs at least one report: exit 2 with the usage line', async () => {
    const res = await runCli(['scorecard'], dir)
    expect(res.code).toBe(2)
    expect(res.stderr).toContain('scorecard needs the reports: evalgate scorecard REPORT.json... [--out DIR]')
    expect(res.stderr).not.toMatch(/\n\s+at /)
  })

  it('is in the usage text', async () => {
    const res = await runCli(['--help'], dir)
    expect(res.stdout).toContain('evalgate scorecard REPORT.json... [--out DIR]')
  })
})
