import { afterAll, describe, expect, it } from '@jest/globals'
import { loadProject } from '../../src/load/index.js'
import { formatProblem } from '../../src/util/problems.js'
import { lines, makeProject, MANIFEST, removeProjects, taskYaml, THRESHOLDS, WF } from './project-files.js'

afterAll(removeProjects)

describe('tasks_from: one golden task set shared by a second manifest', () => {
  it('loads the shared folder as the workflow own tasks', async () => {
    const second = MANIFEST.replace(/^name: .*$/m, 'name: refund_llm').replace(
      'agent:',
      'tasks_from: [../shared]\nagent:'
    )
    const p = await makeProject({
      'thresholds.yml': THRESHOLDS,
      'golden-tasks/llm/workflow.yml': second,
      'golden-tasks/shared/tasks.yaml': lines(...taskYaml('shared-1'))
    })
    const project = await loadProject({
      tasksDir: `${p.root}/golden-tasks/llm`,
      thresholdsFile: p.thresholdsFile,
      repoRoot: p.root
    })
    expect(project.problems).toEqual([])
    expect(project.tasks.map((t) => [t.workflow, t.id])).toEqual([['refund_llm', 'shared-1']])
  })

  it('a tasks_from folder that does not exist is a problem at its line', async () => {
    const manifest = MANIFEST.replace('agent:', 'tasks_from:\n  - ../nowhere\nagent:')
    const p = await makeProject({ 'thresholds.yml': THRESHOLDS, [`${WF}/workflow.yml`]: manifest })
    const project = await loadProject({ tasksDir: p.tasksDir, thresholdsFile: p.thresholdsFile, repoRoot: p.root })
    const line = manifest.split('\n').indexOf('  - ../nowhere') + 1
    expect(project.problems.map(formatProblem)).toEqual([
      `${p.shown(`${WF}/workflow.yml`)}:${line}: tasks_from names a folder that does not exist: ${p.shown('golden-tasks/nowhere')}`
    ])
  })
})
