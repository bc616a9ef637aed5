// Bundles the action (dist/index.js) and the CLI (dist/cli.js), each one self-contained file.
// `node scripts/bundle.mjs --out DIR` writes elsewhere (the stale-dist test uses it).
import { build } from 'esbuild'
import { parseArgs } from 'node:util'

const { values } = parseArgs({ options: { out: { type: 'string', default: 'dist' } } })
const banner = {
  js: "import { createRequire as __evalgateCreateRequire } from 'node:module'; const require = __evalgateCreateRequire(import.meta.url);"
}
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  banner,
  legalComments: 'none',
  // ESM builds first where a package has one (@opentelemetry): they tree-shake, CommonJS does not.
  mainFields: ['module', 'main'],
  logLevel: 'warning'
}
await build({ ...common, entryPoints: ['src/action/index.ts'], outfile: `${values.out}/index.js` })
await build({ ...common, entryPoints: ['src/cli/index.ts'], outfile: `${values.out}/cli.js` })
