import { registerDecorator, type ValidationOptions } from 'class-validator';
import { financialYear, isLocalDate, type FinancialYear } from '@ledger/domain';
import { RequestValidationError } from './problem';

/** A real calendar date written YYYY-MM-DD (2026-02-30 is refused). */
export function IsLocalDate(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isLocalDate',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: '$property must be a real date written YYYY-MM-DD', ...options },
      validator: { validate: (value: unknown) => typeof value === 'string' && isLocalDate(value) },
    });
}

/** Weekly rates above £100,000 a week are taken to be a typing slip, not a placement. */
export const MAX_WEEKLY_RATE_PENCE = 10_000_000;
/** Budgets above £10bn for one cost centre are refused as absurd. */
export const MAX_BUDGET_PENCE = 1_000_000_000_000;

/** A financial year such as 2026-27 from a query parameter, or a 400 naming the field. */
export function financialYearParam(value: string): FinancialYear {
  try {
    return financialYear(value);
  } catch {
    throw new RequestValidationError([{ field: 'financialYear', message: 'must be a financial year such as 2026-27' }]);
  }
}
