// When a failed GitHub API call is worth another try, and how long to wait first. GitHub asks for
// a wait on a rate limit (`retry-after`, or `x-ratelimit-reset` with nothing remaining); a 5xx
// gets exponential backoff. All waits of one process share one budget, so that a run never hangs
// on a GitHub that keeps refusing: past it, the call fails and the gate fails closed.

import * as core from '@actions/core'

/** Seconds of waiting one run may spend on GitHub in all; `0` turns retries off. */
export const MAX_WAIT_ENV = 'EVALGATE_GITHUB_MAX_WAIT_S'
export const DEFAULT_MAX_WAIT_S = 60
/** Tries of one call, the first included. */
export const MAX_TRIES = 6
const BACKOFF_MS = 1000

export interface RetryBudget {
  /** The cap, for messages. */
  readonly maxWaitMs: number
  /** What is left of it. */
  leftMs: number
  sleep(ms: number): Promise<void>
  now(): number
  /** Says that a call is tried again (the step log). */
  log(line: string): void
}

export function retryBudget(env: NodeJS.ProcessEnv = process.env): RetryBudget {
  const raw = env[MAX_WAIT_ENV]
  const seconds = raw !== undefined && raw.trim() !== '' && Number(raw) >= 0 ? Number(raw) : DEFAULT_MAX_WAIT_S
  const maxWaitMs = Math.round(seconds * 1000)
  return {
    maxWaitMs,
    leftMs: maxWaitMs,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    now: () => Date.now(),
    log: (line) => core.info(line)
  }
}

let shared: RetryBudget | undefined

/** The process's budget, read from the environment on first use. */
export function processBudget(): RetryBudget {
  shared ??= retryBudget()
  return shared
}

export interface FailureFacts {
  /** From classifyFailure. */
  retryable: 'rate-limited' | 'server' | undefined
  retryAfterS?: number
  /** Epoch seconds, with nothing remaining of the limit. */
  resetAtS?: number
}

/** The wait before try `tries + 1`, in ms; undefined when the failure is not one to retry. */
export function waitBefore(facts: FailureFacts, tries: number, nowMs: number): number | undefined {
  if (!facts.retryable) return undefined
  if (facts.retryAfterS !== undefined) return Math.max(1, facts.retryAfterS) * 1000
  // A second more than the reset: GitHub's clock and ours disagree by a little.
  if (facts.resetAtS !== undefined) return Math.max(1000, facts.resetAtS * 1000 - nowMs + 1000)
  return BACKOFF_MS * 2 ** (tries - 1)
}

/** Why the call was not tried again, for the error message. */
export function gaveUp(budget: RetryBudget, tries: number, waitedMs: number, wanted: number | undefined): string {
  const spent = tries > 1 ? `tried ${tries} times over ${seconds(waitedMs)} s` : 'not retried'
  if (tries >= MAX_TRIES) return spent
  if (wanted === undefined) return ''
  if (budget.maxWaitMs === 0) return `${spent} (${MAX_WAIT_ENV} is 0)`
  return (
    `${spent}: the next try was ${seconds(wanted)} s away, more than is left of the ` +
    `${seconds(budget.maxWaitMs)} s evalgate waits for GitHub in a run (${MAX_WAIT_ENV})`
  )
}

function seconds(ms: number): string {
  return String(Math.round(ms / 100) / 10)
}
