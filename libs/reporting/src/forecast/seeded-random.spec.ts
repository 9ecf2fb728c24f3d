import { SeededRandom } from './seeded-random';

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
});
