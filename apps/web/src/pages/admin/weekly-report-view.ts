import type { Response } from 'express';
import { formatPounds, type Pence } from '@ledger/domain';
import { CAUSES, weeklyReportToPdf, weeklyReportToXlsx, type ChartPoint, type WeeklyReport } from '@ledger/reporting';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const W = 720;
const H = 260;
const PAD = { left: 70, right: 16, top: 16, bottom: 28 };

const CAUSE_LABELS: Record<(typeof CAUSES)[number], string> = {
  newCommissions: 'New commissions', ends: 'Ends', extensions: 'Extensions', rateChanges: 'Rate changes',
  jointFunding: 'Joint funding', backdatedCorrections: 'Backdated corrections',
};
const MOVEMENT_LABELS: Record<WeeklyReport['week']['movements'][number]['kind'], string> = {
  commissioned: 'Commissioned', ended: 'Ended', extended: 'Extended', 'rate-changed': 'Rate changed', 'joint-funding': 'Joint funding agreed',
};
const RAG_TAGS = { red: 'govuk-tag--red', amber: 'govuk-tag--yellow', green: 'govuk-tag--green' } as const;

/** What the report's page, PDF and workbook are: the same report, in the form asked for. */
export type ReportFormat = 'html' | 'pdf' | 'xlsx';
export const isReportFormat = (value: string): value is ReportFormat => value === 'html' || value === 'pdf' || value === 'xlsx';

export interface IssuedMark {
  readonly id: string;
  readonly issuedAt: string;
}

/** Sends the report as its PDF or workbook, named by its week, through the web door. */
export async function sendReportFile(res: Response, report: WeeklyReport, format: 'pdf' | 'xlsx', issued?: IssuedMark): Promise<void> {
  const name = `weekly-report-${report.weekCommencing}`;
  const file = format === 'pdf' ? await weeklyReportToPdf(report, issued) : await weeklyReportToXlsx(report, issued);
  res.type(format === 'pdf' ? 'application/pdf' : XLSX).attachment(`${name}.${format}`).send(file);
}

/**
 * The chart drawn as SVG shapes with presentation attributes (the page's CSP allows no inline styles):
 * cumulative net spend, the budget profile, and the forecast range from the report's week to the year end.
 */
function chartView(points: readonly ChartPoint[], report: WeeklyReport) {
  const values = points.flatMap((p) => [p.actualPence, p.budgetPence, p.committedPence, p.continuingPence]).filter((v): v is Pence => v !== null);
  const max = Math.max(1, ...values);
  const x = (i: number) => PAD.left + (i * (W - PAD.left - PAD.right)) / Math.max(1, points.length - 1);
  const y = (v: number) => H - PAD.bottom - (v * (H - PAD.top - PAD.bottom)) / max;
  const xy = (i: number, v: number) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`;
  const line = (pick: (p: ChartPoint) => number | null) => points.flatMap((p, i) => {
    const v = pick(p);
    return v === null ? [] : [xy(i, v)];
  }).join(' ');
  const range = points.flatMap((p, i) => (p.committedPence !== null && p.continuingPence !== null ? [{ i, low: p.committedPence, high: p.continuingPence }] : []));
  const band = [...range.map((r) => xy(r.i, r.high)), ...[...range].reverse().map((r) => xy(r.i, r.low))].join(' ');
  const yTicks = [0, 0.25, 0.5, 0.75, 1].map((f) => ({ y: y(max * f).toFixed(1), labelY: (y(max * f) + 4).toFixed(1), label: `£${Math.round((max * f) / 100_000).toLocaleString('en-GB')}k` }));
  const xTicks = points.flatMap((p, i) => (i === 0 || p.date.slice(0, 7) !== points[i - 1].date.slice(0, 7) ? [{ x: x(i).toFixed(1), label: MONTHS[Number(p.date.slice(5, 7)) - 1] }] : []));
  const { budgetPence, spendToDatePence, budgetToDatePence, scenarios } = report.headline;
  const pounds = (pence: number) => formatPounds(pence as Pence);
  const description = `Net spend to the end of the week is ${pounds(spendToDatePence)} against a budget profiled to date of ${pounds(budgetToDatePence)}. ` +
    `To the year end, spend is forecast between ${pounds(scenarios.committed.projectedOutturnPence)} (committed) and ${pounds(scenarios.continuing.projectedOutturnPence)} (continuing), ` +
    `against a budget for the year of ${pounds(budgetPence)}. The figures are in the table below the chart.`;
  return {
    width: W, height: H, left: PAD.left, right: W - PAD.right, bottom: H - PAD.bottom, labelY: H - 8,
    actual: line((p) => p.actualPence), budget: line((p) => p.budgetPence), band, yTicks, xTicks, description,
  };
}

/** The report laid out for its GOV.UK page: labels, tags and the chart's geometry; every figure stays in pence. */
export function weeklyReportView(report: WeeklyReport) {
  const { headline, week, compliance, movementSinceLastReport: moved } = report;
  return {
    scenarios: (['committed', 'continuing', 'trend'] as const).map((name) => ({ name, label: `${name[0].toUpperCase()}${name.slice(1)}`, ...headline.scenarios[name], ragTag: RAG_TAGS[headline.scenarios[name].rag] })),
    moved: moved === undefined ? undefined : {
      from: moved.from, budgetChangePence: moved.budgetChangePence, outturnChangePence: moved.after.projectedOutturnPence - moved.before.projectedOutturnPence,
      causes: CAUSES.map((cause) => ({ label: CAUSE_LABELS[cause], pence: moved.byCause[cause] })),
    },
    movements: week.movements.map((m) => ({ ...m, label: MOVEMENT_LABELS[m.kind] })),
    reviews: [...week.reviewsOverdue.map((r) => ({ ...r, overdue: true })), ...week.reviewsDue.map((r) => ({ ...r, overdue: false }))],
    compliance: {
      withPriorSearch: compliance.commissions.withPriorSearch, external: compliance.commissions.external, emergency: compliance.commissions.emergency,
      emergenciesInTime: compliance.commissions.emergencies.filter((e) => e.status === 'ratified-in-time').length,
      requests: compliance.requests, reviews: compliance.reviews, belowGood: compliance.providersBelowGood.length, overDistance: compliance.overDistance.length,
    },
    chart: chartView(report.chart, report),
  };
}
