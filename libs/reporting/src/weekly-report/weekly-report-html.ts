import { formatPounds, subtractPence, type Pence } from '@ledger/domain';
import type { WeeklyReport } from './weekly-report';
import { renderChart } from './weekly-report-chart';

const escape = (text: unknown) => String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
/** Pounds for people, the exact pence alongside for anyone (or any test) checking the figure. */
const money = (pence: Pence, name?: string) => `<span class="money"${name ? ` data-figure="${name}"` : ''} data-pence="${pence}">${escape(formatPounds(pence))}</span>`;
const CAUSE_LABELS: Record<string, string> = {
  newCommissions: 'New commissions', ends: 'Ends', extensions: 'Extensions', rateChanges: 'Rate changes',
  jointFunding: 'Joint funding', backdatedCorrections: 'Backdated corrections',
};

/** The one-page weekly report to senior managers, as a self-contained HTML page. */
export function renderWeeklyReportHtml(report: WeeklyReport, issued?: { id: string; issuedAt: string }): string {
  const { headline, week, compliance, movementSinceLastReport: moved } = report;
  const scenarioRows = (['committed', 'continuing', 'trend'] as const).map((name) => {
    const s = headline.scenarios[name];
    return `<tr><th>${name[0].toUpperCase()}${name.slice(1)}</th><td>${money(s.projectedOutturnPence, `${name}.projectedOutturnPence`)}</td><td>${money(s.variancePence, `${name}.variancePence`)}</td><td><span class="rag ${s.rag}" data-rag="${name}">${s.rag.toUpperCase()}</span></td></tr>`;
  }).join('');
  const movements = week.movements.map((m) => `<tr><td>${escape(m.date)}</td><td>${escape(m.kind)}</td><td>${escape(m.childRef)}</td><td>${escape(m.providerName)}</td><td>${escape(m.costCentre)}</td><td>${money(m.weeklyRatePence)}</td></tr>`).join('')
    || '<tr><td colspan="6">No placements commissioned, extended, re-rated or ended this week.</td></tr>';
  const reviews = [...week.reviewsOverdue.map((r) => ({ ...r, status: 'Overdue' })), ...week.reviewsDue.map((r) => ({ ...r, status: 'Due' }))]
    .map((r) => `<tr><td>${r.status}</td><td>${escape(r.termEnd)}</td><td>${escape(r.childRef)}</td><td>${escape(r.providerName)}</td><td>${escape(r.costCentre)}</td></tr>`).join('')
    || '<tr><td colspan="5">No reviews due in the next 7 days and none overdue.</td></tr>';
  const movedRows = moved === undefined ? '<p>No earlier issued report to compare with.</p>'
    : `<p>Since the report as at ${escape(moved.from)}, the continuing outturn moved by ${money(subtractPence(moved.after.projectedOutturnPence, moved.before.projectedOutturnPence), 'movement.outturn')}; the budget by ${money(moved.budgetChangePence)}.</p>
       <table><tbody>${Object.entries(moved.byCause).map(([cause, pence]) => `<tr><th>${CAUSE_LABELS[cause] ?? cause}</th><td>${money(pence)}</td></tr>`).join('')}</tbody></table>`;
  const warnings = report.earlyWarnings === undefined ? '<p>No earlier issued report to compare with.</p>'
    : report.earlyWarnings.length === 0 ? '<p>No cost centre crossed a RAG boundary or moved past the early-warning threshold since the last report.</p>'
      : `<table><thead><tr><th>Cost centre</th><th>Was</th><th>Now</th><th>Moved</th><th>Causes</th></tr></thead><tbody>${report.earlyWarnings.map((w) => `<tr data-warning="${escape(w.costCentre)}"><th>${escape(w.costCentre)}</th>`
        + `<td>${money(w.before.outturnPence)} <span class="rag ${w.before.rag}">${w.before.rag.toUpperCase()}</span></td><td>${money(w.after.outturnPence)} <span class="rag ${w.after.rag}">${w.after.rag.toUpperCase()}</span></td>`
        + `<td>${money(w.movedPence)}</td><td>${Object.entries(w.causes).filter(([, p]) => p !== 0).map(([c, p]) => `${escape(CAUSE_LABELS[c] ?? c)} ${money(p)}`).join('; ') || 'Budget change'}</td></tr>`).join('')}</tbody></table>`;
  const bt = report.backtest;
  const backtestLine = bt === undefined ? '' : `<p data-figure="backtest">Back-tested on ${escape(bt.financialYear)}: mean absolute error ${(['committed', 'continuing', 'trend', 'p50'] as const)
    .map((b) => `${b === 'p50' ? 'P50' : b} ${(bt.meanAbsolutePercentageErrorBasisPoints[b] / 100).toFixed(2)}%`).join(', ')}; the actual outturn fell inside P10–P90 in ${bt.inRange.months} of ${bt.inRange.of} months.</p>`;
  return `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><title>External placements: weekly report, week commencing ${escape(report.weekCommencing)}</title>
<style>
  body { font: 14px/1.4 system-ui, sans-serif; margin: 24px; color: #1b1b1b; max-width: 980px; }
  h1 { font-size: 20px; margin: 0 0 4px; } h2 { font-size: 15px; margin: 18px 0 6px; border-bottom: 1px solid #ccc; }
  table { border-collapse: collapse; width: 100%; } th, td { text-align: left; padding: 3px 6px; border-bottom: 1px solid #eee; }
  .money { font-variant-numeric: tabular-nums; } .meta { color: #555; }
  .rag { padding: 1px 8px; border-radius: 8px; font-weight: 600; } .red { background: #f4c7c3; } .amber { background: #fce8b2; } .green { background: #b7e1cd; }
  .chart { width: 100%; height: auto; } .chart text { font-size: 10px; fill: #555; } .grid { stroke: #eee; }
  .actual { fill: none; stroke: #1a5fb4; stroke-width: 2.5; } .budget { fill: none; stroke: #333; stroke-dasharray: 5 4; stroke-width: 1.5; }
  .range { fill: #e66100; fill-opacity: .22; stroke: #e66100; stroke-width: 1; }
  .legend .key { display: inline-block; width: 14px; height: 4px; vertical-align: middle; margin-left: 12px; }
  .legend .key.actual { background: #1a5fb4; } .legend .key.budget { background: #333; } .legend .key.range { background: #f3b88a; }
  @media print { body { margin: 0; } }
</style></head>
<body>
<h1>External placements budget: weekly report</h1>
<p class="meta">Week commencing ${escape(report.weekCommencing)} · financial year ${escape(report.financialYear)} · figures as known at ${escape(report.asAt)}${issued ? ` · issued ${escape(issued.issuedAt)} (${escape(issued.id)})` : ''}</p>
<h2>Headline</h2>
<table><tbody>
  <tr><th>Budget for the year (net)</th><td>${money(headline.budgetPence, 'budgetPence')}</td></tr>
  <tr><th>Spend to date (net)</th><td>${money(headline.spendToDatePence, 'spendToDatePence')}</td></tr>
  <tr><th>Budget profiled to date</th><td>${money(headline.budgetToDatePence, 'budgetToDatePence')}</td></tr>
</tbody></table>
<table><thead><tr><th>Forecast basis</th><th>Projected outturn</th><th>Variance (+ over)</th><th>RAG</th></tr></thead><tbody>${scenarioRows}</tbody></table>
<p>Range of outturns (simulated from the ledger's history): P10 ${money(headline.range.p10Pence, 'range.p10Pence')}, P50 ${money(headline.range.p50Pence, 'range.p50Pence')}, P90 ${money(headline.range.p90Pence, 'range.p90Pence')}.</p>
${backtestLine}
<h2>Early warnings</h2>
${warnings}
<h2>Cumulative spend, budget profile and forecast range</h2>
${renderChart(report.chart)}
<h2>What moved since the last report</h2>
${movedRows}
<h2>This week: ${money(week.total.netPence, 'week.netPence')} net; ${week.total.commissioned} commissioned, ${week.total.ended} ended, ${week.total.activeAtEnd} active</h2>
<table><thead><tr><th>Date</th><th>Movement</th><th>Child</th><th>Provider</th><th>Cost centre</th><th>Weekly rate</th></tr></thead><tbody>${movements}</tbody></table>
<h2>Four-week reviews</h2>
<table><thead><tr><th></th><th>Term ends</th><th>Child</th><th>Provider</th><th>Cost centre</th></tr></thead><tbody>${reviews}</tbody></table>
<h2>In-house first, year to date</h2>
<table><tbody>
  <tr><th>External commissions after an in-house search</th><td data-figure="compliance.withPriorSearch">${compliance.commissions.withPriorSearch} of ${compliance.commissions.external}</td></tr>
  <tr><th>Emergency commissions: search within 5 working days</th><td>${compliance.commissions.emergencies.filter((e) => e.status === 'ratified-in-time').length} of ${compliance.commissions.emergency}</td></tr>
  <tr><th>Requests met in-house / externally</th><td>${compliance.requests.metInHouse} / ${compliance.requests.metExternally}</td></tr>
  <tr><th>Reviews on time / late / overdue</th><td>${compliance.reviews.onTime} / ${compliance.reviews.late} / ${compliance.reviews.overdue}</td></tr>
  <tr><th>Placements with providers below "good" / over 20 miles</th><td>${compliance.providersBelowGood.length} / ${compliance.overDistance.length}</td></tr>
</tbody></table>
</body></html>`;
}
