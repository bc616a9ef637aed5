// Loads one workflow manifest (workflow.yml) into a validated Workflow.
import path from 'node:path'
import type { AnyAgentType } from '../agents/agent-type.js'
import { agentTypeOf } from '../agents/registry.js'
import { isPlainMap, READ_ONCE } from '../model/schema-common.js'
import type {
  AgentSettings,
  DataGovernance,
  KillSwitch,
  RedactRule,
  ToolSchema,
  Workflow,
  WorkflowDerived
} from '../model/workflow.js'
import { append } from '../util/append.js'
import { findIncidentsFile, loadIncidents, type LoadedIncidents } from './incidents.js'
import { governanceWarnings } from './governance-checks.js'
import { issueProblems } from './issues.js'
import type { Located, Path } from './located.js'
import { killSwitchProblems } from './kill-switch.js'
import { manifestFiles } from './manifest-files.js'
import { policyProblems } from './policy-checks.js'
import { displayPath } from './paths.js'
import type { Problem } from '../util/problems.js'
import { readDataFile } from './read-data-file.js'
import { readUserText } from '../util/read-text.js'
import { toRedactRule } from './redact.js'
import { findRepoRoot, repoPathProblem } from './repo-root.js'
import { loadRunbook } from './runbook.js'
import { loadFixturesFile, unlistedFixtures } from './shared-fixtures.js'
import { loadToolSchemas } from './tool-schemas.js'
import type { LoadCache } from './load-cache.js'
import { agentCodeFiles, versionedFile, type HashedFile, type NamedFile } from './versioned-files.js'
import { workflowSchema, type WorkflowFile } from './workflow-schema.js'

export interface LoadedWorkflow {
  /** Absent when the manifest has errors. */
  workflow?: Workflow
  /** The manifest's name when it has a usable one, else its folder's name. */
  name: string
  /** The manifest as shown in problems. */
  file: string
  /** Line of the manifest's `name`. */
  nameLine: number
  /** Absolute paths of the files the manifest names (prompt, policy, tool schemas, runbook): not task files. */
  namedFiles: string[]
  /** Absolute folders whose task files also belong to this workflow (`tasks_from`), besides its own. */
  taskDirs: string[]
  /** Line of `kill_switch.drill_tasks` when the manifest writes it (checked against the task set). */
  drillTasksLine?: number
  /** incidents.yml beside the manifest, when there is one (its tasks are checked against the task set). */
  incidents?: LoadedIncidents
  problems: Problem[]
}

/** `repoRoot`: the files the manifest names must resolve inside it (default: see findRepoRoot). */
export async function loadWorkflow(
  manifestPath: string,
  repoRoot: string = findRepoRoot(),
  cache?: LoadCache
): Promise<LoadedWorkflow> {
  const dir = path.dirname(manifestPath)
  const file = displayPath(manifestPath)
  const outside = await repoPathProblem('the manifest', manifestPath, 'file', repoRoot, file)
  const { values, problems, sha256 } = outside
    ? { values: [], problems: [{ file, message: outside, severity: 'error' as const }], sha256: undefined }
    : await readDataFile(manifestPath, file)
  const loaded: LoadedWorkflow = {
    name: path.basename(dir),
    file,
    nameLine: 1,
    namedFiles: [],
    taskDirs: [dir],
    problems
  }
  const error = (line: number | undefined, message: string) => problems.push({ file, line, message, severity: 'error' })
  const incidentsFile = outside ? undefined : await findIncidentsFile(dir)
  if (incidentsFile) {
    loaded.incidents = await loadIncidents(incidentsFile, repoRoot)
    append(problems, loaded.incidents.problems)
  }

  if (values.length === 0) {
    if (problems.length === 0) error(undefined, 'the workflow manifest is empty')
    return loaded
  }
  if (values.length > 1) error(values[1].line, 'a workflow manifest holds one YAML document')
  const manifest = values[0]
  if (isPlainMap(manifest.value)) {
    const raw = manifest.value
    if (typeof raw.name === 'string' && raw.name !== '') loaded.name = raw.name
    loaded.nameLine = manifest.lineOf(['name'])
    loaded.namedFiles = manifestFiles(raw).map((p) => path.resolve(dir, p))
  }

  const parsed = workflowSchema.safeParse(manifest.value, READ_ONCE)
  if (!parsed.success) {
    append(problems, issueProblems(parsed.error.issues, manifest, file, 'a workflow manifest'))
    return loaded
  }
  const at: Where = { manifest, manifestPath, dir, file, repoRoot, problems, cache }
  const workflow = await deriveWorkflow(parsed.data, at, sha256)
  if (loaded.incidents) workflow.incidents = loaded.incidents.incidents.map((i) => i.incident)
  append(problems, policyProblems(workflow, manifest, file))
  append(loaded.taskDirs, await sharedTaskDirs(parsed.data, at))
  checkAgent(parsed.data.agent, at)
  if (parsed.data.kill_switch) {
    checkKillSwitch(parsed.data.kill_switch, parsed.data.agent, at)
    if (
      isPlainMap(manifest.value) &&
      isPlainMap(manifest.value.kill_switch) &&
      'drill_tasks' in manifest.value.kill_switch
    )
      loaded.drillTasksLine = manifest.lineOf(['kill_switch', 'drill_tasks'])
  }
  if (!problems.some((p) => p.severity === 'error')) loaded.workflow = workflow
  return loaded
}

/** The manifest being built and where its problems go. */
interface Where {
  manifest: Located
  manifestPath: string
  dir: string
  file: string
  repoRoot: string
  problems: Problem[]
  cache: LoadCache | undefined
}

/** The absolute path of a file or folder the manifest names at `where`; undefined (and a problem) when unusable. */
async function namedPath(
  at: Where,
  where: Path,
  relative: string,
  kind: 'file' | 'folder'
): Promise<string | undefined> {
  const absolute = path.resolve(at.dir, relative)
  const field = where.filter((key) => typeof key === 'string').join('.')
  const problem = await repoPathProblem(field, absolute, kind, at.repoRoot, displayPath(absolute))
  if (!problem) return absolute
  at.problems.push({ file: at.file, line: at.manifest.lineOf(where), message: problem, severity: 'error' })
  return undefined
}

/** `tasks_from`: folders of golden tasks shared with another workflow (e.g. one task set, two agents). */
async function sharedTaskDirs(data: WorkflowFile, at: Where): Promise<string[]> {
  const dirs: string[] = []
  for (const [i, relative] of (data.tasks_from ?? []).entries()) {
    const absolute = await namedPath(at, ['tasks_from', i], relative, 'folder')
    if (absolute) dirs.push(absolute)
  }
  return dirs
}

/** What only the agent's type knows to check. */
function checkAgent(agent: WorkflowFile['agent'], at: Where): void {
  for (const problem of agentTypeOf(agent).check?.(agent) ?? []) {
    const where = ['agent', ...problem.at]
    at.problems.push({ file: at.file, line: at.manifest.lineOf(where), message: problem.message, severity: 'error' })
  }
}

/**
 * The manifest as every stage uses it: its validated fields as they are, and in place of the
 * rest what loading derives from them (WorkflowDerived), every file it names checked.
 */
async function deriveWorkflow(data: WorkflowFile, at: Where, manifestSha256: string | undefined): Promise<Workflow> {
  const {
    agent: agentFile,
    data_governance,
    judge: judgeFile,
    tool_schemas,
    tasks_from: _tasksFrom,
    runbook: runbookFile,
    fixtures: _fixtures,
    fixtures_file: _fixturesFile,
    ...own
  } = data
  const type = agentTypeOf(agentFile)
  const governance = data_governance && resolveRedactions(data_governance, at)
  if (governance) append(at.problems, governanceWarnings(governance, at.manifest, at.file))
  const { agent, toolSchemaFile, read } = await agentFiles(type, agentFile, tool_schemas, at)
  const judge = judgeFile ?? type.judge?.(agent)
  const tools = toolSchemaFile && (await readToolSchemas(toolSchemaFile.abs, data.permissions, at))
  const toolSchemas = tools?.schemas
  if (toolSchemaFile && tools?.sha256) read.push({ ...toolSchemaFile, sha256: tools.sha256 })
  if (manifestSha256) read.unshift({ abs: at.manifestPath, defines: 'manifest', sha256: manifestSha256 })
  append(read, await agentCodeFiles(type, agent, at.dir, at.repoRoot))
  const runbook = runbookFile === undefined ? undefined : await readRunbook(runbookFile, data.kill_switch, at)
  const state = data.state_file === undefined ? undefined : await readStateFile(data.state_file, data, at)
  const fixtures = await readSharedFixtures(data, at)
  const derived: WorkflowDerived = {
    dir: at.dir,
    source: { file: at.file, line: at.manifest.line },
    agent,
    ...(governance ? { data_governance: governance } : {}),
    ...(judge ? { judge } : {}),
    ...(toolSchemas ? { tool_schemas: toolSchemas } : {}),
    versioned_files: read.map((f) => versionedFile(f, at.repoRoot)),
    ...(runbook ? { runbook } : {}),
    ...(state ? { initial_state: state.value } : {})
  }
  return { ...own, ...(fixtures ? { fixtures } : {}), ...derived }
}

/** workflow.yml `fixtures` or the file `fixtures_file` names (not both): the fixtures every task inherits. */
async function readSharedFixtures(data: WorkflowFile, at: Where): Promise<Workflow['fixtures']> {
  const { fixtures, fixtures_file: relative, permissions } = data
  if (fixtures !== undefined && relative !== undefined) {
    const message = 'fixtures and fixtures_file are both set: give the shared fixtures in one of them'
    at.problems.push({ file: at.file, line: at.manifest.lineOf(['fixtures_file']), message, severity: 'error' })
    return undefined
  }
  if (fixtures !== undefined) {
    append(at.problems, unlistedFixtures(fixtures, at.manifest, ['fixtures'], at.file, permissions))
    return fixtures
  }
  if (relative === undefined) return undefined
  const absolute = await namedPath(at, ['fixtures_file'], relative, 'file')
  if (!absolute) return undefined
  const loaded = await loadFixturesFile(absolute, displayPath(absolute), permissions)
  append(at.problems, loaded.problems)
  return loaded.fixtures
}

/** workflow.yml `runbook`: inside the repository, and with the kit's sections (src/load/runbook.ts). */
async function readRunbook(
  relative: string,
  killSwitch: WorkflowFile['kill_switch'],
  at: Where
): Promise<Workflow['runbook']> {
  const absolute = await namedPath(at, ['runbook'], relative, 'file')
  if (!absolute) return undefined
  const loaded = await loadRunbook(absolute, killSwitch, { file: at.file, line: at.manifest.lineOf(['runbook']) })
  append(at.problems, loaded.problems)
  return loaded.runbook
}

/** workflow.yml `state_file`: one JSON or YAML value inside the repository, for a workflow with a tools backend. */
async function readStateFile(relative: string, data: WorkflowFile, at: Where): Promise<{ value: unknown } | undefined> {
  const line = at.manifest.lineOf(['state_file'])
  const error = (message: string) => at.problems.push({ file: at.file, line, message, severity: 'error' })
  if (!data.tools_backend) error('state_file needs a tools_backend: only a backend is reset with an initial state')
  const absolute = await namedPath(at, ['state_file'], relative, 'file')
  if (!absolute) return undefined
  const read = await readDataFile(absolute, displayPath(absolute))
  append(at.problems, read.problems)
  if (read.problems.some((p) => p.severity === 'error')) return undefined
  if (read.values.length !== 1) {
    error(`state_file ${displayPath(absolute)} must hold one JSON or YAML value, it holds ${read.values.length}`)
    return undefined
  }
  return { value: read.values[0].value }
}

function checkKillSwitch(killSwitch: KillSwitch, agent: WorkflowFile['agent'], at: Where): void {
  for (const problem of killSwitchProblems(killSwitch, agent.type, agentTypeOf(agent).killSwitch))
    at.problems.push({
      file: at.file,
      line: at.manifest.lineOf(problem.at),
      message: problem.message,
      severity: 'error'
    })
}

/**
 * The agent with the files it names made absolute, each checked (a prompt is sent as text: bytes
 * that are not UTF-8 are a problem at load, not U+FFFD); and the tool schema file: the agent's own
 * when its type names one, else workflow.yml `tool_schemas`.
 */
async function agentFiles(
  type: AnyAgentType,
  file: AgentSettings,
  toolSchemas: string | undefined,
  at: Where
): Promise<{ agent: AgentSettings; toolSchemaFile?: NamedFile; read: HashedFile[] }> {
  const agent: AgentSettings = { ...file }
  const read: HashedFile[] = []
  let toolSchemaFile: NamedFile | undefined
  let ownToolSchemas = false
  for (const { field, kind, defines } of type.files ?? []) {
    const relative = file[field] as string | undefined
    if (relative === undefined) continue
    agent[field] = path.resolve(at.dir, relative)
    const named = await namedPath(at, ['agent', field], relative, 'file')
    if (kind === 'text') {
      const text = named && (await readUserText(named, displayPath(named)))
      if (text && !text.ok) at.problems.push(text.problem)
      if (named && text && text.ok) read.push({ abs: named, defines, sha256: text.sha256 })
      continue
    }
    ownToolSchemas = true
    toolSchemaFile = named ? { abs: named, defines } : undefined
    if (toolSchemas !== undefined) {
      at.problems.push({
        file: at.file,
        line: at.manifest.lineOf(['tool_schemas']),
        message: `tool_schemas is ignored for an ${type.name} agent: its tool schemas come from agent.${field}`,
        severity: 'warning'
      })
    }
  }
  if (!ownToolSchemas && toolSchemas !== undefined) {
    const named = await namedPath(at, ['tool_schemas'], toolSchemas, 'file')
    toolSchemaFile = named ? { abs: named, defines: 'tools' } : undefined
  }
  return toolSchemaFile ? { agent, toolSchemaFile, read } : { agent, read }
}

async function readToolSchemas(
  absPath: string,
  permissions: Workflow['permissions'],
  at: Where
): Promise<{ schemas: ToolSchema[]; sha256?: string }> {
  const file = displayPath(absPath)
  const loaded = await loadToolSchemas(absPath, file, permissions, at.cache)
  append(at.problems, loaded.problems)
  return loaded.sha256 ? { schemas: loaded.schemas, sha256: loaded.sha256 } : { schemas: loaded.schemas }
}

/** data_governance with its redact entries as rules; an unusable entry is a problem at its line. */
function resolveRedactions(governance: NonNullable<WorkflowFile['data_governance']>, at: Where): DataGovernance {
  const { redact: entries = [], ...rest } = governance
  const redact: RedactRule[] = []
  entries.forEach((entry, i) => {
    const rule = toRedactRule(entry)
    if ('error' in rule) {
      const line = at.manifest.lineOf(['data_governance', 'redact', i])
      at.problems.push({ file: at.file, line, message: rule.error, severity: 'error' })
    } else {
      redact.push(rule)
    }
  })
  return { ...rest, redact }
}
