// The runbook's markdown as the pack shows it: what a runbook uses is rendered exactly, and
// nothing in it becomes markup or a link to follow.
import { describe, expect, it } from '@jest/globals'
import { blockHtml } from '../../src/evidence/html.js'
import { blockMarkdown } from '../../src/evidence/markdown.js'
import { runbookBlocks } from '../../src/evidence/runbook-markdown.js'

const RUNBOOK = `# Refund agent runbook

## When to escalate
Escalate to a human when the agent's confidence is under 0.7,
or when a **chargeback** is mentioned.

- fraud score \`>= 0.8\`
- amounts above 500 USD
  (continued on the next line)
* legal threats

## Fallback behaviour
1. Stop moving money.
2) Reply with the [status page](https://status.example.com).

## On-call
| Rota | Where |
|---|---|
| refunds-oncall | PagerDuty \\| Slack |

> The on-call engineer owns the decision.

## How to disable automation
\`\`\`sh
export REFUND_AGENT_OFF=1
echo "</code></pre><script>alert(1)</script>"
\`\`\`
---
Trailing text with <b>html</b> & an <https://example.com/x> link.
`

describe('runbook markdown', () => {
  const blocks = runbookBlocks(RUNBOOK)

  it('reads headings, paragraphs, both kinds of list, a table, a quote and fenced code', () => {
    expect(blocks.map((b) => b.kind)).toEqual([
      'heading',
      'heading',
      'paragraph',
      'list',
      'heading',
      'list',
      'heading',
      'table',
      'paragraph',
      'heading',
      'code',
      'paragraph'
    ])
    expect(blocks[0]).toEqual({ kind: 'heading', level: 3, text: 'Refund agent runbook' })
    expect(blocks[1]).toEqual({ kind: 'heading', level: 4, text: 'When to escalate' })
    expect(blocks[3]).toEqual({
      kind: 'list',
      ordered: false,
      items: [
        ['fraud score ', { text: '>= 0.8', code: true }],
        ['amounts above 500 USD (continued on the next line)'],
        ['legal threats']
      ]
    })
    expect(blocks[5]).toEqual({
      kind: 'list',
      ordered: true,
      items: [['Stop moving money.'], ['Reply with the ', 'status page (https://status.example.com)', '.']]
    })
    expect(blocks[7]).toEqual({
      kind: 'table',
      header: ['Rota', 'Where'],
      rows: [['refunds-oncall', 'PagerDuty | Slack']]
    })
    expect(blocks[10]).toEqual({
      kind: 'code',
      text: 'export REFUND_AGENT_OFF=1\necho "</code></pre><script>alert(1)</script>"'
    })
  })

  it('escapes every character in HTML and follows no link', () => {
    const html = blocks.map((b) => blockHtml(b).value).join('\n')
    expect(html).not.toContain('<script>')
    expect(html).not.toContain('<b>')
    expect(html).not.toContain('href=')
    expect(html).toContain('&lt;/code&gt;&lt;/pre&gt;&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(html).toContain('<strong>chargeback</strong>')
    expect(html).toContain('<code>&gt;= 0.8</code>')
    expect(html).toContain('&lt;b&gt;html&lt;/b&gt; &amp; an https://example.com/x link.')
  })

  it('is inert markdown again for the wiki: the code stays code, the rest carries no HTML', () => {
    const markdown = blocks.map(blockMarkdown).join('\n\n')
    expect(markdown).toContain('```text\nexport REFUND_AGENT_OFF=1\necho "</code></pre><script>alert(1)</script>"\n```')
    expect(markdown).toContain('&lt;b>html&lt;/b> & an https://example.com/x link.')
    expect(markdown).toContain('| refunds-oncall | PagerDuty \\| Slack |')
  })

  it('never loops on odd input and keeps unclosed fences as code', () => {
    expect(runbookBlocks('```\nno end')).toEqual([{ kind: 'code', text: 'no end' }])
    expect(runbookBlocks('')).toEqual([])
    expect(runbookBlocks('#\n####### seven\n|a|\n-\n')).toEqual([
      { kind: 'heading', level: 3, text: '' },
      { kind: 'paragraph', line: ['####### seven |a| -'] }
    ])
  })
})
