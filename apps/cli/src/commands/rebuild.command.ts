import { SingleBar } from 'cli-progress';
import type { LedgerRuntime } from '@ledger/application';
import { rebuildReadModels } from '@ledger/projections';

const seconds = (s: number) => (Number.isFinite(s) ? `${Math.max(0, Math.round(s))} s` : '?');

/** `rebuild`: every read model from position zero, with events done, events/s and time left. */
export async function rebuildCommand(runtime: LedgerRuntime): Promise<void> {
  const bar = new SingleBar({
    format: 'rebuild [{bar}] {value}/{total} events | {rate} events/s | {left} left',
    hideCursor: true,
    noTTYOutput: true,
    notTTYSchedule: 2000,
  });
  let started = false;
  const outcome = await rebuildReadModels(runtime.eventStore, runtime.projections, { onProgress: (p) => {
    const payload = { rate: Math.round(p.eventsPerSecond), left: p.total === undefined ? '?' : seconds((p.total - p.done) / p.eventsPerSecond) };
    if (!started) {
      bar.start(p.total ?? p.done, p.done, payload);
      started = true;
    } else bar.update(p.done, payload);
  } });
  if (started) bar.stop();
  process.stdout.write(`Rebuilt every read model from ${outcome.done} events at ${Math.round(outcome.eventsPerSecond)} events/s.\n`);
}
