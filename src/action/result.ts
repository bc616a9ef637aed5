/** What a mode hands back to main: the outputs, and why the step fails when it does. */
export interface ModeResult {
  decision: string
  report?: string
  successRates?: Record<string, number>
  failure?: string
}
