// Bundles the action (dist/index.js) and the CLI (dist/cli.js) into dist/, with what only some
// commands need (the model SDK, the HTML writer, the GitHub client, OpenTelemetry) split into
// chunks (dist/chunks/) that they import when they run. Chunk names are hashes of their content,
// so rebuilding unchanged sources writes the same files.
// `node scripts/bundle.mjs --out DIR` writes elsewhere (the stale-dist test uses it); `--metafile
// FILE` also writes esbuild's record of what each bundle imports (the package test reads it).
import { build } from 'esbuild'
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { parseArgs } from 'node:util'

const { values } = parseArgs({
  options: { out: { type: 'string', default: 'dist' }, metafile: { type: 'string' } }
})
const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'))
// What the bundle is built from (src/util/build-id.ts): what the load cache of the CLI keys its entries by.
const buildDigest = createHash('sha256')
for (const file of [
  'package-lock.json',
  'scripts/bundle.mjs',
  ...readdirSync('src', { recursive: true })
    .map((name) => `src/${name.replaceAll('\\', '/')}`)
    .filter((name) => name.endsWith('.ts'))
    .sort()
])
  buildDigest.update(`${file}\0`).update(readFileSync(file)).update('\0')
const banner = {
  js: "import { createRequire as __evalgateCreateRequire } from 'node:module'; const require = __evalgateCreateRequire(import.meta.url);"
}
// yaml's parser reads process.env.LOG_TOKENS and its composer process.env.LOG_STREAM (debugging
// switches) once per token: 100,000 reads of the environment, each a getenv, to validate the example.
const yamlLogSwitches = {
  name: 'yaml-log-switches',
  setup(build) {
    build.onLoad(
      { filter: /[\\/]node_modules[\\/]yaml[\\/]dist[\\/](parse[\\/]parser|compose[\\/]composer)\.js$/ },
      (args) => {
        const source = readFileSync(args.path, 'utf8')
        const contents = source.replace(/\bnode_process\.env\.LOG_(TOKENS|STREAM)\b/g, 'false')
        if (contents === source) throw new Error(`${args.path}: no LOG_TOKENS/LOG_STREAM read left to remove`)
        return { contents, loader: 'js' }
      }
    )
  }
}
// `import { z } from 'zod'` keeps the whole namespace, `z.locales` with it: the messages of 50
// languages, a quarter of what validate loads. evalgate speaks English (zod's default, imported apart).
const zodWithoutLocales = {
  name: 'zod-without-locales',
  setup(build) {
    build.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]zod[\\/]v4[\\/](classic[\\/]external|core[\\/]index)\.js$/.test(args.importer)
        ? { path: 'zod-locales', namespace: 'zod-without-locales' }
        : undefined
    )
    build.onLoad({ filter: /.*/, namespace: 'zod-without-locales' }, () => ({ contents: 'export {}', loader: 'js' }))
  }
}
// Chunks of an earlier build would stay behind otherwise.
rmSync(`${values.out}/chunks`, { recursive: true, force: true })
const result = await build({
  entryPoints: { index: 'src/action/index.ts', cli: 'src/cli/index.ts' },
  outdir: values.out,
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  banner,
  // `evalgate --version` (src/cli/version.ts) is package.json's version.
  define: {
    __EVALGATE_VERSION__: JSON.stringify(version),
    __EVALGATE_BUILD__: JSON.stringify(buildDigest.digest('hex'))
  },
  legalComments: 'none',
  // ESM builds first where a package has one (@opentelemetry): they tree-shake, CommonJS does not.
  mainFields: ['module', 'main'],
  logLevel: 'warning',
  plugins: [yamlLogSwitches, zodWithoutLocales],
  metafile: values.metafile !== undefined
})
if (values.metafile !== undefined) writeFileSync(values.metafile, JSON.stringify({ dist: result.metafile }))
