import { describe, expect, it } from '@jest/globals'
import { namesCommit, parseOverrideCommand } from '../../src/action/override-command.js'

describe('parseOverrideCommand', () => {
  it('ignores comments that do not start with /evalgate', () => {
    expect(parseOverrideCommand('LGTM')).toEqual({ kind: 'not-a-command' })
    expect(parseOverrideCommand('please run /evalgate override x')).toEqual({ kind: 'not-a-command' })
    expect(parseOverrideCommand('/evalgateway override x')).toEqual({ kind: 'not-a-command' })
  })

  it('reads the SHA and the reason', () => {
    expect(parseOverrideCommand('/evalgate override A1B2C3D flaky fixture')).toEqual({
      kind: 'override',
      sha: 'a1b2c3d',
      reason: 'flaky fixture'
    })
  })

  it('takes the SHA as optional', () => {
    expect(parseOverrideCommand('  /evalgate override known flake\n\nsee #12')).toEqual({
      kind: 'override',
      reason: 'known flake see #12'
    })
  })

  it('does not take a short hex word for a SHA', () => {
    expect(parseOverrideCommand('/evalgate override abc12 is fine')).toEqual({
      kind: 'override',
      reason: 'abc12 is fine'
    })
  })

  it('leaves an empty reason empty (authorization refuses it)', () => {
    expect(parseOverrideCommand('/evalgate override a1b2c3d4')).toEqual({
      kind: 'override',
      sha: 'a1b2c3d4',
      reason: ''
    })
    expect(parseOverrideCommand('/evalgate override')).toEqual({ kind: 'override', reason: '' })
  })

  it('names an unknown sub-command', () => {
    expect(parseOverrideCommand('/evalgate overide now')).toEqual({ kind: 'unknown-command', word: 'overide' })
  })
})

describe('namesCommit', () => {
  const head = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678'
  it('accepts the full SHA and abbreviations of 7 or more characters', () => {
    expect(namesCommit(head, head)).toBe(true)
    expect(namesCommit('A1B2C3D', head)).toBe(true)
    expect(namesCommit('a1b2c3', head)).toBe(false)
    expect(namesCommit('a1b2c3e', head)).toBe(false)
  })
})
