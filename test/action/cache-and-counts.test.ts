// The action's `cache` input (the response cache of `evalgate run --cache`) and its outputs
// `passed`, `failed` and `total`, through dist/index.js on workflow_dispatch, with an openai
// agent on a local OpenAI-compatible server (a loopback endpoint needs no key).
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { startFakeGitHub, type FakeGitHub } from '../helpers/fake-github.js'
import { apiError, answerReply, FakeOpenAI, type ReceivedRequest, type Reply } from '../helpers/fake-openai.js'
import { writeProject } from '../helpers/project.js'
import { errorLines, expectNoStackTrace } from './fake-setup.js'
import { runAction } from './run-action.js'

/** The model answers the task's `answer`; an input `down: true` gets HTTP 500 (the task errs). */
function script(request: ReceivedRequest): Reply {
  const input = JSON.parse(request.body.messages[1].content)
  return input.down ? apiError(500, 'the model is down') : answerReply({ label: input.answer, escalated: false })
}

function project(tasks: string[]): string {
  return writeProject({
    'thresholds.yml': 'tiers: { T1: 0.5 }\nbudgets: { max_retries: 0, max_error_rate: 1 }\n',
    'golden-tasks/wf/workflow.yml': [
      'name: wf',
      'permissions: {}',
      'agent:',
      '  type: openai',
      '  model: gpt-4.1-mini',
      '  prompt: prompt.md',
      '  tools: tools.json',
      `  base_url: ${fake.baseUrl}`,
      ''
    ].join('\n'),
    'golden-tasks/wf/prompt.md': 'Label the request.',
    'golden-tasks/wf/tools.json': '[]',
    'golden-tasks/wf/tasks.yaml': tasks.join('\n') + '\n'
  })
}

const task = (id: string, input: string) =>
  `- { id: ${id}, tier: T1, risk: low, input: ${input}, expected: { label: ok } }`

let fake: FakeOpenAI
let gh: FakeGitHub
beforeAll(async () => {
  fake = await FakeOpenAI.start()
})
afterAll(() => fake.stop())
beforeEach(async () => {
  fake.reset()
  fake.otherwise(script)
  gh = await startFakeGitHub()
})
afterEach(() => gh.close())

const dispatch = (dir: string, inputs: Record<string, string> = {}) =>
  runAction({ cwd: dir, apiUrl: gh.url, event: 'workflow_dispatch', payload: {}, inputs: { repeat: '1', ...inputs } })

describe('input cache', () => {
  it('stores the model responses in the folder it names, and a second run answers from it without a model call', async () => {
    const dir = project([task('a', '{ answer: ok }'), task('b', '{ answer: ok }'), task('c', '{ answer: no }')])
    const first = await dispatch(dir, { cache: '.evalgate-cache' })
    expectNoStackTrace(first)
    expect(first.outputs.decision).toBe('pass')
    expect(fake.completions).toHaveLength(3)
    expect(existsSync(join(dir, '.evalgate-cache'))).toBe(true)

    const second = await dispatch(dir, { cache: '.evalgate-cache', out: 'again' })
    expect(second.outputs).toMatchObject({ decision: 'pass', passed: '2', failed: '1', total: '3' })
    expect(fake.completions).toHaveLength(3)
    const report = JSON.parse(readFileSync(join(dir, 'again/report.json'), 'utf8'))
    expect(report.totals.cost_usd).toBe(0)
  })

  it('is off without the input: every run asks the model', async () => {
    const dir = project([task('a', '{ answer: ok }')])
    await dispatch(dir)
    await dispatch(dir)
    expect(fake.completions).toHaveLength(2)
    expect(existsSync(join(dir, '.evalgate-cache'))).toBe(false)
  })

  it('a cache path that is a file: decision error, saying so, before any model call', async () => {
    const dir = project([task('a', '{ answer: ok }')])
    writeFileSync(join(dir, 'not-a-folder'), 'x')
    const run = await dispatch(dir, { cache: 'not-a-folder' })
    expectNoStackTrace(run)
    expect(run.outputs.decision).toBe('error')
    expect(errorLines(run).join('\n')).toContain(
      'the response cache not-a-folder (--cache, action input cache) cannot be a folder: a file is in the way'
    )
    expect(fake.completions).toHaveLength(0)
    expect(readFileSync(join(dir, 'not-a-folder'), 'utf8')).toBe('x')
  })
})

describe('outputs passed, failed and total', () => {
  it('count the tasks of the report; an errored task counts as failed, so passed + failed = total', async () => {
    const dir = project([
      task('a', '{ answer: ok }'),
      task('b', '{ answer: ok }'),
      task('c', '{ answer: no }'),
      task('d', '{ answer: ok, down: true }')
    ])
    const run = await dispatch(dir)
    expectNoStackTrace(run)
    const report = JSON.parse(readFileSync(join(dir, 'evalgate-report/report.json'), 'utf8'))
    expect(report.totals).toMatchObject({ tasks: 4, passed: 2, failed: 1, errored: 1 })
    expect({ passed: run.outputs.passed, failed: run.outputs.failed, total: run.outputs.total }).toEqual({
      passed: '2',
      failed: '2',
      total: '4'
    })
  })

  it('are not set when the gate did not run (invalid files: decision error, no report)', async () => {
    const dir = project([task('a', '{ answer: ok }')])
    writeFileSync(join(dir, 'thresholds.yml'), 'tiers: { T1: 2 }\n')
    const run = await dispatch(dir)
    expectNoStackTrace(run)
    expect(run.outputs).toEqual({ decision: 'error', report: '', 'success-rates': '{}' })
  })
})
