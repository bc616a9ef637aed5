// Student's t distribution for any df > 0 (Welch–Satterthwaite df are not whole numbers and can
// be below 1), from the regularized incomplete beta function; no tables, no approximations.
import { normalQuantile } from './normal-quantile.js'

/** P(T ≤ t) for Student's t with `df` degrees of freedom. */
export function studentTCdf(t: number, df: number): number {
  checkDf(df)
  if (t === 0) return 0.5
  if (!Number.isFinite(df)) return normalCdf(t)
  // P(|T| > |t|) = I_{df/(df+t²)}(df/2, 1/2)
  const tail = 0.5 * regularizedIncompleteBeta(df / (df + t * t), df / 2, 0.5)
  return t > 0 ? 1 - tail : tail
}

/** The p-quantile of Student's t with `df` degrees of freedom: t(0.99, 12) = 2.681. */
export function studentTQuantile(p: number, df: number): number {
  checkDf(df)
  if (!(p > 0 && p < 1)) {
    if (p === 0) return -Infinity
    if (p === 1) return Infinity
    throw new RangeError(`studentTQuantile: p must be in [0, 1], got ${p}`)
  }
  if (!Number.isFinite(df)) return normalQuantile(p)
  if (p === 0.5) return 0
  if (p < 0.5) return -studentTQuantile(1 - p, df)
  // The quantile is at least the normal one; widen the bracket until it holds p, then bisect.
  let low = 0
  let high = Math.max(1, normalQuantile(p))
  while (studentTCdf(high, df) < p) {
    low = high
    high *= 2
    if (!Number.isFinite(high)) return Infinity
  }
  for (let i = 0; i < 200 && high - low > 1e-12 * Math.max(1, high); i++) {
    const mid = (low + high) / 2
    if (studentTCdf(mid, df) < p) low = mid
    else high = mid
  }
  return (low + high) / 2
}

function checkDf(df: number): void {
  if (!(df > 0)) throw new RangeError(`Student's t needs df > 0, got ${df}`)
}

/** Φ(x), the limit of the t distribution as df → ∞. */
function normalCdf(x: number): number {
  return 0.5 * erfc(-x / Math.SQRT2)
}

/** erfc(x) from the regularized incomplete gamma function Q(½, x²). */
function erfc(x: number): number {
  const q = regularizedGammaQ(0.5, x * x)
  return x >= 0 ? q : 2 - q
}

/** I_x(a, b), by the continued fraction of Numerical Recipes (betacf) with Lentz's method. */
export function regularizedIncompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0
  if (x >= 1) return 1
  const front = Math.exp(lnGamma(a + b) - lnGamma(a) - lnGamma(b) + a * Math.log(x) + b * Math.log(1 - x))
  if (x < (a + 1) / (a + b + 2)) return (front * betaContinuedFraction(x, a, b)) / a
  return 1 - (front * betaContinuedFraction(1 - x, b, a)) / b
}

const TINY = 1e-300
const EPS = 1e-15

function betaContinuedFraction(x: number, a: number, b: number): number {
  let c = 1
  let d = 1 - ((a + b) * x) / (a + 1)
  if (Math.abs(d) < TINY) d = TINY
  d = 1 / d
  let h = d
  for (let m = 1; m <= 1000; m++) {
    const m2 = 2 * m
    let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2))
    d = 1 + aa * d
    if (Math.abs(d) < TINY) d = TINY
    c = 1 + aa / c
    if (Math.abs(c) < TINY) c = TINY
    d = 1 / d
    h *= d * c
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1))
    d = 1 + aa * d
    if (Math.abs(d) < TINY) d = TINY
    c = 1 + aa / c
    if (Math.abs(c) < TINY) c = TINY
    d = 1 / d
    const step = d * c
    h *= step
    if (Math.abs(step - 1) < EPS) break
  }
  return h
}

/** Q(a, x) = Γ(a, x)/Γ(a): the series below a + 1, the continued fraction above. */
function regularizedGammaQ(a: number, x: number): number {
  if (x <= 0) return 1
  const front = Math.exp(-x + a * Math.log(x) - lnGamma(a))
  if (x < a + 1) {
    let term = 1 / a
    let sum = term
    for (let n = 1; n < 1000; n++) {
      term *= x / (a + n)
      sum += term
      if (Math.abs(term) < Math.abs(sum) * EPS) break
    }
    return 1 - front * sum
  }
  let b = x + 1 - a
  let c = 1 / TINY
  let d = 1 / b
  let h = d
  for (let i = 1; i < 1000; i++) {
    const an = -i * (i - a)
    b += 2
    d = an * d + b
    if (Math.abs(d) < TINY) d = TINY
    c = b + an / c
    if (Math.abs(c) < TINY) c = TINY
    d = 1 / d
    const step = d * c
    h *= step
    if (Math.abs(step - 1) < EPS) break
  }
  return front * h
}

/** ln Γ(x) for x > 0, Lanczos (g = 7, n = 9): about 15 significant digits. */
export function lnGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - lnGamma(1 - x)
  const z = x - 1
  let sum = LANCZOS[0]
  for (let i = 1; i < LANCZOS.length; i++) sum += LANCZOS[i] / (z + i)
  const t = z + 7.5
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum)
}

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7
]
