import { formatPounds, PLACEMENT_TYPES, type Pence } from '@ledger/domain';
import type { CommissionPlacementDto } from '../../../../api/src/placements/dto/commission-placement.dto';
import type { FormReader } from '../../forms/form-reader';
import { longDate } from '../../rendering/format';
import { rateExceptionFrom } from './placement-form-page';
import { OFSTED_GRADES } from './status-words';

/** The commission form as the API's body: a known provider by id, or a new one from `provider.*`. */
export function commissionBody(form: FormReader, pick: (choice: string, typed: () => object) => object | undefined): object {
  const choice = form.raw('knownProvider') || 'new';
  const provider = pick(choice, () => {
    const miles = form.raw('provider.distanceMiles');
    const distance = /^\d{1,4}(\.\d)?$/.test(miles) ? Number(miles) : form.fail('provider.distanceMiles', 'Enter the distance in miles, like 12 or 12.5');
    return {
      id: form.text('provider.id', 'Enter the provider’s reference, like IFA-017'),
      name: form.text('provider.name', 'Enter the provider’s name'),
      type: form.text('provider.type', 'Select the provider type'),
      ofstedGrade: form.text('provider.ofstedGrade', 'Select the Ofsted grade'),
      distanceMiles: distance,
    };
  });
  if (provider === undefined) form.fail('knownProvider', 'Select a provider the ledger knows, or add a new one');
  return {
    provider,
    placementType: form.text('placementType', 'Select the placement type'),
    weeklyRatePence: form.pence('weeklyRate', 'the weekly rate', { min: 1 }),
    startDate: form.date('startDate', 'the start date'),
    initialTermDays: form.integer('initialTermDays', 'the initial term in days', { required: false, min: 1 }),
    costCentre: form.text('costCentre', 'Enter the cost centre, like CC-IFA'),
    emergencyReason: form.text('emergencyReason'),
    rateException: rateExceptionFrom(form),
  };
}

/** The GOV.UK summary list of the answers, each with a Change link back to its field. */
export function commissionSummaryRows(body: CommissionPlacementDto, term: { initialTermDays: number; lastDay: string; termEnd: string; costPence: Pence }, changeHref: string) {
  const row = (key: string, value: string, field: string) => ({
    key: { text: key }, value: { text: value },
    actions: { items: [{ href: `${changeHref}#${field}`, text: 'Change', visuallyHiddenText: key.toLowerCase() }] },
  });
  const p = body.provider;
  return [
    row('Provider', `${p.name} (${p.id}). Ofsted: ${OFSTED_GRADES[p.ofstedGrade] ?? p.ofstedGrade}. ${p.distanceMiles} miles away.`, 'knownProvider'),
    row('Placement type', `${body.placementType}: ${PLACEMENT_TYPES[body.placementType] ?? ''}`, 'placementType'),
    row('Weekly rate', `${formatPounds(body.weeklyRatePence as Pence)} a week`, 'weeklyRate'),
    row('Start date', longDate(body.startDate), 'startDate-day'),
    row('Initial term', `${term.initialTermDays} days: ${longDate(body.startDate)} to ${longDate(term.lastDay)}; the term ends on ${longDate(term.termEnd)}`, 'initialTermDays'),
    row('Cost of the initial term', formatPounds(term.costPence), 'weeklyRate'),
    row('Cost centre', body.costCentre, 'costCentre'),
    row('Emergency reason', body.emergencyReason ?? 'None: an in-house search is on record', 'emergencyReason'),
    row('Rate outside the band', body.rateException === undefined ? 'No exception' : `${body.rateException.reason} (approved by ${body.rateException.approvedBy})`, 'rateException.reason'),
  ];
}
