import type { Provider } from '@ledger/domain';

/** Independent fostering agencies a Midlands city council buys from (PR4 private, PR5 voluntary). */
export const FOSTERING_AGENCIES: readonly Provider[] = [
  { id: 'IFA-001', name: 'Brightway Fostering', type: 'PR4', ofstedGrade: 'good', distanceMiles: 6 },
  { id: 'IFA-002', name: 'Heartlands Family Placements', type: 'PR4', ofstedGrade: 'outstanding', distanceMiles: 11 },
  { id: 'IFA-003', name: 'Soar Valley Foster Care', type: 'PR5', ofstedGrade: 'good', distanceMiles: 4 },
  { id: 'IFA-004', name: 'Charnwood Children\'s Trust', type: 'PR5', ofstedGrade: 'good', distanceMiles: 14 },
  { id: 'IFA-005', name: 'Three Counties Fostering', type: 'PR4', ofstedGrade: 'requires-improvement', distanceMiles: 27 },
  { id: 'IFA-006', name: 'Peak & Dale Foster Families', type: 'PR4', ofstedGrade: 'outstanding', distanceMiles: 38 },
  { id: 'IFA-007', name: 'Welland Fostering Partnership', type: 'PR5', ofstedGrade: 'good', distanceMiles: 9 },
  { id: 'IFA-008', name: 'Cornerstone Care Placements', type: 'PR4', ofstedGrade: 'not-yet-inspected', distanceMiles: 17 },
  { id: 'IFA-009', name: 'Arden Family Fostering', type: 'PR4', ofstedGrade: 'good', distanceMiles: 21 },
  { id: 'IFA-010', name: 'Trentside Foster Care', type: 'PR5', ofstedGrade: 'outstanding', distanceMiles: 3 },
];

/** Private children's homes (SSDA903 K2), all private provision. */
export const CHILDRENS_HOMES: readonly Provider[] = [
  { id: 'CH-101', name: 'Oakfield House', type: 'PR4', ofstedGrade: 'good', distanceMiles: 8 },
  { id: 'CH-102', name: 'Meadowbank Children\'s Home', type: 'PR4', ofstedGrade: 'requires-improvement', distanceMiles: 23 },
  { id: 'CH-103', name: 'The Willows', type: 'PR4', ofstedGrade: 'outstanding', distanceMiles: 45 },
  { id: 'CH-104', name: 'Foxton Lodge', type: 'PR4', ofstedGrade: 'inadequate', distanceMiles: 31 },
  { id: 'CH-105', name: 'Rowan Tree Care', type: 'PR4', ofstedGrade: 'good', distanceMiles: 12 },
  { id: 'CH-106', name: 'Hollybrook Lodge', type: 'PR4', ofstedGrade: 'good', distanceMiles: 2 },
];

/** The council's own provision, which every search considers first. */
export const IN_HOUSE_RESOURCES = [
  'In-house foster carers (mainstream)', 'In-house foster carers (teenagers)', 'Kinship / connected carers',
  'Council children\'s home: Netherhall Road', 'Council children\'s home: Barnes Heath House',
] as const;

export const NEEDS = [
  'education support', 'emotional and behavioural support', 'sibling group placement', 'risk of child sexual exploitation',
  'unaccompanied asylum-seeking child', 'therapeutic placement', 'staying local for school', 'contact with birth family',
] as const;

export const DISABILITY_NEED = 'disability: complex health needs';

/** SSDA903 reasons a placement ceased, weighted as ends are seen; `moved-in-house` follows a step-down review. */
export const PLANNED_END_REASONS = ['E4A', 'E4A', 'E4A', 'E41', 'E11', 'E12', 'E13', 'moved-in-house', 'moved-in-house'] as const;
export const UNPLANNED_END_REASONS = ['E8', 'E8', 'E13', 'E4A'] as const;

export const EMERGENCY_REASONS = [
  'Placement breakdown out of hours; police protection',
  'Child found at risk overnight; no in-house carer reachable',
  'Emergency protection order granted late on Friday',
] as const;
