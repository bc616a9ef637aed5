import { describe, expect, it } from '@jest/globals'
import { didYouMean, editDistance, nearest } from '../../src/cli/nearest.js'

const FLAGS = ['--tasks', '--thresholds', '--out', '--concurrency', '--repeat', '--shard', '--filter', '--workflow']

describe('nearest', () => {
  it('counts edits, a swap of neighbours as one', () => {
    expect(editDistance('filter', 'filter')).toBe(0)
    expect(editDistance('filtr', 'filter')).toBe(1)
    expect(editDistance('fliter', 'filter')).toBe(1)
    expect(editDistance('', 'abc')).toBe(3)
    expect(editDistance('kitten', 'sitting')).toBe(3)
  })

  it('suggests the closest flag or command when it is close', () => {
    expect(nearest('--filtr', FLAGS)).toBe('--filter')
    expect(nearest('--fliter', FLAGS)).toBe('--filter')
    expect(nearest('--concurency', FLAGS)).toBe('--concurrency')
    expect(nearest('--threshold', FLAGS)).toBe('--thresholds')
    expect(nearest('--Tasks', FLAGS)).toBe('--tasks')
    expect(nearest('vaildate', ['run', 'validate', 'merge', 'scorecard'])).toBe('validate')
    expect(nearest('rn', ['run', 'validate', 'merge', 'scorecard'])).toBe('run')
  })

  it('suggests nothing far off, and never the word itself', () => {
    expect(nearest('--nope', FLAGS)).toBeUndefined()
    expect(nearest('--x', FLAGS)).toBeUndefined()
    expect(nearest('deploy', ['run', 'validate', 'merge', 'scorecard'])).toBeUndefined()
    expect(nearest('--out', FLAGS)).toBeUndefined()
    expect(nearest('anything', [])).toBeUndefined()
    expect(didYouMean('--nope', FLAGS)).toBe('')
    expect(didYouMean('--filtr', FLAGS)).toBe(' (did you mean --filter?)')
  })
})
