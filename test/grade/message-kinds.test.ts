// `message_contains` (tau-bench's normalisation: lowercased, commas removed, on both sides) and
// `message_matches` (regular expressions), graded on the answer's `message`.
import { describe, expect, it } from '@jest/globals'
import { gradeAttempt } from '../../src/grade/index.js'
import type { Expected } from '../../src/grade/kinds/index.js'
import { makeRun, makeTask, makeWorkflow } from './builders.js'

function grade(expected: Partial<Expected>, message: string | undefined) {
  const graded = gradeAttempt(makeTask(expected), makeWorkflow(), makeRun([], message === undefined ? {} : { message }))
  return { status: graded.status, reasons: graded.reasons, causes: graded.causes }
}

const pass = { status: 'pass', reasons: [], causes: [] }

describe('message_contains', () => {
  it.each([
    ['the same text', ['Your refund is on its way'], 'Your refund is on its way.'],
    ['another case', ['ORDER #W2378156 IS CANCELLED'], 'Order #W2378156 is cancelled.'],
    ['commas removed from the message', ['1250'], 'You were refunded $1,250.'],
    ['commas removed from the text too', ['$1,250'], 'You were refunded $1250.'],
    ['every text, anywhere', ['refund', 'w2378156'], 'Order #W2378156: your refund is done.'],
    ['an empty list', [], 'anything']
  ])('passes with %s', (_name, texts, message) => {
    expect(grade({ message_contains: texts }, message)).toEqual(pass)
  })

  it('names the texts missing, and the message', () => {
    expect(grade({ message_contains: ['refund', '$1,250', 'W999'] }, 'Your refund of $125.0 is done')).toEqual({
      status: 'fail',
      reasons: [
        'message does not contain "$1,250", "W999" (compared lowercased, without commas): "Your refund of $125.0 is done"'
      ],
      causes: ['message_lacks_text']
    })
  })

  it('fails an answer without a message', () => {
    expect(grade({ message_contains: ['refund'] }, undefined)).toEqual({
      status: 'fail',
      reasons: ['expected a message but agent gave none'],
      causes: ['message_lacks_text']
    })
  })

  it('cuts a long message short in the reason', () => {
    const { reasons } = grade({ message_contains: ['cancelled'] }, 'x'.repeat(500))
    expect(reasons[0].length).toBeLessThan(200)
  })
})

describe('message_matches', () => {
  it.each([
    ['one regex', 'refund(ed)? of \\$\\d+', 'We refunded you: refund of $25.'],
    ['a list, each matching', ['^Dear', 'regards$'], 'Dear Ann, ... kind regards'],
    ['unicode (the u flag)', '\\p{L}+ café', 'un café'],
    ['an empty list', [], 'anything']
  ])('passes with %s', (_name, matches, message) => {
    expect(grade({ message_matches: matches }, message)).toEqual(pass)
  })

  it('is case-sensitive, as the regex says', () => {
    expect(grade({ message_matches: 'Refund' }, 'your refund')).toMatchObject({
      status: 'fail',
      reasons: ['message does not match /Refund/: "your refund"']
    })
  })

  it('names each regex that does not match', () => {
    expect(grade({ message_matches: ['^Dear', 'regards$', 'W\\d+'] }, 'Hi Ann, order W1. Bye')).toEqual({
      status: 'fail',
      reasons: ['message does not match /^Dear/, /regards$/: "Hi Ann, order W1. Bye"'],
      causes: ['message_mismatch']
    })
  })

  it('fails an answer without a message', () => {
    expect(grade({ message_matches: 'x' }, undefined)).toEqual({
      status: 'fail',
      reasons: ['expected a message but agent gave none'],
      causes: ['message_mismatch']
    })
  })

  it('reports both kinds side by side, in registry order', () => {
    expect(grade({ message_contains: ['refund'], message_matches: 'W\\d+', label: 'x' }, 'hello').reasons).toEqual([
      'expected label "x" but agent gave no label',
      'message does not contain "refund" (compared lowercased, without commas): "hello"',
      'message does not match /W\\d+/: "hello"'
    ])
  })
})
