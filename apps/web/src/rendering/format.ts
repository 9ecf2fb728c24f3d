import { formatPounds, type Pence } from '@ledger/domain';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** £1,234.56 from integer pence; blank for no figure. */
export function money(value: number | null | undefined): string {
  return value === null || value === undefined ? '' : formatPounds(value as Pence);
}

/** 1 December 2026 from 2026-12-01 (a calendar date: no time zone can move it). */
export function longDate(value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (match === null) return value;
  return `${Number(match[3])} ${MONTHS[Number(match[2]) - 1]} ${match[1]}`;
}

/** 1 December 2026, 9:05am, in the council's zone: when something was recorded. */
export function instant(value: string | Date | null | undefined, timeZone: string): string {
  if (value === null || value === undefined || value === '') return '';
  const date = typeof value === 'string' ? new Date(value) : value;
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-GB', {
    timeZone, year: 'numeric', month: 'long', day: 'numeric', hour: 'numeric', minute: '2-digit', hourCycle: 'h12',
  }).formatToParts(date).map((part) => [part.type, part.value]));
  return `${parts.day} ${parts.month} ${parts.year}, ${parts.hour}:${parts.minute}${String(parts.dayPeriod).toLowerCase()}`;
}

/** 2,500 basis points as 25%, 1,250 as 12.5%. */
export function percentFromBasisPoints(value: number): string {
  const whole = Math.trunc(value / 100);
  const rest = Math.abs(value % 100);
  return rest === 0 ? `${whole}%` : `${whole}.${String(rest).padStart(2, '0').replace(/0$/, '')}%`;
}

/** Pence as the pounds a person would type back into a form (1150.50), for refilling inputs. */
export function poundsForInput(value: number | null | undefined): string {
  if (value === null || value === undefined) return '';
  return `${Math.trunc(value / 100)}.${String(value % 100).padStart(2, '0')}`;
}
