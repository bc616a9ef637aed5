// The fixed parts of the page: head, the static sections, the task table shell, the script.
import type { Report } from '../model/types.js'
import { PAGE_SCRIPT } from './client/index.js'
import { documentEnd, documentStart, MAIN_END, pageStyle, sourceHash } from './document.js'
import { h, render, type Html } from './escape.js'
import { baselineSection } from './sections/baseline.js'
import { drillSection } from './sections/drill.js'
import { toolFaultsSection } from './sections/tool-faults.js'
import { readinessSection } from './sections/readiness.js'
import { flakySection } from './sections/flaky.js'
import { failureModesSection } from './sections/failure-modes.js'
import { gateChangesSection } from './sections/gate-changes.js'
import { decisionSection, totalsSection } from './sections/summary.js'
import { tiersSection } from './sections/tier-table.js'
import { workflowsSection } from './sections/workflows.js'

const TASK_COLUMNS = [
  'Task',
  'Workflow',
  'Tier',
  'Risk',
  'Status',
  'Reason',
  'Duration',
  'Model calls',
  'Tool calls',
  'Cost'
]
const NUMERIC_COLUMNS = new Set(['Duration', 'Model calls', 'Tool calls', 'Cost'])

const STYLE = pageStyle()

// Nothing may be loaded from anywhere; only our own inline style and script may run. Even if
// data ever escaped its JSON block, an injected script would not execute.
const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  `style-src ${sourceHash(STYLE)}`,
  `script-src ${sourceHash(PAGE_SCRIPT)}`,
  "base-uri 'none'",
  "form-action 'none'"
].join('; ')

export function pageStart(report: Report): string {
  const commit = report.commit ? ` ${report.commit.slice(0, 7)}` : ''
  const title = `evalgate ${report.decision.toUpperCase()}: ${report.workflows.map((w) => w.name).join(', ')}${commit}`
  const sections: (Html | null)[] = [
    decisionSection(report),
    gateChangesSection(report.gate_changes),
    totalsSection(report),
    tiersSection(report),
    baselineSection(report),
    drillSection(report),
    toolFaultsSection(report),
    readinessSection(report),
    flakySection(report),
    failureModesSection(report),
    workflowsSection(report),
    taskTableShell()
  ]
  const present = sections.filter((s): s is Html => s !== null)
  const shell = { doctype: '<!DOCTYPE html>', title, policy: CONTENT_SECURITY_POLICY, style: STYLE } as const
  return documentStart(shell) + render([h('h1', null, 'evalgate report'), navigation(present), ...present]) + MAIN_END
}

export function pageEnd(): string {
  return documentEnd(PAGE_SCRIPT)
}

const SECTION_TITLES: [string, string][] = [
  ['gate-changes', 'Gate changes'],
  ['totals', 'Totals'],
  ['tiers', 'Tiers'],
  ['baseline', 'Baseline'],
  ['drill', 'Kill-switch drill'],
  ['readiness', 'Readiness'],
  ['flaky', 'Flaky tasks'],
  ['failure-modes', 'Failure modes'],
  ['workflows', 'Workflow'],
  ['tasks', 'Tasks']
]

function navigation(sections: Html[]): Html {
  const ids = new Set(sections.map((s) => /^<section id="([^"]+)"/.exec(s.value)?.[1]))
  const links = SECTION_TITLES.filter(([id]) => ids.has(id)).map(([id, title]) => h('a', { href: `#${id}` }, title))
  return h('nav', { class: 'toc' }, ...links)
}

function taskTableShell(): Html {
  return h(
    'section',
    { id: 'tasks' },
    h('h2', null, 'Tasks'),
    h('p', { id: 'trace-note', class: 'note' }),
    h('div', { id: 'task-filters', class: 'filters' }),
    h('p', { id: 'task-count', 'aria-live': 'polite' }),
    h(
      'table',
      { id: 'task-table', class: 'grid-table tasks' },
      h(
        'thead',
        null,
        h('tr', null, ...TASK_COLUMNS.map((c) => h('th', { class: NUMERIC_COLUMNS.has(c) ? 'num' : null }, c)))
      ),
      h('tbody', { id: 'task-rows' })
    ),
    h('p', { id: 'task-more' }),
    h('noscript', null, h('p', null, 'The task table and the traces need JavaScript.'))
  )
}
