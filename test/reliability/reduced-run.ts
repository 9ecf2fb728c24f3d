import type { Scenario } from './campaign';
import { SCENARIOS } from './scenarios';

/** The scenarios by how they drive the API: in this process, or as a built process they start, kill and stop. */
export const REDUCED_GROUPS = {
  'in-process': ['hostile-requests', 'authorisation-matrix', 'concurrent-writers', 'outages', 'export-import'],
  processes: ['kill-nine', 'seed-crash', 'shutdown-timings'],
} as const;

/**
 * The reduced reliability campaign, part of `npm test`: the same scenarios as `npm run reliability`
 * at a smaller size, in two spec files that jest runs side by side. Each scenario must report
 * figures and no violation, and the two groups together must hold every scenario.
 */
export function reducedRun(group: keyof typeof REDUCED_GROUPS): void {
  const names: readonly string[] = REDUCED_GROUPS[group];
  describe(`the reliability campaign, reduced run (${group})`, () => {
    it('leaves no scenario out of the reduced run', () => {
      const grouped: string[] = Object.values(REDUCED_GROUPS).flat();
      expect(SCENARIOS.map((s) => s.name).filter((name) => !grouped.includes(name))).toEqual([]);
    });
    const chosen: [string, Scenario][] = SCENARIOS.filter((s) => names.includes(s.name)).map((s) => [s.name, s]);
    it.each(chosen)('%s: every promise holds', async (_name, scenario) => {
      const report = await scenario.run('reduced');
      expect(report.figures.length).toBeGreaterThan(0);
      expect(report.violations).toEqual([]);
    }, 300_000);
  });
}
