import { describe, expect, it } from '@jest/globals'
import { matchWorkflows } from '../../src/base/match-workflows.js'
import type { Workflow } from '../../src/model/types.js'
import { workflow } from './builders.js'

const paths = {
  pr: (w: Workflow) => w.source.file,
  base: (w: Workflow) => w.source.file
}

describe('matchWorkflows', () => {
  it('matches by name, then by manifest path (a rename), and lists added and removed', () => {
    const renamed = workflow('refund_v3', { source: { file: 'golden-tasks/refund/workflow.yml', line: 1 } })
    const match = matchWorkflows(
      [workflow('same'), renamed, workflow('fresh')],
      [workflow('same'), workflow('refund'), workflow('gone')],
      paths
    )
    expect(match.pairs.map((p) => [p.pr.name, p.base?.name])).toEqual([
      ['same', 'same'],
      ['refund_v3', 'refund'],
      ['fresh', undefined]
    ])
    expect(match.renamed).toEqual([{ from: 'refund', to: 'refund_v3' }])
    expect(match.added).toEqual(['fresh'])
    expect(match.removed.map((w) => w.name)).toEqual(['gone'])
  })

  it('a workflow moved to another folder under the same name is the same workflow', () => {
    const moved = workflow('wf', { source: { file: 'golden-tasks/elsewhere/workflow.yml', line: 1 } })
    const match = matchWorkflows([moved], [workflow('wf')], paths)
    expect(match.renamed).toEqual([])
    expect(match.removed).toEqual([])
  })
})
