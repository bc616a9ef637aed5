import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { validateXML } from 'xmllint-wasm'
import type { TaskResult } from '../../src/model/types.js'
import { reportOf } from '../helpers/report-of.js'
import { renderJunit } from '../../src/report/junit.js'
import { gate, task, tier } from '../gate/make.js'
import { repoRoot } from '../helpers/project.js'

const xsd = readFileSync(join(repoRoot, 'test/fixtures/junit/junit.xsd'), 'utf8')

async function schemaErrors(xml: string): Promise<string[]> {
  const result = await validateXML({
    xml: [{ fileName: 'junit.xml', contents: xml }],
    schema: [{ fileName: 'junit.xsd', contents: xsd }]
  })
  return result.errors.map((e) => e.rawMessage)
}

const report = (tasks: TaskResult[]) =>
  reportOf({
    tasks,
    gate: gate(),
    workflows: [{ name: 'refunds', file: 'golden-tasks/refunds/workflow.yml', tasks: tasks.length }],
    repeat: 1,
    createdAt: new Date('2025-01-02T03:04:05.678Z')
  })

const mixed = () =>
  report([
    ...tier('T1', 2, 0, { duration_ms: 1500 }),
    task('t1-wrong', {
      status: 'fail',
      reasons: ['expected label "refund_approved" but agent answered "denied"', 'guardrail: issue_refund called'],
      causes: ['wrong_label', 'guardrail_violation'],
      duration_ms: 2250
    }),
    task('t2-timeout', { tier: 'T2', status: 'error', reasons: ['agent timed out after 30s'], causes: ['timeout'] }),
    task('t2-skipped', { tier: 'T2', status: 'not_run', reasons: ['not run: max_cost_usd reached'], duration_ms: 0 })
  ])

describe('renderJunit', () => {
  it('is valid against the JUnit schema for a report with pass, fail, error and not run', async () => {
    const xml = renderJunit(mixed())
    expect(await schemaErrors(xml)).toEqual([])
  })

  it('counts tests, failures, errors, skipped and time per suite and overall', () => {
    const xml = renderJunit(mixed())
    expect(xml.split('\n')[0]).toBe('<?xml version="1.0" encoding="UTF-8"?>')
    expect(xml).toContain('<testsuites name="evalgate" tests="5" failures="1" errors="1" skipped="1" time="5.350">')
    expect(xml).toContain(
      '<testsuite name="refunds T1" tests="3" failures="1" errors="0" skipped="0" time="5.250" timestamp="2025-01-02T03:04:05">'
    )
    expect(xml).toContain(
      '<testsuite name="refunds T2" tests="2" failures="0" errors="1" skipped="1" time="0.100" timestamp="2025-01-02T03:04:05">'
    )
    expect(xml.match(/<testcase /g)).toHaveLength(5)
  })

  it('holds the tier verdict in the suite properties', () => {
    const xml = renderJunit(mixed())
    const t1 = xml.slice(xml.indexOf('<testsuite name="refunds T1"'), xml.indexOf('</testsuite>'))
    expect(t1).toContain('<property name="threshold" value="0.92"/>')
    expect(t1).toContain('<property name="gated" value="true"/>')
    expect(t1).toContain(`<property name="success_rate" value="${2 / 3}"/>`)
    expect(t1).toMatch(/<property name="ci_low" value="0\.\d+"\/>/)
    expect(t1).toMatch(/<property name="ci_high" value="0\.\d+"\/>/)
    expect(t1).toContain('<property name="ok" value="false"/>')
    expect(t1).toContain('<property name="ci_method" value="Wilson over 3 tasks, 1 attempt"/>')
    expect(t1).toContain('<property name="attempts_per_task" value="1"/>')
    expect(t1).toMatch(/<property name="decision" value="(pass|fail|inside_margin|undecided)"\/>/)
    const t3 = renderJunit(report(tier('T3', 1, 0)))
    expect(t3).toContain('<property name="threshold" value="none"/>')
    expect(t3).toContain('<property name="gated" value="false"/>')
  })

  it('writes a failure with the first reason as message, the primary cause as type and all reasons as text', () => {
    const xml = renderJunit(mixed())
    expect(xml).toContain('<testcase name="t1-p0" classname="refunds.T1" time="1.500"/>')
    expect(xml).toContain(
      '<testcase name="t1-wrong" classname="refunds.T1" time="2.250">\n' +
        '      <failure message="expected label &quot;refund_approved&quot; but agent answered &quot;denied&quot;" type="guardrail_violation">' +
        'expected label "refund_approved" but agent answered "denied"\nguardrail: issue_refund called</failure>\n' +
        '    </testcase>'
    )
    expect(xml).toContain('<error message="agent timed out after 30s" type="timeout">agent timed out after 30s</error>')
    expect(xml).toContain('<skipped message="not run: max_cost_usd reached"/>')
  })

  it('escapes markup and drops the characters XML 1.0 forbids, and stays valid', async () => {
    const nasty = 'a <b> & "c" \'d\' ]]> e\u0000f\u0007g\u001bh\ttab\r\nnext \uD800 \uFFFE end 😀'
    const xml = renderJunit(
      report([
        task('id<&">', {
          status: 'fail',
          reasons: [nasty, 'second </failure> <![CDATA[ x ]]>'],
          causes: ['wrong_label']
        }),
        task('err', { status: 'error', reasons: [nasty], causes: [] }),
        task('skip', { status: 'not_run', reasons: [nasty] })
      ])
    )
    expect(await schemaErrors(xml)).toEqual([])
    // eslint-disable-next-line no-control-regex -- the assertion is that no control character is left
    expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe]/)
    expect(xml).toContain('name="id&lt;&amp;&quot;&gt;"')
    expect(xml).toContain(
      'message="a &lt;b&gt; &amp; &quot;c&quot; &apos;d&apos; ]]&gt; efgh&#9;tab&#13;&#10;next   end 😀"'
    )
    expect(xml).toContain('>a &lt;b&gt; &amp; "c" \'d\' ]]&gt; efgh\ttab&#13;\nnext   end 😀\nsecond &lt;/failure&gt;')
    expect(xml).toContain('<error message="a &lt;b&gt;')
    expect(xml).toContain('type="unclassified"')
  })

  it('writes an empty run as an empty, valid testsuites', async () => {
    const xml = renderJunit(report([]))
    expect(xml).toContain('<testsuites name="evalgate" tests="0" failures="0" errors="0" skipped="0" time="0.000"/>')
    expect(await schemaErrors(xml)).toEqual([])
  })

  it('is rejected by the schema when it is not JUnit, so the schema checks something', async () => {
    const broken = renderJunit(mixed()).replace('<testcase name="t1-p0"', '<testcase id="t1-p0"')
    expect((await schemaErrors(broken)).join('\n')).toMatch(/name/)
    expect(await schemaErrors('<testsuites><bogus/></testsuites>')).not.toEqual([])
  })
})
