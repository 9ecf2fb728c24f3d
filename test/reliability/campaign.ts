/**
 * The reliability campaign: scenarios that try the ledger as an operator and a hostile caller
 * would, against real PostgreSQL, Redis and the embedded store. Each scenario measures and
 * reports; a violation is a broken promise (a 5xx, a lost or duplicated write, a wrong
 * authorisation cell, a server that did not exit), never a time.
 */
export type CampaignSize = 'reduced' | 'full';

export interface ScenarioReport {
  /** A heading for the printed figures and for RELIABILITY.md. */
  readonly title: string;
  /** Lines of figures, printed as they are (a Markdown list item each in RELIABILITY.md). */
  readonly figures: readonly string[];
  /** What went wrong; empty when every promise held. */
  readonly violations: readonly string[];
}

export interface Scenario {
  /** Short name for `npm run reliability -- --only <name>`. */
  readonly name: string;
  run(size: CampaignSize): Promise<ScenarioReport>;
}

/** Counts by key, printed in key order: `201 × 12, 400 × 4,870`. */
export function countsLine(counts: ReadonlyMap<string | number, number>): string {
  return [...counts.entries()]
    .sort(([a], [b]) => String(a).localeCompare(String(b), 'en', { numeric: true }))
    .map(([key, n]) => `${key} × ${n.toLocaleString('en-GB')}`)
    .join(', ');
}

export function tally<K>(counts: Map<K, number>, key: K): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

/** A small seeded generator (mulberry32) so that a run's random moments can be replayed from its seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Median and maximum of a list of seconds, as `median 1.2 s, max 3.4 s`. */
export function medianMax(seconds: readonly number[]): string {
  if (seconds.length === 0) return 'none';
  const sorted = [...seconds].sort((a, b) => a - b);
  return `median ${sorted[Math.floor((sorted.length - 1) / 2)].toFixed(2)} s, max ${sorted[sorted.length - 1].toFixed(2)} s`;
}
