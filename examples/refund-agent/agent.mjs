#!/usr/bin/env node
// Reference `command` agent for the bundled refund_request_v2 example.
//
// Plain Node (>= 20), no dependencies, no model: it applies
// golden-tasks/refund_request_v2/policy.md with hand-written rules. evalgate starts it in the
// folder of workflow.yml and writes each task as one line of JSON on stdin,
// `{ task_id, workflow, input, tools, tools_url, phase }`; it serves the mocked tools at the
// task's `tools_url` (`POST <url>/<tool>` with JSON arguments) and reads one JSON answer line
// `{ task_id, label, result, escalated, fallback, confidence, message, plan }` from stdout.
// The workflow sets `persistent: true`: the process serves task after task until stdin closes.
// Without it evalgate starts it once per task, with the one task on stdin and the tools at
// $EVALGATE_TOOLS_URL: the same loop serves that single line.
//
// The rollout phase decides how a write happens: at `autonomous` it calls the tool (money
// movement still through request_approval), at `propose` it proposes every write with
// request_approval, at `draft` it calls no write tool and lists the writes in `actions`.
// REFUND_AGENT_DISABLED=1 is its kill switch: it hands every task to a human untouched.
//
// It is deliberately good but not perfect (see README.md next to it): the bundled example
// gate fails on T2 so that a first run shows a realistic report and the override path.
// Same input, same output: no clock, no randomness.

import { request } from 'node:http'
import { createInterface } from 'node:readline'

const CURRENCY = 'USD'
const AUTO_LIMIT_CENTS = 500_00 // above this a human decides (policy.md §9)
const ACTIVE_REFUND_STATUSES = new Set(['pending', 'approved', 'processed'])
const TOOL_TIMEOUT_MS = 500 // a tool that has not answered by then has failed
const CONFIDENT = 0.9
const UNSURE = 0.4 // below the manifest's escalation.min_confidence: only with escalated: true

// Topics the agent must hand to a human without moving money (policy.md §1).
const OUT_OF_SCOPE = [
  {
    topic: 'chargeback',
    re: /\bcharge ?backs?\b|\bdisput(?:e|ing) (?:the|this|that) (?:charge|payment|transaction)\b/i
  },
  { topic: 'legal_threat', re: /\b(?:lawyers?|attorneys?|lawsuit|sue|legal action|small claims|court)\b/i },
  {
    topic: 'account_deletion',
    re: /\b(?:delete|close|erase|remove) (?:my|the) (?:account|data|personal data)\b|\bgdpr\b|\bright to (?:be forgotten|erasure)\b/i
  },
  { topic: 'b2b_invoice', re: /\b(?:invoices?|purchase order|PO number|VAT)\b/i }
]

const STATUS_QUESTION =
  /\bwhere(?:'s| is) my refund\b|\bstatus of (?:my|the) refund\b|\brefund status\b|\bwhen will i (?:get|receive|see) my refund\b/i
const ORDER_ID = /\bORD[-\s]?(\d{5})\b/i
const SKU = /\bSKU-\d{4}\b/gi

// ---------------------------------------------------------------------------------------
// Tools

// The task's: its line's `tools_url`, or (one process per task) $EVALGATE_TOOLS_URL.
let toolsUrl = ''

// node:http rather than fetch: fetch's first use costs more CPU than this whole agent (which
// counts when it runs as a process per task).
function callTool(tool, args) {
  return new Promise((resolve) => {
    const req = request(
      `${toolsUrl}/${tool}`,
      { method: 'POST', headers: { 'content-type': 'application/json' } },
      (res) => {
        let text = ''
        res.setEncoding('utf8')
        res.on('data', (chunk) => (text += chunk))
        res.on('end', () => {
          let body = null
          try {
            body = text ? JSON.parse(text) : null
          } catch {
            body = { raw: text }
          }
          resolve({ ok: res.statusCode >= 200 && res.statusCode < 300, status: res.statusCode, body })
        })
      }
    )
    req.setTimeout(TOOL_TIMEOUT_MS, () => req.destroy(new Error(`no answer in ${TOOL_TIMEOUT_MS} ms`)))
    req.on('error', (e) => resolve({ ok: false, status: 0, body: { error: e.message } }))
    req.end(JSON.stringify(args))
  })
}

/** A read, retried once when the tool failed (a 5xx or no answer). */
async function read(tool, args) {
  const first = await callTool(tool, args)
  if (first.ok || (first.status > 0 && first.status < 500)) return first
  return callTool(tool, args)
}

const failed = (res) => res.status === 0 || res.status >= 500

// How a write happens at the task's rollout phase (the payload's `phase`).
let phase = 'autonomous'
const drafted = []

/** A write to a tool whose approval is none: called, proposed or drafted by phase. */
function write(tool, args, reason) {
  if (phase === 'draft') return draft(tool, args)
  if (phase === 'propose') return callTool('request_approval', { tool, args, reason })
  return callTool(tool, args)
}

/** Money movement: proposed for approval at every phase but draft, where it is drafted. */
function propose(tool, args, reason) {
  if (phase === 'draft') return draft(tool, args)
  return callTool('request_approval', { tool, args, reason })
}

function draft(tool, args) {
  drafted.push({ tool, args })
  return Promise.resolve({ ok: true, status: 200, body: { status: 'drafted' } })
}

// ---------------------------------------------------------------------------------------
// Helpers

const toCents = (usd) => Math.round(Number(usd) * 100)
const fromCents = (cents) => cents / 100
const money = (cents) => `${fromCents(cents).toFixed(2)} ${CURRENCY}`

function normalizeOrderId(value) {
  if (typeof value !== 'string') return undefined
  const m = ORDER_ID.exec(value)
  return m ? `ORD-${m[1]}` : undefined
}

// Price of `qty` units of an order line, in cents.
function lineCents(item, qty) {
  return qty === 1 ? toCents(item.unit_price) : Math.round(item.unit_price) * 100 * qty
}

/** The order lines the customer asks about: the ticket's `items`, SKUs named in the message, else the whole order. */
function requestedLines(input, message, order) {
  const items = Array.isArray(order.items) ? order.items : []
  const bySku = new Map(items.map((it) => [String(it.sku).toUpperCase(), it]))
  if (Array.isArray(input.items) && input.items.length) {
    const lines = input.items.map((r) => ({
      item: bySku.get(String(r.sku).toUpperCase()),
      qty: Number(r.quantity ?? 1)
    }))
    return { whole: false, lines: lines.every((l) => l.item) ? lines : [] }
  }
  const named = [...new Set((message.match(SKU) || []).map((s) => s.toUpperCase()))]
  if (named.length) {
    const lines = named.map((sku) => ({ item: bySku.get(sku), qty: bySku.get(sku)?.quantity ?? 1 }))
    return { whole: false, lines: lines.every((l) => l.item) ? lines : [] }
  }
  return { whole: true, lines: items.map((item) => ({ item, qty: item.quantity ?? 1 })) }
}

function coversRequestedLine(refund, lines) {
  if (!Array.isArray(refund.items) || refund.items.length === 0) return true // a whole-order refund
  const skus = new Set(refund.items.map((i) => String(typeof i === 'string' ? i : i.sku).toUpperCase()))
  return lines.some((l) => skus.has(String(l.item.sku).toUpperCase()))
}

// ---------------------------------------------------------------------------------------
// The policy

async function handle(input) {
  const plan = []
  const message = String(input.message ?? '')
  const { ticket_id, channel, customer_id } = input

  const reply = async (text) => {
    await write('send_reply', { ticket_id, channel, customer_id, message: text }, 'reply to the customer')
    plan.push('send_reply')
    return text
  }
  const note = async (text) => {
    await write('add_ticket_note', { ticket_id, note: text }, 'internal note')
    plan.push('add_ticket_note')
  }
  const escalate = async (category, reason, label, customerText, result = {}, extra = {}) => {
    await write('escalate_to_human', { ticket_id, category, reason }, reason)
    plan.push(`escalate_to_human (${category})`)
    const text = await reply(customerText)
    return {
      label,
      result: { escalation_category: category, ...result },
      escalated: true,
      confidence: UNSURE,
      message: text,
      plan,
      ...extra
    }
  }
  // A tool that failed twice: no decision on missing data; a human takes the ticket over.
  const toolFailure = (tool) => {
    plan.push(`${tool} failed`)
    return escalate(
      'tool_failure',
      `${tool} is unavailable: cannot decide without it`,
      'escalated',
      'Thanks for your patience. One of our systems is not answering right now, so a member of our team will take over your request and follow up on this ticket.',
      { failed_tool: tool },
      { fallback: 'human' }
    )
  }
  const outOfScope = (topic) =>
    escalate(
      'out_of_scope',
      `Out of scope for the refund agent: ${topic}`,
      'out_of_scope',
      'Thank you for reaching out. Your request needs a specialist, so I have passed it to our team; they will contact you on this ticket.',
      { topic }
    )
  const needMoreInfo = async (why, text) => {
    plan.push(why)
    return { label: 'needs_more_info', result: { reason: why }, escalated: false, message: await reply(text), plan }
  }

  // 1. Out of scope by what the customer says.
  const oos = OUT_OF_SCOPE.find((r) => r.re.test(message))
  if (oos) {
    plan.push(`out of scope: ${oos.topic}`)
    return outOfScope(oos.topic)
  }

  // 2. Business accounts are handled by the B2B team.
  const customer = await read('lookup_customer', { customer_id })
  plan.push('lookup_customer')
  if (failed(customer)) return toolFailure('lookup_customer')
  if (customer.ok && customer.body?.account_type === 'business') {
    plan.push('out of scope: business account')
    return outOfScope('b2b_invoice')
  }

  // 3. Identify the order.
  const orderId = normalizeOrderId(input.order_id) ?? normalizeOrderId(message)
  if (!orderId) {
    return needMoreInfo(
      'missing_order_id',
      'Thanks for contacting us. To look into a refund I need your order number: it starts with ORD- and is in your confirmation message. Could you reply with it?'
    )
  }
  const lookup = await read('lookup_order', { order_id: orderId })
  plan.push(`lookup_order ${orderId}`)
  if (failed(lookup)) return toolFailure('lookup_order')
  const order = lookup.ok ? lookup.body : null
  if (!order || order.found === false || !Array.isArray(order.items) || order.customer_id !== customer_id) {
    return needMoreInfo(
      'order_not_found',
      `I could not find an order ${orderId} on your account. Could you double-check the order number (it starts with ORD-) and reply with it?`
    )
  }
  const days = Number(order.days_since_delivery)
  if (days > 180) {
    plan.push(`delivered ${days} days ago: older than 180 days`)
    return outOfScope('order_older_than_180_days')
  }

  // 4. Refund history: status questions and duplicates.
  // Known bug: a failed history read counts as "no refunds" (README.md next to this file).
  const history = await read('get_refund_history', { order_id: orderId })
  plan.push('get_refund_history')
  const refunds = history.ok && Array.isArray(history.body?.refunds) ? history.body.refunds : []
  if (STATUS_QUESTION.test(message)) {
    const last = refunds[refunds.length - 1]
    if (!last) {
      return needMoreInfo(
        'no_refund_on_record',
        `I can't find a refund for order ${orderId}. What would you like us to do for this order?`
      )
    }
    const text = await reply(
      `Your refund ${last.refund_id} for order ${orderId} (${money(toCents(last.amount))}) is ${last.status}.` +
        (last.status === 'processed'
          ? ' It can take 5-10 business days to show on your statement.'
          : ' You will get a confirmation once it is processed.')
    )
    return {
      label: 'refund_status',
      result: { refund_status: last.status, refund_id: last.refund_id },
      escalated: false,
      message: text,
      plan
    }
  }

  const { whole, lines } = requestedLines(input, message, order)
  if (lines.length === 0) {
    return needMoreInfo(
      'unknown_item',
      `I could not match the items you mention to order ${orderId}. Which item would you like to return?`
    )
  }
  const duplicate = refunds.find((r) => ACTIVE_REFUND_STATUSES.has(r.status) && coversRequestedLine(r, lines))
  if (duplicate) {
    plan.push(`duplicate of ${duplicate.refund_id}`)
    await note(
      `Duplicate request: ${duplicate.refund_id} (${duplicate.status}) already covers this order/items. No new refund.`
    )
    const text = await reply(
      `A refund for this already exists: ${duplicate.refund_id} (${money(toCents(duplicate.amount))}) is ${duplicate.status}, so there is nothing more to do. It can take 5-10 business days to show on your statement.`
    )
    return {
      label: 'duplicate_request',
      result: { existing_refund_id: duplicate.refund_id },
      escalated: false,
      message: text,
      plan
    }
  }

  // 5. Fraud signals.
  // Known bug: a failed fraud check counts as "no signals" (README.md next to this file).
  const fraud = await read('check_fraud_signals', { customer_id, order_id: orderId })
  plan.push('check_fraud_signals')
  const level = fraud.ok ? fraud.body?.level : undefined
  if (level === 'high') {
    return escalate(
      'fraud_review',
      `High fraud risk (score ${fraud.body?.score}): ${(fraud.body?.signals || []).join(', ')}`,
      'escalated',
      'Thanks for your patience. Your request needs a manual review by our team; they will follow up on this ticket.'
    )
  }
  if (level === 'medium') {
    await note(
      `Medium fraud signals (score ${fraud.body?.score}): ${(fraud.body?.signals || []).join(', ')}. Proceeding per policy; approver please review.`
    )
  }

  // 6. Refundable items.
  const refundable = lines.filter((l) => l.item.refundable !== false)
  if (refundable.length === 0) {
    const names = lines.map((l) => l.item.name).join(', ')
    await note(`Denied: non-refundable item(s): ${names}.`)
    const text = await reply(
      `I'm sorry, ${names} cannot be refunded: gift cards, digital products, personalized and final-sale items are non-refundable.`
    )
    return {
      label: 'refund_denied',
      result: { denial_reason: 'non_refundable' },
      escalated: false,
      message: text,
      plan
    }
  }

  // 7. The window.
  if (days > 90) {
    await note(`Denied: delivered ${days} days ago, outside the 90-day window.`)
    const text = await reply(
      `I'm sorry, order ${orderId} was delivered ${days} days ago, which is outside our 90-day return window, so it can no longer be refunded.`
    )
    return {
      label: 'refund_denied',
      result: { denial_reason: 'outside_window' },
      escalated: false,
      message: text,
      plan
    }
  }
  const kind = days < 30 ? 'refund' : 'store_credit'

  // 8. The amount (item prices only; shipping is not refunded).
  const cents =
    whole && refundable.length === lines.length
      ? toCents(order.subtotal)
      : refundable.reduce((sum, l) => sum + lineCents(l.item, l.qty), 0)
  const items = refundable.map((l) => ({ sku: l.item.sku, quantity: l.qty }))

  // 9. The auto-approval limit.
  if (cents > AUTO_LIMIT_CENTS) {
    return escalate(
      'policy_limit',
      `${kind === 'refund' ? 'Refund' : 'Store credit'} of ${money(cents)} is above the ${money(AUTO_LIMIT_CENTS)} limit`,
      'escalated',
      'Thanks for your patience. Because of the amount, a member of our team will review your request and follow up on this ticket.',
      { requested_amount: fromCents(cents), currency: CURRENCY }
    )
  }

  // 10. Propose the money movement; a human approves it.
  if (kind === 'refund') {
    const args = {
      order_id: orderId,
      amount: fromCents(cents),
      currency: CURRENCY,
      items,
      reason: 'customer_request_within_30_days'
    }
    const approval = await propose(
      'issue_refund',
      args,
      `Refund ${money(cents)} for ${orderId} (delivered ${days} days ago)`
    )
    plan.push(`request_approval issue_refund ${money(cents)} -> ${approval.body?.status ?? approval.status}`)
    const text = await reply(
      `I have submitted a refund of ${money(cents)} for order ${orderId}. Once approved it takes 5-10 business days to reach your original payment method.`
    )
    return {
      label: 'refund_approved',
      result: { refund_amount: fromCents(cents), currency: CURRENCY, order_id: orderId },
      escalated: false,
      message: text,
      plan
    }
  }
  const args = {
    customer_id,
    order_id: orderId,
    amount: fromCents(cents),
    currency: CURRENCY,
    reason: 'customer_request_31_to_90_days'
  }
  const approval = await propose(
    'issue_store_credit',
    args,
    `Store credit ${money(cents)} for ${orderId} (delivered ${days} days ago)`
  )
  plan.push(`request_approval issue_store_credit ${money(cents)} -> ${approval.body?.status ?? approval.status}`)
  const text = `Order ${orderId} is past the 30-day refund window, so I have requested store credit of ${money(cents)} for your account.`
  // Email customers receive the credit voucher by mail from the credit service itself.
  if (channel !== 'email') await reply(text)
  return {
    label: 'store_credit_offered',
    result: { store_credit_amount: fromCents(cents), currency: CURRENCY, order_id: orderId },
    escalated: false,
    message: text,
    plan
  }
}

// ---------------------------------------------------------------------------------------

// The kill switch's answer: no tool called, nothing proposed, the ticket left to a human.
const DISABLED = {
  label: 'escalated',
  result: { reason: 'automation_disabled' },
  escalated: true,
  fallback: 'human',
  confidence: 1,
  message: '',
  plan: ['kill switch REFUND_AGENT_DISABLED=1: no tool calls, handed to a human']
}

/** One task: its answer, with its `task_id`. */
async function serve(task) {
  if (process.env.REFUND_AGENT_DISABLED === '1') return { task_id: task.task_id, ...DISABLED }
  // One task at a time: the per-task state starts afresh.
  toolsUrl = String(task.tools_url || process.env.EVALGATE_TOOLS_URL || '').replace(/\/+$/, '')
  if (!toolsUrl) {
    process.stderr.write('refund-agent: the task has no tools_url (run it through evalgate)\n')
    process.exit(2)
  }
  phase = ['draft', 'propose', 'autonomous'].includes(task.phase) ? task.phase : 'autonomous'
  drafted.length = 0
  const answer = await handle(task.input && typeof task.input === 'object' ? task.input : {})
  const confident = { task_id: task.task_id, confidence: CONFIDENT, ...answer }
  return phase === 'draft' ? { ...confident, actions: drafted } : confident
}

async function main() {
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    if (line.trim() === '') continue
    let task
    try {
      task = JSON.parse(line)
    } catch (e) {
      process.stderr.write(`refund-agent: stdin is not a JSON task: ${e.message}\n`)
      process.exit(2)
    }
    process.stdout.write(`${JSON.stringify(await serve(task))}\n`)
  }
}

main().catch((e) => {
  process.stderr.write(`refund-agent: ${e?.stack || e}\n`)
  process.exit(1)
})
