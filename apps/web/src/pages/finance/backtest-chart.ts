import type { Backtest } from '@ledger/reporting';

const W = 720;
const H = 300;
const PAD = { left: 96, right: 16, top: 16, bottom: 56 };
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Whole pounds in steps of 1, 2 or 5 of a power of ten, so the grid reads in round sums. */
function niceStep(spanPounds: number): number {
  const raw = Math.max(1, Math.ceil(spanPounds / 4));
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((k) => k * magnitude).find((step) => step >= raw) ?? 10 * magnitude;
}

/**
 * Each month's forecast against the actual outturn, as an accessible SVG: the P10–P90 band, the
 * continuing, trend and P50 lines, and the actual outturn level; the table below it gives every figure.
 */
export function backtestChart(backtest: Backtest) {
  const months = backtest.months;
  const values = [backtest.actualOutturnPence, ...months.flatMap((m) => [m.p10Pence, m.p90Pence, m.projectedPence.continuing, m.projectedPence.trend, m.projectedPence.p50])];
  const step = niceStep((Math.max(...values) - Math.min(...values)) / 100 || 1);
  const bottomPounds = Math.floor(Math.min(...values) / 100 / step) * step;
  const topPounds = Math.max(bottomPounds + step, Math.ceil(Math.max(...values) / 100 / step) * step);
  const x = (i: number) => PAD.left + (i * (W - PAD.left - PAD.right)) / Math.max(1, months.length - 1);
  const y = (pence: number) => H - PAD.bottom - ((pence / 100 - bottomPounds) * (H - PAD.top - PAD.bottom)) / (topPounds - bottomPounds);
  const xy = (i: number, pence: number) => `${x(i).toFixed(1)},${y(pence).toFixed(1)}`;
  const line = (pick: (m: Backtest['months'][number]) => number) => months.map((m, i) => xy(i, pick(m))).join(' ');
  const band = [...months.map((m, i) => xy(i, m.p90Pence)), ...months.map((m, i) => ({ m, i })).reverse().map(({ m, i }) => xy(i, m.p10Pence))].join(' ');
  const grid = Array.from({ length: Math.round((topPounds - bottomPounds) / step) + 1 }, (_, k) => ({
    y: y((bottomPounds + k * step) * 100).toFixed(1), label: `£${(bottomPounds + k * step).toLocaleString('en-GB')}`,
  }));
  return {
    width: W, height: H, left: PAD.left, right: W - PAD.right, bottom: H - PAD.bottom, legendY: H - 14,
    grid, band, actualY: y(backtest.actualOutturnPence).toFixed(1),
    continuing: line((m) => m.projectedPence.continuing), trend: line((m) => m.projectedPence.trend), p50: line((m) => m.projectedPence.p50),
    labels: months.map((m, i) => ({ x: x(i).toFixed(1), label: `${MONTHS[Number(m.monthStart.slice(5, 7)) - 1]} ${m.monthStart.slice(2, 4)}` })),
  };
}
