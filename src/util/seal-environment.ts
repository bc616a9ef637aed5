// A process's initial environment block stays readable in /proc/<pid>/environ by every process
// of the same user, the agents evalgate starts included; deleting a variable from process.env does
// not change it. So each variable is set again (glibc and musl setenv allocate a new "K=V" string
// on the heap and point environ at it) and the original bytes are then zeroed through
// /proc/self/mem. process.env reads the heap copies from then on.
import { closeSync, openSync, readFileSync, writeSync } from 'node:fs'

/** Clears evalgate's initial environment block; where it cannot, one warning line on stderr. */
export function sealEnvironment(): void {
  const problem = seal()
  if (problem)
    process.stderr.write(
      `evalgate: warning: ${problem}, so a command agent may read evalgate's environment (tokens, keys) through the operating system\n`
    )
}

function seal(): string | undefined {
  if (process.platform !== 'linux') return `the initial environment cannot be cleared on ${process.platform}`
  let start: number
  let block: Buffer
  try {
    start = envStart(readFileSync('/proc/self/stat', 'utf8'))
    block = readFileSync('/proc/self/environ')
  } catch (err) {
    return `cannot read /proc/self (${(err as Error).message})`
  }
  const ranges = resetEntries(block)
  try {
    const fd = openSync('/proc/self/mem', 'r+')
    try {
      for (const [from, to] of ranges) writeSync(fd, Buffer.alloc(to - from), 0, to - from, start + from)
    } finally {
      closeSync(fd)
    }
  } catch (err) {
    return `cannot clear the initial environment through /proc/self/mem (${(err as Error).message})`
  }
  const after = readFileSync('/proc/self/environ')
  const left = entries(after)
    .filter((e) => e.eq > 0)
    .map((e) => after.toString('utf8', e.from, e.from + e.eq))
  return left.length > 0 ? `the initial environment still holds ${left.join(', ')}` : undefined
}

/** Field 50 of /proc/self/stat (env_start); fields are counted after the parenthesized command name. */
function envStart(stat: string): number {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  const value = Number(fields[50 - 3])
  if (!Number.isSafeInteger(value) || value <= 0) throw new Error('no env_start in /proc/self/stat')
  return value
}

/**
 * Sets each variable again and returns the byte ranges of the block entries that environ no
 * longer points to: the first entry of each name (setenv replaces the first match), and only
 * when process.env reads exactly its bytes (else setenv would store a different value).
 */
function resetEntries(block: Buffer): [number, number][] {
  const ranges: [number, number][] = []
  const seen = new Set<string>()
  for (const { from, to, eq } of entries(block)) {
    if (eq <= 0) continue
    const name = block.toString('utf8', from, from + eq)
    const value = block.toString('utf8', from + eq + 1, to)
    if (seen.has(name)) continue
    seen.add(name)
    if (process.env[name] !== value || Buffer.byteLength(name + '=' + value) !== to - from) continue
    process.env[name] = value
    const last = ranges[ranges.length - 1]
    if (last && last[1] + 1 >= from) last[1] = to
    else ranges.push([from, to])
  }
  return ranges
}

/** The NUL-terminated entries of an environment block: byte range and offset of '=' (-1: none). */
function entries(block: Buffer): { from: number; to: number; eq: number }[] {
  const found: { from: number; to: number; eq: number }[] = []
  let from = 0
  while (from < block.length) {
    let to = block.indexOf(0, from)
    if (to < 0) to = block.length
    if (to > from) {
      const eq = block.indexOf(0x3d, from)
      found.push({ from, to, eq: eq >= 0 && eq < to ? eq - from : -1 })
    }
    from = to + 1
  }
  return found
}
