import { afterAll, describe, expect, it } from '@jest/globals'
import { loadProject } from '../../src/load/index.js'
import { formatProblem } from '../../src/util/problems.js'
import { lines, makeProject, MANIFEST, removeProjects, taskYaml, THRESHOLDS, WF } from './project-files.js'

afterAll(removeProjects)

/** The errors of a project made of the refund manifest, thresholds and the task `files` of its folder, as printed. */
async function errorsOf(files: Record<string, string>): Promise<{ errors: string[]; shown: (f: string) => string }> {
  const taskFiles = Object.fromEntries(Object.entries(files).map(([name, text]) => [`${WF}/${name}`, text]))
  const p = await makeProject({ [`${WF}/workflow.yml`]: MANIFEST, 'thresholds.yml': THRESHOLDS, ...taskFiles })
  const project = await loadProject({ tasksDir: p.tasksDir, thresholdsFile: p.thresholdsFile, repoRoot: p.root })
  return { errors: project.problems.map(formatProblem), shown: (f) => p.shown(`${WF}/${f}`) }
}

const INPUT = 'input: { customer: { id: c1 }, order_id: o1 }'

describe('golden task problems, each at its file:line', () => {
  it('a missing required field points at the task map', async () => {
    const { errors, shown } = await errorsOf({
      't.yaml': lines('# a comment', 'id: a', 'risk: low', INPUT, 'expected: { label: x }')
    })
    expect(errors).toEqual([`${shown('t.yaml')}:2: missing required field "tier"`])
  })

  it('a missing field of the second task of a list points at that task', async () => {
    const { errors, shown } = await errorsOf({
      't.yaml': lines(
        ...taskYaml('a', '  ').map((r, i) => (i ? r : `- ${r}`)),
        '- id: b',
        '  tier: T1',
        `  ${INPUT}`,
        '  expected: { label: x }'
      )
    })
    expect(errors).toEqual([`${shown('t.yaml')}:9: missing required field "risk"`])
  })

  it('wrong enum values are reported on their own lines', async () => {
    const { errors, shown } = await errorsOf({
      't.yaml': lines('id: a', 'tier: T4', 'risk: extreme', INPUT, 'expected:', '  label: x', '  actions_match: exact')
    })
    expect(errors).toEqual([
      `${shown('t.yaml')}:2: tier "T4" is not one of T1, T2, T3`,
      `${shown('t.yaml')}:3: risk "extreme" is not one of low, medium, high`,
      `${shown('t.yaml')}:7: actions_match "exact" is not one of superset, subset, unordered, strict`
    ])
  })

  it('a non-string enum value says which values are allowed', async () => {
    const { errors, shown } = await errorsOf({
      't.yaml': lines('id: a', 'tier: T1', 'risk: 3', INPUT, 'expected: { label: x }')
    })
    expect(errors).toEqual([`${shown('t.yaml')}:3: risk must be low, medium or high, got 3`])
  })

  it('a numeric id is a problem', async () => {
    const { errors, shown } = await errorsOf({
      't.yaml': lines('id: 12', 'tier: T1', 'risk: low', INPUT, 'expected: { label: x }')
    })
    expect(errors).toEqual([`${shown('t.yaml')}:1: "id" must be a string, got 12 (put it in quotes: "12")`])
  })

  it('an unknown field is a typo; x-* fields are allowed', async () => {
    const { errors, shown } = await errorsOf({
      't.yaml': lines(
        'id: a',
        'tier: T1',
        'x-note: fine',
        'risk: low',
        INPUT,
        'expected:',
        '  label: x',
        '  lable: y',
        'tiers_: 1'
      )
    })
    expect(errors).toEqual([
      `${shown('t.yaml')}:8: unknown field "lable" in expected`,
      `${shown('t.yaml')}:9: unknown field "tiers_"`
    ])
  })

  it('expected needs at least one expectation', async () => {
    const { errors, shown } = await errorsOf({
      't.yaml': lines('id: a', 'tier: T1', 'risk: low', INPUT, 'expected:', '  actions_match: strict')
    })
    expect(errors).toEqual([
      `${shown('t.yaml')}:6: expected has no expectation (give at least one of label, result, actions, forbidden_actions, escalate, fallback, message_contains, message_matches, judge, state, state_equals_replay, grader)`
    ])
  })

  it('a YAML syntax error is reported with its line, and the other files still load', async () => {
    const { errors, shown } = await errorsOf({
      'bad.yaml': lines('id: a', 'tier: [T1', 'risk: low'),
      'good.yaml': lines(...taskYaml('b'))
    })
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(new RegExp(`^${shown('bad.yaml')}:3: YAML syntax: `))
  })

  it('a bad JSONL line is reported at that line; the other lines load', async () => {
    const good = JSON.stringify({
      id: 'a',
      tier: 'T1',
      risk: 'low',
      input: { customer: { id: 'c' }, order_id: 'o' },
      expected: { label: 'x' }
    })
    const p = await makeProject({
      [`${WF}/workflow.yml`]: MANIFEST,
      'thresholds.yml': THRESHOLDS,
      [`${WF}/t.jsonl`]: [good, '{"id": "b", tier: T1}', good.replace('"a"', '"c"').replace('"T1"', '"T9"')].join('\n')
    })
    const project = await loadProject({ tasksDir: p.tasksDir, thresholdsFile: p.thresholdsFile, repoRoot: p.root })
    const file = p.shown(`${WF}/t.jsonl`)
    expect(project.problems.map(formatProblem)).toEqual([
      expect.stringMatching(new RegExp(`^${file}:2: not valid JSON: `)),
      `${file}:3: tier "T9" is not one of T1, T2, T3`
    ])
    expect(project.tasks.map((t) => t.id)).toEqual(['a'])
  })

  it('a JSON file gets line numbers too', async () => {
    const json = JSON.stringify(
      [
        {
          id: 'a',
          tier: 'T1',
          risk: 'low',
          input: { customer: { id: 'c' }, order_id: 'o' },
          expected: { escalate: 'yes' }
        }
      ],
      null,
      2
    )
    const { errors, shown } = await errorsOf({ 't.json': json })
    const line = json.split('\n').findIndex((l) => l.includes('"escalate"')) + 1
    expect(errors).toEqual([`${shown('t.json')}:${line}: "escalate" must be true or false, got "yes"`])
  })

  it('a duplicate id across two files names both places', async () => {
    const { errors, shown } = await errorsOf({
      'a.yaml': lines(...taskYaml('same')),
      'b/b.yaml': lines('# second', '---', ...taskYaml('same'))
    })
    expect(errors).toEqual([`${shown('b/b.yaml')}:3: duplicate task id "same" (first defined at ${shown('a.yaml')}:1)`])
  })

  it('a fixture, expected action or forbidden action on a tool the permissions do not list is a problem', async () => {
    const { errors, shown } = await errorsOf({
      't.yaml': lines(
        'id: a',
        'tier: T1',
        'risk: low',
        INPUT,
        'fixtures:',
        '  lookup_order: { ok: true }',
        '  request_approval: { status: approved }',
        '  delete_account: { ok: true }',
        'expected:',
        '  actions:',
        '    - tool: issue_refund',
        '    - tool: send_money',
        '  forbidden_actions: [request_approval, wire_transfer]'
      )
    })
    const file = shown('t.yaml')
    expect(errors).toEqual([
      `${file}:8: fixture for tool "delete_account", which the permissions of workflow "refund" do not list`,
      `${file}:12: expected action on tool "send_money", which the permissions of workflow "refund" do not list`,
      `${file}:13: forbidden action on tool "wire_transfer", which the permissions of workflow "refund" do not list`
    ])
  })

  it('a task input missing a required field (dotted paths too) is a problem', async () => {
    const { errors, shown } = await errorsOf({
      't.yaml': lines(
        'id: a',
        'tier: T1',
        'risk: low',
        'input:',
        '  customer: { name: Ann }',
        'expected: { label: x }'
      ),
      'u.yaml': lines('id: b', 'tier: T1', 'risk: low', 'input: just text', 'expected: { label: x }')
    })
    expect(errors).toEqual([
      `${shown('t.yaml')}:5: input is missing required field "customer.id" (inputs.required of workflow "refund")`,
      `${shown('t.yaml')}:5: input is missing required field "order_id" (inputs.required of workflow "refund")`,
      `${shown('u.yaml')}:4: input must be a map with the fields workflow "refund" requires (customer.id, order_id), got "just text"`
    ])
  })

  it('a task without input is a problem', async () => {
    const { errors, shown } = await errorsOf({
      't.yaml': lines('id: a', 'tier: T1', 'risk: low', 'expected: { label: x }')
    })
    expect(errors).toEqual([`${shown('t.yaml')}:1: missing required field "input"`])
  })

  it('fixture cases need a map `when` and a `return`', async () => {
    const { errors, shown } = await errorsOf({
      't.yaml': lines(
        'id: a',
        'tier: T1',
        'risk: low',
        INPUT,
        'fixtures:',
        '  lookup_order:',
        '    - when: order-1',
        '      return: { status: lost }',
        '    - when: { id: 2 }',
        'expected: { label: x }'
      )
    })
    expect(errors).toEqual([
      `${shown('t.yaml')}:7: "when" must be a map, got "order-1"`,
      `${shown('t.yaml')}:9: missing required field "return" in fixtures.lookup_order[1]`
    ])
  })

  it('a file that is not a task says so', async () => {
    const { errors, shown } = await errorsOf({ 't.yaml': lines('- just', '- words') })
    expect(errors).toEqual([
      // A whole task that is a string is never quoted (issue 10, row 19: it may be no YAML at all).
      `${shown('t.yaml')}:1: a golden task must be a map, got plain text (not shown; is it the right file?)`,
      `${shown('t.yaml')}:2: a golden task must be a map, got plain text (not shown; is it the right file?)`
    ])
  })
})

describe('tool faults and fallbacks in a golden task, each at its file:line', () => {
  const withCases = (...cases: string[]) =>
    lines('id: a', 'tier: T1', 'risk: low', INPUT, 'fixtures:', '  lookup_order:', ...cases, 'expected: { label: x }')

  it('loads every form of a fault case', async () => {
    const { errors } = await errorsOf({
      't.yaml': withCases(
        '    - { when: { order_id: o1 }, on_call: 1, fault: { status: 503, message: payments unavailable } }',
        '    - { when: { order_id: o1 }, delay_ms: 3000, return: { status: delivered } }',
        '    - { when: { order_id: o2 }, fault: timeout }',
        '    - { when: {}, delay_ms: 0, fault: { status: 429, message: slow down } }'
      )
    })
    expect(errors).toEqual([])
  })

  it('an unknown fault name, a fault that is not an HTTP error, a fault without its message', async () => {
    const { errors, shown } = await errorsOf({
      't.yaml': withCases(
        '    - when: { order_id: o1 }',
        '      fault: explode',
        '    - when: { order_id: o2 }',
        '      fault: { status: 200, message: fine }',
        '    - when: { order_id: o3 }',
        '      fault: { status: 503 }',
        '    - when: { order_id: o4 }',
        '      fault: 503'
      )
    })
    expect(errors).toEqual([
      `${shown('t.yaml')}:8: fault "explode" is not one of timeout`,
      `${shown('t.yaml')}:10: "status" must be an HTTP error status (400 to 599), got 200`,
      `${shown('t.yaml')}:12: missing required field "message" in fixtures.lookup_order[2].fault`,
      `${shown('t.yaml')}:14: "fault" must be a string or a map, got 503`
    ])
  })

  it('on_call 0 or not a whole number, a negative delay_ms, return beside fault, neither', async () => {
    const { errors, shown } = await errorsOf({
      't.yaml': withCases(
        '    - when: { order_id: o1 }',
        '      on_call: 0',
        '      return: 1',
        '    - when: { order_id: o2 }',
        '      on_call: 1.5',
        '      return: 2',
        '    - when: { order_id: o3 }',
        '      delay_ms: -10',
        '      return: 3',
        '    - when: { order_id: o4 }',
        '      return: 4',
        '      fault: timeout',
        '    - when: { order_id: o5 }',
        '      on_call: 2'
      )
    })
    expect(errors).toEqual([
      `${shown('t.yaml')}:8: "on_call" must be more than 0, got 0`,
      `${shown('t.yaml')}:11: "on_call" must be a whole number, got 1.5`,
      `${shown('t.yaml')}:14: "delay_ms" must be 0 or more, got -10`,
      `${shown('t.yaml')}:18: a fixture case answers with "return" or fails with "fault", not both`,
      `${shown('t.yaml')}:19: missing required field "return" in fixtures.lookup_order[4]`
    ])
  })

  it('an unknown fallback name in expected', async () => {
    const { errors, shown } = await errorsOf({
      't.yaml': lines('id: a', 'tier: T1', 'risk: low', INPUT, 'expected:', '  fallback: robot')
    })
    expect(errors).toEqual([`${shown('t.yaml')}:6: fallback "robot" is not one of draft_only, read_only, human`])
  })
})
