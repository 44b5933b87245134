/**
 * DOMAIN.md §10 "retries with exponential backoff for up to 24 h": the delay before attempt n+1
 * doubles from WEBHOOK_RETRY_BASE_MS up to WEBHOOK_RETRY_MAX_DELAY_MS, with "equal jitter" (half
 * fixed, half random) so that receivers coming back up are not hit by every retry at once. Retries
 * stop when the next attempt would fall outside the window that opened when the event happened.
 */
export interface RetryPolicy {
  baseMs: number;
  maxDelayMs: number;
  windowMs: number;
}

/** Delay after the `attempt`-th failure (attempt ≥ 1); `random` in [0, 1). */
export function retryDelayMs(attempt: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const exponent = Math.min(Math.max(attempt - 1, 0), 30);
  const ceiling = Math.min(policy.maxDelayMs, policy.baseMs * 2 ** exponent);
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/** When to try next after the `attempt`-th failure, or null when the retry window is over. */
export function nextAttemptAt(
  firstAt: Date,
  now: Date,
  attempt: number,
  policy: RetryPolicy,
  random: () => number = Math.random,
): { at: Date; delayMs: number } | null {
  const delayMs = retryDelayMs(attempt, policy, random);
  const at = new Date(now.getTime() + delayMs);
  if (at.getTime() > firstAt.getTime() + policy.windowMs) return null;
  return { at, delayMs };
}
