import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import {
  CLOCK, EVENT_STORE, JOB_SCHEDULER, type JobScheduler, ExecutePlacementCommandHandler, GetBudgetsHandler,
  GetPlacementHandler, IdempotencyStore, LEDGER_CONFIG, LEDGER_READER, LEDGER_RUNTIME, ListKnownProvidersHandler,
  ListPlacementsHandler, RunRenewalSweepHandler, PROJECTIONS, SetBudgetHandler, SQL_DATABASE, TokenVerifier,
  type LedgerRuntime, GetComplianceHandler, GetForecastHandler, GetForecastMovementHandler, GetForecastBacktestHandler, GetRenewalsHandler,
  GetReturnHandler, GetWeeklyReportHandler, IssueWeeklyReportHandler, DECISION_SUPPORT_HANDLERS, PreviewPlacementCommandHandler,
} from '@ledger/application';
import { AuthGuard } from './auth/auth.guard';
import { BudgetsController } from './budgets/budgets.controller';
import { HealthController } from './health/health.controller';
import { HostileInputGuard } from './http/hostile-input';
import { IdempotencyInterceptor } from './http/idempotency.interceptor';
import { ProblemDetailsFilter } from './http/problem-details.filter';
import { PlacementPreviewsController } from './placements/placement-previews.controller';
import { PlacementsController } from './placements/placements.controller';
import { ReturnsController } from './returns/returns.controller';
import { ForecastController } from './forecast/forecast.controller';
import { ComplianceController } from './compliance/compliance.controller';
import { JobsController } from './jobs/jobs.controller';
import { ReportsController } from './reports/reports.controller';
import { NotificationsController } from './notifications/notifications.controller';
import { ProvidersController } from './providers/providers.controller';
import { DECISION_SUPPORT_CONTROLLERS } from './decision-support';
import { WEB_CONTROLLERS, WEB_PROVIDERS } from '../../web/src/web.module';

/** The HTTP API over an already-opened runtime, so tests hand in their own store and clock. */
@Module({})
export class AppModule {
  static create(runtime: LedgerRuntime, verifier: TokenVerifier, scheduler?: JobScheduler): DynamicModule {
    return {
      module: AppModule,
      imports: [CqrsModule.forRoot()],
      controllers: [PlacementsController, PlacementPreviewsController, BudgetsController, ReturnsController, ForecastController, ComplianceController, JobsController, ReportsController, NotificationsController, ProvidersController, ...DECISION_SUPPORT_CONTROLLERS, HealthController, ...WEB_CONTROLLERS],
      providers: [
        { provide: LEDGER_RUNTIME, useValue: runtime },
        { provide: EVENT_STORE, useValue: runtime.eventStore },
        { provide: SQL_DATABASE, useValue: runtime.database },
        { provide: LEDGER_CONFIG, useValue: runtime.config },
        { provide: CLOCK, useValue: runtime.clock },
        { provide: PROJECTIONS, useValue: runtime.projections },
        { provide: LEDGER_READER, useValue: runtime.ledger },
        { provide: IdempotencyStore, useValue: runtime.idempotency },
        { provide: TokenVerifier, useValue: verifier },
        ...(scheduler === undefined ? [] : [{ provide: JOB_SCHEDULER, useValue: scheduler }]),
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_GUARD, useClass: HostileInputGuard },
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
        ExecutePlacementCommandHandler, PreviewPlacementCommandHandler, SetBudgetHandler, GetPlacementHandler, ListPlacementsHandler, ListKnownProvidersHandler, GetBudgetsHandler, GetReturnHandler,
        GetForecastHandler, GetForecastMovementHandler, GetForecastBacktestHandler, GetComplianceHandler, GetRenewalsHandler, RunRenewalSweepHandler,
        GetWeeklyReportHandler, IssueWeeklyReportHandler, ...DECISION_SUPPORT_HANDLERS,
        ...WEB_PROVIDERS,
      ],
    };
  }
}
