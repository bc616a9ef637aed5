// `--filter` expressions: `tier=T1,tag=fraud,id!=refund-*` (every term must hold).
import picomatch from 'picomatch'
import type { GoldenTask } from '../model/types.js'
import { InputError } from '../util/problems.js'

const KEYS = ['id', 'tier', 'risk', 'tag', 'workflow'] as const
type Key = (typeof KEYS)[number]

export function parseFilter(expr: string): (t: GoldenTask) => boolean {
  const terms = expr
    .split(',')
    .map((t) => t.trim())
    .filter((t) => t !== '')
  if (terms.length === 0) throw new InputError(`--filter "${expr}" is empty (e.g. tier=T1,tag=fraud)`)
  const tests = terms.map(parseTerm)
  return (task) => tests.every((test) => test(task))
}

function parseTerm(term: string): (t: GoldenTask) => boolean {
  const match = /^([A-Za-z_]+)\s*(!=|=)\s*(.*)$/.exec(term)
  if (!match) return globTest('id', term, false)
  const [, key, operator, glob] = match
  if (!(KEYS as readonly string[]).includes(key)) {
    throw new InputError(`--filter: unknown key "${key}" in "${term}" (keys: ${KEYS.join(', ')})`)
  }
  if (glob === '') throw new InputError(`--filter: "${term}" has no value`)
  return globTest(key as Key, glob, operator === '!=')
}

function globTest(key: Key, glob: string, negate: boolean): (t: GoldenTask) => boolean {
  // Tiers and risks are fixed words: `tier=t1` means T1.
  const isMatch = picomatch(glob, { dot: true, nocase: key === 'tier' || key === 'risk' })
  const values = (t: GoldenTask): string[] => (key === 'tag' ? t.tags : [t[key]])
  return (t) => values(t).some((v) => isMatch(v)) !== negate
}
