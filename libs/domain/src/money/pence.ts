/** An amount of money in whole pence. Never a float: every figure the ledger stores or sums is one. */
export type Pence = number & { readonly __brand: 'Pence' };

export function pence(value: number): Pence {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${value} is not a whole number of pence`);
  return value as Pence;
}

export const isPence = (value: unknown): value is Pence => typeof value === 'number' && Number.isSafeInteger(value);

export const ZERO = 0 as Pence;

export function addPence(a: Pence, b: Pence): Pence {
  return pence(a + b);
}

export function subtractPence(a: Pence, b: Pence): Pence {
  return pence(a - b);
}

export function sumPence(values: Iterable<Pence>): Pence {
  let total = 0;
  for (const value of values) total += value;
  return pence(total);
}

/**
 * round(x / q), half up (towards +∞ at exactly .5), in integers: floor((2x + q) / (2q)).
 * BigInt keeps the products exact however large; the result must be a safe integer.
 */
export function roundHalfUpDiv(x: number | bigint, q: number | bigint): number {
  const bx = BigInt(x);
  const bq = BigInt(q);
  if (bq <= 0n) throw new RangeError('the divisor must be positive');
  const numerator = 2n * bx + bq;
  const denominator = 2n * bq;
  let quotient = numerator / denominator;
  if (numerator % denominator !== 0n && numerator < 0n) quotient -= 1n; // floor, not truncation
  const result = Number(quotient);
  if (!Number.isSafeInteger(result)) throw new RangeError('rounded amount exceeds the safe integer range');
  return result;
}

/** The cost of `days` days at a weekly rate: round(r × n / 7). */
export function prorate(weeklyRatePence: Pence, days: number): Pence {
  if (!Number.isSafeInteger(days)) throw new RangeError(`${days} is not a whole number of days`);
  return roundHalfUpDiv(BigInt(weeklyRatePence) * BigInt(days), 7) as Pence;
}

/** A share in basis points (1/100 of a percent) of an amount: round(bp × amount / 10000). */
export function applyBasisPoints(amount: Pence, basisPoints: number): Pence {
  if (!Number.isSafeInteger(basisPoints)) throw new RangeError(`${basisPoints} is not a whole number of basis points`);
  return roundHalfUpDiv(BigInt(amount) * BigInt(basisPoints), 10_000) as Pence;
}

const poundsFormat = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** £1,234.56 (and -£1,234.56): for reports; computed from integers, never from a float sum. */
export function formatPounds(amount: Pence): string {
  const sign = amount < 0 ? '-' : '';
  const abs = Math.abs(amount);
  const pounds = Math.floor(abs / 100);
  const rest = String(abs % 100).padStart(2, '0');
  return `${sign}£${poundsFormat.format(pounds).replace(/\.00$/, '')}.${rest}`;
}
