// Rows 9, 11 and 12 of issue 10, through dist/cli.js: values nested 10,000 deep (in a task file
// and in an agent's answer), `__proto__` keys, and duplicate keys in every format.
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { runCli, writeProject } from '../helpers/project.js'

const DEEP = 10_000
const THRESHOLDS = 'tiers: { T1: 0.9 }\n'
const MANIFEST = [
  'name: wf',
  'permissions:',
  '  lookup_order: { scope: read, risk: low }',
  'agent:',
  '  type: command',
  `  command: ["${process.execPath}", "agent.js"]`,
  ''
].join('\n')

const task = (id: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ id, tier: 'T1', risk: 'low', input: {}, expected: { label: 'ok' }, ...extra })
const deepList = '['.repeat(DEEP) + ']'.repeat(DEEP)
const deepMap = '{"a":'.repeat(DEEP) + '1' + '}'.repeat(DEEP)

async function validate(files: Record<string, string>) {
  const dir = writeProject({ 'thresholds.yml': THRESHOLDS, 'golden-tasks/wf/workflow.yml': MANIFEST, ...files })
  const started = Date.now()
  const res = await runCli(['validate'], dir)
  return {
    ...res,
    ms: Date.now() - started,
    errors: res.stderr.split('\n').filter((l) => l.startsWith('golden-tasks'))
  }
}

describe('a task file nested 10,000 deep', () => {
  it('is a file:line problem in .jsonl, .yaml and .json alike, exit 2, no internal error', async () => {
    const res = await validate({
      'golden-tasks/wf/a.jsonl': `${task('ok-1')}\n${task('deep-1').slice(0, -1)},"fixtures":{"lookup_order":${deepList}}}\n`,
      'golden-tasks/wf/b.yaml': `id: deep-2\ntier: T1\nrisk: low\nexpected: { label: ok }\ninput: ${deepList}\n`,
      'golden-tasks/wf/c.yaml': [
        'id: deep-3',
        'tier: T1',
        'risk: low',
        'expected: { label: ok }',
        'input:',
        ...Array.from({ length: 200 }, (_, i) => `${'  '.repeat(i + 1)}- `),
        ''
      ].join('\n'),
      'golden-tasks/wf/d.json': `{"id":"deep-4","tier":"T1","risk":"low","expected":{"label":"ok"},\n"input":${deepMap}}\n`
    })
    expect(res.stderr).not.toMatch(/internal error|call stack/)
    expect(res.code).toBe(2)
    const deep = 'nested more than 64 levels deep (evalgate reads files to a depth of 64)'
    expect(res.errors).toEqual([
      `golden-tasks/wf/a.jsonl:2: ${deep}`,
      `golden-tasks/wf/b.yaml:5: ${deep}`,
      expect.stringMatching(new RegExp(`^golden-tasks/wf/c\\.yaml:\\d+: ${deep.replace(/[()]/g, '\\$&')}$`)),
      `golden-tasks/wf/d.json:2: ${deep}`
    ])
    expect(res.ms).toBeLessThan(10_000)
  })

  it('loads at the limit: input nested 62 levels (64 with the task and its list); one more is a problem', async () => {
    const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth)
    const file = (depth: number) =>
      `- { id: t, tier: T1, risk: low, expected: { label: ok }, input: ${nested(depth)} }\n`
    const atLimit = await validate({ 'golden-tasks/wf/a.yaml': file(62) })
    expect(atLimit.errors).toEqual([])
    expect(atLimit.code).toBe(0)
    const over = await validate({ 'golden-tasks/wf/a.yaml': file(63) })
    expect(over.errors).toEqual([
      'golden-tasks/wf/a.yaml:1: nested more than 64 levels deep (evalgate reads files to a depth of 64)'
    ])
  })
})

describe('__proto__ keys are refused; constructor and prototype are data', () => {
  it('__proto__ anywhere in a .yaml, .json or .jsonl task is a problem at its line', async () => {
    const res = await validate({
      'golden-tasks/wf/a.yaml':
        'id: y\ntier: T1\nrisk: low\ninput: {}\nexpected:\n  result:\n    __proto__:\n      refund: true\n',
      'golden-tasks/wf/b.json':
        '{"id":"j","tier":"T1","risk":"low","input":{},\n"expected":{"result":{"__proto__":{"refund":true}}}}\n',
      'golden-tasks/wf/c.jsonl': `${task('l1')}\n{"id":"l2","tier":"T1","risk":"low","input":{"__proto__":{}},"expected":{"label":"ok"}}\n`
    })
    expect(res.code).toBe(2)
    const refused = (where: string) =>
      `the key "__proto__" in ${where} is not allowed: JavaScript objects cannot hold it as data (rename it)`
    expect(res.errors).toEqual([
      `golden-tasks/wf/a.yaml:7: ${refused('expected.result')}`,
      `golden-tasks/wf/b.json:2: ${refused('expected.result')}`,
      `golden-tasks/wf/c.jsonl:2: ${refused('input')}`
    ])
  })

  it('expected.result { constructor: ... } is graded as data, in YAML and JSONL', async () => {
    const agent = `let raw = ''
process.stdin.on('data', (d) => (raw += d))
process.stdin.on('end', () => {
  const { input } = JSON.parse(raw)
  process.stdout.write(JSON.stringify({ label: 'ok', result: input.answer }))
})`
    const dir = writeProject({
      'thresholds.yml': THRESHOLDS,
      'golden-tasks/wf/workflow.yml': MANIFEST,
      'golden-tasks/wf/agent.js': agent,
      'golden-tasks/wf/a.yaml': [
        '- { id: y-match, tier: T1, risk: low, input: { answer: { constructor: { name: x } } }, expected: { result: { constructor: { name: x } } } }',
        '- { id: y-empty, tier: T1, risk: low, input: { answer: {} }, expected: { result: { constructor: { name: x } } } }',
        ''
      ].join('\n'),
      'golden-tasks/wf/b.jsonl': [
        task('j-match', { input: { answer: { prototype: 1 } }, expected: { result: { prototype: 1 } } }),
        task('j-empty', { input: { answer: {} }, expected: { result: { prototype: 1 } } }),
        ''
      ].join('\n')
    })
    const res = await runCli(['run', '--out', 'out', '--repeat', '1'], dir)
    expect(res.code).toBe(1)
    const report = JSON.parse(readFileSync(join(dir, 'out/report.json'), 'utf8'))
    const byId = Object.fromEntries(report.tasks.map((t: { id: string }) => [t.id, t]))
    expect(byId['y-match'].status).toBe('pass')
    expect(byId['j-match'].status).toBe('pass')
    expect(byId['y-empty'].reasons).toEqual(['result.constructor: missing'])
    expect(byId['j-empty'].reasons).toEqual(['result.prototype: missing'])
  })
})

describe('duplicate keys', () => {
  it('are the same file:line problem in .jsonl as in .yaml and .json', async () => {
    const res = await validate({
      'golden-tasks/wf/a.jsonl': `${task('l1')}\n{"id":"l2","tier":"T1","risk":"low","input":{},"expected":{"label":"ok","label":"no"}}\n{"id":"l3","i\\u0064":"l4","tier":"T1","risk":"low","input":{},"expected":{"label":"ok"}}\n`,
      'golden-tasks/wf/b.yaml': 'id: y\ntier: T1\nrisk: low\ninput: {}\nexpected: { label: ok }\nrisk: high\n',
      'golden-tasks/wf/c.json': '{"id":"j","tier":"T1","risk":"low","input":{},\n"id":"k","expected":{"label":"ok"}}\n'
    })
    expect(res.code).toBe(2)
    expect(res.errors).toEqual([
      'golden-tasks/wf/a.jsonl:2: Map keys must be unique: "label" is given twice',
      'golden-tasks/wf/a.jsonl:3: Map keys must be unique: "id" is given twice',
      'golden-tasks/wf/b.yaml:6: YAML syntax: Map keys must be unique',
      'golden-tasks/wf/c.json:2: YAML syntax: Map keys must be unique'
    ])
  })
})

describe('an agent answer nested 10,000 deep', () => {
  it('fails that one task with the reason; the run goes on and writes its report', async () => {
    const agent = `let raw = ''
process.stdin.on('data', (d) => (raw += d))
process.stdin.on('end', async () => {
  const { task_id } = JSON.parse(raw)
  if (task_id === 'deep-answer')
    return process.stdout.write('{"label":"ok","result":' + '{"a":'.repeat(${DEEP}) + '1' + '}'.repeat(${DEEP}) + '}')
  if (task_id === 'deep-args') {
    const res = await fetch(process.env.EVALGATE_TOOLS_URL + '/lookup_order', { method: 'POST', body: '${deepList}' })
    return process.stdout.write(JSON.stringify({ label: 'ok', result: { status: res.status } }))
  }
  process.stdout.write(JSON.stringify({ label: 'ok' }))
})`
    const dir = writeProject({
      'thresholds.yml': THRESHOLDS,
      'golden-tasks/wf/workflow.yml': MANIFEST,
      'golden-tasks/wf/agent.js': agent,
      'golden-tasks/wf/tasks.jsonl': [
        task('deep-answer'),
        task('deep-args', { fixtures: { lookup_order: { status: 'shipped' } }, expected: { result: { status: 200 } } }),
        task('fine'),
        ''
      ].join('\n')
    })
    const res = await runCli(['run', '--out', 'out', '--repeat', '1'], dir)
    expect(res.stderr).not.toMatch(/internal error|call stack/)
    expect(res.code).toBe(1)
    const report = JSON.parse(readFileSync(join(dir, 'out/report.json'), 'utf8'))
    const byId = Object.fromEntries(report.tasks.map((t: { id: string }) => [t.id, t]))
    expect(byId['deep-answer']).toMatchObject({
      status: 'fail',
      reasons: ['answer is nested more than 100 levels deep (the limit for answers)']
    })
    expect(byId['deep-args']).toMatchObject({ status: 'fail', reasons: ['result.status: expected 200 but got 400'] })
    expect(byId.fine.status).toBe('pass')
    const traces = readFileSync(join(dir, 'out/traces.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l))
    const args = traces.find((t) => t.task_id === 'deep-args').tool_calls[0]
    expect(args).toMatchObject({
      tool: 'lookup_order',
      error: 'arguments nested more than 100 levels deep (the limit for tool-call arguments)'
    })
  })
})
