import ExcelJS from 'exceljs';
import PDFDocument from 'pdfkit';
import { formatPounds, pence, type Pence } from '@ledger/domain';
import type { WeeklyReport } from './weekly-report';

const pounds = (amount: Pence) => formatPounds(amount);
const SCENARIOS = ['committed', 'continuing', 'trend'] as const;

/** The report as a workbook: headline, the week's movements, reviews, and the chart's series, in pence. */
export async function weeklyReportToXlsx(report: WeeklyReport, issued?: { id: string; issuedAt: string }): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'The placement ledger';
  const headline = workbook.addWorksheet('Headline');
  headline.addRow([`Weekly report, week commencing ${report.weekCommencing}, ${report.financialYear}, as known at ${report.asAt}${issued ? `, issued ${issued.issuedAt} (${issued.id})` : ''}`]);
  headline.addRow(['figure', 'pence']);
  headline.addRow(['budgetPence', report.headline.budgetPence]);
  headline.addRow(['spendToDatePence', report.headline.spendToDatePence]);
  headline.addRow(['budgetToDatePence', report.headline.budgetToDatePence]);
  for (const name of SCENARIOS) {
    const s = report.headline.scenarios[name];
    headline.addRow([`${name}.projectedOutturnPence`, s.projectedOutturnPence]);
    headline.addRow([`${name}.variancePence`, s.variancePence]);
    headline.addRow([`${name}.rag`, s.rag]);
  }
  headline.addRow(['week.netPence', report.week.total.netPence]);
  const movements = workbook.addWorksheet('This week');
  movements.addRow(['date', 'movement', 'childRef', 'provider', 'costCentre', 'weeklyRatePence', 'periodNetPence']);
  for (const m of report.week.movements) movements.addRow([m.date, m.kind, m.childRef, m.providerName, m.costCentre, m.weeklyRatePence, m.periodNetPence]);
  const reviews = workbook.addWorksheet('Reviews');
  reviews.addRow(['status', 'termEnd', 'childRef', 'provider', 'costCentre']);
  for (const r of report.week.reviewsOverdue) reviews.addRow(['overdue', r.termEnd, r.childRef, r.providerName, r.costCentre]);
  for (const r of report.week.reviewsDue) reviews.addRow(['due', r.termEnd, r.childRef, r.providerName, r.costCentre]);
  const chart = workbook.addWorksheet('Chart data');
  chart.addRow(['date', 'actualPence', 'budgetPence', 'committedPence', 'continuingPence']);
  for (const p of report.chart) chart.addRow([p.date, p.actualPence, p.budgetPence, p.committedPence, p.continuingPence]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The one-page report as a PDF (pdfkit): the same figures as the page, for e-mail and the file. */
export function weeklyReportToPdf(report: WeeklyReport, issued?: { id: string; issuedAt: string }): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 40, info: { Title: `Weekly report, week commencing ${report.weekCommencing}` } });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    const row = (label: string, value: string) => doc.font('Helvetica').fontSize(10).text(`${label}: ${value}`);
    doc.font('Helvetica-Bold').fontSize(15).text('External placements budget: weekly report');
    doc.font('Helvetica').fontSize(9).fillColor('#555')
      .text(`Week commencing ${report.weekCommencing} - financial year ${report.financialYear} - figures as known at ${report.asAt}${issued ? ` - issued ${issued.issuedAt}` : ''}`)
      .fillColor('black').moveDown();
    doc.font('Helvetica-Bold').fontSize(12).text('Headline');
    row('Budget for the year (net)', pounds(report.headline.budgetPence));
    row('Spend to date (net)', pounds(report.headline.spendToDatePence));
    row('Budget profiled to date', pounds(report.headline.budgetToDatePence));
    for (const name of SCENARIOS) {
      const s = report.headline.scenarios[name];
      row(`Projected outturn, ${name}`, `${pounds(s.projectedOutturnPence)} (variance ${pounds(s.variancePence)}, ${s.rag.toUpperCase()})`);
    }
    const range = report.headline.range;
    if (range !== undefined) row('Range of outturns (P10 / P50 / P90)', `${pounds(range.p10Pence)} / ${pounds(range.p50Pence)} / ${pounds(range.p90Pence)}`);
    if (report.backtest !== undefined) {
      const mape = report.backtest.meanAbsolutePercentageErrorBasisPoints;
      row(`Back-test on ${report.backtest.financialYear}`, `mean absolute error continuing ${(mape.continuing / 100).toFixed(2)}%, trend ${(mape.trend / 100).toFixed(2)}%, P50 ${(mape.p50 / 100).toFixed(2)}%; inside P10-P90 in ${report.backtest.inRange.months} of ${report.backtest.inRange.of} months`);
    }
    for (const w of report.earlyWarnings ?? []) row(`Early warning, ${w.costCentre}`, `${pounds(w.before.outturnPence)} (${w.before.rag}) to ${pounds(w.after.outturnPence)} (${w.after.rag})`);
    doc.moveDown().font('Helvetica-Bold').fontSize(12).text('Cumulative spend, budget profile and forecast range');
    drawChart(doc, report);
    doc.moveDown().font('Helvetica-Bold').fontSize(12).text('This week');
    row('Net spend this week', pounds(report.week.total.netPence));
    row('Commissioned / ended / active at end', `${report.week.total.commissioned} / ${report.week.total.ended} / ${report.week.total.activeAtEnd}`);
    for (const m of report.week.movements.slice(0, 25)) row(`${m.date} ${m.kind}`, `${m.childRef}, ${m.providerName}, ${pounds(m.weeklyRatePence)} a week`);
    if (report.week.movements.length > 25) row('More movements', `${report.week.movements.length - 25} (see the XLSX)`);
    doc.moveDown().font('Helvetica-Bold').fontSize(12).text('Four-week reviews');
    row('Overdue / due in the next 7 days', `${report.week.reviewsOverdue.length} / ${report.week.reviewsDue.length}`);
    if (report.movementSinceLastReport) {
      doc.moveDown().font('Helvetica-Bold').fontSize(12).text('What moved since the last report');
      for (const [cause, pence] of Object.entries(report.movementSinceLastReport.byCause)) row(cause, pounds(pence));
    }
    doc.moveDown().font('Helvetica-Bold').fontSize(12).text('In-house first, year to date');
    const c = report.compliance;
    row('External commissions after an in-house search', `${c.commissions.withPriorSearch} of ${c.commissions.external}`);
    row('Reviews on time / late / overdue', `${c.reviews.onTime} / ${c.reviews.late} / ${c.reviews.overdue}`);
    doc.end();
  });
}

/** The page's chart in vector lines: actual (blue), budget profile (dashed), forecast range (orange band). */
function drawChart(doc: PDFKit.PDFDocument, report: WeeklyReport): void {
  const left = 70;
  const top = doc.y + 6;
  const width = 470;
  const height = 150;
  const points = report.chart;
  const max = Math.max(1, ...points.flatMap((p) => [p.actualPence, p.budgetPence, p.committedPence, p.continuingPence]).filter((v): v is Pence => v !== null));
  const x = (i: number) => left + (i * width) / Math.max(1, points.length - 1);
  const y = (v: number) => top + height - (v * height) / max;
  doc.save().lineWidth(0.5).strokeColor('#bbbbbb').rect(left, top, width, height).stroke();
  doc.font('Helvetica').fontSize(7).fillColor('#555');
  for (const f of [0, 0.5, 1]) doc.text(pounds(pence(Math.round(max * f))), left - 66, y(max * f) - 3, { width: 62, align: 'right' });
  const band = points.map((p, i) => [i, p] as const).filter(([, p]) => p.committedPence !== null && p.continuingPence !== null);
  if (band.length > 1) {
    doc.moveTo(x(band[0][0]), y(band[0][1].continuingPence as number));
    for (const [i, p] of band.slice(1)) doc.lineTo(x(i), y(p.continuingPence as number));
    for (const [i, p] of [...band].reverse()) doc.lineTo(x(i), y(p.committedPence as number));
    doc.closePath().fillOpacity(0.25).fill('#e66100').fillOpacity(1);
  }
  const line = (pick: (p: WeeklyReport['chart'][number]) => number | null) => {
    const drawn = points.map((p, i) => [i, pick(p)] as const).filter(([, v]) => v !== null) as [number, number][];
    if (drawn.length < 2) return false;
    doc.moveTo(x(drawn[0][0]), y(drawn[0][1]));
    for (const [i, v] of drawn.slice(1)) doc.lineTo(x(i), y(v));
    return true;
  };
  // The band's edges, so a range of no width (committed = continuing) still shows.
  if (line((p) => p.continuingPence)) doc.lineWidth(1).strokeColor('#e66100').stroke();
  if (line((p) => p.committedPence)) doc.lineWidth(1).strokeColor('#e66100').stroke();
  if (line((p) => p.budgetPence)) doc.lineWidth(1).dash(4, { space: 3 }).strokeColor('#333333').stroke().undash();
  if (line((p) => p.actualPence)) doc.lineWidth(2).strokeColor('#1a5fb4').stroke();
  doc.restore().fillColor('black').strokeColor('black');
  doc.x = 40;
  doc.y = top + height + 10;
}
