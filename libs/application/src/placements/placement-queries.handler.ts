import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { todayIn, type PlacementState, type Provider } from '@ledger/domain';
import type { Clock } from '../clock';
import type { LedgerConfig } from '../config/ledger-config';
import type { EventStore, SqlDatabase } from '@ledger/event-store';
import { listKnownProviders, listPlacementSummaries, type PlacementListFilter, type PlacementSummary } from '@ledger/projections';
import { NotFoundError } from '../command-handling/application-errors';
import { CLOCK, EVENT_STORE, LEDGER_CONFIG, SQL_DATABASE } from '../tokens';
import { placementModel, placementStreamId } from './placement-model';

export interface HistoryEntry {
  readonly revision: number;
  readonly eventId: string;
  readonly type: string;
  readonly data: unknown;
  readonly recordedAt: string;
  readonly actorId: string;
  readonly actorRole: string;
  readonly correlationId: string;
  readonly causationId: string;
}

export interface PlacementView {
  readonly placementId: string;
  readonly revision: number;
  readonly state: PlacementState;
  readonly history: readonly HistoryEntry[];
}

export class GetPlacement extends Query<PlacementView> {
  constructor(readonly placementId: string) {
    super();
  }
}

/** Placements from the summary read model: filtered, sorted and paged in SQL. */
export class ListPlacements extends Query<PlacementSummary[]> {
  constructor(readonly filter: PlacementListFilter) {
    super();
  }
}

/** One placement is folded straight from its stream, so it is always current. */
@QueryHandler(GetPlacement)
export class GetPlacementHandler implements IQueryHandler<GetPlacement> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ placementId }: GetPlacement): Promise<PlacementView> {
    const stream = await this.store.readStream(placementStreamId(placementId));
    if (stream.revision < 0) throw new NotFoundError(`Placement ${placementId} does not exist`);
    const events = stream.events.map(placementModel.upcast);
    return {
      placementId,
      revision: stream.revision,
      state: events.reduce(placementModel.evolve, placementModel.initialState),
      history: stream.events.map((stored, index) => ({
        revision: stored.streamRevision,
        eventId: stored.eventId,
        type: stored.type,
        data: events[index].data,
        recordedAt: stored.metadata.recordedAt,
        actorId: stored.metadata.actorId,
        actorRole: stored.metadata.actorRole,
        correlationId: stored.metadata.correlationId,
        causationId: stored.metadata.causationId,
      })),
    };
  }
}

/** The list shows each placement's rate in force today (a future-dated or backdated change falls where it is effective). */
@QueryHandler(ListPlacements)
export class ListPlacementsHandler implements IQueryHandler<ListPlacements> {
  constructor(
    @Inject(SQL_DATABASE) private readonly db: SqlDatabase,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LEDGER_CONFIG) private readonly config: LedgerConfig,
  ) {}

  execute({ filter }: ListPlacements): Promise<PlacementSummary[]> {
    return listPlacementSummaries(this.db, { ...filter, asOf: filter.asOf ?? todayIn(this.clock.now(), this.config.timeZone) });
  }
}

/** Providers the ledger has commissioned from, each as last recorded: the commission form offers them. */
export class ListKnownProviders extends Query<Provider[]> {}

@QueryHandler(ListKnownProviders)
export class ListKnownProvidersHandler implements IQueryHandler<ListKnownProviders> {
  constructor(@Inject(SQL_DATABASE) private readonly db: SqlDatabase) {}

  execute(): Promise<Provider[]> {
    return listKnownProviders(this.db);
  }
}
