// A priced openai agent for the cost and margin tests (issue 14 item 5): its model answers from a
// local OpenAI-compatible server (test/helpers/fake-openai.ts) and thresholds.yml prices it.
import { answerReply, toolCallsReply, type ReceivedRequest, type Reply } from './fake-openai.js'

/** Each task: a tool call, then the answer; 100 tokens in and 20 out per call (the fake's usage). */
export function script(request: ReceivedRequest): Reply {
  const messages = request.body.messages
  const input = JSON.parse(messages[1].content)
  const toolResults = messages.filter((m: { role: string }) => m.role === 'tool').length
  if (toolResults === 0) return toolCallsReply([{ name: 'lookup_order', args: { order_id: input.order } }])
  return answerReply({ label: input.answer, escalated: false })
}

// At $1,000 per million tokens each way, a call costs (100 + 20) / 1,000 = $0.12 and a task $0.24.
// Two of the three tasks pass: $0.72 / 2 = $0.36 per success; at a value of $1, margin 64%.
export const PRICE = '{ input_per_mtok: 1000, output_per_mtok: 1000 }'

export function thresholds(rules: string, price = PRICE): string {
  return [
    'tiers: { T1: 0.5 }',
    // No retries (a scripted failure is final), unless the rules set budgets themselves.
    ...(/^budgets:/m.test(rules) ? [] : ['budgets: { max_retries: 0 }']),
    ...(price ? [`pricing: { shop-model: ${price} }`] : []),
    rules,
    ''
  ].join('\n')
}

export function pricedProject(baseUrl: string, rules: string, price?: string): Record<string, string> {
  return {
    'thresholds.yml': thresholds(rules, price),
    'golden-tasks/wf/workflow.yml': [
      'name: wf',
      'permissions:',
      '  lookup_order: { scope: read, risk: low }',
      'agent:',
      '  type: openai',
      '  model: shop-model',
      '  prompt: prompt.md',
      '  tools: tools.json',
      `  base_url: ${baseUrl}`,
      ''
    ].join('\n'),
    'golden-tasks/wf/prompt.md': 'You handle refunds.',
    'golden-tasks/wf/tools.json': JSON.stringify([
      { type: 'function', function: { name: 'lookup_order', parameters: { type: 'object' } } }
    ]),
    'golden-tasks/wf/tasks.yaml': [
      '- { id: a, tier: T1, risk: low, input: { order: O-1, answer: ok }, fixtures: { lookup_order: { ok: true } }, expected: { label: ok } }',
      '- { id: b, tier: T1, risk: low, input: { order: O-2, answer: no }, fixtures: { lookup_order: { ok: true } }, expected: { label: ok } }',
      '- { id: c, tier: T1, risk: low, input: { order: O-3, answer: ok }, fixtures: { lookup_order: { ok: true } }, expected: { label: ok } }',
      ''
    ].join('\n')
  }
}

/** A margin of 70% and a cost limit of $0.30 for wf: the project's $0.36 per success fails both. */
export const STRICT = [
  'economics: { value_per_success_usd: 1, min_gross_margin: 0.7 }',
  'workflows: { wf: { budgets: { max_cost_per_success_usd: 0.3 } } }'
].join('\n')
