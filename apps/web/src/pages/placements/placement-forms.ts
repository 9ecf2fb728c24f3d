import { addDays, isExternal } from '@ledger/domain';
import { MatchInHouseDto, RecordInHouseSearchDto, WithdrawRequestDto } from '../../../../api/src/placements/dto/in-house.dto';
import { AgreeJointFundingDto, ChangeRateDto, EndPlacementDto, ExtendPlacementDto, RecordReviewDto } from '../../../../api/src/placements/dto/placement-changes.dto';
import { placementCommandFrom } from '../../../../api/src/placements/placement-commands-from-requests';
import { dateFieldValues } from '../../forms/form-reader';
import { definePlacementForm, rateExceptionFrom, RATE_EXCEPTION_LABELS, type PlacementFormPage } from './placement-form-page';
import { basisPointsFromPercent } from './percent';

/** The three in-house resources every search considers (in-house first). */
export const IN_HOUSE_RESOURCES = ['In-house fostering', 'Kinship or connected carers', 'The council’s own children’s homes'] as const;
const OUTCOMES = ['available', 'unavailable', 'unsuitable'] as const;

const inHouseSearch = definePlacementForm({
  slug: 'in-house-search', title: 'Record an in-house search', template: 'placements/forms/in-house-search.njk',
  naming: {
    labels: {
      searchedOn: 'the date of the search',
      ...Object.fromEntries(IN_HOUSE_RESOURCES.flatMap((resource, i) => [
        [`options.${i}.outcome`, `what the search found for ${resource.toLowerCase()}`], [`options.${i}.note`, `the note on ${resource.toLowerCase()}`],
      ])),
    },
    dateFields: ['searchedOn'],
  },
  dtoClass: RecordInHouseSearchDto,
  body: (form) => ({
    searchedOn: form.date('searchedOn', 'the date of the search'),
    options: IN_HOUSE_RESOURCES.map((resource, i) => ({
      resource,
      outcome: form.choice(`options.${i}.outcome`, OUTCOMES, `Select whether ${resource.toLowerCase()} had a suitable placement available`),
      note: form.text(`options.${i}.note`),
    })),
  }),
  command: placementCommandFrom.inHouseSearch,
  done: { heading: 'In-house search recorded' },
});

const inHouseMatch = definePlacementForm({
  slug: 'in-house-match', title: 'Record the in-house match', template: 'placements/forms/in-house-match.njk',
  naming: { labels: { resource: 'the in-house carer or home', startDate: 'the start date' }, dateFields: ['startDate'] },
  dtoClass: MatchInHouseDto,
  body: (form) => ({ resource: form.text('resource', 'Enter the in-house carer or home the child is placed with'), startDate: form.date('startDate', 'the start date') }),
  command: placementCommandFrom.inHouseMatch,
  done: { heading: 'Request met in-house', body: 'Nothing is charged to the external placements budget.' },
});

const review = definePlacementForm({
  slug: 'review', title: 'Record the four-week review', template: 'placements/forms/review.njk',
  naming: { labels: { reviewedOn: 'the date of the review', outcome: 'the outcome', notes: 'the notes' }, dateFields: ['reviewedOn'] },
  dtoClass: RecordReviewDto,
  startValues: (_state, today) => dateFieldValues('reviewedOn', today),
  body: (form) => ({
    reviewedOn: form.date('reviewedOn', 'the date of the review'),
    outcome: form.choice('outcome', ['extend', 'end', 'step-down-in-house'] as const, 'Select the outcome of the review'),
    notes: form.text('notes'),
  }),
  command: placementCommandFrom.review,
  done: { heading: 'Four-week review recorded' },
});

const extend = definePlacementForm({
  slug: 'extend', title: 'Extend the placement', template: 'placements/forms/extend.njk',
  naming: { labels: { newTermEnd: 'the new term end', weeklyRate: 'the new weekly rate', reason: 'the reason', ...RATE_EXCEPTION_LABELS }, dateFields: ['newTermEnd'] },
  dtoClass: ExtendPlacementDto,
  startValues: (state) => (isExternal(state) ? dateFieldValues('newTermEnd', addDays(state.termEnd, 28)) : {}),
  body: (form) => ({
    newTermEnd: form.date('newTermEnd', 'the new term end'),
    weeklyRatePence: form.pence('weeklyRate', 'the new weekly rate', { required: false, min: 1 }),
    reason: form.text('reason', 'Enter why the placement is extended'),
    rateException: rateExceptionFrom(form),
  }),
  command: placementCommandFrom.extend,
  done: { heading: 'Placement extended' },
});

const rateChange = definePlacementForm({
  slug: 'rate-change', title: 'Change the weekly rate', template: 'placements/forms/rate-change.njk',
  naming: { labels: { effectiveFrom: 'the date the rate applies from', weeklyRate: 'the new weekly rate', reason: 'the reason', ...RATE_EXCEPTION_LABELS }, dateFields: ['effectiveFrom'] },
  dtoClass: ChangeRateDto,
  body: (form) => ({
    effectiveFrom: form.date('effectiveFrom', 'the date the rate applies from'),
    weeklyRatePence: form.pence('weeklyRate', 'the new weekly rate', { min: 1 }),
    reason: form.text('reason', 'Enter why the rate changes'),
    rateException: rateExceptionFrom(form),
  }),
  command: placementCommandFrom.rateChange,
  done: { heading: 'Weekly rate changed' },
});

const jointFunding = definePlacementForm({
  slug: 'joint-funding', title: 'Record joint funding', template: 'placements/forms/joint-funding.njk',
  naming: { labels: { contributor: 'the contributor', contributorOther: 'the contributor', share: 'the share', effectiveFrom: 'the date the share applies from' }, dateFields: ['effectiveFrom'] },
  dtoClass: AgreeJointFundingDto,
  body: (form) => {
    const choice = form.choice('contributor', ['health', 'education', 'other'] as const, 'Select who contributes');
    const typed = form.raw('share');
    const share = typed === '' ? form.fail('share', 'Enter the share as a percentage, like 25 or 12.5') : basisPointsFromPercent(typed);
    if (typed !== '' && (share === undefined || share < 1 || share > 10_000)) form.fail('share', 'Enter a share from 0.01 to 100, with no more than 2 decimal places');
    return {
      contributor: choice === 'other' ? form.text('contributorOther', 'Enter the name of the contributing body') : choice,
      shareBasisPoints: share,
      effectiveFrom: form.date('effectiveFrom', 'the date the share applies from'),
    };
  },
  command: placementCommandFrom.jointFunding,
  done: { heading: 'Joint funding recorded' },
});

const end = definePlacementForm({
  slug: 'end', title: 'End the placement', template: 'placements/forms/end.njk',
  naming: { labels: { endDate: 'the end date', reason: 'the reason the placement ended' }, dateFields: ['endDate'] },
  dtoClass: EndPlacementDto,
  body: (form) => ({ endDate: form.date('endDate', 'the end date'), reason: form.text('reason', 'Select the reason the placement ended') }),
  command: placementCommandFrom.end,
  done: { heading: 'Placement ended' },
});

const withdraw = definePlacementForm({
  slug: 'withdraw', title: 'Withdraw the request', template: 'placements/forms/withdraw.njk',
  naming: { labels: { reason: 'the reason' } },
  dtoClass: WithdrawRequestDto,
  body: (form) => ({ reason: form.text('reason', 'Enter why the request is withdrawn') }),
  command: placementCommandFrom.withdraw,
  done: { heading: 'Request withdrawn' },
});

export const PLACEMENT_FORMS: ReadonlyMap<string, PlacementFormPage> = new Map(
  [inHouseSearch, inHouseMatch, review, extend, rateChange, jointFunding, end, withdraw].map((page) => [page.slug, page]),
);
