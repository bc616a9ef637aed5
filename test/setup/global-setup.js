// Jest global setup: installs the Chromium the report.html browser tests need, once per
// machine (scripts/ensure-chromium.sh). When it cannot, the other suites still run and the
// browser tests fail with the script's message (test/html/browser.ts).
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const script = fileURLToPath(new URL('../../scripts/ensure-chromium.sh', import.meta.url))

export default function ensureChromium() {
  const result = spawnSync('bash', [script, '--quiet'], { stdio: ['ignore', 'inherit', 'pipe'], encoding: 'utf8' })
  const problem = result.error?.message ?? (result.status !== 0 ? result.stderr.trim() : '')
  process.env.EVALGATE_CHROMIUM_PROBLEM = problem
  if (problem) process.stderr.write(`\n${problem}\nThe report.html browser tests will fail.\n`)
}
