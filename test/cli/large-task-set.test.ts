// Row 10 of issue 10: 130,000 tasks in one workflow load, validate and run (a filtered subset)
// without "Maximum call stack size exceeded": no spread or recursion over task lists.
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { runCli, writeProject } from '../helpers/project.js'

const TASKS = 130_000

function project(): string {
  const lines: string[] = []
  for (let i = 0; i < TASKS; i++) {
    const tier = i % 2 === 0 ? 'T1' : 'T2'
    lines.push(JSON.stringify({ id: `t${i}`, tier, risk: 'low', input: { n: i }, expected: { label: 'ok' } }))
  }
  return writeProject({
    'thresholds.yml': 'tiers: { T1: 0.9, T2: 0.8 }\n',
    'golden-tasks/wf/workflow.yml': [
      'name: wf',
      'permissions: {}',
      'agent:',
      '  type: command',
      `  command: ["${process.execPath}", "-e", "process.stdout.write(JSON.stringify({ label: 'ok' }))"]`,
      ''
    ].join('\n'),
    'golden-tasks/wf/tasks.jsonl': lines.join('\n') + '\n'
  })
}

describe('a workflow of 130,000 tasks', () => {
  const dir = project()

  it('validates: every task counted, exit 0', async () => {
    const res = await runCli(['validate'], dir)
    expect(res.stderr).not.toMatch(/call stack|internal error/)
    expect(res.stdout).toContain(`${TASKS} tasks (T1 ${TASKS / 2}, T2 ${TASKS / 2})`)
    expect(res.code).toBe(0)
  })

  it('runs the subset a filter picks out of the whole set', async () => {
    const res = await runCli(['run', '--out', 'out', '--filter', 'id=t1?', '--repeat', '1'], dir)
    expect(res.stderr).not.toMatch(/call stack|internal error/)
    expect(res.code).toBe(0)
    const report = JSON.parse(readFileSync(join(dir, 'out/report.json'), 'utf8'))
    expect(report.tasks.map((t: { id: string }) => t.id).sort()).toEqual(
      ['t10', 't11', 't12', 't13', 't14', 't15', 't16', 't17', 't18', 't19'].sort()
    )
    expect(report.decision).toBe('pass')
  })
})

describe('a workflow of more task files than the process may open at once', () => {
  it('reads them a few at a time: no EMFILE, every task counted', async () => {
    const files: Record<string, string> = {
      'thresholds.yml': 'tiers: { T1: 0.9 }\n',
      'golden-tasks/wf/workflow.yml': 'name: wf\npermissions: {}\nagent: { type: command, command: [node, a.js] }\n'
    }
    const count = 21_000 // over the 20,000 open files this machine allows a process
    for (let i = 0; i < count; i++)
      files[`golden-tasks/wf/tasks/t${i}.json`] = JSON.stringify({
        id: `t${i}`,
        tier: 'T1',
        risk: 'low',
        input: {},
        expected: { label: 'ok' }
      })
    const res = await runCli(['validate'], writeProject(files))
    expect(res.stderr).not.toMatch(/EMFILE/)
    expect(res.stdout).toContain(`${count} tasks`)
    expect(res.code).toBe(0)
  })
})
