import type { ArgumentMetadata } from '@nestjs/common';
import { ledgerValidationPipe } from '../../http/validation.pipe';
import { RequestValidationError } from '../../http/problem';
import { CommissionPlacementDto } from './commission-placement.dto';
import { RecordInHouseSearchDto } from './in-house.dto';
import { ChangeRateDto, ExtendPlacementDto } from './placement-changes.dto';

const validated = (metatype: ArgumentMetadata['metatype'], body: unknown) => ledgerValidationPipe().transform(body, { type: 'body', metatype });
const rateException = { reason: 'Sibling group', approvedBy: 'Head of service' };
const provider = { id: 'IFA-017', name: 'Brightway Fostering', type: 'PR4', ofstedGrade: 'good', distanceMiles: 12 };
const commissionBody = (overrides: Record<string, unknown> = {}) =>
  ({ provider, placementType: 'U4', weeklyRatePence: 95_000, startDate: '2026-11-30', costCentre: 'CC-IFA', ...overrides });
const option = { resource: 'In-house foster carers', outcome: 'unavailable', note: 'No vacancy' };
const search = { searchedOn: '2026-11-24', options: [option] };
const rateChange = { effectiveFrom: '2026-12-01', weeklyRatePence: 99_000, reason: 'Uplift' };
const extension = { newTermEnd: '2027-03-22', reason: 'Stable' };

/** class-validator's ValidateNested walks an array's items, so an array where an object belongs used to pass, items and all. */
describe('an array where a body expects a nested object', () => {
  it.each([
    ['a commission whose provider is empty', CommissionPlacementDto, commissionBody({ provider: [] }), 'provider'],
    ['a commission whose provider is wrapped in a list', CommissionPlacementDto, commissionBody({ provider: [provider] }), 'provider'],
    ['a commission whose rate exception is a list', CommissionPlacementDto, commissionBody({ rateException: [] }), 'rateException'],
    ['an extension whose rate exception is a list', ExtendPlacementDto, { ...extension, rateException: [rateException] }, 'rateException'],
    ['a rate change whose rate exception is a list', ChangeRateDto, { ...rateChange, rateException: [[]] }, 'rateException'],
    ['an in-house search whose option is a list', RecordInHouseSearchDto, { ...search, options: [[option]] }, 'options'],
  ])('is refused: %s', async (_what, metatype, body, field) => {
    const refusal = validated(metatype, body);
    await expect(refusal).rejects.toThrow(RequestValidationError);
    await expect(refusal).rejects.toMatchObject({ errors: expect.arrayContaining([expect.objectContaining({ field })]) });
  });

  it('still takes the objects themselves', async () => {
    await expect(validated(CommissionPlacementDto, commissionBody({ rateException }))).resolves.toBeInstanceOf(CommissionPlacementDto);
    await expect(validated(RecordInHouseSearchDto, search)).resolves.toBeInstanceOf(RecordInHouseSearchDto);
  });
});
