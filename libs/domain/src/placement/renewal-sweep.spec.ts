import type { LocalDate } from '../calendar/local-date';
import { context, given } from '../testing/given';
import { commissioned, ended, extended, ID, requested, reviewed, searched } from '../testing/placement-history';
import type { PlacementEvent } from './placement-events';

const d = (s: string) => s as LocalDate;
const due = { type: 'FlagReviewDue' as const, data: {} };
const overdue = { type: 'FlagReviewOverdue' as const, data: {} };
const active = [requested, searched(), commissioned()];
const dueFlag = (termEnd: string, flaggedOn: string): PlacementEvent => ({ type: 'ReviewDueFlagged', data: { placementId: ID, termEnd: d(termEnd), flaggedOn: d(flaggedOn) } });
const overdueFlag = (termEnd: string, flaggedOn: string): PlacementEvent => ({ type: 'ReviewOverdueFlagged', data: { placementId: ID, termEnd: d(termEnd), flaggedOn: d(flaggedOn) } });

describe('a commissioned placement whose term ends within seven days, unreviewed', () => {
  it('is flagged review-due on the seventh day before the term end, dated today', () => {
    given(...active).when(due, context('2026-11-23')).then([dueFlag('2026-11-30', '2026-11-23')]);
  });

  it('is flagged on the last day of the term too', () => {
    given(...active).when(due, context('2026-11-29')).then([dueFlag('2026-11-30', '2026-11-29')]);
  });

  it('is flagged once per term however often the sweep runs', () => {
    given(...active, dueFlag('2026-11-30', '2026-11-23')).when(due, context('2026-11-24')).then([]);
  });

  it('is flagged earlier when the configured window is wider', () => {
    given(...active).when(due, context('2026-11-16', { reviewDueWithinDays: 14 })).then([dueFlag('2026-11-30', '2026-11-16')]);
  });
});

describe('a placement the review-due flag passes over', () => {
  it('is not flagged more than seven days before the term end', () => {
    given(...active).when(due, context('2026-11-22')).then([]);
  });

  it('is not flagged due once the term has ended (it is overdue instead)', () => {
    given(...active).when(due, context('2026-11-30')).then([]);
  });

  it('is not flagged once the term is reviewed, nor when ended, nor before it is commissioned', () => {
    given(...active, reviewed()).when(due, context('2026-11-26')).then([]);
    given(...active, ended('2026-11-20')).when(due, context('2026-11-26')).then([]);
    given(requested, searched()).when(due, context('2026-11-26')).then([]);
  });
});

describe('a term that ended without a review', () => {
  it('is flagged overdue from its term end, once', () => {
    given(...active).when(overdue, context('2026-11-30')).then([overdueFlag('2026-11-30', '2026-11-30')]);
    given(...active, overdueFlag('2026-11-30', '2026-11-30')).when(overdue, context('2026-12-03')).then([]);
  });

  it('is not overdue on its last day', () => {
    given(...active).when(overdue, context('2026-11-29')).then([]);
  });

  it('is not flagged once reviewed late, nor once the placement has ended', () => {
    given(...active, reviewed('2026-12-02', 'end')).when(overdue, context('2026-12-05')).then([]);
    given(...active, ended('2026-11-20')).when(overdue, context('2026-12-05')).then([]);
  });
});

describe('an extended placement', () => {
  const renewed = [...active, dueFlag('2026-11-30', '2026-11-23'), reviewed(), extended('2027-02-22')];

  it('is flagged again for its new term, the earlier term\'s flag not counting', () => {
    given(...renewed).when(due, context('2027-02-15')).then([dueFlag('2027-02-22', '2027-02-15')]);
    given(...renewed).when(overdue, context('2027-02-22')).then([overdueFlag('2027-02-22', '2027-02-22')]);
  });

  it('is not flagged in the middle of its new term', () => {
    given(...renewed).when(due, context('2026-12-20')).then([]);
  });
});
