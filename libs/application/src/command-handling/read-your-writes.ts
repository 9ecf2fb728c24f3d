import type { GlobalPosition } from '@ledger/event-store';

/** Lets a command's response wait until the read models have applied what it appended. */
export interface ReadModelProgress {
  /** Resolves once every read model has applied `position`, or after the bound, whichever is first. */
  waitFor(position: GlobalPosition, timeoutMs: number): Promise<boolean>;
}
