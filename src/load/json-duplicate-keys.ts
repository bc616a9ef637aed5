// JSON.parse keeps the last of two equal keys; YAML (and so .yaml and .json files) refuses
// them. This finds them in a JSONL line, in one pass over text JSON.parse already accepted.
// Native code does the scanning (a regular expression jumps to the next quote or bracket,
// indexOf to a string's end): a loop over every character is slow until V8 optimizes it, and
// validate reads each JSONL file once.

/** The next quote or bracket; `test` moves lastIndex past it without building a match. */
const TOKEN = /["[\]{}]/g
/** JSON's whitespace, then a colon: the string before it is a key. */
const COLON_NEXT = /[ \t\n\r]*:/y

/** The first key given twice in one object of `json` (valid JSON), or undefined. */
export function firstDuplicateKey(json: string): string | undefined {
  // One entry per open bracket: the keys seen so far in an object, null in a list.
  const open: (Set<string> | null)[] = []
  TOKEN.lastIndex = 0
  while (TOKEN.test(json)) {
    const at = TOKEN.lastIndex - 1
    const ch = json.charCodeAt(at)
    if (ch === 0x7b /* { */) open.push(new Set())
    else if (ch === 0x5b /* [ */) open.push(null)
    else if (ch === 0x7d /* } */ || ch === 0x5d /* ] */) open.pop()
    else {
      const end = stringEnd(json, at)
      const keys = open[open.length - 1]
      if (keys && isFollowedByColon(json, end + 1)) {
        const raw = json.slice(at + 1, end)
        const key = raw.includes('\\') ? (JSON.parse(json.slice(at, end + 1)) as string) : raw
        if (keys.has(key)) return key
        keys.add(key)
      }
      TOKEN.lastIndex = end + 1
    }
  }
  return undefined
}

/** The index of the quote that closes the string opening at `start`: the next one not escaped. */
function stringEnd(json: string, start: number): number {
  let quote = json.indexOf('"', start + 1)
  while (quote !== -1 && isEscaped(json, quote)) quote = json.indexOf('"', quote + 1)
  return quote === -1 ? json.length : quote
}

/** Whether an odd run of backslashes comes right before `at` (the string's opening quote ends any run). */
function isEscaped(json: string, at: number): boolean {
  let before = at - 1
  while (json.charCodeAt(before) === 0x5c /* \ */) before--
  return (at - 1 - before) % 2 === 1
}

function isFollowedByColon(json: string, from: number): boolean {
  if (json.charCodeAt(from) === 0x3a /* : */) return true
  COLON_NEXT.lastIndex = from
  return COLON_NEXT.test(json)
}
