/** An environment switch such as `CI`: set, and not "", "0" or "false" (any case). */
export function isFlagSet(value: string | undefined): boolean {
  return value !== undefined && !['', '0', 'false'].includes(value.toLowerCase())
}
