// Bundles the action (dist/index.js) and the CLI (dist/cli.js), each one self-contained file.
// `node scripts/bundle.mjs --out DIR` writes elsewhere (the stale-dist test uses it); `--metafile
// FILE` also writes esbuild's record of what each bundle imports (the package test reads it).
import { build } from 'esbuild'
import { readFileSync, writeFileSync } from 'node:fs'
import { parseArgs } from 'node:util'

const { values } = parseArgs({
  options: { out: { type: 'string', default: 'dist' }, metafile: { type: 'string' } }
})
const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'))
const banner = {
  js: "import { createRequire as __evalgateCreateRequire } from 'node:module'; const require = __evalgateCreateRequire(import.meta.url);"
}
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  banner,
  // `evalgate --version` (src/cli/version.ts) is package.json's version.
  define: { __EVALGATE_VERSION__: JSON.stringify(version) },
  legalComments: 'none',
  // ESM builds first where a package has one (@opentelemetry): they tree-shake, CommonJS does not.
  mainFields: ['module', 'main'],
  logLevel: 'warning',
  metafile: values.metafile !== undefined
}
const action = await build({ ...common, entryPoints: ['src/action/index.ts'], outfile: `${values.out}/index.js` })
const cli = await build({ ...common, entryPoints: ['src/cli/index.ts'], outfile: `${values.out}/cli.js` })
if (values.metafile !== undefined)
  writeFileSync(values.metafile, JSON.stringify({ 'index.js': action.metafile, 'cli.js': cli.metafile }))
