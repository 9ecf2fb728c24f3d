import type { Pence } from '@ledger/domain';

/** RFC 4180 field: quoted when it holds a comma, quote or line break. */
const field = (value: unknown): string => {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** Rows as RFC 4180 CSV, CRLF line ends, a header first. */
export const toCsv = (rows: readonly (readonly unknown[])[]): string => `${rows.map((row) => row.map(field).join(',')).join('\r\n')}\r\n`;

/** Pence as plain decimal pounds for a spreadsheet (1234.56, -0.05): no symbol, no separators, from integers. */
export function csvPounds(amount: Pence): string {
  const abs = Math.abs(amount);
  return `${amount < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
