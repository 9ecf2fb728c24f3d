import { defaultRateBandFor } from '../codes/ssda903';
import type { LocalDate } from '../calendar/local-date';
import { decidePlacement } from '../placement/decide-placement';
import { evolvePlacement } from '../placement/evolve-placement';
import type { DecisionContext, PlacementCommand } from '../placement/placement-commands';
import type { PlacementEvent } from '../placement/placement-events';
import { initialPlacementState } from '../placement/placement-state';
import { DomainError, type RuleCode } from '../shared/domain-error';

export const context = (today = '2026-12-01', overrides: Partial<DecisionContext> = {}): DecisionContext => ({
  today: today as LocalDate, rateBandFor: defaultRateBandFor, reviewDueWithinDays: 7, ...overrides,
});

/** Given these events, when this command is decided, then these events (or this refusal). No infrastructure. */
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
        /** Asserts a DomainError with this rule was thrown (and fails when nothing is thrown). */
        thenThrows(rule: RuleCode, message?: RegExp): void {
          let thrown: unknown;
          expect(() => {
            try {
              decide();
            } catch (error) {
              thrown = error;
              throw error;
            }
          }).toThrow(DomainError);
          expect((thrown as DomainError).rule).toBe(rule);
          if (message) expect((thrown as DomainError).message).toMatch(message);
        },
        events: decide,
      };
    },
  };
}
