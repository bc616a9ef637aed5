// tools_backend and state_file on a pull request: they decide grades (the answers the agent gets
// and the end state it is held to), so the base's apply until the PR merges; a change is a note.
import { isDeepStrictEqual } from 'node:util'
import type { Workflow } from '../model/types.js'

export function backendAsOnBase(
  base: Workflow,
  pr: Workflow
): Pick<Workflow, 'tools_backend' | 'state_file' | 'initial_state' | 'backend_dir'> & { notes: string[] } {
  const notes: string[] = []
  if (!isDeepStrictEqual(base.tools_backend, pr.tools_backend))
    notes.push(
      `tools_backend ${changed(base.tools_backend, pr.tools_backend)} in this PR: the base's applies until it merges`
    )
  if (!isDeepStrictEqual(base.initial_state, pr.initial_state))
    notes.push(
      `state_file (the initial state) ${changed(base.initial_state, pr.initial_state)} in this PR: the base's applies until it merges`
    )
  return {
    // The base's program too, from its copy of the files (a PR cannot edit the backend that answers it).
    ...(base.tools_backend ? { tools_backend: base.tools_backend, backend_dir: base.backend_dir ?? base.dir } : {}),
    ...(base.state_file !== undefined ? { state_file: base.state_file } : {}),
    ...(base.initial_state !== undefined ? { initial_state: base.initial_state } : {}),
    notes
  }
}

function changed(base: unknown, pr: unknown): string {
  return base === undefined ? 'added' : pr === undefined ? 'removed' : 'changed'
}
