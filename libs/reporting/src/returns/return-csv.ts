import type { FinanceReturn } from './build-return';
import type { Figures } from './figures';

export const FIGURE_COLUMNS: (keyof Figures)[] = [
  'grossPence', 'contributionsPence', 'netPence', 'financialYearToDatePence', 'budgetToDatePence', 'variancePence',
  'activeAtStart', 'commissioned', 'ended', 'activeAtEnd',
];

/** RFC 4180 field: quoted when it holds a comma, quote or line break. */
const field = (value: unknown): string => {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** One row per grouping (total, each cost centre, each placement type); money stays in pence. */
export function returnToCsv(report: FinanceReturn): string {
  const rows: unknown[][] = [['kind', 'periodStart', 'periodEnd', 'asAt', 'grouping', 'key', ...FIGURE_COLUMNS]];
  const head = [report.kind, report.period.start, report.period.end, report.asAt];
  rows.push([...head, 'total', 'all', ...FIGURE_COLUMNS.map((c) => report.total[c])]);
  for (const [key, figures] of Object.entries(report.costCentres).sort()) rows.push([...head, 'costCentre', key, ...FIGURE_COLUMNS.map((c) => figures[c])]);
  for (const [key, figures] of Object.entries(report.placementTypes).sort()) rows.push([...head, 'placementType', key, ...FIGURE_COLUMNS.map((c) => figures[c])]);
  return `${rows.map((row) => row.map(field).join(',')).join('\r\n')}\r\n`;
}
