import type { Budgets, ModelPrice } from '../model/types.js'

export interface LlmOptions {
  budgets: Budgets
  /** User prices from thresholds.yml, over the built-in table. */
  pricing: Record<string, ModelPrice>
  /** An explicit key (the action input); else the env var `api_key_env` ?? OPENAI_API_KEY. */
  apiKey?: string
  /** Overrides the agent's and the judge's base_url (CLI --openai-base-url, action input). */
  baseUrl?: string
  /** Enables the response cache in this directory. */
  cacheDir?: string
  /**
   * Keeps cached answers of different attempts of a task apart (e.g. "attempt 2"): a re-run
   * replays each attempt, and no attempt is a copy of another. Absent for first attempts.
   */
  cacheSalt?: string
  /**
   * The judge's verdicts may come from the cache: only when nothing in the job but evalgate can
   * write it (no agent code of the team's runs). A verdict is evidence. Default false.
   */
  judgeCache?: boolean
}
