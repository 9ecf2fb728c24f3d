import { addDays, daysBetween, financialYearRange, maxDate, minDate, mondayOf, type FinancialYear, type LocalDate, type Pence } from '@ledger/domain';
import type { ChartPoint } from '@ledger/reporting';
import { longDate, money } from '../../rendering/format';

const W = 720;
const H = 300;
const PAD = { left: 84, right: 16, top: 16, bottom: 64 };
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * The week whose senior-manager report draws the dashboard's chart: the last whole week before the
 * forecast date, kept inside the year (a week belongs to the year of its last day).
 */
export function chartWeek(year: FinancialYear, asOf: LocalDate): LocalDate {
  const { start, end } = financialYearRange(year);
  const lastWeek = addDays(mondayOf(minDate(maxDate(asOf, start), end)), -7);
  return addDays(lastWeek, 6) < start ? mondayOf(addDays(start, 6)) : lastWeek;
}

/** Whole pounds for an axis: steps of 1, 2 or 5 of a power of ten, so the grid reads in round sums. */
function niceStepPounds(maxPounds: number): number {
  const raw = Math.max(1, Math.ceil(maxPounds / 4));
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((k) => k * magnitude).find((step) => step >= raw) ?? 10 * magnitude;
}

const poundsLabel = (pounds: number) => `£${pounds.toLocaleString('en-GB')}`;

/**
 * Coordinates for the cumulative spend chart the weekly report draws (same points, from the same
 * query), as an accessible SVG: the template gives it a title, a description in words and a table.
 */
export function spendChart(points: readonly ChartPoint[]) {
  const values = points.flatMap((p) => [p.actualPence, p.budgetPence, p.committedPence, p.continuingPence]).filter((v): v is Pence => v !== null);
  const step = niceStepPounds(Math.ceil(Math.max(1, ...values) / 100));
  const topPounds = step * Math.max(1, Math.ceil(Math.max(1, ...values) / 100 / step));
  // Placed by date, not by index: the report's week end sits between two weekly points.
  const span = points.length < 2 ? 1 : daysBetween(points[0].date, points[points.length - 1].date);
  const x = (i: number) => PAD.left + (daysBetween(points[0].date, points[i].date) * (W - PAD.left - PAD.right)) / Math.max(1, span);
  const y = (pence: number) => H - PAD.bottom - (pence * (H - PAD.top - PAD.bottom)) / (topPounds * 100);
  const xy = (i: number, pence: number) => `${x(i).toFixed(1)},${y(pence).toFixed(1)}`;
  const line = (pick: (p: ChartPoint) => number | null) => points.flatMap((p, i) => {
    const v = pick(p);
    return v === null ? [] : [xy(i, v)];
  }).join(' ');
  const ranged = points.map((p, i) => ({ p, i })).filter(({ p }) => p.committedPence !== null && p.continuingPence !== null);
  const band = [...ranged.map(({ p, i }) => xy(i, p.continuingPence as number)), ...[...ranged].reverse().map(({ p, i }) => xy(i, p.committedPence as number))].join(' ');
  const grid = Array.from({ length: topPounds / step + 1 }, (_, k) => ({ y: y(k * step * 100).toFixed(1), label: poundsLabel(k * step) }));
  const months = points.map((p, i) => ({ p, i })).filter(({ p, i }) => i === 0 || points[i - 1].date.slice(0, 7) !== p.date.slice(0, 7))
    .map(({ p, i }) => ({ x: x(i).toFixed(1), label: `${MONTHS[Number(p.date.slice(5, 7)) - 1]} ${p.date.slice(2, 4)}` }));
  const lastActual = [...points].reverse().find((p) => p.actualPence !== null);
  const last = points[points.length - 1];
  const description = lastActual === undefined || last === undefined ? 'No figures to draw.'
    : `Actual net spend to ${longDate(addDays(lastActual.date, -1))} is ${money(lastActual.actualPence)}, against a budget profile of ${money(lastActual.budgetPence)} to that date. `
      + `By ${longDate(addDays(last.date, -1))} the forecast range runs from ${money(last.committedPence)} (committed basis) to ${money(last.continuingPence)} (continuing basis), against a budget profile of ${money(last.budgetPence)}. The table below gives every point.`;
  return {
    width: W, height: H, left: PAD.left, right: W - PAD.right, bottom: H - PAD.bottom, legendY: H - 18,
    grid, months, actual: line((p) => p.actualPence), budget: line((p) => p.budgetPence), band, description,
    rows: points,
  };
}
