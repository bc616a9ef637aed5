import { describe, expect, it } from '@jest/globals'
import { decideGate } from '../../src/gate/decide.js'
import { withoutDilution } from '../../src/gate/gate-changes.js'
import type { GateChanges } from '../../src/model/types.js'
import { gate, task, tier } from './make.js'

function changes(added: string[]): GateChanges {
  return {
    base: { sha: 'a'.repeat(40), via: 'git' },
    thresholds: [],
    tasks: { added: added.map((id) => ({ workflow: 'refunds', id })), removed: [], changed: [] },
    workflows: { renamed: [], added: [], removed: [] },
    permissions: [],
    endpoints: [],
    notes: []
  }
}

describe('withoutDilution: tasks a PR adds cannot lift its own gate', () => {
  const base = tier('T1', 36, 4)
  const padding = Array.from({ length: 20 }, (_, i) => task(`pad-${i}`))
  const all = [...base, ...padding]

  it('fails a tier that passes only with the added tasks', () => {
    const decided = decideGate({ tasks: all, gate: gate() })
    expect(decided.decision).toBe('pass')
    const judged = withoutDilution(decided, all, gate(), changes(padding.map((t) => t.id)))
    expect(judged.decision).toBe('fail')
    expect(judged.tiers.find((t) => t.tier === 'T1')?.ok).toBe(false)
    expect(judged.reasons[0]).toBe(
      'T1: without the 20 tasks this PR adds, 90.0% (36/40) does not meet the rule — fail (tasks a PR adds cannot lift its own gate)'
    )
  })

  it('keeps a pass that holds without them, and an added failing task still counts', () => {
    const good = [...tier('T1', 40, 0), task('new-fail', { status: 'fail' })]
    const decided = decideGate({ tasks: good, gate: gate() })
    expect(withoutDilution(decided, good, gate(), changes(['new-fail']))).toBe(decided)
    expect(decided.tiers[0].passed).toBe(40)
  })

  it('judges a tier with no earlier task as it is (a new workflow, the first PR)', () => {
    const decided = decideGate({ tasks: padding, gate: gate() })
    expect(withoutDilution(decided, padding, gate(), changes(padding.map((t) => t.id)))).toBe(decided)
  })
})
