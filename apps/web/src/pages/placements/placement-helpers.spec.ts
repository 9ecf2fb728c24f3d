import type { LocalDate, Pence } from '@ledger/domain';
import { placementListSql } from '@ledger/projections';
import { initialTermOf } from './commission-check';
import { basisPointsFromPercent } from './percent';
import { filterFor, listHref, pagination, readListParams, sortHeading } from './placement-list-view';
import { isPlacementId } from './status-words';

describe('a share typed as a percentage', () => {
  it('becomes whole basis points exactly', () => {
    expect(basisPointsFromPercent('25')).toBe(2500);
    expect(basisPointsFromPercent('12.5')).toBe(1250);
    expect(basisPointsFromPercent('33.33%')).toBe(3333);
    expect(basisPointsFromPercent('0.01')).toBe(1);
    expect(basisPointsFromPercent('100')).toBe(10_000);
  });

  it('is not read when it has more than two decimals or is not a number', () => {
    expect(basisPointsFromPercent('12.345')).toBeUndefined();
    expect(basisPointsFromPercent('a quarter')).toBeUndefined();
    expect(basisPointsFromPercent('-5')).toBeUndefined();
  });
});

describe('the initial term shown before commissioning', () => {
  it('ends 28 days after the start and costs round(r × 28 / 7)', () => {
    expect(initialTermOf('2026-11-30' as LocalDate, 115_050 as Pence)).toEqual({
      initialTermDays: 28, termEnd: '2026-12-28', lastDay: '2026-12-27', costPence: 460_200,
    });
  });

  it('rounds a shorter term half up in whole pence', () => {
    // 99_999 × 3 / 7 = 42856.71… → 42857
    expect(initialTermOf('2026-11-30' as LocalDate, 99_999 as Pence, 3).costPence).toBe(42_857);
  });
});

describe('the placements list read from its query parameters', () => {
  it('ignores values it does not know rather than failing', () => {
    expect(readListParams({ status: 'lost', sort: 'name; DROP TABLE', page: '-3', review: 'soon' }))
      .toEqual({ status: undefined, costCentre: undefined, placementType: undefined, review: undefined, childRef: undefined, sort: undefined, order: 'asc', page: 1 });
  });

  it('asks for one row beyond the page, from the page’s offset', () => {
    const params = readListParams({ page: '3', review: 'overdue', sort: 'weeklyRate', order: 'desc' });
    expect(filterFor(params, '2026-12-21', 7)).toMatchObject({
      limit: 26, offset: 50, review: { kind: 'overdue', asOf: '2026-12-21', withinDays: 7 }, sort: { column: 'weeklyRate', direction: 'desc' },
    });
  });

  it('links a column heading to the opposite order when it is the current sort', () => {
    const params = readListParams({ sort: 'childRef', status: 'commissioned', page: '2' });
    const heading = sortHeading(params, 'childRef', 'Child reference');
    expect(heading.attributes['aria-sort']).toBe('ascending');
    expect(heading.html).toContain('href="/placements?status=commissioned&amp;sort=childRef&amp;order=desc"');
    expect(listHref(params, { status: undefined, page: 1 })).toBe('/placements?sort=childRef');
  });

  it('pages with previous and next, and numbers around the current page', () => {
    const pages = pagination(readListParams({ page: '5' }), true);
    expect(pages?.previous?.href).toBe('/placements?page=4');
    expect(pages?.next?.href).toBe('/placements?page=6');
    expect(pages?.items.map((item) => ('ellipsis' in item ? '…' : item.number))).toEqual(['1', '…', '4', '5', '6']);
    expect(pagination(readListParams({}), false)).toBeUndefined();
  });
});

describe('the list’s SQL', () => {
  it('binds every value as a parameter and escapes LIKE wildcards in a child reference', () => {
    const sql = placementListSql({ childRef: '50%_x', costCentre: 'CC-IFA', sort: { column: 'termEnd', direction: 'desc' }, limit: 26, offset: 0 });
    expect(sql.where).toBe('cost_centre = $1 AND child_ref ILIKE $2');
    expect(sql.params).toEqual(['CC-IFA', '%50\\%\\_x%', 26, 0]);
    expect(sql.orderBy).toBe('term_end DESC NULLS LAST, placement_id');
  });

  it('keeps the API’s order and everything when there is no filter', () => {
    expect(placementListSql({})).toEqual({ where: 'TRUE', orderBy: 'start_date NULLS LAST, placement_id', paging: '', params: [] });
  });

  it('counts a review as due within the window and overdue from the term end', () => {
    const due = placementListSql({ review: { kind: 'due', asOf: '2026-12-30', withinDays: 7 } });
    expect(due.params).toEqual(['2026-12-30', '2027-01-06']);
    expect(due.where).toContain('reviewed_term_end IS DISTINCT FROM term_end');
  });
});

describe('a placement id in a web address', () => {
  it('is a version 4 UUID or no placement at all', () => {
    expect(isPlacementId('8f0c1a52-6a8e-4b6e-9f7e-2d3c4b5a6978')).toBe(true);
    expect(isPlacementId('not-a-uuid')).toBe(false);
    expect(isPlacementId('8f0c1a52-6a8e-1b6e-9f7e-2d3c4b5a6978')).toBe(false);
  });
});
