// The lines of a value the yaml package read, from the nodes of its document.
import { isAlias, isMap, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml'
import type { Located, Path } from './located.js'

/** A value parsed from a YAML (or JSON) node. */
export function fromYamlNode(value: unknown, node: Node, doc: Document, lines: LineCounter): Located {
  const lineAt = (n: Node) => lines.linePos(n.range?.[0] ?? 0).line

  const walk = (path: Path): Node => {
    let current: Node = node
    for (const segment of path) {
      const next = child(current, segment, doc)
      if (!next) break
      current = next
    }
    return current
  }

  return {
    value,
    line: lineAt(node),
    lineOf: (path) => lineAt(walk(path)),
    keyLineOf: (path, key) => {
      const map = resolve(walk(path), doc)
      const pair = isMap(map) ? map.items.find((p) => keyText(p.key) === key) : undefined
      return pair && isScalar(pair.key) ? lineAt(pair.key) : lineAt(map)
    },
    elements: () => {
      const list = resolve(node, doc)
      if (!isSeq(list) || !Array.isArray(value)) return []
      return list.items.map((item, i) => fromYamlNode(value[i], item as Node, doc, lines))
    }
  }
}

function resolve(node: Node, doc: Document): Node {
  return isAlias(node) ? ((node.resolve(doc) as Node | undefined) ?? node) : node
}

function child(parent: Node, segment: PropertyKey, doc: Document): Node | undefined {
  const node = resolve(parent, doc)
  if (isMap(node)) {
    const pair = node.items.find((p) => keyText(p.key) === String(segment))
    return (pair?.value as Node | null | undefined) ?? undefined
  }
  if (isSeq(node)) return (node.items[Number(segment)] as Node | undefined) ?? undefined
  return undefined
}

function keyText(key: unknown): string | undefined {
  if (isScalar(key)) return String(key.value)
  return typeof key === 'string' ? key : undefined
}
