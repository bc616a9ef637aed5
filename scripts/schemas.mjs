// Writes the JSON Schemas of workflow.yml, task files and thresholds.yml into schemas/ from the
// zod schemas that validate them (src/load/json-schemas.ts). `npm run schemas`; the test
// test/load/json-schemas.test.ts fails when a committed schema is not what this writes.
import { build } from 'esbuild'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'

const root = fileURLToPath(new URL('..', import.meta.url))
const { values } = parseArgs({ options: { out: { type: 'string', default: join(root, 'schemas') } } })
const temp = mkdtempSync(join(tmpdir(), 'evalgate-schemas-'))
try {
  const outfile = join(temp, 'json-schemas.mjs')
  await build({
    entryPoints: [join(root, 'src/load/json-schemas.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    // Bundled CommonJS (undici) requires Node built-ins: give the ESM bundle a require.
    banner: {
      js: "import { createRequire as __evalgateCreateRequire } from 'node:module'; const require = __evalgateCreateRequire(import.meta.url);"
    },
    logLevel: 'warning'
  })
  const { renderedSchemas } = await import(pathToFileURL(outfile).href)
  mkdirSync(values.out, { recursive: true })
  for (const { file, text } of renderedSchemas()) {
    const path = join(values.out, file)
    writeFileSync(path, text)
    process.stdout.write(`wrote ${relative(process.cwd(), path)}\n`)
  }
} finally {
  rmSync(temp, { recursive: true, force: true })
}
