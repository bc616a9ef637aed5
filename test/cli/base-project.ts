// The project of the --base-ref tests: one workflow `wf` with a command agent that answers
// `input.answer`; golden tasks expect `ok`, so a task with `answer: wrong` fails.

const agent = `let raw = ''
process.stdin.on('data', (d) => (raw += d))
process.stdin.on('end', () => {
  const task = JSON.parse(raw)
  process.stdout.write(JSON.stringify({ label: task.input.answer }) + '\\n')
})
`

export interface TaskSpec {
  id: string
  tier?: string
  answer?: 'ok' | 'wrong'
  expected?: string
}

export function taskYaml(tasks: TaskSpec[]): string {
  return (
    tasks
      .map((t) =>
        [
          `- id: ${t.id}`,
          `  tier: ${t.tier ?? 'T1'}`,
          '  risk: low',
          `  input: { msg: "${t.id}", answer: ${t.answer ?? 'ok'} }`,
          `  expected: { label: ${t.expected ?? 'ok'} }`
        ].join('\n')
      )
      .join('\n') + '\n'
  )
}

/** `count` tasks of a tier, of which the first `wrong` fail. */
export function tierTasks(tier: string, count: number, wrong: number): TaskSpec[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `${tier.toLowerCase()}-${i}`,
    tier,
    answer: i < wrong ? ('wrong' as const) : ('ok' as const)
  }))
}

export function manifest(name = 'wf', extra: string[] = []): string {
  return [
    `name: ${name}`,
    'inputs: { required: [msg] }',
    'permissions:',
    '  lookup_order: { scope: read, risk: low }',
    ...extra,
    'agent:',
    '  type: command',
    `  command: [${JSON.stringify(process.execPath)}, "../../agent/agent.mjs"]`,
    ''
  ].join('\n')
}

export const THRESHOLDS = 'tiers:\n  T1: 0.9\n  T2: 0.8\n'

/** T1 at 80% (fails 90%) unless `t1Wrong` says otherwise; T2 at 90% (passes 80%). */
export function baseFiles(opts: { t1Wrong?: number; thresholds?: string } = {}): Record<string, string> {
  return {
    'README.md': '# app\n',
    'thresholds.yml': opts.thresholds ?? THRESHOLDS,
    'agent/agent.mjs': agent,
    'golden-tasks/wf/workflow.yml': manifest(),
    'golden-tasks/wf/tasks/t1.yaml': taskYaml(tierTasks('T1', 10, opts.t1Wrong ?? 2)),
    'golden-tasks/wf/tasks/t2.yaml': taskYaml(tierTasks('T2', 10, 1))
  }
}
