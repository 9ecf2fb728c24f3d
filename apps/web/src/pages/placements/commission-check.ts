import { addDays, cumulativeGross, MAX_INITIAL_TERM_DAYS, type LocalDate, type Pence, type Provider } from '@ledger/domain';

/**
 * What the check-your-answers page shows before anything is recorded: the term end (start + initial
 * term, 28 days unless shorter) and the initial term's cost, by the same G(D) the returns use.
 */
export function initialTermOf(startDate: LocalDate, weeklyRatePence: Pence, initialTermDays = MAX_INITIAL_TERM_DAYS) {
  const termEnd = addDays(startDate, initialTermDays);
  const costPence = cumulativeGross({ startDate, rates: [{ effectiveFrom: startDate, weeklyRatePence }], contributions: [] }, termEnd);
  return { initialTermDays, termEnd, lastDay: addDays(termEnd, -1), costPence };
}

/** The provider the commissioner chose: one the ledger knows (by id), or the new one typed in. */
export function chosenProvider(choice: string, known: readonly Provider[], typed: () => object): object | undefined {
  if (choice === 'new') return typed();
  return known.find((provider) => provider.id === choice);
}
