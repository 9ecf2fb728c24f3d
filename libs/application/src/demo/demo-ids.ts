import { createHash } from 'node:crypto';

/** The namespace of the demo seed's name-based ids (a random UUID, fixed for good). */
const DEMO_NAMESPACE = '5b0d7a3c-9e2f-4f61-a8d4-c1e07b6f2a93';

/** Which demo council a seeded event belongs to, and which step of its script recorded it. */
export interface DemoSeedMark {
  readonly seed: number;
  readonly today: string;
  readonly step: number;
}

/** Reads the mark the seed stamps on an event's metadata (`demoSeed`), if the event has one. */
export function demoSeedMarkOf(metadata: Readonly<Record<string, unknown>>): DemoSeedMark | undefined {
  const mark = metadata.demoSeed as Partial<DemoSeedMark> | undefined;
  if (typeof mark !== 'object' || mark === null) return undefined;
  const { seed, today, step } = mark;
  return typeof seed === 'number' && typeof today === 'string' && typeof step === 'number' ? { seed, today, step } : undefined;
}

/**
 * A name-based UUID (RFC 9562 version 5: SHA-1 of the namespace and the name): the same step of
 * the same demo always gets the same ids, so a re-run can tell what is already recorded.
 */
export function demoEventId(mark: DemoSeedMark, index: number): string {
  return nameBasedUuid(`${mark.seed}/${mark.today}/${mark.step}/${index}`);
}

export function nameBasedUuid(name: string, namespace = DEMO_NAMESPACE): string {
  const bytes = createHash('sha1').update(Buffer.from(namespace.replace(/-/g, ''), 'hex')).update(name, 'utf8').digest().subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
