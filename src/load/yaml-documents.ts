// The documents of a YAML (or JSON) text, as the yaml package's parseAllDocuments makes them,
// with the nesting checked on its syntax tree first: the tree is built without recursion, but
// composing it into documents recurses once per level and overflows the stack a few thousand
// levels down ("Maximum call stack size exceeded" with no useful line).
import { Composer, Parser, type CST, type Document, type LineCounter } from 'yaml'

export type YamlDocuments = { docs: Document.Parsed[] } | { tooDeep: { line: number; depth: number } }

export function parseDocuments(text: string, lines: LineCounter, maxDepth: number): YamlDocuments {
  const tokens = Array.from(new Parser(lines.addNewLine).parse(text))
  for (const token of tokens) {
    const offset = firstTooDeep(token, maxDepth)
    if (offset !== undefined) return { tooDeep: { line: lines.linePos(offset).line, depth: maxDepth } }
  }
  return { docs: Array.from(new Composer({}).compose(tokens)) as Document.Parsed[] }
}

/** The offset of the first collection nested deeper than `maxDepth` in a syntax tree. */
function firstTooDeep(root: CST.Token, maxDepth: number): number | undefined {
  const stack: [CST.Token, number][] = [[root, 0]]
  while (stack.length > 0) {
    const [token, outer] = stack.pop()!
    if (token.type === 'document') {
      if (token.value) stack.push([token.value, outer])
      continue
    }
    if (token.type !== 'block-map' && token.type !== 'block-seq' && token.type !== 'flow-collection') continue
    const depth = outer + 1
    if (depth > maxDepth) return token.offset
    for (const item of token.items) {
      if (item.key) stack.push([item.key, depth])
      if (item.value) stack.push([item.value, depth])
    }
  }
  return undefined
}
