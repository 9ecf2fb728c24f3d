import { addDays, isExternal, localDate, type LocalDate, type PlacementState } from '@ledger/domain';
import type { LedgerAsAt } from '@ledger/projections';
import { AGE_BANDS, ageBandOf, type AgeBand } from '../age-band';

/** How a placement request was met: in-house, by an external commission (running or ended), not yet, or withdrawn. */
export type MetBy = 'inHouse' | 'external' | 'open' | 'withdrawn';

export interface DemandCounts {
  total: number;
  inHouse: number;
  external: number;
  open: number;
  withdrawn: number;
  /** External ÷ (in-house + external), in basis points: the share of met demand that went external; 0 when none met. */
  externalShareBasisPoints: number;
}

export interface DemandByMonth extends DemandCounts { readonly month: string }
export interface DemandByType extends DemandCounts { readonly placementType: string }
export interface DemandByAgeBand extends DemandCounts { readonly ageBand: AgeBand }
export interface DemandByNeed extends DemandCounts { readonly need: string }

/** External share of met demand in the first half of the window's months against the second (an odd middle month is left out). */
export interface DemandTrend {
  readonly firstHalf: { readonly from: string; readonly to: string; readonly externalShareBasisPoints: number; readonly met: number };
  readonly secondHalf: { readonly from: string; readonly to: string; readonly externalShareBasisPoints: number; readonly met: number };
  /** Second half less first half, in basis points: positive means more demand is going external. */
  readonly changeBasisPoints: number;
}

export interface Demand {
  readonly from: LocalDate;
  readonly to: LocalDate;
  readonly asAt: string;
  readonly totals: DemandCounts;
  /** Every calendar month of the window, in order, empty ones included. */
  readonly byMonth: readonly DemandByMonth[];
  readonly byPlacementType: readonly DemandByType[];
  readonly byAgeBand: readonly DemandByAgeBand[];
  /** Which needs go external most: by external count, then external share, then need. */
  readonly byNeed: readonly DemandByNeed[];
  readonly trend: DemandTrend;
}

type Placement = Exclude<PlacementState, { status: 'Initial' }>;

export function metBy(p: Placement): MetBy {
  switch (p.status) {
    case 'Requested': return 'open';
    case 'MatchedInHouse': return 'inHouse';
    case 'Withdrawn': return 'withdrawn';
    case 'Commissioned':
    case 'Ended': return 'external';
    default: {
      const unreachable: never = p;
      throw new Error(`Unknown placement state ${JSON.stringify(unreachable)}`);
    }
  }
}

/** The day the demand is counted on: the start of the in-house match or commission, else the date the placement was required from. */
export function demandDate(p: Placement): LocalDate {
  return p.status === 'MatchedInHouse' || isExternal(p) ? p.startDate : p.request.requiredFrom;
}

/** The type sought, or for a commission the type commissioned. */
export const demandType = (p: Placement): string => (isExternal(p) ? p.placementType : p.request.placementTypeSought);

const empty = (): DemandCounts => ({ total: 0, inHouse: 0, external: 0, open: 0, withdrawn: 0, externalShareBasisPoints: 0 });

/** External share of met demand in basis points, rounded half up in integers. */
export const shareBasisPoints = (external: number, met: number): number => (met === 0 ? 0 : Math.floor((2 * external * 10_000 + met) / (2 * met)));

function count(counts: DemandCounts, met: MetBy): void {
  counts.total += 1;
  counts[met] += 1;
  counts.externalShareBasisPoints = shareBasisPoints(counts.external, counts.inHouse + counts.external);
}

/** Calendar months `YYYY-MM` from the month of `from` to the month of `to`, inclusive. */
export function monthsOf(from: LocalDate, to: LocalDate): string[] {
  const months: string[] = [];
  let [year, month] = [Number(from.slice(0, 4)), Number(from.slice(5, 7))];
  const last = to.slice(0, 7);
  for (;;) {
    const key = `${year}-${String(month).padStart(2, '0')}`;
    if (key > last) return months;
    months.push(key);
    [year, month] = month === 12 ? [year + 1, 1] : [year, month + 1];
  }
}

/**
 * Demand for placements whose demand date falls in [from, to] (inclusive), by month, type, age band at
 * request and need (each need a placement records counts it once), split by how it was met.
 */
export function buildDemand(ledger: LedgerAsAt, from: LocalDate, to: LocalDate): Demand {
  const months = monthsOf(from, to);
  const byMonth = new Map(months.map((month) => [month, empty()]));
  const byType = new Map<string, DemandCounts>();
  const byBand = new Map<AgeBand, DemandCounts>();
  const byNeed = new Map<string, DemandCounts>();
  const totals = empty();
  const into = <K>(map: Map<K, DemandCounts>, key: K): DemandCounts => map.get(key) ?? map.set(key, empty()).get(key)!;
  for (const p of ledger.placements) {
    if (p.status === 'Initial') continue;
    const date = demandDate(p);
    if (date < from || date > to) continue;
    const met = metBy(p);
    count(totals, met);
    count(into(byMonth, date.slice(0, 7)), met);
    count(into(byType, demandType(p)), met);
    count(into(byBand, ageBandOf(p.request.ageAtRequest)), met);
    for (const need of new Set(p.request.needs)) count(into(byNeed, need), met);
  }
  const monthRows = months.map((month) => ({ month, ...byMonth.get(month)! }));
  return {
    from, to, asAt: ledger.asAt, totals, byMonth: monthRows,
    byPlacementType: [...byType].sort(([a], [b]) => (a < b ? -1 : 1)).map(([placementType, c]) => ({ placementType, ...c })),
    byAgeBand: [...byBand].sort(([a], [b]) => AGE_BANDS.indexOf(a) - AGE_BANDS.indexOf(b)).map(([ageBand, c]) => ({ ageBand, ...c })),
    byNeed: [...byNeed].map(([need, c]) => ({ need, ...c }))
      .sort((a, b) => b.external - a.external || b.externalShareBasisPoints - a.externalShareBasisPoints || (a.need < b.need ? -1 : 1)),
    trend: trendOf(monthRows),
  };
}

/** First half of the months against the second; with an odd count the middle month is in neither. */
export function trendOf(months: readonly DemandByMonth[]): DemandTrend {
  const half = Math.floor(months.length / 2);
  const part = (rows: readonly DemandByMonth[]) => {
    const external = rows.reduce((n, r) => n + r.external, 0);
    const met = rows.reduce((n, r) => n + r.external + r.inHouse, 0);
    return { from: rows[0]?.month ?? '', to: rows[rows.length - 1]?.month ?? '', externalShareBasisPoints: shareBasisPoints(external, met), met };
  };
  const firstHalf = part(months.slice(0, half));
  const secondHalf = part(months.slice(months.length - half));
  return { firstHalf, secondHalf, changeBasisPoints: secondHalf.externalShareBasisPoints - firstHalf.externalShareBasisPoints };
}

/** The default window: the last 12 whole months before `today`'s month (first of the month a year ago to the end of last month). */
export function lastTwelveMonths(today: LocalDate): { from: LocalDate; to: LocalDate } {
  return { from: localDate(`${Number(today.slice(0, 4)) - 1}-${today.slice(5, 7)}-01`), to: addDays(localDate(`${today.slice(0, 7)}-01`), -1) };
}
