// Projects for the decision tests: tiers of tasks answered by the seeded agent.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { repoRoot, writeProject } from '../helpers/project.js'

const SEEDED = readFileSync(join(repoRoot, 'test/fixtures/agents/seeded.mjs'), 'utf8')

export interface TaskGroup {
  tier: 'T1' | 'T2' | 'T3'
  count: number
  /** Chance that an attempt passes. */
  p: number
  prefix?: string
  risk?: 'low' | 'medium' | 'high'
}

export function tasksYaml(groups: TaskGroup[]): string {
  return (
    groups
      .flatMap((g) =>
        Array.from({ length: g.count }, (_, i) => {
          const id = `${g.prefix ?? `${g.tier.toLowerCase()}-p${Math.round(g.p * 100)}`}-${i}`
          return `- { id: ${id}, tier: ${g.tier}, risk: ${g.risk ?? 'low'}, input: { p: ${g.p} }, expected: { label: ok } }`
        })
      )
      .join('\n') + '\n'
  )
}

export function decisionProject(thresholds: string, groups: TaskGroup[], extra: Record<string, string> = {}): string {
  return writeProject({
    'thresholds.yml': thresholds,
    'golden-tasks/wf/workflow.yml': [
      'name: wf',
      'permissions: {}',
      'agent:',
      '  type: command',
      `  command: ["${process.execPath}", "agent.mjs"]`,
      ''
    ].join('\n'),
    'golden-tasks/wf/agent.mjs': SEEDED,
    'golden-tasks/wf/tasks.yaml': tasksYaml(groups),
    ...extra
  })
}

export function readReportIn(dir: string, out = 'out') {
  return JSON.parse(readFileSync(join(dir, out, 'report.json'), 'utf8'))
}
