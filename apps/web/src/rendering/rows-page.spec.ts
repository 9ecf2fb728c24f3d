import { rowsPage } from './rows-page';

const href = (n: number) => `/list?page=${n}`;
const rows = Array.from({ length: 250 }, (_, i) => i + 1);

describe('one page of a list', () => {
  it('gives the rows, which they are of how many, and links to the others', () => {
    const page = rowsPage(rows, 2, 100, href);
    expect(page).toMatchObject({ first: 101, last: 200, total: 250 });
    expect(page?.rows).toHaveLength(100);
    expect(page?.pagination).toEqual({
      previous: { href: '/list?page=1' }, next: { href: '/list?page=3' },
      items: [{ number: '1', href: '/list?page=1', current: false }, { number: '2', href: '/list?page=2', current: true }, { number: '3', href: '/list?page=3', current: false }],
    });
  });

  it('shows gaps as an ellipsis and has no next link on the last page', () => {
    const page = rowsPage(Array.from({ length: 1000 }, (_, i) => i), 10, 100, href);
    expect(page?.pagination?.next).toBeUndefined();
    expect(page?.pagination?.items.map((item) => ('number' in item ? item.number : '…'))).toEqual(['1', '…', '9', '10']);
    expect(page).toMatchObject({ first: 901, last: 1000 });
  });

  it('has one page, without pagination, for a short or empty list, and none past the end', () => {
    expect(rowsPage([1, 2], 1, 100, href)).toEqual({ rows: [1, 2], first: 1, last: 2, total: 2 });
    expect(rowsPage([], 1, 100, href)).toEqual({ rows: [], first: 0, last: 0, total: 0 });
    expect(rowsPage(rows, 4, 100, href)).toBeUndefined();
    expect(rowsPage(rows, 0, 100, href)).toBeUndefined();
  });
});
