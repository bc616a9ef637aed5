// Checks a parsed JSON or YAML value before anything walks it recursively (zod, grading,
// redaction, canonical JSON, JSON.stringify): every one of those overflows the stack on a
// value nested a few thousand levels deep, and a plain object silently drops a `__proto__` key.

/** Nesting limit of the user's files: golden tasks, manifests, thresholds, tool schemas. */
export const MAX_FILE_DEPTH = 64
/** Nesting limit of what an agent sends: its answer and the arguments of its tool calls. */
export const MAX_AGENT_DEPTH = 100

export type ShapeProblem =
  | { kind: 'too_deep'; path: PropertyKey[] }
  /** `path` ends with the key. */
  | { kind: 'proto_key'; path: PropertyKey[] }

const MAX_REPORTED = 10

/**
 * The first part nested deeper than `maxDepth` (then nothing more), and, when `protoKeys` is
 * set, every own `__proto__` key (up to 10), in the order of a walk that takes each container's
 * entries in order. A part shared by aliases is walked again only when reached deeper than
 * before, so a cycle ends as too deep. Recursive, never deeper than `maxDepth` + 1 calls.
 */
export function shapeProblems(value: unknown, maxDepth: number, protoKeys = false): ShapeProblem[] {
  if (!isContainer(value)) return []
  const problems: ShapeProblem[] = []
  const deepestWalk = new Map<object, number>()
  // The keys from the value to the part being walked.
  const path: PropertyKey[] = []
  let tooDeep: ShapeProblem | undefined
  /** False once a part is too deep: the walk stops there. */
  const walk = (part: object, depth: number): boolean => {
    if (depth > maxDepth) {
      tooDeep = { kind: 'too_deep', path: [...path] }
      return false
    }
    const walked = deepestWalk.get(part)
    if (walked !== undefined && walked >= depth) return true
    deepestWalk.set(part, depth)
    if (Array.isArray(part)) {
      for (let i = 0; i < part.length; i++) if (!step(i, part[i], depth)) return false
      return true
    }
    const keys = Object.keys(part)
    if (protoKeys && problems.length < MAX_REPORTED && keys.includes('__proto__'))
      problems.push({ kind: 'proto_key', path: [...path, '__proto__'] })
    for (let i = 0; i < keys.length; i++)
      if (!step(keys[i], (part as Record<string, unknown>)[keys[i]], depth)) return false
    return true
  }
  const step = (key: PropertyKey, item: unknown, depth: number): boolean => {
    if (!isContainer(item)) return true
    path.push(key)
    const ok = walk(item, depth + 1)
    path.pop()
    return ok
  }
  return walk(value, 1) ? problems : [tooDeep!]
}

/** True when `value` nests deeper than `maxDepth` (a scalar is 0 deep). */
export function nestedDeeperThan(value: unknown, maxDepth: number): boolean {
  return shapeProblems(value, maxDepth).length > 0
}

function isContainer(value: unknown): value is object {
  return typeof value === 'object' && value !== null
}
