// junit.xml: the report in the JUnit XML format that CI systems (GitHub test reporters,
// GitLab, Jenkins, Azure) display. One <testsuite> per workflow and tier, one <testcase> per task.
import type { DrillReport, Report, TaskResult, TierSummary } from '../model/types.js'
import { primaryCause } from './failure-modes.js'

export function renderJunit(report: Report): string {
  return [...junitPieces(report)].join('')
}

/** junit.xml piece by piece: its test cases are made as they are written, never all at once. */
export function* junitPieces(report: Report): Generator<string> {
  const suites = report.tiers.map((tier) =>
    testsuite(
      tier,
      report.tasks.filter((t) => t.workflow === tier.workflow && t.tier === tier.tier),
      report.created_at
    )
  )
  const drill = report.drill && drillSuite(report.drill, report.created_at)
  const counts = countCases(report.tasks, report.drill)
  const root = element(
    'testsuites',
    { name: 'evalgate', ...counts, time: seconds(sumDurations(report.tasks)) },
    drill ? [...suites, drill] : suites
  )
  yield '<?xml version="1.0" encoding="UTF-8"?>\n'
  yield* serialize(root)
  yield '\n'
}

function testsuite(tier: TierSummary, tasks: TaskResult[], createdAt: string): XmlElement {
  const properties = element(
    'properties',
    {},
    Object.entries({
      threshold: tier.threshold === null ? 'none' : String(tier.threshold),
      gated: String(tier.gated),
      success_rate: String(tier.success_rate),
      ci_low: String(tier.ci_low),
      ci_high: String(tier.ci_high),
      ok: String(tier.ok),
      ...(tier.ci_method ? { ci_method: tier.ci_method } : {}),
      ...(tier.attempts
        ? { attempts: String(tier.attempts.total), attempts_per_task: String(tier.attempts.per_task) }
        : {}),
      ...(tier.flaky !== undefined ? { flaky: String(tier.flaky) } : {}),
      ...(tier.decision ? { decision: tier.decision.decided ? tier.decision.outcome : 'undecided' } : {})
    }).map(([name, value]) => element('property', { name, value }))
  )
  const attributes = {
    name: `${tier.workflow} ${tier.tier}`,
    ...countCases(tasks),
    time: seconds(sumDurations(tasks)),
    timestamp: junitTimestamp(createdAt)
  }
  return element('testsuite', attributes, cases(properties, tasks))
}

function* cases(properties: XmlElement, tasks: readonly TaskResult[]): Generator<XmlElement> {
  yield properties
  for (const task of tasks) yield testcase(task)
}

function testcase(task: TaskResult): XmlElement {
  const attributes = { name: task.id, classname: `${task.workflow}.${task.tier}`, time: seconds(task.duration_ms) }
  return element('testcase', attributes, outcome(task))
}

function outcome(task: TaskResult): XmlElement[] {
  const message = task.reasons[0] ?? task.status
  if (task.status === 'not_run') return [element('skipped', { message })]
  if (task.status === 'pass') return []
  const name = task.status === 'fail' ? 'failure' : 'error'
  return [element(name, { message, type: primaryCause(task) }, task.reasons.join('\n'))]
}

/** The kill-switch drill: one <testcase> per drill task, apart from the tiers' suites. */
function drillSuite(drill: DrillReport, createdAt: string): XmlElement {
  const failure = new Map(drill.failures.map((f) => [`${f.workflow}\u0000${f.task_id}`, f]))
  const cases = drill.ran.map((t) => {
    const failed = failure.get(`${t.workflow}\u0000${t.id}`)
    const name = failed?.status === 'fail' ? 'failure' : 'error'
    const body = failed ? [element(name, { message: failed.reason, type: 'kill_switch_drill' }, failed.reason)] : []
    return element('testcase', { name: t.id, classname: `${t.workflow}.kill_switch_drill`, time: seconds(0) }, body)
  })
  const counts = countCases([], drill)
  return element('testsuite', { name: 'kill switch drill', ...counts, timestamp: junitTimestamp(createdAt) }, cases)
}

function countCases(tasks: TaskResult[], drill?: DrillReport) {
  const count = (status: TaskResult['status']) => tasks.filter((t) => t.status === status).length
  const drilled = (status: 'fail' | 'error') => (drill?.failures ?? []).filter((f) => f.status === status).length
  return {
    tests: String(tasks.length + (drill?.tasks ?? 0)),
    failures: String(count('fail') + drilled('fail')),
    errors: String(count('error') + drilled('error')),
    skipped: String(count('not_run'))
  }
}

function sumDurations(tasks: TaskResult[]): number {
  return tasks.reduce((sum, t) => sum + t.duration_ms, 0)
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(3)
}

/** JUnit timestamps are ISO 8601 without a zone; ours are UTC. */
function junitTimestamp(createdAt: string): string {
  const date = new Date(createdAt)
  return Number.isNaN(date.getTime()) ? '' : date.toISOString().slice(0, 19)
}

interface XmlElement {
  name: string
  attributes: Record<string, string>
  /** Child elements (read once, as they are written), or the element's text. */
  content: Iterable<XmlElement> | string
}

function element(
  name: string,
  attributes: Record<string, string>,
  content: Iterable<XmlElement> | string = []
): XmlElement {
  return { name, attributes, content }
}

// Indentation goes between elements only, so that a failure's text stays exactly its reasons.
function* serialize(node: XmlElement, indent = ''): Generator<string> {
  const attrs = Object.entries(node.attributes)
    .filter(([, value]) => value !== '')
    .map(([key, value]) => ` ${key}="${escapeAttribute(value)}"`)
    .join('')
  const open = `${indent}<${node.name}${attrs}`
  if (typeof node.content === 'string') {
    yield `${open}>${escapeText(node.content)}</${node.name}>`
    return
  }
  let empty = true
  for (const child of node.content) {
    yield empty ? `${open}>\n` : '\n'
    empty = false
    yield* serialize(child, `${indent}  `)
  }
  yield empty ? `${open}/>` : `\n${indent}</${node.name}>`
}

// XML 1.0 allows tab, newline, carriage return and U+0020 up, except surrogates, U+FFFE and U+FFFF.
const FORBIDDEN_IN_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu

export function escapeText(text: string): string {
  return text
    .replace(FORBIDDEN_IN_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r/g, '&#13;')
}

/** Also encodes whitespace, which a parser would otherwise normalize to spaces in an attribute. */
export function escapeAttribute(text: string): string {
  return escapeText(text).replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;')
}
