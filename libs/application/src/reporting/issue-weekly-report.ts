import { randomUUID } from 'node:crypto';
import { addDays, financialYearOf, mondayOf, todayIn, type LocalDate } from '@ledger/domain';
import { WrongExpectedRevisionError } from '@ledger/event-store';
import { listIssuedReports, loadFactsBetween, loadLedgerAsAt } from '@ledger/projections';
import { buildForecastMovement, buildWeeklyReport, type WeeklyReport } from '@ledger/reporting';
import type { LedgerRuntime } from '../runtime';

/** One stream per week; its single event is the report as issued, kept unchanged. */
export const weeklyReportStreamId = (weekCommencing: string) => `weeklyreport-${weekCommencing}`;

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
  const movement = previous === undefined ? undefined : buildForecastMovement(
    await loadLedgerAsAt(runtime.database, new Date(previous.asAt)), await loadFactsBetween(runtime.database, new Date(previous.asAt), now),
    now.toISOString(), financialYearOf(addDays(weekEnd, -1)), weekEnd, 'continuing');
  const report = buildWeeklyReport(await runtime.ledger.at(now), weekCommencing,
    { redBasisPoints: runtime.config.ragRedBasisPoints, redPence: runtime.config.ragRedPence }, movement);
  const reportId = randomUUID();
  try {
    const appended = await runtime.eventStore.append(streamId, 'no-stream', [{
      eventId: randomUUID(), type: 'WeeklyReportIssued', version: 1,
      data: { reportId, weekCommencing, asAt: report.asAt, report } as unknown as Record<string, unknown>,
      metadata: { actorId: 'weekly-report', actorRole: 'scheduler', recordedAt: now.toISOString(), correlationId, causationId: correlationId },
    }]);
    await runtime.projections.waitFor(appended.position, runtime.config.readYourWritesTimeoutMs);
    return { reportId, weekCommencing, alreadyIssued: false };
  } catch (error) {
    if (!(error instanceof WrongExpectedRevisionError)) throw error;
    const raced = await readIssuedReport(runtime, streamId);
    return { reportId: raced?.reportId ?? reportId, weekCommencing, alreadyIssued: true };
  }
}
