import { localDate } from '@ledger/domain';
import { ageBandOf, ageOn, inAgeRange, parseAgeRange } from './age-band';

describe('age bands', () => {
  it('ages a child by whole years from the date the placement was required', () => {
    const from = localDate('2025-06-10');
    expect(ageOn(11, from, localDate('2025-06-09'))).toBe(11);
    expect(ageOn(11, from, localDate('2026-06-09'))).toBe(11);
    expect(ageOn(11, from, localDate('2026-06-10'))).toBe(12);
    expect(ageOn(11, from, localDate('2028-01-01'))).toBe(13);
  });

  it('puts each age in one DfE band', () => {
    expect([0, 4, 5, 9, 10, 11, 12, 15, 16, 17].map(ageBandOf)).toEqual(['0-4', '0-4', '5-9', '5-9', '10-11', '10-11', '12-15', '12-15', '16+', '16+']);
  });

  it('reads open and closed ranges and refuses anything else', () => {
    const twelvePlus = parseAgeRange('12+')!;
    expect([11, 12, 17].map((age) => inAgeRange(age, twelvePlus))).toEqual([false, true, true]);
    expect(parseAgeRange('5-9')).toEqual({ from: 5, to: 9, label: '5-9' });
    expect(parseAgeRange('9-5')).toBeUndefined();
    expect(parseAgeRange('twelve')).toBeUndefined();
  });
});
