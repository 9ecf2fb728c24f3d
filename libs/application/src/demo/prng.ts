import { SeededRandom } from '@ledger/reporting';

/** The demo's draws on the forecast's seeded generator, so the demo council is the same for the same seed and day. */
export class Prng {
  private readonly source: SeededRandom;

  constructor(seed: number) {
    this.source = new SeededRandom(seed);
  }

  /** A number in [0, 1). */
  next(): number {
    return this.source.uint32() / 4294967296;
  }

  /** A whole number in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** Random version-4 UUID text, drawn from this generator. */
  uuid(): string {
    const hex = Array.from({ length: 32 }, () => this.int(0, 15).toString(16));
    hex[12] = '4';
    hex[16] = (8 + this.int(0, 3)).toString(16);
    const s = hex.join('');
    return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
  }

  /** A pseudonymous child reference: no names, no look-alike characters (0/O, 1/I). */
  childRef(): string {
    const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
    return `LAC-${Array.from({ length: 5 }, () => alphabet[this.int(0, alphabet.length - 1)]).join('')}`;
  }
}
