/** Too many refused tokens from one client in a short time: answered 429 until the block lifts. */
export class TooManyAuthFailuresError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(`Too many requests with a missing or invalid token from this client; try again in ${retryAfterSeconds} seconds`);
    this.name = 'TooManyAuthFailuresError';
  }
}

/**
 * Counts refused authentications per client (its address) in a sliding window; past the limit the
 * client is blocked for a while, so guessing tokens costs time. Kept in memory: one API process.
 */
export class AuthFailureLimiter {
  private readonly failures = new Map<string, number[]>();
  private readonly blockedUntil = new Map<string, number>();

  constructor(
    private readonly options: { limit: number; windowMs: number; blockMs: number } = { limit: 20, windowMs: 10_000, blockMs: 30_000 },
    private readonly now: () => number = Date.now,
  ) {}

  /** Throws while the client is blocked. */
  check(client: string): void {
    const until = this.blockedUntil.get(client);
    if (until === undefined) return;
    const left = until - this.now();
    if (left > 0) throw new TooManyAuthFailuresError(Math.ceil(left / 1000));
    this.blockedUntil.delete(client);
  }

  /** Notes a refusal; the one that passes the limit starts the block. */
  failed(client: string): void {
    const now = this.now();
    const recent = (this.failures.get(client) ?? []).filter((at) => now - at < this.options.windowMs);
    recent.push(now);
    if (recent.length > this.options.limit) {
      this.blockedUntil.set(client, now + this.options.blockMs);
      this.failures.delete(client);
    } else {
      this.failures.set(client, recent);
    }
    if (this.failures.size > 10_000) this.failures.clear(); // a flood of addresses cannot grow memory without bound
  }
}
