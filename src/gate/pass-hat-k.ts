/**
 * tau-bench's unbiased estimator of pass^k for one task: the chance that k attempts drawn
 * from its n attempts (c of them passed) all passed, C(c, k) / C(n, k).
 */
export function passHatK(passed: number, attempts: number, k: number): number {
  if (!Number.isInteger(k) || k < 1 || k > attempts) throw new RangeError(`pass^${k} needs 1 <= k <= ${attempts}`)
  if (passed < k) return 0
  // C(c, k)/C(n, k) = Π_{i<k} (c − i)/(n − i): no large factorials.
  let ratio = 1
  for (let i = 0; i < k; i++) ratio *= (passed - i) / (attempts - i)
  return ratio
}
