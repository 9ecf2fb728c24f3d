import type { Pence } from '@ledger/domain';
import type { ChartPoint } from './weekly-report';

const W = 720;
const H = 260;
const PAD = { left: 70, right: 16, top: 16, bottom: 28 };

/**
 * Cumulative net spend against the budget profile, with the forecast range (committed to continuing)
 * shaded from the report's week to the year end, as inline SVG: no script, prints as drawn.
 */
export function renderChart(points: readonly ChartPoint[]): string {
  const values = points.flatMap((p) => [p.actualPence, p.budgetPence, p.committedPence, p.continuingPence]).filter((v): v is Pence => v !== null);
  const max = Math.max(1, ...values);
  const x = (i: number) => PAD.left + (i * (W - PAD.left - PAD.right)) / Math.max(1, points.length - 1);
  const y = (v: number) => H - PAD.bottom - (v * (H - PAD.top - PAD.bottom)) / max;
  const line = (pick: (p: ChartPoint) => number | null) => points
    .map((p, i) => [i, pick(p)] as const).filter(([, v]) => v !== null)
    .map(([i, v]) => `${x(i).toFixed(1)},${y(v as number).toFixed(1)}`).join(' ');
  const range = points.map((p, i) => [i, p] as const).filter(([, p]) => p.committedPence !== null && p.continuingPence !== null);
  const band = [...range.map(([i, p]) => `${x(i).toFixed(1)},${y(p.continuingPence as number).toFixed(1)}`),
    ...[...range].reverse().map(([i, p]) => `${x(i).toFixed(1)},${y(p.committedPence as number).toFixed(1)}`)].join(' ');
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => {
    const v = max * f;
    return `<line x1="${PAD.left}" x2="${W - PAD.right}" y1="${y(v).toFixed(1)}" y2="${y(v).toFixed(1)}" class="grid"/>` +
      `<text x="${PAD.left - 6}" y="${(y(v) + 4).toFixed(1)}" text-anchor="end">£${Math.round(v / 100_000).toLocaleString('en-GB')}k</text>`;
  }).join('');
  const months = points.map((p, i) => [i, p.date] as const).filter(([, date]) => date.endsWith('-01') || date.slice(8, 10) <= '07')
    .filter(([, date], k, all) => k === 0 || all[k - 1][1].slice(0, 7) !== date.slice(0, 7))
    .map(([i, date]) => `<text x="${x(i).toFixed(1)}" y="${H - 8}" text-anchor="middle">${date.slice(5, 7)}/${date.slice(2, 4)}</text>`).join('');
  return `<svg class="chart" viewBox="0 0 ${W} ${H}" role="img" aria-label="Cumulative spend against budget profile and forecast range">
  ${ticks}${months}
  ${band ? `<polygon class="range" data-series="forecast-range" points="${band}"/>` : ''}
  <polyline class="budget" data-series="budget" points="${line((p) => p.budgetPence)}"/>
  <polyline class="actual" data-series="actual" points="${line((p) => p.actualPence)}"/>
</svg>
<p class="legend"><span class="key actual"></span> Actual spend (net) <span class="key budget"></span> Budget profile <span class="key range"></span> Forecast range: committed to continuing</p>`;
}
