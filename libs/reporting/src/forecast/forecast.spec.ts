import {
  pence,
  evolvePlacement, financialYear, initialPlacementState, type LocalDate, type Pence, type PlacementEvent,
} from '@ledger/domain';
import type { LedgerAsAt } from '@ledger/projections';
import { buildForecast } from './forecast';
import { DEFAULT_RAG, ragFor } from './rag';

const d = (s: string) => s as LocalDate;
const provider = { id: 'P', name: 'Provider', type: 'PR4', ofstedGrade: 'good' as const, distanceMiles: 5 };

// £1,400 a week from Mon 5 Oct 2026, reviewed and extended to 25 Jan 2027; budget £40,000; as of Mon 23 Nov.
const history: PlacementEvent[] = [
  { type: 'PlacementRequested', data: { placementId: 'a', childRef: 'LAC-A', ageAtRequest: 9, needs: [], placementTypeSought: 'U4', urgency: 'planned', requiredFrom: d('2026-10-05'), siblingGroupSize: 1 } },
  { type: 'PlacementCommissioned', data: { placementId: 'a', provider, placementType: 'U4', weeklyRatePence: 140_000 as Pence, startDate: d('2026-10-05'), initialTermDays: 28, termEnd: d('2026-11-02'), costCentre: 'CC-IFA', emergencyReason: 'x' } },
  { type: 'FourWeekReviewRecorded', data: { placementId: 'a', reviewedOn: d('2026-10-28'), outcome: 'extend', termEnd: d('2026-11-02'), onTime: true } },
  { type: 'PlacementExtended', data: { placementId: 'a', previousTermEnd: d('2026-11-02'), newTermEnd: d('2027-01-25'), reason: 'r' } },
];
const ledger: LedgerAsAt = {
  asAt: '2026-11-23T12:00:00.000Z',
  placements: [history.reduce(evolvePlacement, initialPlacementState)],
  budgets: new Map([['2026-27', { costCentres: { 'CC-IFA': { amountPence: 4_000_000 as Pence, changes: 1 } } }]]),
};

describe('the overspend forecast for 2026-27 as of 23 November', () => {
  const forecast = buildForecast(ledger, financialYear('2026-27'), d('2026-11-23'), DEFAULT_RAG);

  it('counts 49 days actually spent (7 weeks at £1,400) in every scenario', () => {
    for (const s of Object.values(forecast.scenarios)) expect(s.actualToDatePence).toBe(980_000);
  });

  it('runs the placement to its term end on 25 January on the committed basis: 63 more days', () => {
    expect(forecast.scenarios.committed).toMatchObject({ projectedOutturnPence: 980_000 + 1_260_000, variancePence: 2_240_000 - 4_000_000, rag: 'green' });
  });

  it('runs it to the year end on the continuing basis: 129 more days', () => {
    expect(forecast.scenarios.continuing).toMatchObject({ projectedOutturnPence: 980_000 + 2_580_000, budgetPence: 4_000_000, rag: 'green' });
  });

  it('weights a further extension by the learned probability and adds new demand on the trend basis', () => {
    // One review seen, which extended: (1 + 1) / (1 + 2) = 6,667 bp. The next 84-day term reaches the
    // year end after 66 days (£13,200), expected at 6,667 bp: 880,044p. New demand: one commission in
    // 26 weeks at £1,400, lasting 182 days (no ends yet) over the 129 days left: round(129² × 140000 / (2 × 182 × 7)).
    expect(forecast.trendModel).toMatchObject({ extensionBasisPoints: 6667, reviewsSeen: 1, extensionDays: { U4: 84 } });
    expect(forecast.scenarios.trend).toMatchObject({
      expectedNewDemandPence: 914_341, projectedOutturnPence: 980_000 + 1_260_000 + 880_044 + 914_341, variancePence: 34_385, rag: 'amber',
    });
    expect(forecast.scenarios.trend.costCentres['CC-IFA'].projectedOutturnPence).toBe(4_034_385);
  });
});

describe('red, amber and green', () => {
  it('turns red at 5% of the budget when that is below £100,000', () => {
    expect([ragFor(pence(199_999), pence(4_000_000)), ragFor(pence(200_000), pence(4_000_000))]).toEqual(['amber', 'red']);
  });

  it('turns red at £100,000 when 5% of the budget is more', () => {
    expect([ragFor(pence(9_999_999), pence(1_000_000_000)), ragFor(pence(10_000_000), pence(1_000_000_000))]).toEqual(['amber', 'red']);
  });

  it('is green at or under budget', () => {
    expect([ragFor(pence(0), pence(100)), ragFor(pence(-5), pence(100))]).toEqual(['green', 'green']);
  });

  it('follows configured thresholds', () => {
    expect(ragFor(pence(100), pence(10_000), { redBasisPoints: 100, redPence: pence(1_000_000) })).toBe('red');
  });
});
