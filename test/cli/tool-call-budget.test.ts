// Row 18 of issue 10: an agent making 100,000 tool calls in one task. Past
// budgets.max_tool_calls_per_task (default 200) the sandbox answers 429 and records nothing
// more, and the task fails with the reason.
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { runCli, writeProject } from '../helpers/project.js'

const CALLS = 100_000

// Calls lookup_order CALLS times, 64 at a time on kept-alive sockets, and answers the statuses it got.
const agent = `
const http = require('node:http')
const url = new URL(process.env.EVALGATE_TOOLS_URL + '/lookup_order')
const pool = new http.Agent({ keepAlive: true, maxSockets: 64 })
const call = (body) =>
  new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST', agent: pool }, (res) => {
      res.resume()
      res.on('end', () => resolve(res.statusCode))
    })
    req.on('error', reject)
    req.end(body)
  })
let raw = ''
process.stdin.on('data', (d) => (raw += d))
process.stdin.on('end', async () => {
  const statuses = {}
  let next = 0
  const worker = async () => {
    while (next < ${CALLS}) {
      const status = await call(JSON.stringify({ order_id: 'O-' + ++next }))
      statuses[status] = (statuses[status] ?? 0) + 1
    }
  }
  await Promise.all(Array.from({ length: 64 }, worker))
  process.stdout.write(JSON.stringify({ label: 'ok', result: statuses }))
  pool.destroy()
})
`

function project(thresholds: string): string {
  return writeProject({
    'thresholds.yml': thresholds,
    'golden-tasks/wf/workflow.yml': [
      'name: wf',
      'permissions:',
      '  lookup_order: { scope: read, risk: low }',
      'agent:',
      '  type: command',
      `  command: ["${process.execPath}", "agent.js"]`,
      ''
    ].join('\n'),
    'golden-tasks/wf/agent.js': agent,
    'golden-tasks/wf/tasks.yaml': [
      '- id: loop',
      '  tier: T1',
      '  risk: low',
      '  input: {}',
      '  fixtures: { lookup_order: { status: shipped } }',
      '  expected: { label: ok }',
      ''
    ].join('\n')
  })
}

describe('budgets.max_tool_calls_per_task', () => {
  it('an agent making 100,000 calls: 200 recorded, the rest answered 429, the task fails saying why', async () => {
    const dir = project('tiers: { T1: 0.9 }\nbudgets: { task_timeout_s: 50 }\n')
    const res = await runCli(['run', '--out', 'out', '--repeat', '1'], dir)
    expect(res.stderr).not.toMatch(/internal error/)
    expect(res.code).toBe(1)
    const report = JSON.parse(readFileSync(join(dir, 'out/report.json'), 'utf8'))
    const [task] = report.tasks
    expect(task.status).toBe('fail')
    expect(task.reasons).toEqual([`tool-call budget exhausted after 200 calls (${CALLS - 200} more refused)`])
    expect(task.tool_calls).toBe(200)
    const [trace] = readFileSync(join(dir, 'out/traces.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l))
    expect(trace.tool_calls).toHaveLength(200)
    expect(trace.outcome.answer.result).toEqual({ 200: 200, 429: CALLS - 200 })
    expect(readFileSync(join(dir, 'out/summary.md'), 'utf8')).toContain('tool-call budget exhausted after 200 calls')
  })

  it('is a positive whole number, checked at its line', async () => {
    const dir = project('tiers: { T1: 0.9 }\nbudgets:\n  max_tool_calls_per_task: 0\n')
    const res = await runCli(['validate'], dir)
    expect(res.code).toBe(2)
    expect(res.stderr).toContain('thresholds.yml:3: "max_tool_calls_per_task" must be more than 0, got 0')
  })
})
