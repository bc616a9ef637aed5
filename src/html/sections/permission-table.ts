// The permission matrix as a table: tool -> scope, risk, approval, scopes, limits, and what the
// agent may do with it at its rollout phase (report.html and the evidence pack).
import { limitsInWords, toolUseAt } from '../../model/rollout.js'
import type { Phase, ToolPermission } from '../../model/types.js'
import { h, type Html } from '../escape.js'
import { listOrNone, NOT_RECORDED } from './manifest-facts.js'

export function permissionTable(permissions: Record<string, ToolPermission> | undefined, phase: Phase): Html {
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

/** A tool that writes, is high-risk or needs approval: the rows a security reviewer reads first. */
export function sensitive(p: ToolPermission): boolean {
  return p.scope === 'write' || p.risk === 'high' || p.approval === 'required'
}

function badge(text: string, highlighted: boolean): Html {
  return h('span', { class: highlighted ? 'badge hot' : 'badge' }, text)
}
