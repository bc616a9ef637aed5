/** Exit codes of the CLI: the gate's decision (pass 0, fail 1), or 2 when it could not decide. */
export const EXIT = { pass: 0, fail: 1, error: 2 } as const
