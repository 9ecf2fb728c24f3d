import {
  decidePlacement, defaultRateBandFor, evolvePlacement, initialPlacementState, type LocalDate, type Pence, type PlacementCommand, type PlacementEvent,
} from '@ledger/domain';
import type { LedgerAsAt } from '@ledger/projections';
import { DEFAULT_RAG } from '../forecast/rag';
import { previewPlacementChange } from './placement-preview';

const d = (s: string) => s as LocalDate;
const provider = { id: 'P', name: 'Provider', type: 'PR4', ofstedGrade: 'good' as const, distanceMiles: 5 };
const context = { today: d('2026-11-23'), rateBandFor: defaultRateBandFor, reviewDueWithinDays: 7 };

// Placement a (as in the forecast's worked example): £1,400 a week from 5 October 2026, extended to
// 25 January 2027. As of Monday 23 November: 49 days spent (£9,800); continuing to the year end, 129
// more days (£25,800): outturn £35,600 against a budget of £40,000, green.
const a: PlacementEvent[] = [
  { type: 'PlacementRequested', data: { placementId: 'a', childRef: 'LAC-A', ageAtRequest: 9, needs: [], placementTypeSought: 'U4', urgency: 'planned', requiredFrom: d('2026-10-05'), siblingGroupSize: 1 } },
  { type: 'PlacementCommissioned', data: { placementId: 'a', provider, placementType: 'U4', weeklyRatePence: 140_000 as Pence, startDate: d('2026-10-05'), initialTermDays: 28, termEnd: d('2026-11-02'), costCentre: 'CC-IFA', emergencyReason: 'x' } },
  { type: 'FourWeekReviewRecorded', data: { placementId: 'a', reviewedOn: d('2026-10-28'), outcome: 'extend', termEnd: d('2026-11-02'), onTime: true } },
  { type: 'PlacementExtended', data: { placementId: 'a', previousTermEnd: d('2026-11-02'), newTermEnd: d('2027-01-25'), reason: 'r' } },
];
// Placement b: requested, the in-house search found nothing; about to be commissioned.
const b: PlacementEvent[] = [
  { type: 'PlacementRequested', data: { placementId: 'b', childRef: 'LAC-B', ageAtRequest: 13, needs: [], placementTypeSought: 'U4', urgency: 'planned', requiredFrom: d('2026-11-23'), siblingGroupSize: 1 } },
  { type: 'InHouseSearchRecorded', data: { placementId: 'b', searchedOn: d('2026-11-20'), options: [{ resource: 'In-house carers', outcome: 'unavailable' }], inHouseOptionAvailable: false } },
];
const fold = (events: PlacementEvent[]) => events.reduce(evolvePlacement, initialPlacementState);
const ledger: LedgerAsAt = {
  asAt: '2026-11-23T12:00:00.000Z', placements: [fold(a), fold(b)],
  budgets: new Map([['2026-27', { costCentres: { 'CC-IFA': { amountPence: 4_000_000 as Pence, changes: 1 } } }]]),
};

describe('the cost of a commission before it is made', () => {
  // b at £1,050 a week from 23 November for 28 days: the term costs 4 × £1,050 = £4,200; on the
  // continuing basis it runs the 129 days to 1 April: 105,000 × 129 / 7 = £19,350 this year.
  const commission: PlacementCommand = { type: 'CommissionPlacement', data: {
    provider, placementType: 'U4', weeklyRatePence: 105_000 as Pence, startDate: d('2026-11-23'), initialTermDays: 28, costCentre: 'CC-IFA',
  } };
  const before = fold(b);
  const preview = previewPlacementChange(ledger, { before, events: decidePlacement(commission, before, context) }, d('2026-11-23'), d('2026-11-23'), DEFAULT_RAG);

  it('adds this year’s continuing cost to the cost centre’s outturn: £35,600 + £19,350 = £54,950', () => {
    expect(preview).toMatchObject({ financialYear: '2026-27', costCentre: 'CC-IFA', budgetPence: 4_000_000, placementYearBeforePence: 0, placementYearAfterPence: 1_935_000 });
    expect(preview.continuing).toEqual({
      outturnBeforePence: 3_560_000, outturnAfterPence: 5_495_000, ragBefore: 'green', ragAfter: 'red',
      headroomBeforePence: 440_000, headroomAfterPence: -1_495_000,
    });
  });

  it('says it turns the cost centre red: £14,950 over is past 5% of £40,000 (£2,000)', () => {
    expect(preview.turnsRed).toBe(true);
  });

  it('adds only the initial term on the committed basis: £22,400 (a to 25 January) + £4,200', () => {
    expect(preview.committed).toMatchObject({ outturnBeforePence: 2_240_000, outturnAfterPence: 2_660_000, ragAfter: 'green', headroomAfterPence: 1_340_000 });
  });

  it('of an extension, moves the committed basis by the new term and leaves the continuing one alone', () => {
    // a's review decided to extend; extending from 25 January to 22 February adds 28 days at £1,400 (£5,600) to the committed basis.
    const reviewed = fold([...a, { type: 'FourWeekReviewRecorded', data: { placementId: 'a', reviewedOn: d('2026-11-23'), outcome: 'extend', termEnd: d('2027-01-25'), onTime: true } }]);
    const extension: PlacementCommand = { type: 'ExtendPlacement', data: { newTermEnd: d('2027-02-22'), reason: 'settled' } };
    const extended = previewPlacementChange(ledger, { before: reviewed, events: decidePlacement(extension, reviewed, context) }, d('2026-11-23'), d('2027-01-25'), DEFAULT_RAG);
    expect(extended.committed).toMatchObject({ outturnBeforePence: 2_240_000, outturnAfterPence: 2_800_000 });
    expect(extended.continuing).toMatchObject({ outturnBeforePence: 3_560_000, outturnAfterPence: 3_560_000, ragAfter: 'green' });
    expect(extended.turnsRed).toBe(false);
  });
});
