import { describe, expect, it } from '@jest/globals'
import { formatProblem, InputError } from '../src/util/problems.js'

describe('problems', () => {
  it('formats file:line: message', () => {
    expect(formatProblem({ file: 'a.yml', line: 3, message: 'bad', severity: 'error' })).toBe('a.yml:3: bad')
    expect(formatProblem({ file: 'a.yml', message: 'w', severity: 'warning' })).toBe('a.yml: warning: w')
  })
  it('InputError carries every problem', () => {
    const e = new InputError('no such flag')
    expect(e.problems).toHaveLength(1)
    expect(e.message).toBe('evalgate: no such flag')
  })
})
