import { budgetStreamId, parseStreamId, placementIdOf, placementStreamId, weeklyReportStreamId } from './streams';

describe('stream ids', () => {
  it('parse back to what built them', () => {
    expect(parseStreamId(placementStreamId('7f1c2d3e-0000-4000-8000-000000000001'))).toEqual({ kind: 'placement', placementId: '7f1c2d3e-0000-4000-8000-000000000001' });
    expect(parseStreamId(budgetStreamId('2026-27'))).toEqual({ kind: 'budget', financialYear: '2026-27' });
    expect(parseStreamId(weeklyReportStreamId('2026-11-23'))).toEqual({ kind: 'weekly-report', weekCommencing: '2026-11-23' });
    expect(placementIdOf(placementStreamId('p-1'))).toBe('p-1');
  });

  it('name no aggregate when the category is unknown or the id is empty', () => {
    for (const id of ['report-2026-W48', 'weeklyreport-', 'placement-', 'budget-', 'placements-x', '']) expect(parseStreamId(id)).toBeUndefined();
    expect(placementIdOf(budgetStreamId('2026-27'))).toBeUndefined();
  });
});
