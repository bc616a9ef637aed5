// Problems with issue 15's expected-action fields and message kinds, each at its file:line:
// a bad `after` (out of range, itself, a cycle), a bad regex, an unknown or misspelt field.
import { afterAll, describe, expect, it } from '@jest/globals'
import { loadProject } from '../../src/load/index.js'
import { formatProblem } from '../../src/util/problems.js'
import { lines, makeProject, MANIFEST, removeProjects, THRESHOLDS, WF } from './project-files.js'

afterAll(removeProjects)

const HEAD = ['id: a', 'tier: T1', 'risk: low', 'input: { customer: { id: c1 }, order_id: o1 }', 'expected:']

/** The errors of one task file whose `expected` is `rows` (line 6 on), as printed; and the file's name. */
async function errorsOf(...rows: string[]): Promise<{ errors: string[]; file: string }> {
  const p = await makeProject({
    [`${WF}/workflow.yml`]: MANIFEST,
    'thresholds.yml': THRESHOLDS,
    [`${WF}/t.yaml`]: lines(...HEAD, ...rows)
  })
  const project = await loadProject({ tasksDir: p.tasksDir, thresholdsFile: p.thresholdsFile, repoRoot: p.root })
  return { errors: project.problems.map(formatProblem), file: p.shown(`${WF}/t.yaml`) }
}

describe('expected actions: after', () => {
  it('loads a valid partial order', async () => {
    const { errors } = await errorsOf(
      '  actions:',
      '    - tool: lookup_order',
      '    - { tool: issue_refund, after: 0, optional: true }',
      '    - { tool: issue_refund, after: [0, 1], args_match: exact, args: { items: [a] }, unordered: [items] }',
      '  args_match: subset'
    )
    expect(errors).toEqual([])
  })

  it('an index past the list points at the after key', async () => {
    const { errors, file } = await errorsOf(
      '  actions:',
      '    - tool: lookup_order',
      '    - tool: issue_refund',
      '      after: 2'
    )
    expect(errors).toEqual([`${file}:9: "after: 2" of actions[1] names no action (the list has actions 0 to 1)`])
  })

  it('an action after itself', async () => {
    const { errors, file } = await errorsOf('  actions:', '    - tool: lookup_order', '      after: 0')
    expect(errors).toEqual([`${file}:8: actions[0] cannot come after itself ("after: 0")`])
  })

  it('a bad index in a list points at that item', async () => {
    const { errors, file } = await errorsOf(
      '  actions:',
      '    - tool: lookup_order',
      '    - tool: issue_refund',
      '      after:',
      '        - 0',
      '        - 5'
    )
    expect(errors).toEqual([`${file}:11: "after: 5" of actions[1] names no action (the list has actions 0 to 1)`])
  })

  it('a cycle is reported once, at the after of its first action', async () => {
    const { errors, file } = await errorsOf(
      '  actions:',
      '    - tool: lookup_order',
      '      after: 2',
      '    - tool: issue_refund',
      '      after: 0',
      '    - tool: issue_refund',
      '      after: [1]'
    )
    expect(errors).toEqual([
      `${file}:8: "after" makes a cycle: actions[0] after actions[2] after actions[1] after actions[0]`
    ])
  })

  it('a negative or fractional index', async () => {
    const { errors, file } = await errorsOf(
      '  actions:',
      '    - { tool: lookup_order }',
      '    - tool: issue_refund',
      '      after: -1',
      '    - tool: issue_refund',
      '      after: [0.5]'
    )
    expect(errors).toEqual([
      `${file}:9: "after" must be 0 or more, got -1`,
      `${file}:11: "after[0]" must be a whole number, got 0.5`
    ])
  })
})

describe('expected actions: other fields', () => {
  it('an unknown field of an action is a typo', async () => {
    const { errors, file } = await errorsOf('  actions:', '    - tool: lookup_order', '      optinal: true')
    expect(errors).toEqual([`${file}:8: unknown field "optinal" in expected.actions[0]`])
  })

  it('args_match must be subset or exact, on expected and on an action', async () => {
    const { errors, file } = await errorsOf(
      '  actions:',
      '    - tool: lookup_order',
      '      args_match: fuzzy',
      '  args_match: strict'
    )
    expect(errors).toEqual([
      `${file}:8: args_match "fuzzy" is not one of subset, exact`,
      `${file}:9: args_match "strict" is not one of subset, exact`
    ])
  })

  it('unordered names list arguments of args', async () => {
    const { errors, file } = await errorsOf(
      '  actions:',
      '    - tool: issue_refund',
      '      args: { items: [a, b], note: x }',
      '      unordered: [items, note, skus]'
    )
    expect(errors).toEqual([
      `${file}:9: "unordered" of actions[0] names "note", which is not a list in its args`,
      `${file}:9: "unordered" of actions[0] names "skus", which is not a list in its args`
    ])
  })

  it('optional must be true or false', async () => {
    const { errors, file } = await errorsOf('  actions:', '    - tool: issue_refund', '      optional: maybe')
    expect(errors).toEqual([`${file}:8: "optional" must be true or false, got "maybe"`])
  })
})

describe('message kinds', () => {
  it('an invalid regex is a problem at its line', async () => {
    const { errors, file } = await errorsOf("  message_matches: 'refund(ed'")
    expect(errors).toEqual([
      `${file}:6: "message_matches" is not a regular expression: Invalid regular expression: /refund(ed/u: Unterminated group`
    ])
  })

  it('an invalid regex in a list is a problem at its item', async () => {
    const { errors, file } = await errorsOf('  message_matches:', '    - ok', "    - '[z-a]'")
    expect(errors).toEqual([
      `${file}:8: "message_matches[1]" is not a regular expression: Invalid regular expression: /[z-a]/u: Range out of order in character class`
    ])
  })

  it('message_contains is a list of texts', async () => {
    const { errors, file } = await errorsOf('  message_contains: refund', '  label: x')
    expect(errors).toEqual([`${file}:6: "message_contains" must be a list, got "refund"`])
  })

  it('a misspelt kind is an unknown field', async () => {
    const { errors, file } = await errorsOf('  message_contain: [refund]', '  label: x')
    expect(errors).toEqual([`${file}:6: unknown field "message_contain" in expected`])
  })
})
