// Issue 10, row 3 through the CLI: a golden task with a 160 KB base64url fixture, an agent that reads
// it and answers 80 KB. With the quadratic `email` rule, validate took 97 s and the task ran 18 s
// past its 5 s timeout; now both finish promptly, and the task passes within task_timeout_s.
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { runCli, writeProject } from '../helpers/project.js'

function base64Blob(bytes: number): string {
  const data = Buffer.alloc(bytes)
  let x = 7
  for (let i = 0; i < bytes; i++) {
    x = (x * 1103515245 + 12345) >>> 0
    data[i] = x >>> 24
  }
  // base64url (as in JWTs): every character is one an e-mail's local part may hold, so the blob is one run.
  return data.toString('base64url').slice(0, bytes)
}

const BLOB = base64Blob(160 * 1024)

const AGENT = `let raw = ''
process.stdin.on('data', (d) => (raw += d))
process.stdin.on('end', async () => {
  const res = await fetch(process.env.EVALGATE_TOOLS_URL + '/fetch_attachment', { method: 'POST', body: '{"id":"A-1"}' })
  const { blob } = await res.json()
  process.stdout.write(JSON.stringify({ label: 'ok', message: blob.slice(0, 80 * 1024) }) + '\\n')
})
`

describe('row 3: large base64 text under the built-in redaction rules', () => {
  it('validate and a run finish promptly; the task passes within task_timeout_s', async () => {
    const dir = writeProject({
      'thresholds.yml': 'tiers: { T1: 0.5 }\nbudgets: { task_timeout_s: 5 }\n',
      'golden-tasks/wf/workflow.yml': [
        'name: wf',
        'permissions:',
        '  fetch_attachment: { scope: read, risk: low }',
        'data_governance:',
        '  redact: [email, phone, card, national_id]',
        'agent:',
        '  type: command',
        `  command: ["${process.execPath}", "agent.mjs"]`,
        ''
      ].join('\n'),
      'golden-tasks/wf/agent.mjs': AGENT,
      'golden-tasks/wf/tasks.yaml': [
        '- id: big-blob',
        '  tier: T1',
        '  risk: low',
        `  input: { attachment: "${BLOB}" }`,
        `  fixtures: { fetch_attachment: { blob: "${BLOB}" } }`,
        '  expected: { label: ok }',
        ''
      ].join('\n')
    })

    let started = performance.now()
    const validate = await runCli(['validate'], dir)
    const validateMs = performance.now() - started
    expect(validate.stderr).not.toContain('problem')
    expect(validate.code).toBe(0)
    expect(validateMs).toBeLessThan(10_000)

    started = performance.now()
    const run = await runCli(['run', '--repeat', '1'], dir)
    const runMs = performance.now() - started
    expect(run.code).toBe(0)
    expect(runMs).toBeLessThan(15_000)
    const report = JSON.parse(readFileSync(join(dir, 'evalgate-report', 'report.json'), 'utf8'))
    expect(report.tasks[0]).toMatchObject({ id: 'big-blob', status: 'pass' })
    expect(report.tasks[0].duration_ms).toBeLessThan(5000)
  })
})
