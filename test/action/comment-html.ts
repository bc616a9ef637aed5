// A minimal markdown-to-HTML for the PR comment's own markdown (paragraphs, tables, lists,
// headings, fenced code, <details>, bold, code spans, links), styled like a GitHub comment, so
// a browser can measure how tall the comment renders. Not a general markdown renderer.

const STYLE = `
body { margin: 0; width: 760px; padding: 16px; box-sizing: border-box; color: #1f2328;
  font: 14px/1.5 -apple-system, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif; }
p, ul, table, pre, details, h3, h4 { margin: 0 0 16px; }
h3 { font-size: 1.25em; margin-top: 24px; } h4 { font-size: 1em; }
ul { padding-left: 2em; } li + li { margin-top: 0.25em; }
table { border-collapse: collapse; display: block; overflow: auto; max-width: 100%; }
th, td { padding: 6px 13px; border: 1px solid #d0d7de; } th { font-weight: 600; }
code { font: 85% ui-monospace, SFMono-Regular, Menlo, monospace; padding: 0.2em 0.4em; background: #eff1f3; }
pre { padding: 16px; background: #f6f8fa; overflow: auto; } pre code { padding: 0; background: none; }
sub { font-size: 75%; }
`

export function commentHtml(markdown: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><style>${STYLE}</style></head><body>${blocks(markdown)}</body></html>`
}

function blocks(markdown: string): string {
  const lines = markdown.replace(/<!--[\s\S]*?-->/g, '').split('\n')
  const out: string[] = []
  let i = 0
  const take = (test: (line: string) => boolean): string[] => {
    const taken: string[] = []
    while (i < lines.length && test(lines[i])) taken.push(lines[i++])
    return taken
  }
  while (i < lines.length) {
    const line = lines[i]
    if (line.trim() === '') i++
    else if (line.trimStart().startsWith('```')) {
      i++
      const code = take((l) => !l.trimStart().startsWith('```'))
      i++
      out.push(`<pre><code>${escape(code.map((l) => l.trimStart()).join('\n'))}</code></pre>`)
    } else if (/^<\/?(details|summary)/.test(line)) out.push(lines[i++])
    else if (line.startsWith('|')) out.push(table(take((l) => l.startsWith('|'))))
    else if (line.startsWith('- '))
      out.push(
        `<ul>${take((l) => l.startsWith('- '))
          .map((l) => `<li>${inline(l.slice(2))}</li>`)
          .join('')}</ul>`
      )
    else if (/^#{3,4} /.test(line)) {
      const level = line.indexOf(' ')
      out.push(`<h${level}>${inline(line.slice(level + 1))}</h${level}>`)
      i++
    } else out.push(`<p>${inline(take((l) => l.trim() !== '' && !/^(\||- |```|<\/?details)/.test(l)).join(' '))}</p>`)
  }
  return out.join('\n')
}

function table(rows: string[]): string {
  const cells = (row: string) =>
    row
      .slice(1, -1)
      .split(/(?<!\\)\|/)
      .map((c) => inline(c.trim()))
  const [head, , ...body] = rows
  const tr = (row: string, tag: string) =>
    `<tr>${cells(row)
      .map((c) => `<${tag}>${c}</${tag}>`)
      .join('')}</tr>`
  return `<table><thead>${tr(head, 'th')}</thead><tbody>${body.map((r) => tr(r, 'td')).join('')}</tbody></table>`
}

function inline(text: string): string {
  return text
    .split(/(`[^`]+`)/)
    .map((part) =>
      part.startsWith('`') && part.endsWith('`') && part.length > 1
        ? `<code>${escape(part.slice(1, -1))}</code>`
        : part
            .replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>')
            .replace(/\[([^\]]+)\]\(([^)]+)\)/g, '<a href="$2">$1</a>')
            .replace(/\\([\\`[\]|*_~])/g, '$1')
    )
    .join('')
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}
