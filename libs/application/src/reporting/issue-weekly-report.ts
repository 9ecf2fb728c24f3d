import { randomUUID } from 'node:crypto';
import { addDays, financialYearOf, financialYearStarting, mondayOf, todayIn, weeklyReportStreamId, type FinancialYear, type LocalDate } from '@ledger/domain';
import type { StoredEvent } from '@ledger/event-store';
import { listIssuedReports } from '@ledger/projections';
import { buildForecast, buildForecastMovement, buildWeeklyReport, earlyWarnings, type BacktestSummary, type WeeklyReport } from '@ledger/reporting';
import { GetForecastBacktest, GetForecastBacktestHandler } from './get-forecast.handler';
import { handleCommand, type StreamModel } from '../command-handling/handle-command';
import type { LedgerRuntime } from '../runtime';

export { weeklyReportStreamId };

interface WeeklyReportIssued {
  readonly type: 'WeeklyReportIssued';
  readonly data: {
    readonly reportId: string; readonly weekCommencing: string; readonly asAt: string; readonly report: WeeklyReport;
    /** Who is told of the report's early warnings (the review notifications' table and channels). */
    readonly notify?: readonly string[];
  };
}

/** A week's report stream: issued once (its first and only event), or not yet. */
const weeklyReportModel: StreamModel<{ readonly reportId?: string }, WeeklyReportIssued> = {
  initialState: {},
  evolve: (state, event) => state.reportId === undefined ? { reportId: event.data.reportId } : state,
  upcast: (event: StoredEvent) => ({ type: 'WeeklyReportIssued', data: event.data as unknown as WeeklyReportIssued['data'] }),
  versionOf: () => 1,
};

export interface IssuedReport {
  readonly reportId: string;
  readonly weekCommencing: string;
  readonly issuedAt: string;
  readonly report: WeeklyReport;
}

export interface IssueOutcome {
  readonly reportId: string;
  readonly weekCommencing: string;
  /** True when this week's report had been issued before: nothing was issued again. */
  readonly alreadyIssued: boolean;
}

/**
 * The back-test of the year before the report's, as the report states it: what the ledger recorded before
 * each of its months against its outturn as known now. Absent when that year is not wholly in the ledger's
 * history (its first month knew of no placement).
 */
async function lastBacktest(runtime: LedgerRuntime, year: FinancialYear, now: Date): Promise<BacktestSummary | undefined> {
  const previous = financialYearStarting(Number(year.slice(0, 4)) - 1);
  const handler = new GetForecastBacktestHandler(runtime.ledger, runtime.config);
  const backtest = await handler.execute(new GetForecastBacktest(previous, now));
  if (backtest.months[0]?.projectedPence.continuing === 0) return undefined;
  return { financialYear: previous, meanAbsolutePercentageErrorBasisPoints: backtest.meanAbsolutePercentageErrorBasisPoints, inRange: backtest.inRange };
}

export async function readIssuedReport(runtime: LedgerRuntime, streamId: string): Promise<IssuedReport | undefined> {
  const [event] = (await runtime.eventStore.readStream(streamId)).events;
  if (event === undefined) return undefined;
  const data = event.data as { reportId: string; weekCommencing: string; report: WeeklyReport };
  return { reportId: data.reportId, weekCommencing: data.weekCommencing, issuedAt: event.metadata.recordedAt, report: data.report };
}

/** The week just ended, as of today: the Monday before this week's Monday. */
export function weekJustEnded(runtime: LedgerRuntime): LocalDate {
  return addDays(mondayOf(todayIn(runtime.clock.now(), runtime.config.timeZone)), -7);
}

/**
 * Issues the week's report once: the figures as known now, and what moved since the last issued report.
 * The stream's expected revision makes a second issue of the same week (a retry, a re-run, a race)
 * a no-op that answers with the report already issued.
 */
export async function issueWeeklyReport(runtime: LedgerRuntime, weekCommencing: LocalDate, correlationId: string): Promise<IssueOutcome> {
  const streamId = weeklyReportStreamId(weekCommencing);
  const existing = await readIssuedReport(runtime, streamId);
  if (existing) return { reportId: existing.reportId, weekCommencing, alreadyIssued: true };
  const now = runtime.clock.now();
  const previous = (await listIssuedReports(runtime.database)).find((r) => r.weekCommencing < weekCommencing);
  const weekEnd = addDays(weekCommencing, 7);
  const year = financialYearOf(addDays(weekEnd, -1));
  const thresholds = { redBasisPoints: runtime.config.ragRedBasisPoints, redPence: runtime.config.ragRedPence };
  const [then, current] = [previous === undefined ? undefined : await runtime.ledger.at(new Date(previous.asAt)), await runtime.ledger.at(now)];
  const movement = then === undefined || previous === undefined ? undefined
    : buildForecastMovement(then, await runtime.ledger.factsBetween(new Date(previous.asAt), now), now.toISOString(), year, weekEnd, 'continuing');
  // Early warning: the continuing basis as the last report knew it against now, as of the same day.
  const warnings = then === undefined || movement === undefined ? undefined
    : earlyWarnings(buildForecast(then, year, weekEnd, thresholds), buildForecast(current, year, weekEnd, thresholds), movement, current, runtime.config.decisionSupport.earlyWarningMovementPence);
  const report = buildWeeklyReport(current, weekCommencing, thresholds, { movement, warnings, backtest: await lastBacktest(runtime, year, now) });
  const notify = warnings !== undefined && warnings.length > 0 ? runtime.config.decisionSupport.earlyWarningRecipients : undefined;
  const reportId = randomUUID();
  // The same command-handler shape as every other command: a race lost to another issuer re-reads the
  // stream, finds the report issued, decides nothing and answers with the one already there.
  const outcome = await handleCommand(runtime.eventStore, runtime.clock, {
    streamId, model: weeklyReportModel, mustExist: false, maxRetries: 1,
    envelope: { actor: { id: 'weekly-report', role: 'scheduler' }, correlationId, causationId: correlationId },
    decide: (state) => state.reportId !== undefined ? [] : [{ type: 'WeeklyReportIssued' as const, data: { reportId, weekCommencing, asAt: report.asAt, report, ...(notify === undefined ? {} : { notify }) } }],
  });
  if (outcome.position !== undefined) await runtime.projections.waitFor(outcome.position, runtime.config.readYourWritesTimeoutMs);
  const issued = outcome.state.reportId ?? reportId;
  return { reportId: issued, weekCommencing, alreadyIssued: outcome.events.length === 0 || issued !== reportId };
}
