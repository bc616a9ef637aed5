import { afterAll, describe, expect, it } from '@jest/globals'
import { loadProject } from '../../src/load/index.js'
import { formatProblem } from '../../src/util/problems.js'
import { lines, makeProject, MANIFEST, removeProjects, taskYaml, THRESHOLDS, WF } from './project-files.js'

afterAll(removeProjects)

const judgedTask = lines(...taskYaml('judged'), '  judge: The reply apologises and names the refund amount.')

async function load(files: Record<string, string>) {
  const p = await makeProject({ 'thresholds.yml': THRESHOLDS, [`${WF}/tasks.yaml`]: judgedTask, ...files })
  const project = await loadProject({ tasksDir: p.tasksDir, thresholdsFile: p.thresholdsFile, repoRoot: p.root })
  return { project, errors: project.problems.map(formatProblem), p }
}

describe('the judge of expected.judge rubrics', () => {
  it('a judged task in a workflow without a judge model is a problem at the judge line', async () => {
    const { errors, p } = await load({ [`${WF}/workflow.yml`]: MANIFEST })
    expect(errors).toEqual([
      `${p.shown(`${WF}/tasks.yaml`)}:9: expected.judge needs a judge model: add "judge: { model: ... }" to workflow "refund" (or use an openai agent)`
    ])
  })

  it('workflow.yml judge is used for any agent type', async () => {
    const manifest = MANIFEST.replace(
      'agent:',
      'judge: { model: gpt-4.1-mini, base_url: "http://127.0.0.1:9/v1" }\nagent:'
    )
    const { project, errors } = await load({ [`${WF}/workflow.yml`]: manifest })
    expect(errors).toEqual([])
    expect(project.workflows[0].judge).toEqual({ model: 'gpt-4.1-mini', base_url: 'http://127.0.0.1:9/v1' })
  })

  it('an openai agent judges with its judge_model, else its own model, on its endpoint', async () => {
    const agent = (extra: string) =>
      MANIFEST.slice(0, MANIFEST.indexOf('agent:')) +
      lines(
        'agent:',
        '  type: openai',
        '  model: gpt-4o',
        '  prompt: prompt.md',
        '  tools: tools.json',
        '  base_url: http://127.0.0.1:9/v1',
        '  api_key_env: MY_KEY',
        ...(extra ? [extra] : [])
      )
    const files = { [`${WF}/prompt.md`]: 'Be kind.', [`${WF}/tools.json`]: '[]' }
    const own = await load({ ...files, [`${WF}/workflow.yml`]: agent('') })
    expect(own.errors).toEqual([])
    expect(own.project.workflows[0].judge).toMatchObject({
      model: 'gpt-4o',
      base_url: 'http://127.0.0.1:9/v1',
      api_key_env: 'MY_KEY'
    })
    const separate = await load({ ...files, [`${WF}/workflow.yml`]: agent('  judge_model: gpt-4.1') })
    expect(separate.project.workflows[0].judge?.model).toBe('gpt-4.1')
  })
})
