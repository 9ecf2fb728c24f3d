import fc from 'fast-check';
import { addPence, applyBasisPoints, formatPounds, isPence, pence, prorate, roundHalfUpDiv, subtractPence, sumPence, type Pence } from './pence';

describe('rounding half up in integers', () => {
  it.each([
    [7, 2, 4], [5, 2, 3], [4, 2, 2], [-5, 2, -2], [-7, 2, -3], [300_000, 7, 42_857], [1, 3, 0], [2, 3, 1],
  ])('round(%i / %i) = %i', (x, q, expected) => {
    expect(roundHalfUpDiv(x, q)).toBe(expected);
  });

  it('agrees with rounding the exact fraction, halves going up', () => {
    fc.assert(fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 1, max: 1e6 }), (x, q) => {
      const r = roundHalfUpDiv(x, q);
      // r is the integer with r - 1/2 <= x/q < r + 1/2, i.e. 2qr - q <= 2x < 2qr + q.
      const twoX = 2n * BigInt(x);
      const twoQR = 2n * BigInt(q) * BigInt(r);
      return twoQR - BigInt(q) <= twoX && twoX < twoQR + BigInt(q);
    }));
  });

  it('matches the schoolbook rule on every numerator from -70 to 70 over every divisor to 14', () => {
    for (let q = 1; q <= 14; q += 1) {
      for (let x = -70; x <= 70; x += 1) {
        const whole = Math.floor(x / q);
        const remainder = x - whole * q; // 0 <= remainder < q
        expect(roundHalfUpDiv(x, q)).toBe(2 * remainder >= q ? whole + 1 : whole);
      }
    }
  });

  it('never decreases as the numerator grows', () => {
    fc.assert(fc.property(fc.bigInt({ min: -(2n ** 52n), max: 2n ** 52n }), fc.bigInt({ min: 0n, max: 2n ** 20n }), fc.integer({ min: 1, max: 10_000 }),
      (x, step, q) => roundHalfUpDiv(x + step, q) >= roundHalfUpDiv(x, q)));
  });

  it('refuses a divisor of zero or less, a fractional numerator and a result past 2^53', () => {
    expect(() => roundHalfUpDiv(1, 0)).toThrow(RangeError);
    expect(() => roundHalfUpDiv(1, -7)).toThrow(RangeError);
    expect(() => roundHalfUpDiv(1.5, 7)).toThrow(RangeError);
    expect(() => roundHalfUpDiv(2n ** 60n, 1)).toThrow(/safe integer/);
  });

  it('is exact for amounts whose products pass 2^53', () => {
    expect(roundHalfUpDiv(2n ** 60n + 3n, 2n ** 10n)).toBe(Number((2n ** 60n + 3n + 2n ** 9n) / 2n ** 10n));
  });
});

describe('pro-rating a weekly rate by days', () => {
  it('gives £1,000 a week for 3 days as 42,857p', () => {
    expect(prorate(100_000 as Pence, 3)).toBe(42_857);
  });

  it.each([
    [100_000, 1, 14_286], [100_000, 2, 28_571], [100_000, 3, 42_857], [100_000, 4, 57_143], [100_000, 5, 71_429],
    [100_000, 6, 85_714], [100_000, 7, 100_000], [95_000, 28, 380_000], [123_456, 10, 176_366], [1, 3, 0], [1, 4, 1],
  ])('pro-rates %ip a week over %i days as %ip', (rate, days, expected) => {
    expect(prorate(rate as Pence, days)).toBe(expected);
  });

  it('refuses a fractional number of days', () => {
    expect(() => prorate(100_000 as Pence, 1.5)).toThrow(RangeError);
  });

  it('gives the weekly rate for seven days and nothing for none', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 10_000_000 }), (rate) =>
      prorate(rate as Pence, 7) === rate && prorate(rate as Pence, 0) === 0));
  });

  it('never decreases as days are added', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 0, max: 3650 }), (rate, days) =>
      prorate(rate as Pence, days + 1) >= prorate(rate as Pence, days)));
  });
});

describe('shares in basis points', () => {
  it('takes 25% of 10,001p as 2,500p (2,500.25 rounds down)', () => {
    expect(applyBasisPoints(10_001 as Pence, 2500)).toBe(2500);
  });

  it.each([[10_002, 2500, 2501], [10_003, 2500, 2501], [1, 5000, 1], [3, 3333, 1], [42_857, 2500, 10_714]])(
    'takes %ip × %i bp as %ip, halves rounding up', (amount, bp, expected) => {
      expect(applyBasisPoints(amount as Pence, bp)).toBe(expected);
    });

  it('takes all of an amount at 10,000 basis points and none at 0', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 1e12 }), (amount) =>
      applyBasisPoints(amount as Pence, 10_000) === amount && applyBasisPoints(amount as Pence, 0) === 0));
  });
});

describe('pence as a value', () => {
  it('refuses fractions and unsafe integers', () => {
    expect(() => pence(1.5)).toThrow(RangeError);
    expect(() => pence(2 ** 53)).toThrow(RangeError);
  });

  it('recognises whole pence only', () => {
    expect([0, -5, 123_456].every(isPence)).toBe(true);
    expect([0.1, Number.NaN, Infinity, '5', 2 ** 53].some(isPence)).toBe(false);
  });

  it('adds and subtracts exactly, refusing a result past 2^53', () => {
    expect(addPence(pence(150), pence(275))).toBe(425);
    expect(subtractPence(pence(150), pence(275))).toBe(-125);
    expect(() => addPence(pence(Number.MAX_SAFE_INTEGER), pence(1))).toThrow(RangeError);
  });

  it('sums exactly', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: -1e9, max: 1e9 })), (values) =>
      sumPence(values as Pence[]) === values.reduce((a, b) => a + b, 0)));
  });

  it.each([[123_456, '£1,234.56'], [5, '£0.05'], [-100_000, '-£1,000.00'], [50_000_000_000, '£500,000,000.00'], [0, '£0.00'], [-7, '-£0.07'], [99_999, '£999.99']])('formats %i as %s', (amount, text) => {
    expect(formatPounds(amount as Pence)).toBe(text);
  });
});
