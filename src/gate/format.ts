// Number formats shared by the gate's reasons and the rendered reports.

/** 0.951 -> "95.1%" */
export function percent(rate: number): string {
  return `${(rate * 100).toFixed(1)}%`
}

/** A configured threshold without noise: 0.92 -> "92%", 0.925 -> "92.5%". */
export function thresholdPercent(rate: number): string {
  return `${Number((rate * 100).toFixed(2))}%`
}

/** A difference of two rates in percentage points: 0.042 -> "4.2". */
export function points(delta: number): string {
  return (delta * 100).toFixed(1)
}

/** A signed difference in points with a real minus sign: -0.031 -> "−3.1", 0.01 -> "+1.0". */
export function signedPoints(delta: number): string {
  const rounded = Number((delta * 100).toFixed(1))
  if (rounded === 0) return '±0.0'
  return rounded > 0 ? `+${rounded.toFixed(1)}` : `−${Math.abs(rounded).toFixed(1)}`
}

export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`
}

/** `1h 02m`, `3m 12s`, `12.3s`, `850ms` */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)}ms`
  const seconds = ms / 1000
  if (seconds < 60) return `${seconds.toFixed(1)}s`
  const totalSeconds = Math.round(seconds)
  const hours = Math.floor(totalSeconds / 3600)
  const minutes = Math.floor((totalSeconds % 3600) / 60)
  const rest = totalSeconds % 60
  return hours > 0 ? `${hours}h ${String(minutes).padStart(2, '0')}m` : `${minutes}m ${String(rest).padStart(2, '0')}s`
}

export function formatUsd(usd: number | null): string {
  if (usd === null) return 'unknown'
  // Two significant digits for small amounts: a cost per task is often a fraction of a cent.
  return `$${usd >= 0.1 || usd === 0 ? usd.toFixed(2) : usd.toPrecision(2)}`
}

/** A configured amount as the user wrote it: 0.02 -> "$0.02". */
export function usdLimit(usd: number): string {
  return `$${usd}`
}

export function formatCount(n: number): string {
  return n.toLocaleString('en-US')
}
