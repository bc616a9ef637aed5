// expected.grader at load: the module and the command's program are checked where the grader
// will run (the workflow folder), each problem at its file:line.
import { afterAll, describe, expect, it } from '@jest/globals'
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { loadProject } from '../../src/load/index.js'
import { formatProblem } from '../../src/util/problems.js'
import { lines, makeProject, MANIFEST, removeProjects, taskYaml, THRESHOLDS, WF } from './project-files.js'

afterAll(removeProjects)

/** One task per grader, each 10 lines long: task i's `grader:` key is on line 10 i + 9. */
function tasks(graders: string[]): string {
  return lines(
    ...graders.flatMap((grader, i) => [
      ...taskYaml(`g-${i}`, '  ').map((row, j) => (j === 0 ? `- ${row}` : row)),
      `    grader: ${grader}`,
      '  tags: []'
    ])
  )
}

async function load(graders: string[], setup?: (root: string) => void) {
  const p = await makeProject({
    'thresholds.yml': THRESHOLDS,
    [`${WF}/workflow.yml`]: MANIFEST,
    [`${WF}/tasks.yaml`]: tasks(graders),
    [`${WF}/graders/ok.sh`]: '#!/bin/sh\necho \'{"pass":true}\'\n',
    [`${WF}/graders/plain.sh`]: '#!/bin/sh\n',
    [`${WF}/graders/grade.mjs`]: 'export default () => ({ pass: true, reasons: [] })\n'
  })
  chmodSync(path.join(p.root, WF, 'graders/ok.sh'), 0o755)
  setup?.(p.root)
  const project = await loadProject({ tasksDir: p.tasksDir, thresholdsFile: p.thresholdsFile, repoRoot: p.root })
  return { errors: project.problems.map(formatProblem), project, p }
}

describe('expected.grader at load', () => {
  it('accepts an executable program, a program from PATH, an interpreter with a script, and a module', async () => {
    const { errors, project } = await load([
      '{ command: [./graders/ok.sh] }',
      '{ command: "python3 -c pass", timeout_s: 5 }',
      `{ command: [${JSON.stringify(process.execPath)}, graders/grade.mjs] }`,
      '{ module: graders/grade.mjs }'
    ])
    expect(errors).toEqual([])
    expect(project.tasks.map((t) => t.expected.grader)).toEqual([
      { command: ['./graders/ok.sh'], timeout_s: 30 },
      { command: 'python3 -c pass', timeout_s: 5 },
      { command: [process.execPath, 'graders/grade.mjs'], timeout_s: 30 },
      { module: 'graders/grade.mjs', timeout_s: 30 }
    ])
  })

  it('names a missing or non-executable program, and a missing or outside module, at their lines', async () => {
    const outside = mkdtempSync(path.join(os.tmpdir(), 'evalgate-outside-'))
    writeFileSync(path.join(outside, 'grade.mjs'), 'export default () => ({ pass: true })\n')
    const { errors, p } = await load([
      '{ command: [./graders/missing.sh] }',
      '{ command: [./graders/plain.sh, --strict] }',
      '{ command: "./graders/missing.sh --strict" }',
      '{ module: graders/missing.mjs }',
      `{ module: ${JSON.stringify(path.join(outside, 'grade.mjs'))} }`,
      '{ command: [/no/such/grader] }'
    ])
    const file = p.shown(`${WF}/tasks.yaml`)
    const shown = (relative: string) => p.shown(`${WF}/${relative}`)
    expect(errors).toEqual([
      `${file}:9: expected.grader.command[0] names a file that does not exist: ${shown('graders/missing.sh')}`,
      `${file}:19: expected.grader.command[0] names a file that is not executable: ${shown('graders/plain.sh')} (chmod +x it, or run it through its interpreter)`,
      `${file}:29: the program of expected.grader.command names a file that does not exist: ${shown('graders/missing.sh')}`,
      `${file}:39: expected.grader.module names a file that does not exist: ${shown('graders/missing.mjs')}`,
      `${file}:49: expected.grader.module resolves to ${path.join(outside, 'grade.mjs')}, outside the repository (${p.root})`,
      `${file}:59: expected.grader.command[0] names a file that does not exist: ${path.relative(process.cwd(), '/no/such/grader')}`
    ])
  })

  it('rejects a grader that is neither a command nor a module, or has a bad timeout', async () => {
    const { errors } = await load(['{ script: grade.py }', '{ command: [./graders/ok.sh], timeout_s: 0 }'])
    expect(errors.map((e) => e.replace(/^.*tasks\.yaml:/, 'tasks.yaml:'))).toEqual([
      'tasks.yaml:9: missing required field "command" in expected.grader',
      'tasks.yaml:9: unknown field "script" in expected.grader',
      'tasks.yaml:19: "timeout_s" must be more than 0, got 0'
    ])
  })
})
