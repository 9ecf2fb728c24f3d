import type { LocalDate, PlacementState } from '@ledger/domain';
import type { LedgerAsAt } from '@ledger/projections';
import { placement } from '../opportunities/opportunities-fixtures';
import { buildDemand, lastTwelveMonths } from './demand';

const d = (s: string) => s as LocalDate;
const request = (id: string, requiredFrom: string, needs: string[], age = 13, type = 'U4') => ({
  placementId: id, childRef: `LAC-${id}`, searches: [],
  request: { ageAtRequest: age, needs, placementTypeSought: type, urgency: 'planned' as const, requiredFrom: d(requiredFrom), siblingGroupSize: 1 },
});
const open = (id: string, on: string, needs: string[]): PlacementState => ({ status: 'Requested', ...request(id, on, needs) });
const inHouse = (id: string, requiredFrom: string, start: string, needs: string[]): PlacementState =>
  ({ status: 'MatchedInHouse', resource: 'Carer A', startDate: d(start), ...request(id, requiredFrom, needs) });
const withdrawn = (id: string, on: string): PlacementState => ({ status: 'Withdrawn', reason: 'spec', ...request(id, on, [], 8, 'U1') });

// Window April–September 2026 (six months). Demand:
//   April: x1 external (needs trauma, education), i1 in-house (trauma) — met 2, external 1.
//   May:   x2 external (trauma), w1 withdrawn.
//   July:  x3 external K2 (trauma, trauma: counted once); i2 required in June but matched from 1 July: July.
//   August: o1 open (education).
//   October: x4 external, outside the window.
const ledger: LedgerAsAt = {
  asAt: '2026-12-01T12:00:00.000Z', budgets: new Map(),
  placements: [
    placement({ id: 'x1', ratePence: 100_000, start: '2026-04-10', age: 14, needs: ['trauma', 'education'] }),
    inHouse('i1', '2026-04-03', '2026-04-05', ['trauma']),
    placement({ id: 'x2', ratePence: 100_000, start: '2026-05-02', age: 7, needs: ['trauma'] }),
    withdrawn('w1', '2026-05-20'),
    placement({ id: 'x3', type: 'K2', ratePence: 500_000, start: '2026-07-01', age: 16, needs: ['trauma', 'trauma'] }),
    inHouse('i2', '2026-06-28', '2026-07-01', ['education']),
    open('o1', '2026-08-15', ['education']),
    placement({ id: 'x4', ratePence: 100_000, start: '2026-10-01' }),
  ],
};
const demand = buildDemand(ledger, d('2026-04-01'), d('2026-09-30'));

describe('demand over April to September 2026', () => {
  it('counts each placement once by how it was met, leaving out October', () => {
    expect(demand.totals).toEqual({ total: 7, inHouse: 2, external: 3, open: 1, withdrawn: 1, externalShareBasisPoints: 6000 });
  });

  it('lists every month, dating a match by its start and a request by its required-from date', () => {
    expect(demand.byMonth.map((m) => [m.month, m.inHouse, m.external, m.open, m.withdrawn])).toEqual([
      ['2026-04', 1, 1, 0, 0], ['2026-05', 0, 1, 0, 1], ['2026-06', 0, 0, 0, 0],
      ['2026-07', 1, 1, 0, 0], ['2026-08', 0, 0, 1, 0], ['2026-09', 0, 0, 0, 0],
    ]);
  });

  it('groups by type sought or commissioned and by age band at request', () => {
    expect(demand.byPlacementType.map((t) => [t.placementType, t.total])).toEqual([['K2', 1], ['U1', 1], ['U4', 5]]);
    expect(demand.byAgeBand.map((b) => [b.ageBand, b.total])).toEqual([['5-9', 2], ['12-15', 4], ['16+', 1]]);
  });

  it('ranks needs by how many went external: trauma 3 of 4 met (7,500bp), education 1 of 2 met (5,000bp)', () => {
    expect(demand.byNeed.map((n) => [n.need, n.total, n.external, n.externalShareBasisPoints])).toEqual([['trauma', 4, 3, 7500], ['education', 3, 1, 5000]]);
  });

  it('shows the external share falling from 2 of 3 met in April–June to 1 of 2 in July–September', () => {
    // 2/3 = 6,666.67bp rounds to 6,667; 1/2 = 5,000bp; change −1,667bp.
    expect(demand.trend).toEqual({
      firstHalf: { from: '2026-04', to: '2026-06', externalShareBasisPoints: 6667, met: 3 },
      secondHalf: { from: '2026-07', to: '2026-09', externalShareBasisPoints: 5000, met: 2 },
      changeBasisPoints: -1667,
    });
  });
});

describe('the default window on 1 December 2026', () => {
  it('is December 2025 to November 2026', () => {
    expect(lastTwelveMonths(d('2026-12-01'))).toEqual({ from: '2025-12-01', to: '2026-11-30' });
  });
});
