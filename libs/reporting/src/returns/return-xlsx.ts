import ExcelJS from 'exceljs';
import type { FinanceReturn } from './build-return';
import { FIGURE_COLUMNS } from './return-csv';

/**
 * The return as a workbook: figures by grouping, movements, and reviews. Money stays in whole pence
 * (integers, as in JSON and CSV) so every cell reconciles exactly; headings say so.
 */
export async function returnToXlsx(report: FinanceReturn): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'The placement ledger';
  workbook.created = new Date(report.asAt);
  const title = `${report.kind[0].toUpperCase()}${report.kind.slice(1)} return ${report.period.start} to ${report.period.end} (end exclusive), ${report.financialYear}, as at ${report.asAt}`;

  const figures = workbook.addWorksheet('Figures');
  figures.addRow([title]);
  figures.addRow(['grouping', 'key', ...FIGURE_COLUMNS]);
  figures.addRow(['total', 'all', ...FIGURE_COLUMNS.map((c) => report.total[c])]);
  for (const [key, row] of Object.entries(report.costCentres).sort()) figures.addRow(['costCentre', key, ...FIGURE_COLUMNS.map((c) => row[c])]);
  for (const [key, row] of Object.entries(report.placementTypes).sort()) figures.addRow(['placementType', key, ...FIGURE_COLUMNS.map((c) => row[c])]);
  if (report.projectedOutturnPence !== undefined) figures.addRow(['projectedOutturnPence (continuing)', '', report.projectedOutturnPence]);
  figures.getRow(2).font = { bold: true };

  const movements = workbook.addWorksheet('Movements');
  movements.addRow(['date', 'kind', 'placementId', 'childRef', 'costCentre', 'placementType', 'provider', 'weeklyRatePence', 'previousWeeklyRatePence', 'periodNetPence']);
  for (const m of report.movements) {
    movements.addRow([m.date, m.kind, m.placementId, m.childRef, m.costCentre, m.placementType, m.providerName, m.weeklyRatePence, m.previousWeeklyRatePence ?? null, m.periodNetPence]);
  }
  movements.getRow(1).font = { bold: true };

  const reviews = workbook.addWorksheet('Reviews');
  reviews.addRow(['status', 'termEnd', 'daysToTermEnd', 'placementId', 'childRef', 'costCentre', 'provider']);
  for (const [status, list] of [['due', report.reviewsDue], ['overdue', report.reviewsOverdue]] as const) {
    for (const r of list) reviews.addRow([status, r.termEnd, r.daysToTermEnd, r.placementId, r.childRef, r.costCentre, r.providerName]);
  }
  reviews.getRow(1).font = { bold: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
