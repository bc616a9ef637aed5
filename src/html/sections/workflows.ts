// What each workflow is allowed to do and what leaves the building: the manifest a security
// reviewer reads before the numbers.
import { RETENTION_KINDS, retentionDays } from '../../model/governance.js'
import { limitsInWords, PHASE_RULES, toolUseAt } from '../../model/rollout.js'
import type { Phase, Report, ToolPermission, WorkflowInfo } from '../../model/types.js'
import { h, type Child, type Html } from '../escape.js'

const NOT_RECORDED = 'not recorded in this report'

export function workflowsSection(report: Report): Html {
  return h(
    'section',
    { id: 'workflows' },
    h('h2', null, report.workflows.length === 1 ? 'Workflow' : 'Workflows'),
    ...report.workflows.map(workflowCard)
  )
}

function workflowCard(w: WorkflowInfo): Html {
  const agent = w.agent ? `${w.agent.type}${w.agent.model ? ` (${w.agent.model})` : ''}` : NOT_RECORDED
  return h(
    'article',
    { class: 'workflow', 'data-workflow': w.name },
    h('h3', null, w.name),
    w.description && h('p', null, w.description),
    definitions([
      ['Manifest', w.file],
      ['Tasks', String(w.tasks)],
      ['Agent', agent],
      ['Rollout phase', phaseText(w)],
      ['Identity', identityText(w)],
      ['Runbook', w.runbook ?? 'not declared'],
      ['Input sources', w.inputs ? listOrNone(w.inputs.sources) : NOT_RECORDED],
      ['Required input fields', w.inputs ? listOrNone(w.inputs.required) : NOT_RECORDED]
    ]),
    h('h4', null, 'Permission matrix'),
    permissionTable(w.permissions, w.phase ?? 'autonomous'),
    h('h4', null, 'Outcomes'),
    w.outcomes
      ? definitions([
          ['Success', w.outcomes.success ?? 'not defined'],
          ['Failure', w.outcomes.failure ?? 'not defined']
        ])
      : h('p', { class: 'muted' }, NOT_RECORDED),
    h('h4', null, 'Out of scope'),
    w.out_of_scope
      ? bulletList(w.out_of_scope, 'nothing declared out of scope')
      : h('p', { class: 'muted' }, NOT_RECORDED),
    h('h4', null, 'Data governance'),
    governance(w)
  )
}

/** The phase it was judged at and what the agent may do there; a report before phases ran as autonomous runs now. */
function phaseText(w: WorkflowInfo): Child {
  if (!w.phase) return 'not recorded in this report (it predates rollout phases: the matrix as written)'
  const declared = w.declared_phase ? ` (by --phase; its workflow.yml declares ${w.declared_phase})` : ''
  return [h('strong', { class: 'phase' }, w.phase), `${declared} — ${PHASE_RULES[w.phase].allows}`]
}

function identityText(w: WorkflowInfo): string {
  if (!w.identity) return 'not declared'
  return `${w.identity.model}${w.identity.principal ? ` as ${w.identity.principal}` : ''}`
}

function permissionTable(permissions: Record<string, ToolPermission> | undefined, phase: Phase): Html {
  if (!permissions) return h('p', { class: 'muted' }, NOT_RECORDED)
  const tools = Object.entries(permissions)
  if (tools.length === 0) return h('p', { class: 'muted' }, 'no tools are allowed')
  return h(
    'table',
    { class: 'grid-table permissions' },
    h(
      'thead',
      null,
      h(
        'tr',
        null,
        ...['Tool', 'Scope', 'Risk', 'Approval', 'Scopes', 'Limits', `At phase ${phase}`].map((name) =>
          h('th', null, name)
        )
      )
    ),
    h(
      'tbody',
      null,
      ...tools.map(([tool, p]) =>
        h(
          'tr',
          { 'data-tool': tool, class: sensitive(p) ? 'sensitive' : null },
          h('td', null, h('code', null, tool)),
          h('td', null, badge(p.scope, p.scope === 'write')),
          h('td', null, badge(p.risk, p.risk === 'high')),
          h('td', null, badge(p.approval === 'required' ? 'required' : 'none', p.approval === 'required')),
          h('td', null, p.scopes?.length ? listOrNone(p.scopes) : h('span', { class: 'muted' }, 'none declared')),
          h('td', { class: 'limits' }, limitsInWords(p) || h('span', { class: 'muted' }, 'none')),
          h('td', { class: 'use' }, toolUseAt(phase, p))
        )
      )
    )
  )
}

function sensitive(p: ToolPermission): boolean {
  return p.scope === 'write' || p.risk === 'high' || p.approval === 'required'
}

function badge(text: string, highlighted: boolean): Html {
  return h('span', { class: highlighted ? 'badge hot' : 'badge' }, text)
}

type Governance = NonNullable<WorkflowInfo['data_governance']>

function governance(w: WorkflowInfo): Html {
  const g = w.data_governance
  if (!g) return h('p', { class: 'muted' }, 'no data_governance declared in the manifest')
  return definitions([
    ['Model provider', g.model_provider ?? 'not declared'],
    ['Region', g.region ?? 'not declared'],
    ['Retention', retentionText(g)],
    ['Sent to the model', g.sent_to_model ? bulletList(g.sent_to_model, 'nothing declared') : 'not declared'],
    ['Redaction rules', g.redact.length > 0 ? listOrNone(g.redact) : 'none (nothing is redacted)'],
    ['Subprocessors', g.subprocessors ? subprocessorTable(g.subprocessors) : 'not declared'],
    ['Stored', g.stored ? storedTable(g.stored) : 'not declared']
  ])
}

/** `30 days`, or per kind when `retention` splits it: `prompts 30 days · traces 90 days · artifacts 14 days`. */
function retentionText(g: Governance): string {
  if (!g.retention) return g.retention_days === undefined ? 'not declared' : days(g.retention_days)
  return RETENTION_KINDS.map((kind) => {
    const kept = retentionDays(g, kind)
    return `${kind} ${kept === undefined ? 'not declared' : days(kept)}`
  }).join(' · ')
}

function days(n: number): string {
  return `${n} day${n === 1 ? '' : 's'}`
}

function subprocessorTable(subprocessors: NonNullable<Governance['subprocessors']>): Html {
  if (subprocessors.length === 0) return h('p', { class: 'muted' }, 'none')
  return table(
    ['Name', 'Region', 'DPA'],
    subprocessors.map((s) => [s.name, s.region ?? notDeclared(), s.dpa_url ? dpaText(s.dpa_url) : notDeclared()])
  )
}

function storedTable(stored: NonNullable<Governance['stored']>): Html {
  if (stored.length === 0) return h('p', { class: 'muted' }, 'nothing')
  return table(
    ['What', 'Where', 'Kept'],
    stored.map((s) => [s.what, s.where, s.retention_days === undefined ? notDeclared() : days(s.retention_days)])
  )
}

// The address as text, not a link: the page references nothing outside itself.
function dpaText(url: string): Html {
  return h('code', null, url)
}

function notDeclared(): Html {
  return h('span', { class: 'muted' }, 'not declared')
}

function table(header: string[], rows: Child[][]): Html {
  return h(
    'table',
    { class: 'grid-table' },
    h('thead', null, h('tr', null, ...header.map((name) => h('th', null, name)))),
    h('tbody', null, ...rows.map((cells) => h('tr', null, ...cells.map((cell) => h('td', null, cell)))))
  )
}

function definitions(rows: [string, Child][]): Html {
  return h('dl', { class: 'definitions' }, ...rows.map(([term, value]) => [h('dt', null, term), h('dd', null, value)]))
}

function bulletList(items: string[], empty: string): Html {
  if (items.length === 0) return h('p', { class: 'muted' }, empty)
  return h('ul', null, ...items.map((item) => h('li', null, item)))
}

function listOrNone(items: string[]): string {
  return items.length > 0 ? items.join(', ') : 'none'
}
