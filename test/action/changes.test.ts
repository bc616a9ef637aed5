import { describe, expect, it } from '@jest/globals'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { defaultAgentGlobs } from '../../src/action/agent-paths.js'
import { agentChanges } from '../../src/action/changes.js'
import { findFiles } from '../../src/action/find-files.js'
import { writeProject } from '../helpers/project.js'

function project(): string {
  return writeProject({
    'thresholds.yml': 'tiers: { T1: 0.9 }\n',
    'evals/refunds/workflow.yml': [
      'name: refunds',
      'permissions: { lookup_order: { scope: read, risk: low } }',
      'tool_schemas: ../../schemas/tools.json',
      'tasks_from: [../../shared-tasks]',
      'agent:',
      '  type: command',
      '  command: [node, --no-warnings, ../../agents/refund/main.mjs, --mode, fast]',
      ''
    ].join('\n'),
    'evals/refunds/t.yaml': '- { id: a, tier: T1, risk: low, input: {}, expected: { label: ok } }\n',
    'schemas/tools.json': JSON.stringify([{ name: 'lookup_order', parameters: { type: 'object' } }]),
    'shared-tasks/s.yaml': '- { id: s, tier: T1, risk: low, input: {}, expected: { label: ok } }\n',
    'agents/refund/main.mjs': '',
    'evals/chat/workflow.yml': [
      'name: chat',
      'permissions: {}',
      'agent:',
      '  type: openai',
      '  model: gpt-4.1-mini',
      '  prompt: ../../prompts/chat [v2].md',
      '  policy: policy.md',
      '  tools: tools.json',
      ''
    ].join('\n'),
    'evals/chat/policy.md': 'be nice',
    'evals/chat/tools.json': '[]',
    'prompts/chat [v2].md': 'You are...'
  })
}

describe('defaultAgentGlobs', () => {
  it('covers the tasks folder, thresholds and every file the manifests name', async () => {
    const dir = project()
    const cwd = process.cwd()
    process.chdir(dir)
    try {
      const { rules, alwaysRun } = await defaultAgentGlobs([
        { root: dir, tasksDir: 'evals', thresholdsFile: 'thresholds.yml' }
      ])
      const globs = rules.map((r) => r.glob)
      const changed = [
        'evals/refunds/t.yaml',
        'thresholds.yml',
        'schemas/tools.json',
        'shared-tasks/s.yaml',
        'agents/refund/main.mjs',
        'prompts/chat [v2].md',
        'evals/chat/policy.md',
        'README.md',
        'agents/other/main.mjs',
        'schemas/other.json'
      ]
      expect(agentChanges(changed, globs)).toEqual(changed.slice(0, 7))
      expect(alwaysRun).toEqual([])
    } finally {
      process.chdir(cwd)
    }
  })
})

describe('defaultAgentGlobs: code out of sight runs the gate on every PR', () => {
  it('a command agent that names no file of the repository (npm run agent) always runs', async () => {
    const dir = writeProject({
      'thresholds.yml': 'tiers: { T1: 0.9 }\n',
      'evals/wf/workflow.yml': 'name: wf\npermissions: {}\nagent: { type: command, command: "npm run agent" }\n',
      'evals/wf/t.yaml': '- { id: a, tier: T1, risk: low, input: {}, expected: { label: ok } }\n'
    })
    const { alwaysRun } = await defaultAgentGlobs([
      { root: dir, tasksDir: join(dir, 'evals'), thresholdsFile: join(dir, 'thresholds.yml') }
    ])
    expect(alwaysRun).toEqual([
      'the command agent of `evals/wf/workflow.yml` names no file or folder of the repository, so its code cannot be seen'
    ])
  })
})

describe('agentChanges', () => {
  it('matches globs, dotfiles included', () => {
    expect(agentChanges(['a/.b/c.md', 'x.md'], ['a/**'])).toEqual(['a/.b/c.md'])
    expect(agentChanges(['x.md'], [])).toEqual([])
  })
})

describe('findFiles', () => {
  it('finds the files a glob matches, sorted', async () => {
    const dir = writeProject({ 'shards/s2/report.json': '{}', 'shards/s1/report.json': '{}', 'shards/s1/x.json': '' })
    mkdirSync(join(dir, 'shards/empty'))
    writeFileSync(join(dir, 'other.json'), '')
    expect(await findFiles('shards/**/report.json', dir)).toEqual(['shards/s1/report.json', 'shards/s2/report.json'])
    expect(await findFiles('missing/**/report.json', dir)).toEqual([])
    expect(await findFiles('other.json', dir)).toEqual(['other.json'])
    expect(await findFiles('nope.json', dir)).toEqual([])
  })
})
