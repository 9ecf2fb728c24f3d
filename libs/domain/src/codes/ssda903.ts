import type { RateBand } from '../placement/placement-commands';
import type { Pence } from '../money/pence';

/** SSDA903 PLACE: the type of placement, as returned to the DfE. */
export const PLACEMENT_TYPES: Readonly<Record<string, string>> = {
  A3: 'Placed for adoption with parental/guardian consent with current foster carer(s)',
  A4: 'Placed for adoption with parental/guardian consent not with current foster carer(s)',
  A5: 'Placed for adoption with placement order with current foster carer(s)',
  A6: 'Placed for adoption with placement order not with current foster carer(s)',
  H5: 'Semi-independent living accommodation not subject to children\'s homes regulations',
  K1: 'Secure children\'s homes',
  K2: 'Children\'s homes subject to children\'s homes regulations',
  P1: 'Placed with own parent(s) or other person(s) with parental responsibility',
  P2: 'Independent living, e.g. in a flat, lodgings, bedsit, B&B or with friends',
  P3: 'Residential employment',
  R1: 'Residential care home',
  R2: 'NHS/health trust or other establishment providing medical or nursing care',
  R3: 'Family centre or mother and baby unit',
  R5: 'Young offender institution or prison',
  S1: 'All residential schools, except where dual-registered as a school and children\'s home',
  T0: 'All types of temporary move (see T1–T4)',
  T1: 'Temporary periods in hospital',
  T2: 'Temporary absences of the child on holiday',
  T3: 'Temporary accommodation whilst normal foster carer(s) is/are on holiday',
  T4: 'Temporary accommodation of seven days or less, for any reason, not covered by T1–T3',
  U1: 'Foster placement with relative(s) or friend(s) – long term fostering',
  U2: 'Foster placement with relative(s) or friend(s) who is/are also an approved adopter(s) – FFA/concurrent planning',
  U3: 'Foster placement with relative(s) or friend(s) who is/are not long-term or FFA/concurrent planning',
  U4: 'Foster placement with other foster carer(s) – long term fostering',
  U5: 'Foster placement with other foster carer(s) who is/are also an approved adopter(s) – FFA/concurrent planning',
  U6: 'Foster placement with other foster carer(s) – not long term or FFA/concurrent planning',
  Z1: 'Other placements (must be listed on a schedule sent to DfE with annual submission)',
};

/** SSDA903 PLACE_PROVIDER: who provides the placement. */
export const PROVIDER_TYPES: Readonly<Record<string, string>> = {
  PR0: 'Parent(s) or other person(s) with parental responsibility',
  PR1: 'Own provision (by the council)',
  PR2: 'Other local authority provision',
  PR3: 'Other public provision (e.g. a PCT)',
  PR4: 'Private provision',
  PR5: 'Voluntary/third sector provision',
};

/** SSDA903 REC: reason episode ceased, plus `moved-in-house` for a step-down to the council's own provision. */
export const END_REASONS: Readonly<Record<string, string>> = {
  E11: 'Adopted – application for an adoption order unopposed',
  E12: 'Adopted – consent dispensed with by the court',
  E13: 'Left care to live with parent(s), relative(s), or other person(s) with no parental responsibility',
  E14: 'Accommodation on remand ended',
  E15: 'Age assessment determined child is aged 18 or over',
  E16: 'Child moved abroad',
  E17: 'Aged 18 (or over) and remained with current carers (inc under staying put arrangements)',
  E2: 'Died',
  E3: 'Care taken over by another local authority in the UK',
  E41: 'Residence order (or, from 22 April 2014, a child arrangement order) granted',
  E45: 'Special guardianship order made to former foster carer(s)',
  E46: 'Special guardianship order made to carer(s) other than former foster carer(s)',
  E47: 'Special guardianship order made to former foster carer(s), who was/are a relative(s) or friend(s)',
  E48: 'Special guardianship order made to carer(s), other than former foster carer(s), who was/are a relative(s) or friend(s)',
  E4A: 'Returned home to live with parent(s), relative(s), or other person(s) with parental responsibility as part of the care planning process',
  E4B: 'Returned home to live with parent(s), relative(s), or other person(s) with parental responsibility which was not part of the current care planning process',
  E5: 'Moved into independent living arrangement and no longer looked-after: supportive accommodation providing formalised advice/support arrangements',
  E6: 'Moved into independent living arrangement and no longer looked-after: accommodation providing no formalised advice/support arrangements',
  E7: 'Transferred to residential care funded by adult social care services',
  E8: 'Period of being looked-after ceased for any other reason (where none of the other reasons apply)',
  E9: 'Sentenced to custody',
  'moved-in-house': 'The placement stepped down to the council\'s own provision',
};

/**
 * Reason-ceased codes of earlier SSDA903 years (as in the 2013 strategy's appendix), replaced since:
 * E4 by E4A/E4B, E43/E44 by E45–E48. Kept to read migrated histories; new ends use END_REASONS.
 */
export const LEGACY_END_REASONS: Readonly<Record<string, string>> = {
  E4: 'Returned home to live with parent(s), relative(s), or other person(s) with parental responsibility',
  E43: 'Special guardianship order made to former foster carer(s)',
  E44: 'Special guardianship order made to carer(s) other than former foster carer(s)',
};

export const PLACEMENT_TYPE_CODES: readonly string[] = Object.keys(PLACEMENT_TYPES);
export const PROVIDER_TYPE_CODES: readonly string[] = Object.keys(PROVIDER_TYPES);
export const END_REASON_CODES: readonly string[] = Object.keys(END_REASONS);

export const isPlacementTypeCode = (code: string): boolean => Object.hasOwn(PLACEMENT_TYPES, code);
export const isProviderTypeCode = (code: string): boolean => Object.hasOwn(PROVIDER_TYPES, code);
export const isEndReasonCode = (code: string): boolean => Object.hasOwn(END_REASONS, code);

/** The strategy's band for independent fostering agency placements: £800–£5,000 a week. */
export const DEFAULT_RATE_BAND: RateBand = { minPence: 80_000 as Pence, maxPence: 500_000 as Pence };

/**
 * Residential, secure, health and school placements cost more. £2,000–£12,000 a week is a configurable
 * default, not a rule of the strategies: each council sets its own bands with LEDGER_RATE_BANDS.
 */
export const RESIDENTIAL_RATE_BAND: RateBand = { minPence: 200_000 as Pence, maxPence: 1_200_000 as Pence };

/** Default bands by placement type; any type not listed uses DEFAULT_RATE_BAND. */
export const DEFAULT_RATE_BANDS: Readonly<Record<string, RateBand>> = {
  K1: RESIDENTIAL_RATE_BAND, K2: RESIDENTIAL_RATE_BAND, R1: RESIDENTIAL_RATE_BAND, R2: RESIDENTIAL_RATE_BAND, S1: RESIDENTIAL_RATE_BAND,
};

export function defaultRateBandFor(placementType: string): RateBand {
  return Object.hasOwn(DEFAULT_RATE_BANDS, placementType) ? DEFAULT_RATE_BANDS[placementType] : DEFAULT_RATE_BAND;
}
