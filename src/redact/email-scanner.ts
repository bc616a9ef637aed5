// The built-in `email` rule as a scanner that finds exactly what its regular expression
// (BUILTIN_REDACTIONS.email: local@domain.tld, greedy) finds, in linear time. The regular
// expression itself is quadratic on a long run of local-part characters without an `@` (a base64
// blob): every start position scans the whole run again. Here each character is looked at a
// bounded number of times: local parts are read leftwards from each `@` down to the previous
// `@` or match, domains rightwards up to the next `@`.

const LOCAL = charTable('A-Za-z0-9._%+-')
const DOMAIN = charTable('A-Za-z0-9.-')
const LETTER = charTable('A-Za-z')

/** `[start, end)` of every match, left to right, as `String.prototype.replace` with the global regex would find them. */
export function emailSpans(text: string, first = false): [number, number][] {
  const spans: [number, number][] = []
  let from = 0
  let at = text.indexOf('@')
  while (at !== -1) {
    let start = at
    while (start > from && LOCAL[text.charCodeAt(start - 1)]) start--
    const end = start < at ? domainEnd(text, at + 1) : -1
    if (end === -1) {
      at = text.indexOf('@', at + 1)
      continue
    }
    spans.push([start, end])
    if (first) break
    from = end
    at = text.indexOf('@', end)
  }
  return spans
}

/**
 * Where `[A-Za-z0-9.-]+\.[A-Za-z]{2,}` starting at `begin` ends, or -1: the greedy domain backs off
 * to the rightmost dot that has a character before it and two letters after it.
 */
function domainEnd(text: string, begin: number): number {
  let stop = begin
  while (stop < text.length && DOMAIN[text.charCodeAt(stop)]) stop++
  for (let dot = stop - 3; dot > begin; dot--) {
    if (text.charCodeAt(dot) !== 0x2e || !LETTER[text.charCodeAt(dot + 1)] || !LETTER[text.charCodeAt(dot + 2)])
      continue
    let end = dot + 3
    while (end < stop && LETTER[text.charCodeAt(end)]) end++
    return end
  }
  return -1
}

/** A lookup table of ASCII codes for a character class such as `A-Za-z0-9.-` (a `-` at the end is literal). */
function charTable(spec: string): Uint8Array {
  const table = new Uint8Array(128)
  for (let i = 0; i < spec.length; i++) {
    if (spec[i + 1] === '-' && i + 2 < spec.length) {
      for (let c = spec.charCodeAt(i); c <= spec.charCodeAt(i + 2); c++) table[c] = 1
      i += 2
    } else {
      table[spec.charCodeAt(i)] = 1
    }
  }
  return table
}
