/**
 * Estimates the tokens of the next request for `max_context_tokens`: what the endpoint counted
 * for the last exchange (`usage`) plus about one token per four characters added since.
 */
export class ContextEstimate {
  private counted = 0
  private uncountedChars: number

  /** `initialChars`: everything the first request sends (system prompt, tool schemas, input). */
  constructor(initialChars: number) {
    this.uncountedChars = initialChars
  }

  nextRequestTokens(): number {
    return this.counted + Math.ceil(this.uncountedChars / 4)
  }

  /** After a response; without `usage` the response's own characters are estimated too. */
  afterResponse(
    usage: { prompt_tokens: number; completion_tokens: number } | null | undefined,
    responseChars: number
  ): void {
    if (usage) {
      this.counted = usage.prompt_tokens + usage.completion_tokens
      this.uncountedChars = 0
    } else {
      this.uncountedChars += responseChars
    }
  }

  added(chars: number): void {
    this.uncountedChars += chars
  }
}
