/**
 * A small seeded generator (mulberry32: 32-bit state, period 2^32), so the outturn range is the same
 * every time for the same ledger, year and as-of date, and the demo council for the same seed and day.
 * Not for anything secret.
 */
export class SeededRandom {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** The next whole number in [0, 2^32). */
  uint32(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  /** Uniform in (0, 1): never 0, so a logarithm of it is finite. */
  next(): number {
    return (this.uint32() + 1) / 4_294_967_297;
  }

  /**
   * A Poisson count with mean `mean`: Knuth's product of uniforms up to a mean of 30; above, Hörmann's
   * transformed rejection with squeeze (PTRS, 1993), exact as well and a few uniforms a draw whatever
   * the mean, where Knuth's needs about `mean` of them (a national ledger's new demand is hundreds).
   */
  poisson(mean: number): number {
    if (mean <= 0) return 0;
    if (mean > 30) return this.poissonRejection(mean);
    const limit = Math.exp(-mean);
    let count = -1;
    for (let product = 1; product > limit; product *= this.next()) count += 1;
    return count;
  }

  private poissonRejection(mean: number): number {
    const logMean = Math.log(mean);
    const b = 0.931 + 2.53 * Math.sqrt(mean);
    const a = -0.059 + 0.02483 * b;
    const logInverseAlpha = Math.log(1.1239 + 1.1328 / (b - 3.4));
    const vr = 0.9277 - 3.6224 / (b - 2);
    for (;;) {
      const u = this.next() - 0.5;
      const v = this.next();
      const us = 0.5 - Math.abs(u);
      const k = Math.floor((2 * a / us + b) * u + mean + 0.43);
      if (us >= 0.07 && v <= vr) return k;
      if (k < 0 || (us < 0.013 && v > us)) continue;
      if (Math.log(v) + logInverseAlpha - Math.log(a / (us * us) + b) <= -mean + k * logMean - logFactorial(k)) return k;
    }
  }

  /** A standard normal (Box–Muller, one of the pair). */
  normal(): number {
    return Math.sqrt(-2 * Math.log(this.next())) * Math.cos(2 * Math.PI * this.next());
  }

  /**
   * A gamma variate of the given shape and scale 1 (Marsaglia and Tsang's squeeze; a shape under 1 is
   * boosted by one and scaled back by U^(1/shape)). Used for the uncertainty in a learned rate.
   */
  gamma(shape: number): number {
    if (shape < 1) return this.gamma(shape + 1) * this.next() ** (1 / shape);
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      const x = this.normal();
      const v = (1 + c * x) ** 3;
      if (v <= 0) continue;
      const u = this.next();
      if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
    }
  }
}

/** FNV-1a of a text, as a 32-bit seed. */
export function seedOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

const SMALL_LOG_FACTORIALS = Array.from({ length: 10 }, (_, k) => Math.log(Array.from({ length: k }, (__, i) => i + 1).reduce((a, b) => a * b, 1)));

/** ln k!: exact below 10, else Stirling's series to 1/n⁵ (error under 1e-10 there). */
export function logFactorial(k: number): number {
  if (k < 10) return SMALL_LOG_FACTORIALS[k];
  const n = k + 1;
  const inverse = 1 / n;
  const inverseSquare = inverse * inverse;
  return (n - 0.5) * Math.log(n) - n + 0.5 * Math.log(2 * Math.PI) + inverse * (1 / 12 - inverseSquare * (1 / 360 - inverseSquare / 1260));
}
