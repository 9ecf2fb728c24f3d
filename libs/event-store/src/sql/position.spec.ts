import fc from 'fast-check';
import { START } from '../event-store.port';
import { parseSqlPosition, sqlPosition } from './position';

const id = fc.bigInt({ min: 1n, max: 2n ** 63n - 1n }).map(String);
const pair = fc.tuple(id, id);
const comparePairs = ([a1, a2]: [string, string], [b1, b2]: [string, string]) =>
  BigInt(a1) !== BigInt(b1) ? (BigInt(a1) < BigInt(b1) ? -1 : 1) : BigInt(a2) === BigInt(b2) ? 0 : BigInt(a2) < BigInt(b2) ? -1 : 1;
const compareStrings = (a: string, b: string) => (a === b ? 0 : a < b ? -1 : 1);

describe('a SQL position (transaction id, global position)', () => {
  it('orders by plain string comparison exactly as the pair orders', () => {
    fc.assert(fc.property(pair, pair, (a, b) => compareStrings(sqlPosition(...a), sqlPosition(...b)) === comparePairs(a, b)));
  });

  it('comes after START and parses back to its pair', () => {
    fc.assert(fc.property(pair, ([tx, pos]) => sqlPosition(tx, pos) > START && parseSqlPosition(sqlPosition(tx, pos)).tx === tx && parseSqlPosition(sqlPosition(tx, pos)).pos === pos));
  });

  it('refuses a string that is not a SQL position', () => {
    expect(() => parseSqlPosition('00000000000000000001:x')).toThrow(RangeError);
  });
});
