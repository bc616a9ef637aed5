import { describe, expect, it } from '@jest/globals'
import { LineSplitter } from '../../src/util/line-splitter.js'

const bytes = (text: string) => Buffer.from(text, 'utf8')

describe('LineSplitter', () => {
  it('gives the lines a chunk completes, keeping the rest for the next chunk', () => {
    const splitter = new LineSplitter(100)
    expect(splitter.feed(bytes('one\ntw'))).toEqual({ lines: ['one'], tooLong: false })
    expect(splitter.end()).toBe('tw')
    expect(splitter.feed(bytes('o\n\nthree\nfo'))).toEqual({ lines: ['two', '', 'three'], tooLong: false })
    expect(splitter.feed(bytes('ur'))).toEqual({ lines: [], tooLong: false })
    expect(splitter.end()).toBe('four')
  })

  it('joins a character whose bytes two chunks split', () => {
    const splitter = new LineSplitter(100)
    const line = bytes('prix: 5 €\n')
    const cut = line.indexOf(0xe2) + 1
    expect(splitter.feed(line.subarray(0, cut)).lines).toEqual([])
    expect(splitter.feed(line.subarray(cut)).lines).toEqual(['prix: 5 €'])
  })

  it('takes a line of exactly the bound, in one chunk or many', () => {
    expect(new LineSplitter(5).feed(bytes('12345\n'))).toEqual({ lines: ['12345'], tooLong: false })
    const splitter = new LineSplitter(5)
    expect(splitter.feed(bytes('123')).tooLong).toBe(false)
    expect(splitter.feed(bytes('45\n678'))).toEqual({ lines: ['12345'], tooLong: false })
  })

  it('reports a complete line over the bound, after the lines before it', () => {
    const splitter = new LineSplitter(5)
    expect(splitter.feed(bytes('ok\n123456\nlater\n'))).toEqual({ lines: ['ok'], tooLong: true })
  })

  it('reports a line over the bound while it is still coming, counting what came before', () => {
    const splitter = new LineSplitter(5)
    expect(splitter.feed(bytes('ok\n123'))).toEqual({ lines: ['ok'], tooLong: false })
    expect(splitter.feed(bytes('456'))).toEqual({ lines: [], tooLong: true })
    // The line's part before the chunk that crossed the bound; nothing more is taken.
    expect(splitter.end()).toBe('123')
    expect(splitter.feed(bytes('\nfine\n'))).toEqual({ lines: [], tooLong: true })
    expect(splitter.end()).toBe('123')
  })

  it('does not count the newline', () => {
    const splitter = new LineSplitter(3)
    expect(splitter.feed(bytes('abc\ndef\n'))).toEqual({ lines: ['abc', 'def'], tooLong: false })
    expect(splitter.end()).toBe('')
  })
})
