// Files the manifest names resolve, after symlinks, inside the repository root, or are problems.
import { afterAll, describe, expect, it } from '@jest/globals'
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { findRepoRoot, loadProject } from '../../src/load/index.js'
import { formatProblem } from '../../src/util/problems.js'
import { lines, makeProject, MANIFEST, removeProjects, taskYaml, THRESHOLDS, WF } from './project-files.js'

afterAll(removeProjects)

const MANIFEST_FILE = `${WF}/workflow.yml`
const TASK = lines(...taskYaml('r-1'))
const withAgent = (...agent: string[]) => MANIFEST.slice(0, MANIFEST.indexOf('agent:')) + lines(...agent)
const openai = (prompt: string, more: string[] = []) =>
  withAgent('agent:', '  type: openai', '  model: gpt-4.1-mini', `  prompt: ${prompt}`, '  tools: tools.json', ...more)

/** A folder outside every test project, holding one file. */
function outsideFile(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'evalgate-outside-'))
  writeFileSync(path.join(dir, 'secret.md'), 'GITHUB_TOKEN=ghs_not_for_the_model\n')
  return path.join(dir, 'secret.md')
}

async function load(files: Record<string, string>, setup?: (root: string) => void) {
  const p = await makeProject({
    'thresholds.yml': THRESHOLDS,
    [`${WF}/tasks.yaml`]: TASK,
    [`${WF}/tools.json`]: '[]',
    ...files
  })
  setup?.(p.root)
  const project = await loadProject({ tasksDir: p.tasksDir, thresholdsFile: p.thresholdsFile, repoRoot: p.root })
  return { errors: project.problems.map(formatProblem), project, p }
}

describe('files a manifest names stay inside the repository', () => {
  it('prompt: /proc/self/environ is a problem at its line, and nothing is read from it', async () => {
    const { errors, project, p } = await load({ [MANIFEST_FILE]: openai('/proc/self/environ') })
    expect(errors).toEqual([
      `${p.shown(MANIFEST_FILE)}:16: agent.prompt resolves to /proc/self/environ, outside the repository (${p.root})`
    ])
    expect(project.workflows).toEqual([])
  })

  it('a symlink inside the repository that points outside is a problem naming where it leads', async () => {
    const target = outsideFile()
    const { errors, p } = await load({ [MANIFEST_FILE]: openai('prompt.md', ['  policy: policy.md']) }, (root) => {
      symlinkSync(target, path.join(root, WF, 'prompt.md'))
      symlinkSync(path.join(root, 'thresholds.yml'), path.join(root, WF, 'policy.md'))
    })
    expect(errors).toEqual([
      `${p.shown(MANIFEST_FILE)}:16: agent.prompt resolves to ${target}, outside the repository (${p.root})`
    ])
  })

  it('tasks_from and tool_schemas outside the repository, or in its .git folder, are problems', async () => {
    const outside = path.dirname(outsideFile())
    const manifest = withAgent(
      'tasks_from:',
      `  - ${outside}`,
      'tool_schemas: ../../.git/config',
      'agent:',
      '  type: command',
      '  command: [node, agent.js]'
    )
    const { errors, p } = await load({ [MANIFEST_FILE]: manifest, '.git/config': '[http]\n' })
    const file = p.shown(MANIFEST_FILE)
    expect(errors).toEqual([
      `${file}:14: tasks_from resolves to ${outside}, outside the repository (${p.root})`,
      `${file}:15: tool_schemas resolves to ${path.join(p.root, '.git', 'config')}, inside a .git folder`
    ])
  })

  it('a task file that is a symlink to a file outside is a problem, never read', async () => {
    const target = outsideFile()
    const { errors, p } = await load({ [MANIFEST_FILE]: MANIFEST }, (root) =>
      symlinkSync(target, path.join(root, WF, 'leak.yaml'))
    )
    expect(errors).toEqual([
      `${p.shown(`${WF}/leak.yaml`)}: the task file resolves to ${target}, outside the repository (${p.root})`
    ])
  })

  it('files inside the repository load, through symlinks that stay inside too', async () => {
    const { errors, project } = await load(
      { [MANIFEST_FILE]: openai('../../prompts/p.md', ['  policy: policy.md']), 'prompts/p.md': 'You are...' },
      (root) => symlinkSync(path.join(root, 'prompts', 'p.md'), path.join(root, WF, 'policy.md'))
    )
    expect(errors).toEqual([])
    expect(project.workflows.map((w) => w.name)).toEqual(['refund'])
  })

  it('without repoRoot, the root is the nearest folder holding .git (a worktree has a .git file)', () => {
    const top = mkdtempSync(path.join(os.tmpdir(), 'evalgate-root-'))
    mkdirSync(path.join(top, 'repo', 'a', 'b'), { recursive: true })
    writeFileSync(path.join(top, 'repo', '.git'), 'gitdir: /elsewhere\n')
    expect(findRepoRoot(path.join(top, 'repo', 'a', 'b'))).toBe(path.join(top, 'repo'))
    mkdirSync(path.join(top, 'plain'))
    expect(findRepoRoot(path.join(top, 'plain'))).toBe(path.join(top, 'plain'))
  })
})
