// Reads report.html back the way a browser's HTML parser would split it into script blocks.

export interface ScriptBlock {
  id: string | null
  type: string | null
  text: string
}

/** Every <script> element: a script ends at the first `</script`, whatever it contains. */
export function scriptBlocks(html: string): ScriptBlock[] {
  const blocks: ScriptBlock[] = []
  const pattern = /<script\b([^>]*)>([\s\S]*?)<\/script/gi
  for (const match of html.matchAll(pattern)) {
    const attrs = match[1]
    blocks.push({
      id: /\bid="([^"]*)"/.exec(attrs)?.[1] ?? null,
      type: /\btype="([^"]*)"/.exec(attrs)?.[1] ?? null,
      text: match[2]
    })
  }
  return blocks
}

export function dataBlock(html: string, id: string): unknown {
  const block = scriptBlocks(html).find((b) => b.id === id)
  if (!block) throw new Error(`no data block ${id}`)
  return JSON.parse(block.text)
}

/** All trace lines of the page, in file order. */
export function traceLines(html: string): Record<string, unknown>[] {
  return scriptBlocks(html)
    .filter((b) => b.id?.startsWith('eg-trace-chunk-'))
    .flatMap((b) => JSON.parse(b.text) as Record<string, unknown>[])
}
