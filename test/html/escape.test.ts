import { describe, expect, test } from '@jest/globals'
import { escapeHtml, h, jsonForScript, jsonScript } from '../../src/html/escape.js'
import { scriptBlocks } from './page-data.js'

describe('escapeHtml and h', () => {
  test('escapes markup characters in text and attribute values', () => {
    expect(escapeHtml(`<b a="x">'&'</b>`)).toBe('&lt;b a=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/b&gt;')
    const html = h('td', { title: '"><script>', 'data-x': 1, hidden: true, skipped: null }, '<img src=x>', 2).value
    expect(html).toBe('<td title="&quot;&gt;&lt;script&gt;" data-x="1" hidden>&lt;img src=x&gt;2</td>')
  })

  test('nests already-built markup without escaping it twice', () => {
    expect(h('ul', null, [h('li', null, 'a&b'), false, null]).value).toBe('<ul><li>a&amp;b</li></ul>')
  })
})

describe('jsonForScript', () => {
  test('no </script or <!-- survives, and the JSON means the same', () => {
    const value = { text: '</script><script>alert(1)</script><!-- x --> <\u2028' }
    const safe = jsonForScript(JSON.stringify(value))
    expect(safe).not.toMatch(/<\/script|<!--|</i)
    expect(JSON.parse(safe)).toEqual(value)
  })

  test('a data block is one script element whose text parses back', () => {
    const value = ['</SCRIPT >', '<!--', '<script>']
    const blocks = scriptBlocks(jsonScript('eg-x', JSON.stringify(value)))
    expect(blocks).toHaveLength(1)
    expect(JSON.parse(blocks[0].text)).toEqual(value)
  })
})
