// Problems as a load cache keeps them (src/load/load-cache.ts): checked for their shape when read back.
import * as z from 'zod'
import type { Problem } from '../util/problems.js'

export const problemList: z.ZodType<Problem[]> = z.array(
  z.object({
    file: z.string(),
    line: z.number().optional(),
    message: z.string(),
    severity: z.enum(['error', 'warning'])
  })
)
