// expected.grader through a whole run from source, every grader a real process: a command
// (argv, in Node) and a module that pass and fail with their reasons in the report; graders that
// crash, exit non-zero, print garbage or a wrong shape, or hang past timeout_s make the attempt
// `error` with the reason, and the next attempt is graded as usual; the grader's own view of its
// environment holds neither GITHUB_TOKEN nor INPUT_*; a secret in a reason is scrubbed.
import { waitUntilDead } from '../agents/run-helpers.js'
import { afterAll, describe, expect, it, jest } from '@jest/globals'
import { existsSync, readFileSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import { evaluate } from '../../src/run/evaluate.js'
import type { Report, TraceLine } from '../../src/model/types.js'
import { registerSecret } from '../../src/util/secrets.js'
import { writeProject } from '../helpers/project.js'
import { fixtureAgentFiles } from './fixture-agent-run.js'

const NODE = JSON.stringify(process.execPath)
const SECRET = 'sk-grader-test-0123456789abcdef'

const GRADERS: Record<string, string> = {
  // The refund the agent read must be within input.max; the trace must hold the lookup.
  'total.mjs': `let raw = ''
for await (const chunk of process.stdin) raw += chunk
const { task, answer, trace } = JSON.parse(raw)
const reasons = []
const total = answer.result.order.total
if (total > task.input.max) reasons.push(\`refund \${total} is over the limit \${task.input.max}\`)
const lookups = trace.tool_calls.filter((c) => c.tool === 'lookup_order' && c.args.order_id === task.input.order_id)
if (lookups.length !== 1) reasons.push('no single lookup of the order')
if (task.id !== process.env.EVALGATE_TASK_ID) reasons.push('EVALGATE_TASK_ID is not the task')
console.log('checked', task.id) // a log line before the verdict
console.log(JSON.stringify({ pass: reasons.length === 0, reasons }))
`,
  'message.mjs': `export default async function grade({ task, answer, trace }) {
  await new Promise((resolve) => setTimeout(resolve, 10))
  if (answer.message === task.input.say && trace.tool_calls.length === 1) return { pass: true, reasons: [] }
  return { pass: false, reasons: [\`said "\${answer.message}", not "\${task.input.say}"\`, 'second reason'] }
}
`,
  'leaks.mjs': `export default () => ({ pass: false, reasons: ['the key is ${SECRET}'] })\n`,
  'no-default.mjs': 'export const grade = () => ({ pass: true })\n',
  'crash.mjs': "throw new Error('grader bug')\n",
  // Writes what it sees of the environment where the task says, then passes.
  'env.mjs': `import { writeFileSync } from 'node:fs'
let raw = ''
for await (const chunk of process.stdin) raw += chunk
writeFileSync(JSON.parse(raw).task.input.env_file, JSON.stringify(Object.keys(process.env)))
console.log(JSON.stringify({ pass: true, reasons: [] }))
`,
  // First attempt: leaves a child behind and never answers. Later attempts pass.
  'hang-once.mjs': `import { existsSync, writeFileSync } from 'node:fs'
import { spawn } from 'node:child_process'
let raw = ''
for await (const chunk of process.stdin) raw += chunk
const marker = JSON.parse(raw).task.input.marker
if (existsSync(marker)) {
  console.log(JSON.stringify({ pass: true, reasons: [] }))
} else {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' })
  writeFileSync(marker, JSON.stringify([process.pid, child.pid]))
  setInterval(() => {}, 1000)
}
`
}

function task(id: string, grader: string, input: Record<string, unknown> = {}): string[] {
  return [
    `- id: ${id}`,
    '  tier: T1',
    '  risk: low',
    `  input: ${JSON.stringify({ order_id: 'o1', max: 50, say: 'looked up o1', ...input })}`,
    '  fixtures: { lookup_order: { status: delivered, total: 25 } }',
    `  expected: { label: refund_approved, grader: ${grader} }`
  ]
}

const projects: string[] = []
afterAll(async () => {
  for (const dir of projects) await rm(dir, { recursive: true, force: true })
})

function project(tasks: string[][]): string {
  const dir = writeProject({
    'thresholds.yml': 'tiers: { T1: 0.9 }\nbudgets: { task_timeout_s: 10 }\n',
    ...fixtureAgentFiles(['good.mjs', 'read-stdin.mjs']),
    'golden-tasks/shop/workflow.yml': [
      'name: shop',
      'permissions:',
      '  lookup_order: { scope: read, risk: low }',
      'agent:',
      '  type: command',
      `  command: [${NODE}, "../../agents/good.mjs"]`,
      ''
    ].join('\n'),
    'golden-tasks/shop/tasks.yaml': tasks.flat().join('\n') + '\n',
    ...Object.fromEntries(Object.entries(GRADERS).map(([name, text]) => [`golden-tasks/shop/graders/${name}`, text]))
  })
  projects.push(dir)
  return dir
}

async function run(dir: string, repeat: number) {
  const stdout = jest.spyOn(process.stdout, 'write').mockImplementation(() => true)
  try {
    await evaluate({
      tasksDir: join(dir, 'golden-tasks'),
      thresholdsFile: join(dir, 'thresholds.yml'),
      outDir: join(dir, 'out'),
      concurrency: 4,
      repeat,
      repoRoot: dir
    })
  } finally {
    stdout.mockRestore()
  }
  const reportText = readFileSync(join(dir, 'out', 'report.json'), 'utf8')
  const tracesText = readFileSync(join(dir, 'out', 'traces.jsonl'), 'utf8')
  const traces = tracesText
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as TraceLine)
  return { report: JSON.parse(reportText) as Report, traces, text: reportText + tracesText }
}

const byId = (report: Report) => Object.fromEntries(report.tasks.map((t) => [t.id, t]))

describe('custom graders in a run', () => {
  it('passes and fails by the grader, a command or a module, with its reasons in the report', async () => {
    registerSecret(SECRET)
    const dir = project([
      task('command-pass', `{ command: [${NODE}, graders/total.mjs] }`),
      task('command-fail', `{ command: [${NODE}, graders/total.mjs] }`, { max: 10 }),
      task('module-pass', '{ module: graders/message.mjs }'),
      task('module-fail', '{ module: ./graders/message.mjs }', { say: 'hello' }),
      task('leaks', '{ module: graders/leaks.mjs }')
    ])
    const { report, traces, text } = await run(dir, 1)
    const tasks = byId(report)
    expect(tasks['command-pass']).toMatchObject({ status: 'pass', reasons: [] })
    expect(tasks['module-pass']).toMatchObject({ status: 'pass', reasons: [] })
    expect(tasks['command-fail']).toMatchObject({
      status: 'fail',
      reasons: ['grader: refund 25 is over the limit 10'],
      causes: ['grader_failed']
    })
    expect(tasks['module-fail']).toMatchObject({
      status: 'fail',
      reasons: ['grader: said "looked up o1", not "hello"; second reason']
    })
    const trace = traces.find((t) => t.task_id === 'command-fail')!
    expect(trace.outcome.expectations).toEqual([
      { expectation: 'label', ok: true },
      { expectation: 'grader', ok: false, reason: 'grader: refund 25 is over the limit 10' }
    ])
    expect(tasks.leaks.status).toBe('fail')
    expect(text).not.toContain(SECRET)
  })

  it('makes the attempt error when the grader fails, and grades the next attempt as usual', async () => {
    const marker = join(writeProject({}), 'hang-marker.json')
    projects.push(join(marker, '..'))
    const dir = project([
      task('crash', `{ command: [${NODE}, graders/crash.mjs] }`),
      task('exit-3', '{ command: "echo nope >&2; exit 3" }'),
      task('garbage', `{ command: [${NODE}, -e, "console.log('hello')"] }`),
      task('wrong-shape', `{ command: [${NODE}, -e, "console.log(JSON.stringify({ pass: 'yes' }))"] }`),
      task('no-default', '{ module: graders/no-default.mjs }'),
      task('hang-once', `{ command: [${NODE}, graders/hang-once.mjs], timeout_s: 3 }`, { marker })
    ])
    const started = performance.now()
    const { report, traces } = await run(dir, 2)
    expect(performance.now() - started).toBeLessThan(20_000)
    const reasonsOf = (id: string) =>
      traces.filter((t) => t.task_id === id).map((t) => [t.attempt, t.status, t.outcome.reasons])
    expect(reasonsOf('exit-3')).toEqual([
      [1, 'error', ['grader error: the grader exited with code 3: nope']],
      [2, 'error', ['grader error: the grader exited with code 3: nope']]
    ])
    expect(reasonsOf('crash')[0][2]).toEqual([
      expect.stringMatching(/^grader error: the grader exited with code 1: .*grader bug/)
    ])
    expect(reasonsOf('garbage')[0][2]).toEqual(['grader error: the grader printed no JSON verdict (got "hello")'])
    expect(reasonsOf('wrong-shape')[0][2]).toEqual([
      expect.stringMatching(
        /^grader error: the grader's verdict is not \{ pass: boolean, reasons: string\[\] \} \(pass: /
      )
    ])
    expect(reasonsOf('no-default')[0][2]).toEqual([
      'grader error: the grader exited with code 2: the module has no default export that is a function'
    ])
    expect(reasonsOf('hang-once').sort()).toEqual([
      [1, 'error', ['grader error: the grader timed out after 3s']],
      [2, 'pass', []]
    ])
    expect(byId(report)['crash'].causes).toEqual(['grader_error'])
    // The hung grader's process group, and the child it left, were killed.
    const [grader, child] = JSON.parse(readFileSync(marker, 'utf8')) as number[]
    expect(await waitUntilDead([grader, child])).toEqual([])
  })

  it("gives the grader the agent's environment: no GITHUB_TOKEN, no INPUT_*", async () => {
    const envFile = join(writeProject({}), 'env.json')
    projects.push(join(envFile, '..'))
    const saved = { ...process.env }
    Object.assign(process.env, {
      GITHUB_TOKEN: 'ghs_grader_must_not_see',
      INPUT_GITHUB_TOKEN: 'ghs_grader_must_not_see',
      EVALGATE_VISIBLE_TO_GRADER: 'yes'
    })
    try {
      const dir = project([task('env', `{ command: [${NODE}, graders/env.mjs] }`, { env_file: envFile })])
      const { report } = await run(dir, 1)
      expect(report.tasks[0].status).toBe('pass')
    } finally {
      for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key]
    }
    expect(existsSync(envFile)).toBe(true)
    const seen = JSON.parse(readFileSync(envFile, 'utf8')) as string[]
    expect(seen).toContain('EVALGATE_VISIBLE_TO_GRADER')
    expect(seen).toContain('EVALGATE_TASK_ID')
    expect(seen.filter((name) => name === 'GITHUB_TOKEN' || name.startsWith('INPUT_'))).toEqual([])
  })
})
