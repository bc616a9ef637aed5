import { afterAll, describe, expect, it } from '@jest/globals'
import { loadProject } from '../../src/load/index.js'
import { formatProblem } from '../../src/util/problems.js'
import { lines, makeProject, MANIFEST, removeProjects, taskYaml, WF } from './project-files.js'

afterAll(removeProjects)

describe('loadProject reports every problem at once', () => {
  it('lists the problems of every file, sorted by file then line', async () => {
    const p = await makeProject({
      [`${WF}/workflow.yml`]: MANIFEST,
      [`${WF}/b.yaml`]: lines(
        'id: b',
        'tier: T9',
        'risk: low',
        'input: { customer: { id: c }, order_id: o }',
        'expected: { label: x }',
        'extra: 1'
      ),
      [`${WF}/a.yaml`]: lines(...taskYaml('a'), '  bogus: 1', '---', 'id: a2', 'tier: T1'),
      [`${WF}/c.jsonl`]: '{"id": 1}\n',
      'golden-tasks/broken/workflow.yml': lines('name: broken', 'permissions: {}', 'agent: { type: http }'),
      'golden-tasks/broken/t.yaml': lines('id: x', 'tier: T1'),
      'thresholds.yml': lines('tiers:', '  T1: 2')
    })
    const project = await loadProject({ tasksDir: p.tasksDir, thresholdsFile: p.thresholdsFile, repoRoot: p.root })
    const a = p.shown(`${WF}/a.yaml`)
    const b = p.shown(`${WF}/b.yaml`)
    const c = p.shown(`${WF}/c.jsonl`)
    const broken = p.shown('golden-tasks/broken')
    expect(project.problems.map(formatProblem)).toEqual([
      `${broken}/t.yaml:1: missing required field "risk"`,
      `${broken}/t.yaml:1: missing required field "input"`,
      `${broken}/t.yaml:1: missing required field "expected"`,
      `${broken}/workflow.yml:3: missing required field "url" in agent`,
      `${a}:9: unknown field "bogus" in expected`,
      `${a}:11: missing required field "risk"`,
      `${a}:11: missing required field "input"`,
      `${a}:11: missing required field "expected"`,
      `${b}:2: tier "T9" is not one of T1, T2, T3`,
      `${b}:6: unknown field "extra"`,
      `${c}:1: "id" must be a string, got 1 (put it in quotes: "1")`,
      `${c}:1: missing required field "tier"`,
      `${c}:1: missing required field "risk"`,
      `${c}:1: missing required field "input"`,
      `${c}:1: missing required field "expected"`,
      `${p.shown('thresholds.yml')}:2: "T1" must be between 0 and 1, got 2`
    ])
    const sorted = [...project.problems].sort((x, y) =>
      x.file === y.file ? (x.line ?? 0) - (y.line ?? 0) : x.file < y.file ? -1 : 1
    )
    expect(project.problems).toEqual(sorted)
  })
})
