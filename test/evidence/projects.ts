// A project for the evidence pack tests: one workflow whose command agent quotes the customer's
// message (an e-mail address, a phone number and a card number) in its answer and tool calls.
// The manifest redacts only e-mail addresses, so the run's traces keep the phone and the card:
// the pack must redact them itself. T1: 4 tasks that pass; T2: 4 tasks, one answered wrong.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { writeProject } from '../helpers/project.js'

export const EMAIL = 'jane.doe@example.com'
export const PHONE = '(415) 555-0134'
export const CARD = '4111 1111 1111 1111'
/** What the run knew as secrets: the model key (OPENAI_API_KEY) and the judge's key (api_key_env). */
export const MODEL_KEY = 'sk-Qx7vWm2ZrT9pLk4NbY8cHd3F'
export const JUDGE_KEY = 'jk-Vb5nGt8RwQ2yXz6KmP4sLc7J'
export const SECRET_ENV = { OPENAI_API_KEY: MODEL_KEY, EVIDENCE_JUDGE_KEY: JUDGE_KEY }

const AGENT = `let raw = ''
process.stdin.on('data', (d) => (raw += d))
process.stdin.on('end', async () => {
  const task = JSON.parse(raw)
  const { order, message, answer, hang } = task.input
  if (hang) await new Promise((resolve) => setTimeout(resolve, 10000))
  await fetch(process.env.EVALGATE_TOOLS_URL + '/lookup_order', {
    method: 'POST',
    body: JSON.stringify({ order_id: order, note: message })
  }).then((r) => r.json())
  process.stdout.write(JSON.stringify({ label: answer, message: 'You wrote: ' + message }) + '\\n')
})
`

const MANIFEST = [
  'name: refunds',
  'description: Answers refund requests.',
  'inputs: { sources: [email], required: [message] }',
  'outcomes: { success: The right label., failure: A wrong label. }',
  'out_of_scope: [Chargebacks]',
  'permissions:',
  '  lookup_order: { scope: read, risk: low }',
  '  issue_refund: { scope: write, risk: high, approval: required, scopes: [payments:refund], limits: { amount: { max: 200 } } }',
  'identity: { model: delegated_service, principal: svc-refunds }',
  'data_governance:',
  '  model_provider: openai',
  '  region: eu',
  '  retention_days: 14',
  '  sent_to_model: [the ticket message]',
  '  redact: [email]',
  'judge: { model: gpt-4.1-mini, api_key_env: EVIDENCE_JUDGE_KEY }',
  'agent:',
  '  type: command',
  `  command: ["${process.execPath}", "agent.mjs"]`,
  ''
].join('\n')

function tasks(tier: string, count: number, options: { wrong?: number; hang?: number } = {}): string {
  return Array.from({ length: count }, (_, i) => {
    const message = `Refund order O-${i} please. Reach me at ${EMAIL} or ${PHONE}; card ${CARD}. MARKER`
    const answer = i < (options.wrong ?? 0) ? 'wrong' : 'ok'
    const hang = i < (options.hang ?? 0) ? ', hang: true' : ''
    return [
      `- id: ${tier.toLowerCase()}-${i}`,
      `  tier: ${tier}`,
      `  risk: ${['low', 'medium', 'high'][i % 3]}`,
      `  input: { message: "${message}", order: O-${i}, answer: ${answer}${hang} }`,
      '  fixtures: { lookup_order: { status: delivered } }',
      '  expected: { label: ok }'
    ].join('\n')
  }).join('\n')
}

/** `hang`: T2 tasks that outlive task_timeout_s (errored: over max_error_rate the decision is error). */
export function evidenceProject(options: { hang?: number } = {}): string {
  return writeProject({
    'thresholds.yml': 'tiers:\n  T1: 0.9\n  T2: 0.7\nbudgets:\n  task_timeout_s: 4\n  max_error_rate: 0.05\n',
    'golden-tasks/refunds/workflow.yml': MANIFEST,
    'golden-tasks/refunds/agent.mjs': AGENT,
    'golden-tasks/refunds/tasks/t1.yaml': tasks('T1', 4) + '\n',
    'golden-tasks/refunds/tasks/t2.yaml': tasks('T2', 4, { wrong: 1, hang: options.hang }) + '\n'
  })
}

/** The items of the pack, in the order the index lists them: title and page. */
export const ITEMS: [title: string, page: string][] = [
  ['Workflow manifest', 'manifest'],
  ['Permission matrix', 'permissions'],
  ['Data governance', 'data-governance'],
  ['Eval report', 'eval-report'],
  ['Trace sample', 'trace-sample'],
  ['Incident runbook', 'runbook'],
  ['Readiness checklist', 'readiness']
]

/** Every page of the pack: the index, then the items. */
export const PAGES = ['index', ...ITEMS.map(([, page]) => page)]

/** Every file of the pack, by name. */
export function packFiles(dir: string): Record<string, string> {
  return Object.fromEntries(readdirSync(dir).map((name) => [name, readFileSync(join(dir, name), 'utf8')]))
}

/** Every substring of `secret` of `length` characters. */
export function pieces(secret: string, length = 8): string[] {
  return Array.from({ length: secret.length - length + 1 }, (_, i) => secret.slice(i, i + length))
}

/** What of the secrets and the PII a text still holds, as `what in where` lines. */
export function leaks(files: Record<string, string>): string[] {
  const cardDigits = CARD.replace(/ /g, '')
  return Object.entries(files).flatMap(([name, text]) =>
    [
      ...[MODEL_KEY, JUDGE_KEY].flatMap((secret) => pieces(secret).filter((p) => text.includes(p))),
      ...[EMAIL, PHONE, CARD, cardDigits, '555-0134'].filter((pii) => text.includes(pii))
    ].map((found) => `${found} in ${name}`)
  )
}
