import { evolvePlacement, financialYearOf, initialPlacementState, type LocalDate, type PlacementEvent, type PlacementState } from '@ledger/domain';
import { buildForecast, buildOutturnRange, DEFAULT_RAG } from '@ledger/reporting';
import type { LedgerAsAt } from '@ledger/projections';
import { syntheticLedger } from './synthetic-ledger';

const TODAY = '2026-11-20' as LocalDate;

function ledgerOf(placements: number): PlacementState[] {
  const states: PlacementState[] = [];
  for (const stream of syntheticLedger({ placements, years: 3, today: TODAY, termDays: 84, seed: 42 })) {
    states.push(stream.events.map((e) => ({ type: e.type, data: e.data }) as PlacementEvent).reduce(evolvePlacement, initialPlacementState));
  }
  return states;
}

/** The median of three timings, each on a fresh ledger object so nothing is answered from what was kept. */
function medianMs(work: (ledger: LedgerAsAt) => unknown, placements: readonly PlacementState[]): number {
  const times = [0, 1, 2].map(() => {
    const ledger: LedgerAsAt = { asAt: `${TODAY}T12:00:00.000Z`, placements, budgets: new Map() };
    const started = performance.now();
    work(ledger);
    return performance.now() - started;
  });
  return times.sort((a, b) => a - b)[1];
}

/**
 * The outturn range's cost in-process, beside the forecast it comes with: 500 simulated years over
 * every running placement and the new demand, against the three bases worked out exactly. Worked out
 * once per ledger state (an unchanged ledger answers from what was simulated), so this is the cost of
 * the first forecast after a write.
 */
export function benchRange(sizes: readonly number[]): void {
  const year = financialYearOf(TODAY);
  process.stdout.write('\nOutturn range (in-process, synthetic placements over 3 years, median of 3)\n');
  for (const size of sizes) {
    const placements = ledgerOf(size);
    const forecast = medianMs((ledger) => buildForecast(ledger, year, TODAY, DEFAULT_RAG), placements);
    const range = medianMs((ledger) => buildOutturnRange(ledger, year, TODAY), placements);
    process.stdout.write(`  ${`${size.toLocaleString('en-GB')} placements`.padEnd(22)} forecast ${forecast.toFixed(0).padStart(6)} ms   range ${range.toFixed(0).padStart(6)} ms   range / forecast ${(range / forecast).toFixed(2)}×\n`);
  }
}
