// JSON.parse keeps the last of two equal keys; YAML (and so .yaml and .json files) refuses
// them. This finds them in a JSONL line, in one pass over text JSON.parse already accepted.

/** The first key given twice in one object of `json` (valid JSON), or undefined. */
export function firstDuplicateKey(json: string): string | undefined {
  // One entry per open bracket: the keys seen so far in an object, null in a list.
  const open: (Set<string> | null)[] = []
  for (let i = 0; i < json.length; i++) {
    const ch = json.charCodeAt(i)
    if (ch === 0x7b /* { */) open.push(new Set())
    else if (ch === 0x5b /* [ */) open.push(null)
    else if (ch === 0x7d /* } */ || ch === 0x5d /* ] */) open.pop()
    else if (ch === 0x22 /* " */) {
      const end = stringEnd(json, i)
      const keys = open[open.length - 1]
      if (keys && isFollowedByColon(json, end + 1)) {
        const raw = json.slice(i + 1, end)
        const key = raw.includes('\\') ? (JSON.parse(json.slice(i, end + 1)) as string) : raw
        if (keys.has(key)) return key
        keys.add(key)
      }
      i = end
    }
  }
  return undefined
}

/** The index of the quote that closes the string opening at `start`. */
function stringEnd(json: string, start: number): number {
  for (let i = start + 1; i < json.length; i++) {
    const ch = json.charCodeAt(i)
    if (ch === 0x5c /* \ */) i++
    else if (ch === 0x22) return i
  }
  return json.length
}

function isFollowedByColon(json: string, from: number): boolean {
  for (let i = from; i < json.length; i++) {
    const ch = json.charCodeAt(i)
    if (ch === 0x3a /* : */) return true
    if (ch !== 0x20 && ch !== 0x09 && ch !== 0x0a && ch !== 0x0d) return false
  }
  return false
}
