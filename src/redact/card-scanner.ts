// The built-in `card` rule: its regular expression (13 to 19 digits, spaces or dashes between
// them) finds the candidates, and only those with a valid Luhn checksum count, so that an order
// number or a product id of as many digits is left alone (nine in ten random ones fail it).
import { BUILTIN_REDACTIONS } from './builtin-rules.js'

const CANDIDATES = new RegExp(BUILTIN_REDACTIONS.card, 'g')

/** `[start, end)` of every Luhn-valid candidate, left to right. */
export function cardSpans(text: string, first = false): [number, number][] {
  const spans: [number, number][] = []
  // exec, not matchAll: matchAll copies the expression at every call (validate tests every string of every task).
  CANDIDATES.lastIndex = 0
  for (let match = CANDIDATES.exec(text); match !== null; match = CANDIDATES.exec(text)) {
    if (!luhnValid(match[0])) continue
    spans.push([match.index, match.index + match[0].length])
    if (first) break
  }
  return spans
}

/** The Luhn checksum of the digits in `text` (other characters skipped). */
export function luhnValid(text: string): boolean {
  let sum = 0
  let double = false
  for (let i = text.length - 1; i >= 0; i--) {
    const code = text.charCodeAt(i) - 48
    if (code < 0 || code > 9) continue
    const digit = double ? code * 2 : code
    sum += digit > 9 ? digit - 9 : digit
    double = !double
  }
  return sum % 10 === 0
}
