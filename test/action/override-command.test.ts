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

  it('takes every hex word of 6 or more characters in the SHA position for a SHA, never for reason text', () => {
    expect(parseOverrideCommand('/evalgate override bbb222 reason')).toEqual({
      kind: 'override',
      sha: 'bbb222',
      reason: 'reason'
    })
    expect(parseOverrideCommand('/evalgate override FACADE flaky')).toMatchObject({ sha: 'facade', reason: 'flaky' })
    const long = 'a'.repeat(41)
    expect(parseOverrideCommand(`/evalgate override ${long} x`)).toMatchObject({ sha: long, reason: 'x' })
    // Not a hex word: reason text.
    expect(parseOverrideCommand('/evalgate override bbb22z reason')).toEqual({
      kind: 'override',
      reason: 'bbb22z reason'
    })
    expect(parseOverrideCommand('/evalgate override flaky bbb222')).toEqual({
      kind: 'override',
      reason: 'flaky bbb222'
    })
  })

  it('reads a cancel, with an optional SHA and note', () => {
    expect(parseOverrideCommand('/evalgate override cancel')).toEqual({ kind: 'cancel', note: '' })
    expect(parseOverrideCommand('/evalgate override CANCEL A1B2C3D4 wrong call, sorry')).toEqual({
      kind: 'cancel',
      sha: 'a1b2c3d4',
      note: 'wrong call, sorry'
    })
    expect(parseOverrideCommand('/evalgate override cancel bbb222')).toEqual({
      kind: 'cancel',
      sha: 'bbb222',
      note: ''
    })
    expect(parseOverrideCommand('/evalgate override cancelled flake')).toEqual({
      kind: 'override',
      reason: 'cancelled flake'
    })
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
