// The dependency directions of /src (README, Development): each folder imports only the folders on
// its line, nothing imports test/, and no files import each other in a circle. `npm run deps`.
/** Everything the pipeline (run) may use; the edges (cli, action) sit on top of it. */
const belowRun = [
  'readiness',
  'base',
  'load',
  'agents',
  'backend',
  'llm',
  'sandbox',
  'grade',
  'gate',
  'report',
  'html',
  'scorecard',
  'evidence',
  'otel',
  'redact',
  'model',
  'util'
]
/** @type {Record<string, string[]>} folder -> the folders it may import (besides itself) */
const allowed = {
  cli: ['run', ...belowRun],
  action: ['github', 'run', ...belowRun],
  run: belowRun,
  github: ['http', 'model', 'util'],
  readiness: ['load', 'agents', 'llm', 'gate', 'model', 'util'],
  base: ['load', 'agents', 'llm', 'grade', 'gate', 'redact', 'model', 'util'],
  load: ['agents', 'grade', 'redact', 'model', 'util'],
  agents: ['llm', 'http', 'sandbox', 'redact', 'model', 'util'],
  backend: ['agents', 'http', 'model', 'util'],
  llm: ['http', 'redact', 'model', 'util'],
  sandbox: ['redact', 'model', 'util'],
  scorecard: ['report', 'html', 'gate', 'model', 'util'],
  evidence: ['report', 'html', 'gate', 'redact', 'model', 'util'],
  report: ['html', 'gate', 'grade', 'model', 'util'],
  html: ['gate', 'model', 'util'],
  grade: ['model', 'util'],
  gate: ['model', 'util'],
  otel: ['model', 'util'],
  redact: ['model', 'util'],
  model: ['util'],
  http: ['util'],
  util: []
}

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    ...Object.entries(allowed).map(([folder, targets]) => ({
      name: `${folder}-imports`,
      severity: 'error',
      comment: `src/${folder} may import only: ${targets.join(', ') || 'nothing outside itself'}`,
      from: { path: `^src/${folder}/` },
      to: { path: `^src/(?!(${[folder, ...targets].join('|')})/)` }
    })),
    {
      name: 'src-outside-folders',
      severity: 'error',
      comment: 'every file of src/ lives in one of the folders above, so that a rule covers it',
      from: { path: `^src/(?!(${Object.keys(allowed).join('|')})/)` },
      to: {}
    },
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'no files that import each other, directly or through others',
      from: {},
      to: { circular: true }
    },
    {
      name: 'no-test-from-src',
      severity: 'error',
      comment: 'src/ never imports test code',
      from: { path: '^src/' },
      to: { path: '^test/' }
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'an import the check cannot resolve would be an edge it cannot judge',
      from: {},
      to: { couldNotResolve: true }
    }
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Type-only imports are dependencies too.
    tsPreCompilationDeps: true,
    // Resolve as tsc does: `./x.js` specifiers name `./x.ts` (NodeNext).
    tsConfig: { fileName: 'tsconfig.json' }
  }
}
