// The readiness checklist as report.json records it (`readiness`, issue 14 item 1). A minimal
// local shape of that section, read loosely: the lead swaps it for the readiness module's own
// zod type at merge (see README "Evidence pack").
import * as z from 'zod'

export const READINESS_STATUSES = ['met', 'partial', 'missing'] as const

const readinessSectionSchema = z.looseObject({
  id: z.string(),
  title: z.string(),
  status: z.enum(READINESS_STATUSES),
  /** What evidences the section (e.g. "9 tools in the permission matrix"). */
  evidence: z.array(z.string()).default(() => []),
  /** What the kit still asks for (e.g. "no golden task has a tool fault"). */
  missing: z.array(z.string()).default(() => [])
})

export const readinessSchema = z.looseObject({ sections: z.array(readinessSectionSchema) })
export type Readiness = z.output<typeof readinessSchema>
export type ReadinessSection = Readiness['sections'][number]
