// Which of the kit's sections a runbook's markdown has (src/model/runbook.ts): the headings that
// count, what stands under them, and what does not count as a heading.
import { describe, expect, it } from '@jest/globals'
import { RUNBOOK_SECTIONS, runbookSections, sectionNames } from '../../src/model/runbook.js'
import { lines } from './project-files.js'

const ids = (markdown: string) => {
  const sections = runbookSections(markdown)
  return { found: sections.found.map((s) => s.id), missing: sections.missing.map((s) => s.id) }
}

describe('runbookSections', () => {
  it('finds each section by the words of its heading, in any case and heading style', () => {
    const markdown = lines(
      '# Runbook',
      'Intro.',
      '### ESCALATION paths',
      'Page the lead.',
      'What to fall back to',
      '--------------------',
      'Humans.',
      '## Oncall rota',
      'Alice.',
      'Kill-switch',
      '===========',
      'Set OFF=1.'
    )
    expect(ids(markdown)).toEqual({ found: ['escalation', 'fallback', 'on_call', 'disable'], missing: [] })
    expect(runbookSections(markdown).headings.map((h) => [h.line, h.level, h.text])).toEqual([
      [1, 1, 'Runbook'],
      [3, 3, 'ESCALATION paths'],
      [5, 2, 'What to fall back to'],
      [8, 2, 'Oncall rota'],
      [10, 1, 'Kill-switch']
    ])
  })

  it('one heading may count as several sections; "On call" and "on‑call" (a non-breaking hyphen) count', () => {
    expect(ids(lines('## Escalation and fallback', 'x', '## On call', 'x', '## Disabling', 'x')).missing).toEqual([])
    expect(ids(lines('## on\u2011call', 'x')).found).toEqual(['on_call'])
  })

  it('a heading with nothing under it (blank lines, HTML comments) is missing, and says which heading it was', () => {
    const sections = runbookSections(
      lines('## When to escalate', '', '<!-- fill in -->', '## On-call', '### Primary', 'Alice')
    )
    expect(sections.found.map((s) => s.id)).toEqual(['on_call'])
    expect(sections.missing[0]).toEqual({
      id: 'escalation',
      title: 'when to escalate',
      expected: 'a heading containing "escalat" (escalate, escalation), e.g. "## When to escalate"',
      empty: { line: 1, level: 2, text: 'When to escalate', body: '\n<!-- fill in -->' }
    })
  })

  it('a section holds its subsections and stops at the next heading of its level', () => {
    const { found } = runbookSections(lines('## Disable', '### By env', 'OFF=1', '## On-call', 'ON=1'))
    expect(found.map((s) => [s.id, s.headings[0].body])).toEqual([
      ['on_call', 'ON=1\n'],
      ['disable', '### By env\nOFF=1']
    ])
  })

  it('what is not a heading: code blocks, #hashtags, a rule after a blank line, a list item over dashes', () => {
    const markdown = lines(
      '```sh',
      '# escalate: not a heading',
      '```',
      '~~~~',
      '## On-call',
      '~~~~',
      '#fallback',
      '',
      '---',
      '- disable it',
      '---',
      '    # indented code about escalation'
    )
    expect(runbookSections(markdown).headings).toEqual([])
    expect(ids(markdown).missing).toEqual(RUNBOOK_SECTIONS.map((s) => s.id))
  })

  it('sectionNames: an env variable as a whole word and in its case; a header in any case', () => {
    const [disable] = runbookSections(
      lines('## How to disable automation', 'Set `AGENT_OFF=1`; send x-agent-off: 1.')
    ).found
    expect(sectionNames(disable, 'AGENT_OFF', 'env')).toBe(true)
    expect(sectionNames(disable, 'agent_off', 'env')).toBe(false)
    expect(sectionNames(disable, 'AGENT', 'env')).toBe(false)
    expect(sectionNames(disable, 'X-Agent-Off', 'header')).toBe(true)
    expect(sectionNames(disable, 'X-Agent', 'header')).toBe(false)
  })
})
