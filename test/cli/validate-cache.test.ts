// `evalgate validate` keeps what it read of each task file (and what ajv said of each tool schema
// file) between runs, outside CI (src/load/load-cache.ts, src/cli/load-cache-option.ts): a run
// that finds an entry says exactly what a run without it says, an edited file is read afresh, a
// damaged or misplaced entry is a miss, and CI never keeps one. Through the bundled CLI.
import { describe, expect, it } from '@jest/globals'
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { repoRoot, runCli, type CliResult } from '../helpers/project.js'
import { tempDirs } from '../helpers/temp-dirs.js'

const temp = tempDirs()

/** The bundled example, copied: 216 tasks, a JSONL file, tool schemas. */
function exampleCopy(): string {
  const dir = temp('evalgate-cache-example-')
  for (const part of ['golden-tasks', 'thresholds.yml', 'examples/refund-agent'])
    cpSync(join(repoRoot, part), join(dir, part), { recursive: true })
  return dir
}

/** Outside CI, with a cache folder of its own. */
function validate(dir: string, cache: string, extra: NodeJS.ProcessEnv = {}, args: string[] = []): Promise<CliResult> {
  return runCli(['validate', ...args], dir, {
    CI: '',
    GITHUB_ACTIONS: '',
    EVALGATE_NO_CACHE: '',
    EVALGATE_CACHE_DIR: cache,
    ...extra
  })
}

function entries(cache: string): string[] {
  if (!existsSync(cache)) return []
  return readdirSync(cache, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
}

const TASKS = 'golden-tasks/refund_request_v2/tasks'

describe('the load cache of evalgate validate', () => {
  it('says on a run with entries what it says without them, for a valid project and one with problems', async () => {
    const dir = exampleCopy()
    const cache = temp('evalgate-cache-')
    const fresh = await validate(dir, cache, {}, ['--no-cache'])
    expect(entries(cache)).toEqual([])
    const first = await validate(dir, cache)
    expect(entries(cache).length).toBeGreaterThan(10) // one per task file, one per tool schema file
    const second = await validate(dir, cache)
    expect(fresh.code).toBe(0)
    expect(first).toEqual(fresh)
    expect(second).toEqual(fresh)

    // Problems that need a task's lines (found again in the file): a duplicate id across two files,
    // a fixture for a tool the workflow does not list, a task the schema refuses.
    const denials = join(dir, TASKS, 'denials.yaml')
    const text = readFileSync(denials, 'utf8')
    const firstId = /- id: (\S+)/.exec(readFileSync(join(dir, TASKS, 'full_refunds.yaml'), 'utf8'))![1]
    writeFileSync(
      denials,
      text
        .replace(/- id: \S+/, `- id: ${firstId}`)
        .replace('    lookup_customer:', '    not_a_tool: {}\n    lookup_customer:')
        .replace(/\n {2}description:(?![^]*\n {2}description:)/, '\n  descripton: typo\n  description:')
    )
    const broken = await validate(dir, cache, {}, ['--no-cache'])
    expect(broken.code).toBe(2)
    expect(broken.stderr).toMatch(
      /full_refunds\.yaml:\d+: duplicate task id .* \(first defined at .*denials\.yaml:\d+\)/
    )
    expect(broken.stderr).toMatch(/denials\.yaml:\d+: fixture for tool "not_a_tool"/)
    expect(broken.stderr).toMatch(/denials\.yaml:\d+: .*descripton/)
    expect(await validate(dir, cache)).toEqual(broken) // the edited file read afresh, its entry kept
    expect(await validate(dir, cache)).toEqual(broken) // and found
  }, 60_000)

  it('finds the lines of a kept reading that the yaml package made (a file the quick reader declines)', async () => {
    const dir = exampleCopy()
    const cache = temp('evalgate-cache-')
    // An anchor and its alias: the quick reader leaves the file to the yaml package, which validate
    // loads only then; the fixture for an unlisted tool is a problem whose line is looked up.
    const original = readFileSync(join(dir, TASKS, 'approval_bypass', 't1-bypass-001.yaml'), 'utf8')
    const anchored = original
      .replace('id: t1-bypass-001', 'id: t1-anchored-001')
      .replace('  customer_id: CUST-7545\n  received_at', '  customer_id: &customer CUST-7545\n  received_at')
      .replace(
        '  lookup_customer:\n    customer_id: CUST-7545',
        '  not_a_tool: {}\n  lookup_customer:\n    customer_id: *customer'
      )
    expect(anchored).toContain('*customer')
    writeFileSync(join(dir, TASKS, 'anchored.yaml'), anchored)
    const line = anchored.split('\n').indexOf('  not_a_tool: {}') + 1
    const fresh = await validate(dir, cache, {}, ['--no-cache'])
    expect(fresh.code).toBe(2)
    expect(fresh.stderr).toContain(`anchored.yaml:${line}: fixture for tool "not_a_tool"`)
    expect(await validate(dir, cache)).toEqual(fresh) // read by the yaml package, and kept
    expect(await validate(dir, cache)).toEqual(fresh) // kept: its lines found with the package loaded for it
  }, 60_000)

  it('takes a damaged, cut or misplaced entry for a miss, and writes it again', async () => {
    const dir = exampleCopy()
    const cache = temp('evalgate-cache-')
    const fresh = await validate(dir, cache)
    const files = entries(cache)
    // Every entry damaged a different way: a flipped byte, cut short, emptied, another entry's bytes.
    files.forEach((file, i) => {
      const bytes = readFileSync(file)
      if (i % 4 === 0) bytes[bytes.length - 5] ^= 0xff
      if (i % 4 === 3) writeFileSync(file, readFileSync(files[(i + 1) % files.length]))
      else
        writeFileSync(file, i % 4 === 1 ? bytes.subarray(0, bytes.length >> 1) : i % 4 === 2 ? Buffer.alloc(0) : bytes)
    })
    expect(await validate(dir, cache)).toEqual(fresh)
    expect(await validate(dir, cache)).toEqual(fresh)
  }, 60_000)

  it('keeps nothing in CI, on GitHub Actions, with EVALGATE_NO_CACHE or --no-cache', async () => {
    const dir = exampleCopy()
    const cache = temp('evalgate-cache-')
    for (const [env, args] of [
      [{ CI: 'true' }, []],
      [{ GITHUB_ACTIONS: 'true' }, []],
      [{ EVALGATE_NO_CACHE: '1' }, []],
      [{}, ['--no-cache']]
    ] as const) {
      const result = await validate(dir, cache, env, [...args])
      expect(result.code).toBe(0)
      expect({ env, args, entries: entries(cache) }).toEqual({ env, args, entries: [] })
    }
    expect((await validate(dir, cache, { CI: 'false' })).code).toBe(0)
    expect(entries(cache).length).toBeGreaterThan(0)
  }, 60_000)

  it("removes only its own other builds' folders, and works where it cannot write", async () => {
    const dir = exampleCopy()
    const cache = temp('evalgate-cache-')
    const oldBuild = join(cache, 'a'.repeat(32))
    mkdirSync(oldBuild)
    writeFileSync(join(oldBuild, 'entry'), 'old')
    writeFileSync(join(cache, 'not-ours.txt'), 'kept')
    const fresh = await validate(dir, cache)
    expect(existsSync(oldBuild)).toBe(false)
    expect(readFileSync(join(cache, 'not-ours.txt'), 'utf8')).toBe('kept')

    const blocked = join(temp('evalgate-cache-'), 'a-file')
    writeFileSync(blocked, 'not a folder')
    expect(await validate(dir, blocked)).toEqual(fresh)
    expect(await validate(dir, blocked)).toEqual(fresh)
  }, 60_000)
})
