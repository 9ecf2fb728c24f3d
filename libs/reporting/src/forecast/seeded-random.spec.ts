import { logFactorial, SeededRandom } from './seeded-random';

const moments = (draw: () => number, n: number) => {
  let sum = 0;
  let squares = 0;
  for (let i = 0; i < n; i++) { const x = draw(); sum += x; squares += x * x; }
  const mean = sum / n;
  return { mean, variance: squares / n - mean * mean };
};

describe('the seeded generator', () => {
  it('repeats its sequence for a seed', () => {
    const a = new SeededRandom(42);
    const b = new SeededRandom(42);
    expect(Array.from({ length: 5 }, () => a.gamma(2.5))).toEqual(Array.from({ length: 5 }, () => b.gamma(2.5)));
  });

  it('draws standard normals', () => {
    const random = new SeededRandom(7);
    const { mean, variance } = moments(() => random.normal(), 40_000);
    expect(Math.abs(mean)).toBeLessThan(0.02);
    expect(Math.abs(variance - 1)).toBeLessThan(0.03);
  });

  it.each([0.5, 3, 20])('draws gammas of shape %d with that mean and variance', (shape) => {
    const random = new SeededRandom(11);
    const { mean, variance } = moments(() => random.gamma(shape), 40_000);
    expect(Math.abs(mean - shape) / shape).toBeLessThan(0.03);
    expect(Math.abs(variance - shape) / shape).toBeLessThan(0.06);
  });

  it.each([4, 30, 31, 75, 600])('draws Poisson counts of mean %d with that mean, variance and shape', (mean) => {
    const random = new SeededRandom(3);
    const n = 60_000;
    const draws = Array.from({ length: n }, () => random.poisson(mean));
    const m = moments(() => draws.pop() as number, n);
    expect(Math.abs(m.mean - mean) / mean).toBeLessThan(0.01);
    expect(Math.abs(m.variance - mean) / mean).toBeLessThan(0.04);
    // Each count's share near the mean against the exact probability e^-μ μ^k / k!.
    const again = new SeededRandom(5);
    const counts = new Map<number, number>();
    for (let i = 0; i < n; i++) { const k = again.poisson(mean); counts.set(k, (counts.get(k) ?? 0) + 1); }
    for (const k of [Math.floor(mean) - 1, Math.floor(mean), Math.floor(mean) + 2]) {
      const exact = Math.exp(-mean + k * Math.log(mean) - logFactorial(k));
      expect(Math.abs((counts.get(k) ?? 0) / n - exact)).toBeLessThan(4 * Math.sqrt(exact / n));
    }
  });

  it('works out ln k! exactly for small k and to 1e-10 beyond', () => {
    expect(logFactorial(0)).toBe(0);
    expect(logFactorial(5)).toBeCloseTo(Math.log(120), 12);
    let exact = Math.log(362_880); // 9!
    for (let k = 10; k <= 40; k++) { exact += Math.log(k); expect(Math.abs(logFactorial(k) - exact)).toBeLessThan(1e-10); }
  });
});
