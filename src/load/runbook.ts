// workflow.yml `runbook`: the markdown file is read and must have the sections the readiness kit
// asks for (src/model/runbook.ts says which headings count); its section on disabling automation
// must name the manifest's kill switch. Each gap is a problem, at the `runbook:` line or at the
// runbook's own heading.
import type { KillSwitch } from '../model/workflow.js'
import { runbookSections, sectionNames, type Runbook, type RunbookSections } from '../model/runbook.js'
import type { Problem } from '../util/problems.js'
import { readUserText } from '../util/read-text.js'
import { displayPath } from './paths.js'

export interface LoadedRunbook {
  /** Absent when the file could not be read as text. */
  runbook?: Runbook
  problems: Problem[]
}

/** `absPath`: the runbook, already found inside the repository; `at`: the manifest's `runbook:` line. */
export async function loadRunbook(
  absPath: string,
  killSwitch: KillSwitch | undefined,
  at: { file: string; line: number }
): Promise<LoadedRunbook> {
  const file = displayPath(absPath)
  const read = await readUserText(absPath, file)
  if (!read.ok) return { problems: [read.problem] }
  const sections = runbookSections(read.text)
  const problems = [...missingSections(sections, file, at), ...killSwitchProblems(sections, killSwitch, file)]
  return { runbook: { path: absPath, file, text: read.text, sections }, problems }
}

function missingSections(sections: RunbookSections, file: string, at: { file: string; line: number }): Problem[] {
  return sections.missing.map((section): Problem => {
    if (section.empty)
      return {
        file,
        line: section.empty.line,
        message: `the runbook's section "${section.empty.text}" (${section.title}) has nothing under it`,
        severity: 'error'
      }
    return {
      ...at,
      message: `runbook ${file} has no section on ${section.title}: add ${section.expected}`,
      severity: 'error'
    }
  })
}

/** The section on disabling automation must name the switch the drill uses. */
function killSwitchProblems(sections: RunbookSections, killSwitch: KillSwitch | undefined, file: string): Problem[] {
  const disable = sections.found.find((s) => s.id === 'disable')
  const field = killSwitch?.env !== undefined ? 'env' : killSwitch?.header !== undefined ? 'header' : undefined
  if (!disable || !killSwitch || !field) return []
  const name = killSwitch[field]!
  if (sectionNames(disable, name, field)) return []
  const howTo = field === 'env' ? `${name}=${killSwitch.value}` : `${name}: ${killSwitch.value}`
  const heading = disable.headings[0]
  return [
    {
      file,
      line: heading.line,
      message: `the runbook's section "${heading.text}" does not name the kill switch ${name} (kill_switch.${field}): say how to turn automation off with it, e.g. ${howTo}`,
      severity: 'error'
    }
  ]
}
