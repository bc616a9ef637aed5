/** What the LLM judge said of one attempt's `expected.judge` rubric, or why it could not say. */
export type JudgeVerdict = { ok: boolean; reason: string } | { error: string }
