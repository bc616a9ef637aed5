// Loads a tool schema file (JSON or YAML): OpenAI's `[{type:'function', function:{...}}]`
// or the bare `[{name, description, parameters}]`.
import type { ToolPermission, ToolSchema } from '../model/types.js'
import { issueProblems } from './issues.js'
import type { Located } from './located.js'
import type { Problem } from '../util/problems.js'
import { readDataFile } from './read-data-file.js'
import { isPlainMap } from '../model/schema-common.js'
import { openaiToolSchema, plainToolSchema } from './workflow-schema.js'
import { REQUEST_APPROVAL } from '../model/approval-tool.js'
import { append } from '../util/append.js'
import { compiledSchema, jsonSchemaLoading } from '../util/json-schema.js'
import { compilesSurely } from '../util/plain-json-schema.js'
import type { LoadCache } from './load-cache.js'
import { problemList } from './problem-list.js'

export async function loadToolSchemas(
  absPath: string,
  file: string,
  permissions: Record<string, ToolPermission>,
  cache?: LoadCache
): Promise<{ schemas: ToolSchema[]; problems: Problem[]; sha256?: string }> {
  const { values, problems, sha256 } = await readDataFile(absPath, file)
  const digest = sha256 ? { sha256 } : {}
  const schemas: ToolSchema[] = []
  const list = values[0]
  if (values.length > 1)
    problems.push({
      file,
      line: values[1].line,
      message: 'a tool schema file holds one list of tools',
      severity: 'error'
    })
  if (!list) return { schemas, problems, ...digest }
  if (!Array.isArray(list.value)) {
    problems.push({ file, line: list.line, message: 'a tool schema file must hold a list of tools', severity: 'error' })
    return { schemas, problems, ...digest }
  }
  const withParameters: { schema: ToolSchema; entry: Located }[] = []
  for (const entry of list.elements()) {
    const schema = parseToolSchema(entry, file, problems)
    if (!schema) continue
    schemas.push(schema)
    if (schema.parameters) withParameters.push({ schema, entry })
    if (!(schema.name in permissions) && schema.name !== REQUEST_APPROVAL) {
      problems.push({
        file,
        line: entry.line,
        message: `tool schema for "${schema.name}", which the workflow's permissions do not list (the agent may not call it)`,
        severity: 'warning'
      })
    }
  }
  append(problems, await compileProblems(withParameters, file, sha256, cache))
  return { schemas, problems, ...digest }
}

/** What ajv says of the file's schemas; with a load cache, said once for the file's bytes (ajv is not even loaded then). */
async function compileProblems(
  tools: { schema: ToolSchema; entry: Located }[],
  file: string,
  sha256: string | undefined,
  cache: LoadCache | undefined
): Promise<Problem[]> {
  if (!cache || sha256 === undefined) return uncompilable(tools, file)
  const kept = problemList.safeParse(await cache.get('tool-schemas', file, sha256))
  if (kept.success) return kept.data
  const problems = await uncompilable(tools, file)
  await cache.set('tool-schemas', file, sha256, problems)
  return problems
}

/**
 * Calls are checked against `parameters` (src/sandbox/args-check.ts), so a schema ajv cannot compile
 * is a problem here. Compiling is the check: it finds what ajv's meta-schema check finds and more
 * (a `$ref` to nowhere, a bad `pattern`), costs less than compiling the meta-schema, and the
 * compiled schema is kept for the run's calls. A schema of plain keywords, which ajv compiles for
 * sure, is left for the first call to compile (ajv is not even loaded when every schema is one).
 */
async function uncompilable(tools: { schema: ToolSchema; entry: Located }[], file: string): Promise<Problem[]> {
  const doubtful = tools.filter(({ schema }) => !compilesSurely(schema.parameters))
  if (doubtful.length === 0) return []
  await jsonSchemaLoading()
  return doubtful.flatMap(({ schema, entry }) => {
    const compiled = compiledSchema(schema.parameters!)
    if (compiled.ok) return []
    const where = isPlainMap(entry.value) && 'function' in entry.value ? ['function', 'parameters'] : ['parameters']
    const message = `the parameters of tool "${schema.name}" are not a JSON schema ajv can compile: ${compiled.error}`
    return [{ file, line: entry.lineOf(where), message, severity: 'error' as const }]
  })
}

function parseToolSchema(entry: Located, file: string, problems: Problem[]): ToolSchema | undefined {
  if (isPlainMap(entry.value) && ('function' in entry.value || 'type' in entry.value)) {
    const parsed = openaiToolSchema.safeParse(entry.value)
    if (parsed.success) return parsed.data.function
    append(problems, issueProblems(parsed.error.issues, entry, file, 'a tool schema'))
    return undefined
  }
  const parsed = plainToolSchema.safeParse(entry.value)
  if (parsed.success) return parsed.data
  append(problems, issueProblems(parsed.error.issues, entry, file, 'a tool schema'))
  return undefined
}
