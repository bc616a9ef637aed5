// Durations are measured with performance.now() (monotonic); the moments recorded beside them are
// the same readings on the wall clock, so that a call's start and its latency agree.

/** The ISO 8601 time of a `performance.now()` reading. */
export function wallClock(performanceNow: number = performance.now()): string {
  return new Date(performance.timeOrigin + performanceNow).toISOString()
}
