import { START, type GlobalPosition } from '../event-store.port';

/**
 * A SQL position is the pair (writer's transaction id, global position), zero-padded so that plain
 * string comparison gives the store's order. The only place positions are made or taken apart.
 */
export function sqlPosition(tx: string, pos: string): GlobalPosition {
  return `${tx.padStart(20, '0')}:${pos.padStart(20, '0')}`;
}

export function parseSqlPosition(position: GlobalPosition): { tx: string; pos: string } {
  if (position === START) return { tx: '0', pos: '0' };
  const match = /^(\d{20}):(\d{20})$/.exec(position);
  if (match === null) throw new RangeError(`"${position}" is not a position in a SQL event store`);
  return { tx: BigInt(match[1]).toString(), pos: BigInt(match[2]).toString() };
}
