import { registerDecorator, type ValidationOptions } from 'class-validator';
import { financialYear, isFinancialYear, isLocalDate, type FinancialYear } from '@ledger/domain';

/**
 * The dates a council's ledger can mean: from 2000 to 2099. A placement in 1900 or a term to 2999 is a
 * typing slip, and is refused at the edge rather than recorded.
 */
export const FIRST_LEDGER_DATE = '2000-01-01';
export const LAST_LEDGER_DATE = '2099-12-31';

export const isLedgerDate = (value: unknown): value is string =>
  typeof value === 'string' && isLocalDate(value) && value >= FIRST_LEDGER_DATE && value <= LAST_LEDGER_DATE;

/** A financial year such as 2026-27, from 2000-01 to 2098-99. */
export const isLedgerFinancialYear = (value: string): boolean =>
  isFinancialYear(value) && Number(value.slice(0, 4)) >= 2000 && Number(value.slice(0, 4)) <= 2098;
import { RequestValidationError } from './problem';

/** A real calendar date written YYYY-MM-DD (2026-02-30 is refused). */
export function IsLocalDate(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isLocalDate',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: `$property must be a real date written YYYY-MM-DD, from ${FIRST_LEDGER_DATE} to ${LAST_LEDGER_DATE}`, ...options },
      validator: { validate: isLedgerDate },
    });
}

/** Weekly rates above £100,000 a week are taken to be a typing slip, not a placement. */
export const MAX_WEEKLY_RATE_PENCE = 10_000_000;
/** Budgets above £10bn for one cost centre are refused as absurd. */
export const MAX_BUDGET_PENCE = 1_000_000_000_000;

/** A financial year such as 2026-27 from a query parameter, or a 400 naming the field. */
export function financialYearParam(value: string): FinancialYear {
  if (!isLedgerFinancialYear(value)) {
    throw new RequestValidationError([{ field: 'financialYear', message: 'must be a financial year such as 2026-27, from 2000-01 to 2098-99' }]);
  }
  return financialYear(value);
}
