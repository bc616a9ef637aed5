// What a custom grader (`expected.grader`) answers on stdout, and what grading gets of it: its
// verdict, or why there is none (the attempt is then `error`).
import * as z from 'zod'

export const graderOutputSchema = z.object({
  pass: z.boolean(),
  reasons: z.array(z.string()).default(() => [])
})

export type GraderOutput = z.output<typeof graderOutputSchema>

export type GraderVerdict = GraderOutput | { error: string }
