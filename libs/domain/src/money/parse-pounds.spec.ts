import fc from 'fast-check';
import { formatPounds, type Pence } from './pence';
import { parsePounds } from './parse-pounds';

describe('pounds typed into a form', () => {
  it.each([
    ['1150', 115_000], ['1,150.50', 115_050], ['£1,150.50', 115_050], [' £ 1150.5 ', 115_050], ['0.01', 1], ['1234567.89', 123_456_789],
    ['0', 0], ['007', 700], ['12.', 1200],
  ])('reads %s as %i pence', (typed, expected) => {
    expect(parsePounds(typed)).toEqual({ ok: true, pence: expected });
  });

  it.each([
    ['', 'empty'], ['   ', 'empty'], ['-5', 'negative'], ['1.234', 'too-many-decimals'], ['12,34', 'not-a-number'], ['1,2345', 'not-a-number'],
    ['abc', 'not-a-number'], ['1e3', 'not-a-number'], ['£', 'empty'], ['1 150', 'not-a-number'], ['99999999999999999999', 'not-a-number'],
  ])('refuses %j (%s)', (typed, problem) => {
    expect(parsePounds(typed)).toEqual({ ok: false, problem });
  });

  it('reads back exactly what formatPounds writes, for any amount', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (amount) => {
      expect(parsePounds(formatPounds(amount as Pence))).toEqual({ ok: true, pence: amount });
    }));
  });
});
