import { Inject } from '@nestjs/common';
import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { decidePlacement, isExternal, type BudgetWarning, type PlacementCommand } from '@ledger/domain';
import type { LedgerReader } from '@ledger/projections';
import { placementIn, previewPlacementChange, type PlacementPreview } from '@ledger/reporting';
import { NotFoundError } from '../command-handling/application-errors';
import type { LedgerConfig } from '../config/ledger-config';
import { CLOCK, LEDGER_CONFIG, LEDGER_READER } from '../tokens';
import type { Clock } from '../clock';
import { decisionContext } from './placement-model';

/** The commands whose cost can be previewed: a commission and an extension. */
export type PreviewableCommand = Extract<PlacementCommand, { type: 'CommissionPlacement' | 'ExtendPlacement' }>;

/** What a commission or extension would do to its cost centre's year; the decider runs, nothing is appended. */
export class PreviewPlacementCommand extends Query<PlacementPreview> {
  constructor(readonly placementId: string, readonly command: PreviewableCommand) {
    super();
  }
}

/**
 * The preview as of now, from the read side as it stands: the decider refuses what the command would
 * refuse (the same 422), so a preview never shows the cost of something that cannot be recorded.
 */
export async function previewPlacementCommand(reader: LedgerReader, config: LedgerConfig, now: Date, placementId: string, command: PreviewableCommand): Promise<PlacementPreview> {
  const ledger = await reader.at(now);
  const before = placementIn(ledger, placementId);
  if (before === undefined) throw new NotFoundError(`Placement ${placementId} does not exist`);
  const context = decisionContext(config, now);
  const events = decidePlacement(command, before, context);
  const chargesFrom = command.type === 'CommissionPlacement' ? command.data.startDate : isExternal(before) ? before.termEnd : context.today;
  return previewPlacementChange(ledger, { before, events }, context.today, chargesFrom, { redBasisPoints: config.ragRedBasisPoints, redPence: config.ragRedPence });
}

/** The warning a commission carries when its preview leaves the cost centre red; undefined otherwise. */
export function budgetWarningOf(preview: PlacementPreview): BudgetWarning | undefined {
  if (preview.continuing.ragAfter !== 'red') return undefined;
  return {
    financialYear: preview.financialYear, costCentre: preview.costCentre, budgetPence: preview.budgetPence,
    outturnBeforePence: preview.continuing.outturnBeforePence, outturnAfterPence: preview.continuing.outturnAfterPence, ragBefore: preview.continuing.ragBefore,
  };
}

@QueryHandler(PreviewPlacementCommand)
export class PreviewPlacementCommandHandler implements IQueryHandler<PreviewPlacementCommand> {
  constructor(
    @Inject(LEDGER_READER) private readonly reader: LedgerReader, @Inject(LEDGER_CONFIG) private readonly config: LedgerConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute({ placementId, command }: PreviewPlacementCommand): Promise<PlacementPreview> {
    return previewPlacementCommand(this.reader, this.config, this.clock.now(), placementId, command);
  }
}
