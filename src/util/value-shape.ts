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

interface Frame {
  value: object
  /** 1 for the value itself: `{}` is 1 deep, `{ a: [] }` 2. */
  depth: number
  parent?: Frame
  key?: PropertyKey
}

const MAX_REPORTED = 10

/**
 * The first part nested deeper than `maxDepth` (then nothing more), and, when `protoKeys` is
 * set, every own `__proto__` key (up to 10). Iterative; a part shared by aliases is walked
 * again only when reached deeper than before, so a cycle ends as too deep.
 */
export function shapeProblems(value: unknown, maxDepth: number, protoKeys = false): ShapeProblem[] {
  if (!isContainer(value)) return []
  const problems: ShapeProblem[] = []
  const deepestWalk = new Map<object, number>()
  const stack: Frame[] = [{ value, depth: 1 }]
  while (stack.length > 0) {
    const frame = stack.pop()!
    if (frame.depth > maxDepth) return [{ kind: 'too_deep', path: pathOf(frame) }]
    const walked = deepestWalk.get(frame.value)
    if (walked !== undefined && walked >= frame.depth) continue
    deepestWalk.set(frame.value, frame.depth)
    // Children pushed last first, so that they are walked in order.
    const parent = frame.value
    const next = frame.depth + 1
    if (Array.isArray(parent)) {
      for (let i = parent.length - 1; i >= 0; i--) {
        const item: unknown = parent[i]
        if (isContainer(item)) stack.push({ value: item, depth: next, parent: frame, key: i })
      }
      continue
    }
    const keys = Object.keys(parent)
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i]
      if (protoKeys && key === '__proto__' && problems.length < MAX_REPORTED)
        problems.push({ kind: 'proto_key', path: [...pathOf(frame), key] })
      const item: unknown = (parent as Record<string, unknown>)[key]
      if (isContainer(item)) stack.push({ value: item, depth: next, parent: frame, key })
    }
  }
  return problems
}

/** True when `value` nests deeper than `maxDepth` (a scalar is 0 deep). */
export function nestedDeeperThan(value: unknown, maxDepth: number): boolean {
  return shapeProblems(value, maxDepth).length > 0
}

function isContainer(value: unknown): value is object {
  return typeof value === 'object' && value !== null
}

function pathOf(frame: Frame): PropertyKey[] {
  const path: PropertyKey[] = []
  for (let f: Frame | undefined = frame; f?.parent; f = f.parent) path.push(f.key!)
  return path.reverse()
}
