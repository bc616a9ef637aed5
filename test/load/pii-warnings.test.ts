import { afterAll, describe, expect, it } from '@jest/globals'
import { loadProject } from '../../src/load/index.js'
import { formatProblem } from '../../src/util/problems.js'
import { lines, makeProject, MANIFEST, removeProjects, THRESHOLDS, WF } from './project-files.js'

afterAll(removeProjects)

describe('validate warns about golden tasks that still contain PII', () => {
  it('names the file, the line and the field, and is a warning, not an error', async () => {
    const task = lines(
      'id: pii-1',
      'tier: T1',
      'risk: high',
      'input:',
      '  customer: { id: c1 }',
      '  order_id: o1',
      '  message: "please call me at (415) 555-0100 or mail jo@example.com"',
      'fixtures:',
      '  lookup_order: { status: delivered, card: "4111 1111 1111 1111" }',
      'expected:',
      '  label: refund_approved'
    )
    const p = await makeProject({
      'thresholds.yml': THRESHOLDS,
      [`${WF}/workflow.yml`]: MANIFEST,
      [`${WF}/tasks/pii.yaml`]: task
    })
    const project = await loadProject({ tasksDir: p.tasksDir, thresholdsFile: p.thresholdsFile, repoRoot: p.root })
    const file = p.shown(`${WF}/tasks/pii.yaml`)
    expect(project.problems).toEqual([])
    expect(project.warnings.map(formatProblem)).toEqual([
      `${file}:7: warning: task "pii-1": input.message looks like PII (email); golden tasks should be synthetic`,
      `${file}:7: warning: task "pii-1": input.message looks like PII (phone); golden tasks should be synthetic`,
      `${file}:9: warning: task "pii-1": fixtures.lookup_order.card looks like PII (card); golden tasks should be synthetic`
    ])
  })
})
