/**
 * A share typed as a percentage (`25`, `12.5`, `33.33%`) to whole basis points, read digit by digit so
 * no float touches it: 25 → 2,500; 12.5 → 1,250. Undefined when it is not a percentage with at most
 * two decimal places.
 */
export function basisPointsFromPercent(typed: string): number | undefined {
  const match = /^(\d{1,3})(?:\.(\d{0,2}))?\s*%?$/.exec(typed.trim());
  if (match === null) return undefined;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}
