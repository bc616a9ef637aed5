// The shape of a golden task file (PRODUCT.md section 1): the task core of src/model/task.ts
// plus `expected`, assembled from the expectation kinds of src/grade/kinds.
import type * as z from 'zod'
import { expectedSchema, type Expected } from '../grade/kinds/index.js'
import { strictMap } from '../model/schema-common.js'
import { taskCoreShape, type GoldenTask, type TaskPlace } from '../model/task.js'

export const taskSchema = strictMap({ ...taskCoreShape, expected: expectedSchema })

/** A golden task as loaded: the validated file, in its workflow and place (src/load/tasks.ts). */
export type LoadedTask = z.output<typeof taskSchema> & TaskPlace

// The task every stage works on is the loaded one, and grade's view of it is the same type.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
const sameTask: Same<LoadedTask, GoldenTask<Expected>> = true
void sameTask
