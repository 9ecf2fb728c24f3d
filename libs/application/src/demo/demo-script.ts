import type { BudgetCommand, PlacementCommand } from '@ledger/domain';

/**
 * One command of the demo council, as it would have been recorded: `recordedAt` is an instant
 * between 09:00 and 17:00 UTC, so its London date is `today`, the date the decider checks against.
 */
export type DemoStep =
  | { readonly streamKind: 'placement'; readonly placementId: string; readonly command: PlacementCommand; readonly recordedAt: string;
      readonly today: string; readonly actor: { readonly id: string; readonly role: 'commissioner' } }
  | { readonly streamKind: 'budget'; readonly command: BudgetCommand; readonly recordedAt: string; readonly today: string;
      readonly actor: { readonly id: string; readonly role: 'finance' } };

/** The demo council's history, in the order it was recorded (`recordedAt` ascending). */
export interface DemoScript {
  readonly steps: readonly DemoStep[];
}

/** Who records what in the demo: the placements team's commissioners and one finance officer. */
export const DEMO_ACTORS = {
  commissioners: ['commissioner-amrit', 'commissioner-bea', 'commissioner-colm'],
  finance: 'finance-dana',
} as const;
