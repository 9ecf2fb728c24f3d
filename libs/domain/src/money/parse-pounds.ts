import type { Pence } from './pence';

/** Why a typed amount could not be read as pounds and pence. */
export type PoundsProblem = 'empty' | 'not-a-number' | 'too-many-decimals' | 'negative';

/**
 * Pounds as people type them (`1150`, `1,150.50`, `£1,150.5`, ` £ 1150 `) to integer pence, read
 * digit by digit so no floating point ever touches the amount. Thousands separators must sit in
 * groups of three; at most two decimal places; no sign (the forms take no negative amounts).
 */
export function parsePounds(typed: string): { ok: true; pence: Pence } | { ok: false; problem: PoundsProblem } {
  const text = typed.trim().replace(/^£\s*/, '');
  if (text === '') return { ok: false, problem: 'empty' };
  if (text.startsWith('-')) return { ok: false, problem: 'negative' };
  const match = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d*))?$/.exec(text);
  if (match === null) return { ok: false, problem: 'not-a-number' };
  const decimals = match[2] ?? '';
  if (decimals.length > 2) return { ok: false, problem: 'too-many-decimals' };
  const whole = match[1].replace(/,/g, '').replace(/^0+(?=\d)/, '');
  const pence = BigInt(whole) * 100n + BigInt(decimals.padEnd(2, '0') || '0');
  if (pence > BigInt(Number.MAX_SAFE_INTEGER)) return { ok: false, problem: 'not-a-number' };
  return { ok: true, pence: Number(pence) as Pence };
}
