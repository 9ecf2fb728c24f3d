import { defaultRateBandFor } from '../codes/ssda903';
import type { LocalDate } from '../calendar/local-date';
import { decidePlacement } from '../placement/decide-placement';
import { evolvePlacement } from '../placement/evolve-placement';
import type { DecisionContext, PlacementCommand } from '../placement/placement-commands';
import type { PlacementEvent } from '../placement/placement-events';
import { initialPlacementState } from '../placement/placement-state';
import { DomainError, type RuleCode } from '../shared/domain-error';

/** A decision context for specs: today, the default rate bands, reviews due within 7 days. */
export const context = (today = '2026-12-01', overrides: Partial<DecisionContext> = {}): DecisionContext => ({
  today: today as LocalDate, rateBandFor: defaultRateBandFor, reviewDueWithinDays: 7, ...overrides,
});

/**
 * Given these events, when this command is decided, then these events (or this refusal). Runs the
 * decider alone: no store, no clock, no framework.
 */
export function given(...history: PlacementEvent[]) {
  const state = history.reduce(evolvePlacement, initialPlacementState);
  return {
    state,
    when(command: PlacementCommand, ctx: DecisionContext = context()) {
      const decide = () => decidePlacement(command, state, ctx);
      return {
        then(expected: PlacementEvent[]): void {
          expect(decide()).toEqual(expected);
        },
        /** A DomainError with this rule (and message, when given); fails when nothing is thrown. */
        thenThrows(rule: RuleCode, message?: RegExp): void {
          expect(decide).toThrow(DomainError);
          expect(decide).toThrow(expect.objectContaining({ rule, ...(message ? { message: expect.stringMatching(message) } : {}) }));
        },
        events: decide,
      };
    },
  };
}
