import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { FinancialYear, LocalDate } from '@ledger/domain';
import type { LedgerReader } from '@ledger/projections';
import {
  buildBacktest, buildForecastMovement, buildForecastWithRange, monthStartsOf, type Backtest, type ForecastWithRange, type ScenarioName, type ForecastMovement,
} from '@ledger/reporting';
import { LEDGER_CONFIG, LEDGER_READER } from '../tokens';
import type { LedgerConfig } from '../config/ledger-config';

export class GetForecast extends Query<ForecastWithRange> {
  constructor(readonly financialYear: FinancialYear, readonly asOf: LocalDate, readonly asAt: Date) {
    super();
  }
}

export class GetForecastMovement extends Query<ForecastMovement> {
  constructor(readonly financialYear: FinancialYear, readonly asOf: LocalDate, readonly from: Date, readonly to: Date, readonly scenario: ScenarioName) {
    super();
  }
}

@QueryHandler(GetForecast)
export class GetForecastHandler implements IQueryHandler<GetForecast> {
  constructor(@Inject(LEDGER_READER) private readonly ledger: LedgerReader, @Inject(LEDGER_CONFIG) private readonly config: LedgerConfig) {}

  async execute({ financialYear, asOf, asAt }: GetForecast): Promise<ForecastWithRange> {
    return buildForecastWithRange(await this.ledger.at(asAt), financialYear, asOf, { redBasisPoints: this.config.ragRedBasisPoints, redPence: this.config.ragRedPence });
  }
}

@QueryHandler(GetForecastMovement)
export class GetForecastMovementHandler implements IQueryHandler<GetForecastMovement> {
  constructor(@Inject(LEDGER_READER) private readonly ledger: LedgerReader) {}

  async execute({ financialYear, asOf, from, to, scenario }: GetForecastMovement): Promise<ForecastMovement> {
    const [base, facts] = await Promise.all([this.ledger.at(from), this.ledger.factsBetween(from, to)]);
    return buildForecastMovement(base, facts, to.toISOString(), financialYear, asOf, scenario);
  }
}

export class GetForecastBacktest extends Query<Backtest> {
  constructor(readonly financialYear: FinancialYear, readonly asAt: Date) {
    super();
  }
}

/** The instant a local day begins in a time zone (midnight there), found from the zone's offset at that moment. */
export function startOfDayIn(date: LocalDate, timeZone: string): Date {
  const utcMidnight = Date.parse(`${date}T00:00:00Z`);
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' })
    .formatToParts(new Date(utcMidnight));
  const get = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  const localAsUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  return new Date(utcMidnight - (localAsUtc - utcMidnight));
}

/** Each month of a completed year, the forecast as it was made then, against the outturn as known at `asAt`. */
@QueryHandler(GetForecastBacktest)
export class GetForecastBacktestHandler implements IQueryHandler<GetForecastBacktest> {
  constructor(@Inject(LEDGER_READER) private readonly ledger: LedgerReader, @Inject(LEDGER_CONFIG) private readonly config: LedgerConfig) {}

  async execute({ financialYear, asAt }: GetForecastBacktest): Promise<Backtest> {
    const asKnownAt = [];
    for (const monthStart of monthStartsOf(financialYear)) {
      // One at a time: each past instant is its own fold, and they need not all be held at once.
      asKnownAt.push({ monthStart, ledger: await this.ledger.at(startOfDayIn(monthStart, this.config.timeZone)) });
    }
    return buildBacktest(financialYear, asKnownAt, await this.ledger.at(asAt), { redBasisPoints: this.config.ragRedBasisPoints, redPence: this.config.ragRedPence });
  }
}
