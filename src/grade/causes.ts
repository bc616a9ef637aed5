// Every cause a failed attempt can carry, with its label: the run's (src/model/cause.ts) and
// the expectation kinds' (src/grade/kinds).
import { RUN_CAUSE_LABELS, type RunCause } from '../model/cause.js'
import { EXPECTATION_CAUSE_LABELS, type ExpectationCause } from './kinds/index.js'

export type Cause = RunCause | ExpectationCause

export const CAUSE_LABELS: Record<Cause, string> = { ...RUN_CAUSE_LABELS, ...EXPECTATION_CAUSE_LABELS }
