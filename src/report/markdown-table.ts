// Markdown tables of summary.md (and so of the PR comment and the job summary).

export function markdownTable(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.map(escapeCell).join(' | ')} |`
  return [line(header), `|${header.map(() => '---').join('|')}|`, ...rows.map(line)].join('\n')
}

/** A table cell: one line, no column breaks. */
export function escapeCell(text: string): string {
  return oneLine(text).replace(/\|/g, '\\|')
}

export function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ')
}
