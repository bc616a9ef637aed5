import { describe, expect, it } from '@jest/globals'
import { parseFilter } from '../../src/load/filter.js'
import { InputError } from '../../src/util/problems.js'
import type { LoadedTask } from '../../src/load/task-schema.js'

const task = (
  id: string,
  tier: LoadedTask['tier'],
  risk: LoadedTask['risk'],
  tags: string[],
  workflow = 'refund'
): LoadedTask => ({
  id,
  workflow,
  tier,
  risk,
  tags,
  input: {},
  fixtures: {},
  expected: { label: 'x', actions_match: 'superset' },
  source: { file: 't.yaml', line: 1 }
})

const TASKS = [
  task('refund-1', 'T1', 'high', ['fraud']),
  task('refund-2', 'T2', 'low', []),
  task('triage-1', 'T1', 'low', ['vip', 'fraud'], 'support')
]
const ids = (expr: string) => TASKS.filter(parseFilter(expr)).map((t) => t.id)

describe('parseFilter', () => {
  it('matches keys by glob, every term must hold', () => {
    expect(ids('tier=T1')).toEqual(['refund-1', 'triage-1'])
    expect(ids('id=refund-*')).toEqual(['refund-1', 'refund-2'])
    expect(ids('tag=fraud')).toEqual(['refund-1', 'triage-1'])
    expect(ids('tag=fraud, workflow=refund')).toEqual(['refund-1'])
    expect(ids('risk=low,tier=t*')).toEqual(['refund-2', 'triage-1'])
    expect(ids('workflow=supp*')).toEqual(['triage-1'])
  })

  it('negates with != and takes a bare word as an id', () => {
    expect(ids('tier!=T1')).toEqual(['refund-2'])
    expect(ids('tag!=fraud')).toEqual(['refund-2'])
    expect(ids('triage-*')).toEqual(['triage-1'])
    expect(ids('refund-2')).toEqual(['refund-2'])
  })

  it('rejects an unknown key, an empty value and an empty expression', () => {
    expect(() => parseFilter('tier=T1,owner=me')).toThrow(InputError)
    expect(() => parseFilter('owner=me')).toThrow(
      '--filter: unknown key "owner" in "owner=me" (keys: id, tier, risk, tag, workflow)'
    )
    expect(() => parseFilter('tier=')).toThrow('--filter: "tier=" has no value')
    expect(() => parseFilter(' , ')).toThrow(InputError)
  })
})
