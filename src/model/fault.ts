// A tool fault (PRODUCT.md section 7): what a fixture `when` case may answer instead of a
// result, and what the call's record keeps of it.
import * as z from 'zod'
import { strictMap, text } from './schema-common.js'

/** The faults named by a word; the other kind is an HTTP error `{ status, message }`. */
export const FAULT_NAMES = ['timeout'] as const

const HTTP_ERROR = 'must be an HTTP error status (400 to 599)'
const errorStatus = z.number().refine((n) => Number.isInteger(n) && n >= 400 && n <= 599, HTTP_ERROR)

/** `timeout`: the tool never answers (until the attempt ends); `{ status, message }`: it fails with that HTTP status. */
// A string first, so that a map or a number is not reported as a wrong fault name.
export const faultSchema = z.union([
  z.string().pipe(z.enum(FAULT_NAMES)),
  strictMap({ status: errorStatus, message: text })
])
export type Fault = z.output<typeof faultSchema>

/** A faulted call in words, e.g. `lookup_order: 503 orders unavailable`, `lookup_customer: no answer (timeout)`. */
export function faultLabel(tool: string, fault: Fault): string {
  return fault === 'timeout' ? `${tool}: no answer (timeout)` : `${tool}: ${fault.status} ${fault.message}`
}
