// The editor schemas in schemas/ (issue 12 item 4): what `npm run schemas` writes from the zod
// schemas, as strict as validate, and the schema of every example file the repository ships.
import { describe, expect, it } from '@jest/globals'
import { Ajv, type ValidateFunction } from 'ajv'
import { existsSync, mkdtempSync, readFileSync, writeFileSync, cpSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, relative, resolve } from 'node:path'
import { parseAllDocuments } from 'yaml'
import { findManifests, findTaskFiles } from '../../src/load/discover.js'
import { findIncidentsFile } from '../../src/load/incidents.js'
import { renderedSchemas } from '../../src/load/json-schemas.js'
import { manifestFiles } from '../../src/load/manifest-files.js'
import { incidentsFileSchema } from '../../src/model/incident.js'
import { taskSchema } from '../../src/load/task-schema.js'
import { thresholdsSchema } from '../../src/load/thresholds-schema.js'
import { workflowSchema } from '../../src/load/workflow-schema.js'
import { repoRoot, runNode } from '../helpers/project.js'

const SCHEMAS = join(repoRoot, 'schemas')
const MODELINE = /^# yaml-language-server: \$schema=(\S+)\n/

/** The committed schema files in `dir` that are not what `npm run schemas` writes, each with what to do. */
function staleSchemas(dir: string): string[] {
  return renderedSchemas().flatMap(({ file, text }) => {
    const path = join(dir, file)
    if (!existsSync(path)) return [`${relative(repoRoot, path)} is missing: run \`npm run schemas\``]
    if (readFileSync(path, 'utf8') === text) return []
    return [`${relative(repoRoot, path)} is out of date with the zod schemas: run \`npm run schemas\``]
  })
}

const ajv = new Ajv({ allErrors: true, strict: true })
const validators = new Map<string, ValidateFunction>()
function validatorOf(file: string): ValidateFunction {
  let validate = validators.get(file)
  if (!validate) {
    validate = ajv.compile(JSON.parse(readFileSync(join(SCHEMAS, file), 'utf8')))
    validators.set(file, validate)
  }
  return validate
}

function errorsOf(schemaFile: string, value: unknown): string[] {
  const validate = validatorOf(schemaFile)
  if (validate(value)) return []
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`)
}

function yamlValues(text: string): unknown[] {
  return parseAllDocuments(text).map((doc) => doc.toJS())
}

/** Every example file of the repository, with the schema file it must follow. */
async function exampleFiles(): Promise<{ file: string; schema: string }[]> {
  const files = [{ file: join(repoRoot, 'thresholds.yml'), schema: 'thresholds.schema.json' }]
  for (const folder of ['golden-tasks', 'examples']) {
    const { manifests } = await findManifests(join(repoRoot, folder))
    for (const manifest of manifests) {
      files.push({ file: manifest, schema: 'workflow.schema.json' })
      const dir = dirname(manifest)
      const named = manifestFiles(yamlValues(readFileSync(manifest, 'utf8'))[0]).map((f) => resolve(dir, f))
      const incidents = await findIncidentsFile(dir)
      if (incidents) files.push({ file: incidents, schema: 'incidents.schema.json' })
      const notTasks = new Set([manifest, ...named, ...(incidents ? [incidents] : [])])
      const { files: taskFiles } = await findTaskFiles(dir, notTasks, repoRoot)
      for (const file of taskFiles) files.push({ file, schema: 'task.schema.json' })
    }
  }
  return files
}

describe('schemas/', () => {
  it('holds what `npm run schemas` writes from the zod schemas', () => {
    expect(staleSchemas(SCHEMAS)).toEqual([])
  })

  it('a stale or missing schema file is named, with the command that fixes it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'evalgate-schemas-'))
    cpSync(SCHEMAS, dir, { recursive: true })
    const workflow = join(dir, 'workflow.schema.json')
    writeFileSync(workflow, readFileSync(workflow, 'utf8').replace('"permissions"', '"permission"'))
    writeFileSync(join(dir, 'thresholds.schema.json'), '{}\n')
    const stale = staleSchemas(dir)
    expect(stale).toHaveLength(2)
    expect(stale[0]).toMatch(/workflow\.schema\.json is out of date with the zod schemas: run `npm run schemas`$/)
    expect(stale[1]).toMatch(/thresholds\.schema\.json is out of date/)
    const gone = mkdtempSync(join(tmpdir(), 'evalgate-schemas-'))
    expect(staleSchemas(gone)).toHaveLength(renderedSchemas().length)
    expect(staleSchemas(gone)[1]).toMatch(/task\.schema\.json is missing: run `npm run schemas`$/)
  })

  it('npm run schemas writes them (node scripts/schemas.mjs --out DIR)', async () => {
    const out = mkdtempSync(join(tmpdir(), 'evalgate-schemas-'))
    const res = await runNode([join(repoRoot, 'scripts/schemas.mjs'), '--out', out], out, process.env)
    expect(res.stderr).toBe('')
    expect(res.code).toBe(0)
    expect(staleSchemas(out)).toEqual([])
  })

  it('are draft-07 schemas that ajv compiles in strict mode, with titles', () => {
    for (const { file } of renderedSchemas()) {
      const schema = JSON.parse(readFileSync(join(SCHEMAS, file), 'utf8'))
      expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#')
      expect(schema.title).toMatch(/^evalgate /)
      expect(() => validatorOf(file)).not.toThrow()
    }
  })
})

describe('the example files', () => {
  it('each follow their schema and name it on their first line', async () => {
    const files = await exampleFiles()
    expect(files.filter((f) => f.schema === 'task.schema.json').length).toBeGreaterThan(10)
    expect(files.filter((f) => f.schema === 'workflow.schema.json').length).toBeGreaterThanOrEqual(2)
    const problems: string[] = []
    for (const { file, schema } of files) {
      const text = readFileSync(file, 'utf8')
      const rel = relative(repoRoot, file)
      const jsonLines = file.endsWith('.jsonl')
      if (!jsonLines) {
        const modeline = MODELINE.exec(text)
        if (!modeline) problems.push(`${rel}: no "# yaml-language-server: $schema=" first line`)
        else if (resolve(dirname(file), modeline[1]) !== join(SCHEMAS, schema))
          problems.push(`${rel}: its modeline names ${modeline[1]}, not schemas/${schema}`)
      }
      const values = jsonLines
        ? text
            .split('\n')
            .filter((line) => line.trim() !== '')
            .map((line) => JSON.parse(line) as unknown)
        : yamlValues(text)
      for (const value of values) for (const e of errorsOf(schema, value)) problems.push(`${rel}: ${e}`)
    }
    expect(problems).toEqual([])
  })
})

// Each bad value is refused by validate (zod) and by the editor schema alike; each good one passed by both.
const workflow = {
  name: 'wf',
  permissions: { lookup: { scope: 'read', risk: 'low' } },
  agent: { type: 'command', command: ['node', 'agent.mjs'] }
}
const task = { id: 't1', tier: 'T1', risk: 'low', input: { q: 1 }, expected: { label: 'ok' } }
const incident = { id: 'INC-1', date: '2025-03-04', severity: 'sev2', summary: 'refunded a chargeback', tasks: ['t1'] }
const thresholds = { tiers: { T1: 0.9, T2: { min_success: 0.8, min_tasks: 10 } }, budgets: { max_retries: 2 } }

const cases: {
  name: string
  schema: string
  zod: { safeParse(v: unknown): { success: boolean } }
  value: unknown
  ok: boolean
}[] = [
  { name: 'a workflow', schema: 'workflow.schema.json', zod: workflowSchema, value: workflow, ok: true },
  {
    name: 'a workflow with x-* extension keys',
    schema: 'workflow.schema.json',
    zod: workflowSchema,
    value: { ...workflow, 'x-owner': 'team-a', agent: { ...workflow.agent, 'x-note': 1 } },
    ok: true
  },
  {
    name: 'a workflow with a misspelt key',
    schema: 'workflow.schema.json',
    zod: workflowSchema,
    value: { ...workflow, permisions: {} },
    ok: false
  },
  {
    name: 'a workflow with an unknown key in a permission',
    schema: 'workflow.schema.json',
    zod: workflowSchema,
    value: { ...workflow, permissions: { lookup: { scope: 'read', risk: 'low', aproval: 'none' } } },
    ok: false
  },
  {
    name: 'a workflow whose agent has a setting of another type',
    schema: 'workflow.schema.json',
    zod: workflowSchema,
    value: { ...workflow, agent: { ...workflow.agent, url: 'http://127.0.0.1:1' } },
    ok: false
  },
  {
    name: 'a workflow without an agent',
    schema: 'workflow.schema.json',
    zod: workflowSchema,
    value: { name: 'wf', permissions: {} },
    ok: false
  },
  { name: 'one task', schema: 'task.schema.json', zod: taskSchema, value: task, ok: true },
  { name: 'a task in tier T4', schema: 'task.schema.json', zod: taskSchema, value: { ...task, tier: 'T4' }, ok: false },
  {
    name: 'a task with an unknown expectation',
    schema: 'task.schema.json',
    zod: taskSchema,
    value: { ...task, expected: { lable: 'ok' } },
    ok: false
  },
  {
    name: 'a task without input',
    schema: 'task.schema.json',
    zod: taskSchema,
    value: { ...task, input: undefined },
    ok: false
  },
  { name: 'thresholds', schema: 'thresholds.schema.json', zod: thresholdsSchema, value: thresholds, ok: true },
  {
    name: 'thresholds with a rate over 1',
    schema: 'thresholds.schema.json',
    zod: thresholdsSchema,
    value: { tiers: { T1: 92 } },
    ok: false
  },
  {
    name: 'thresholds with a fractional retry count',
    schema: 'thresholds.schema.json',
    zod: thresholdsSchema,
    value: { budgets: { max_retries: 1.5 } },
    ok: false
  },
  {
    name: 'thresholds with a misspelt section',
    schema: 'thresholds.schema.json',
    zod: thresholdsSchema,
    value: { tier: { T1: 0.9 } },
    ok: false
  },
  { name: 'incidents', schema: 'incidents.schema.json', zod: incidentsFileSchema, value: [incident], ok: true },
  {
    name: 'an incident of an unknown severity',
    schema: 'incidents.schema.json',
    zod: incidentsFileSchema,
    value: [{ ...incident, severity: 'major' }],
    ok: false
  },
  {
    name: 'an incident dated 03/04/2025',
    schema: 'incidents.schema.json',
    zod: incidentsFileSchema,
    value: [{ ...incident, date: '03/04/2025' }],
    ok: false
  },
  {
    name: 'an incident with a misspelt key',
    schema: 'incidents.schema.json',
    zod: incidentsFileSchema,
    value: [{ ...incident, task: ['t1'] }],
    ok: false
  }
]

describe('the schemas are as strict as validate', () => {
  it.each(cases)('$name', ({ schema, zod, value, ok }) => {
    const json = JSON.parse(JSON.stringify(value)) as unknown
    expect(zod.safeParse(json).success).toBe(ok)
    expect(errorsOf(schema, json).length === 0).toBe(ok)
  })

  it('a list of tasks is a task file too; a list with one bad task is not', () => {
    expect(errorsOf('task.schema.json', [task, { ...task, id: 't2' }])).toEqual([])
    expect(errorsOf('task.schema.json', [task, { ...task, risk: 'severe' }])).not.toEqual([])
  })
})
