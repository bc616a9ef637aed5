// Loads one workflow manifest (workflow.yml) into a validated Workflow.
import path from 'node:path'
import type {
  AgentConfig,
  DataGovernance,
  JudgeConfig,
  RedactRule,
  ToolPermission,
  ToolSchema,
  Workflow
} from '../model/types.js'
import { issueProblems } from './issues.js'
import type { Located, Path } from './located.js'
import { isNeverPassed } from '../agents/agent-env.js'
import { envReferences } from '../util/env-references.js'
import { displayPath } from './paths.js'
import type { Problem } from './problems.js'
import { readDataFile } from './read-data-file.js'
import { readUserText } from './read-text.js'
import { toRedactRule } from './redact.js'
import { findRepoRoot, repoPathProblem } from './repo-root.js'
import { isPlainMap } from './schema-common.js'
import { loadToolSchemas } from './tool-schemas.js'
import { workflowSchema, type WorkflowFile } from './workflow-schema.js'
import { append } from '../util/append.js'

export interface LoadedWorkflow {
  /** Absent when the manifest has errors. */
  workflow?: Workflow
  /** The manifest's name when it has a usable one, else its folder's name. */
  name: string
  /** The manifest as shown in problems. */
  file: string
  /** Line of the manifest's `name`. */
  nameLine: number
  /** Absolute paths of the files the manifest names (prompt, policy, tool schemas): not task files. */
  namedFiles: string[]
  /** Absolute folders whose task files also belong to this workflow (`tasks_from`), besides its own. */
  taskDirs: string[]
  problems: Problem[]
}

/** `repoRoot`: the files the manifest names must resolve inside it (default: see findRepoRoot). */
export async function loadWorkflow(manifestPath: string, repoRoot: string = findRepoRoot()): Promise<LoadedWorkflow> {
  const dir = path.dirname(manifestPath)
  const file = displayPath(manifestPath)
  const outside = await repoPathProblem('the manifest', manifestPath, 'file', repoRoot, file)
  const { values, problems } = outside
    ? { values: [], problems: [{ file, message: outside, severity: 'error' as const }] }
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
    loaded.namedFiles = namedFiles(raw, dir)
  }

  const parsed = workflowSchema.safeParse(manifest.value)
  if (!parsed.success) {
    append(problems, issueProblems(parsed.error.issues, manifest, file, 'a workflow manifest'))
    return loaded
  }
  const at: Where = { manifest, dir, file, repoRoot, problems }
  const workflow = await buildWorkflow(parsed.data, at)
  append(loaded.taskDirs, await sharedTaskDirs(parsed.data, at))
  checkEnvReferences(parsed.data, at)
  if (!problems.some((p) => p.severity === 'error')) loaded.workflow = workflow
  return loaded
}

/** The manifest being built and where its problems go. */
interface Where {
  manifest: Located
  dir: string
  file: string
  repoRoot: string
  problems: Problem[]
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

/** A command agent's `env` may name host variables, but never those no agent gets. */
function checkEnvReferences(data: WorkflowFile, at: Where): void {
  if (data.agent.type !== 'command') return
  for (const [name, template] of Object.entries(data.agent.env ?? {})) {
    for (const variable of envReferences(template).filter(isNeverPassed)) {
      at.problems.push({
        file: at.file,
        line: at.manifest.lineOf(['agent', 'env', name]),
        message: `agent.env.${name} names ${variable}, which evalgate never passes to an agent (the action's inputs, the runner's tokens and command files)`,
        severity: 'error'
      })
    }
  }
}

async function buildWorkflow(data: WorkflowFile, at: Where): Promise<Workflow> {
  const { dir, file, problems } = at
  const permissions: Record<string, ToolPermission> = {}
  for (const [tool, p] of Object.entries(data.permissions))
    permissions[tool] = { scope: p.scope, risk: p.risk, approval: p.approval }

  const fileProblem = async (where: Path, relative: string | undefined) =>
    relative === undefined ? undefined : namedPath(at, where, relative, 'file')

  const workflow: Workflow = {
    name: data.name,
    description: data.description,
    dir,
    source: { file, line: at.manifest.line },
    inputs: { sources: data.inputs?.sources ?? [], required: data.inputs?.required ?? [] },
    outcomes: { success: data.outcomes?.success, failure: data.outcomes?.failure },
    out_of_scope: data.out_of_scope ?? [],
    permissions,
    data_governance: buildDataGovernance(data, at.manifest, file, problems),
    agent: buildAgent(data.agent, dir)
  }
  const judge = buildJudge(data)
  if (judge) workflow.judge = judge
  if (data.reports_actions !== undefined) workflow.reports_actions = data.reports_actions

  let schemaFile: string | undefined
  if (data.agent.type === 'openai') {
    // Prompt and policy are sent as text: bytes that are not UTF-8 are a problem at load, not U+FFFD.
    for (const named of [
      await fileProblem(['agent', 'prompt'], data.agent.prompt),
      await fileProblem(['agent', 'policy'], data.agent.policy)
    ]) {
      const read = named && (await readUserText(named, displayPath(named)))
      if (read && !read.ok) problems.push(read.problem)
    }
    schemaFile = await fileProblem(['agent', 'tools'], data.agent.tools)
    if (data.tool_schemas !== undefined) {
      problems.push({
        file,
        line: at.manifest.lineOf(['tool_schemas']),
        message: 'tool_schemas is ignored for an openai agent: its tool schemas come from agent.tools',
        severity: 'warning'
      })
    }
  } else {
    schemaFile = await fileProblem(['tool_schemas'], data.tool_schemas)
  }
  if (schemaFile) workflow.tool_schemas = await readToolSchemas(schemaFile, permissions, problems)
  return workflow
}

async function readToolSchemas(
  absPath: string,
  permissions: Record<string, ToolPermission>,
  problems: Problem[]
): Promise<ToolSchema[]> {
  const file = displayPath(absPath)
  const loaded = await loadToolSchemas(absPath, file, permissions)
  append(problems, loaded.problems)
  return loaded.schemas
}

function buildAgent(agent: WorkflowFile['agent'], dir: string): AgentConfig {
  switch (agent.type) {
    case 'command':
      return { type: 'command', command: agent.command, env: agent.env }
    case 'http':
      return { type: 'http', url: agent.url, headers: agent.headers }
    case 'openai':
      return {
        type: 'openai',
        model: agent.model,
        prompt: path.resolve(dir, agent.prompt),
        policy: agent.policy === undefined ? undefined : path.resolve(dir, agent.policy),
        tools: path.resolve(dir, agent.tools),
        base_url: agent.base_url,
        temperature: agent.temperature,
        judge_model: agent.judge_model,
        headers: agent.headers,
        api_key_env: agent.api_key_env
      }
  }
}

/** The judge of `expected.judge` rubrics: workflow.yml `judge`, else the openai agent's judge_model or own model. */
function buildJudge(data: WorkflowFile): JudgeConfig | undefined {
  if (data.judge) return { ...data.judge }
  const agent = data.agent
  if (agent.type !== 'openai') return undefined
  return {
    model: agent.judge_model ?? agent.model,
    base_url: agent.base_url,
    headers: agent.headers,
    api_key_env: agent.api_key_env
  }
}

function buildDataGovernance(
  data: WorkflowFile,
  at: Located,
  file: string,
  problems: Problem[]
): DataGovernance | undefined {
  const governance = data.data_governance
  if (!governance) return undefined
  const redact: RedactRule[] = []
  ;(governance.redact ?? []).forEach((entry, i) => {
    const rule = toRedactRule(entry)
    if ('error' in rule) {
      problems.push({ file, line: at.lineOf(['data_governance', 'redact', i]), message: rule.error, severity: 'error' })
    } else {
      redact.push(rule)
    }
  })
  return {
    model_provider: governance.model_provider,
    region: governance.region,
    retention_days: governance.retention_days,
    sent_to_model: governance.sent_to_model,
    redact
  }
}

/** Best effort on an unvalidated manifest, so that its files are not taken for task files. */
function namedFiles(raw: Record<string, unknown>, dir: string): string[] {
  const agent = isPlainMap(raw.agent) ? raw.agent : {}
  return [agent.prompt, agent.policy, agent.tools, raw.tool_schemas]
    .filter((p): p is string => typeof p === 'string' && p !== '')
    .map((p) => path.resolve(dir, p))
}
