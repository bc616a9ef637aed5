/**
 * Wilson score interval for a binomial proportion (95% by default). Unlike the normal
 * approximation it stays inside [0, 1] and is meaningful at 0/n and n/n, which are
 * common for small golden-task tiers.
 */
export function wilsonInterval(passed: number, total: number, z = 1.959964): { low: number; high: number } {
  if (total <= 0) return { low: 0, high: 1 }
  const p = passed / total
  const z2 = z * z
  const denominator = 1 + z2 / total
  const center = (p + z2 / (2 * total)) / denominator
  const halfWidth = (z / denominator) * Math.sqrt((p * (1 - p)) / total + z2 / (4 * total * total))
  return { low: Math.max(0, center - halfWidth), high: Math.min(1, center + halfWidth) }
}
