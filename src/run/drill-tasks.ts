// The kill-switch drill's tasks: for each workflow with a `kill_switch`, its tier-balanced sample of
// the tasks this run has, as copies (they run beside the counted tasks, once, and are graded apart).
import { drillSample } from '../gate/drill.js'
import type { LoadedTask } from '../load/task-schema.js'
import type { Workflow } from '../model/types.js'

export function drillTasksOf(workflows: readonly Workflow[], tasks: readonly LoadedTask[]): LoadedTask[] {
  return workflows.flatMap((w) =>
    w.kill_switch
      ? drillSample(
          tasks.filter((t) => t.workflow === w.name),
          w.kill_switch.drill_tasks
        ).map(withoutJudge)
      : []
  )
}

/** A drill attempt is graded by the drill alone: no judge is called for it. */
function withoutJudge(task: LoadedTask): LoadedTask {
  const { judge: _judge, ...expected } = task.expected
  return { ...task, expected }
}
