import type { Provider } from '@ledger/domain';

/** Independent fostering agencies and private children's homes a Midlands city council buys from. */
export const FOSTERING_AGENCIES: readonly Provider[] = [
  { id: 'IFA-001', name: 'Brightway Fostering', type: 'PR4', ofstedGrade: 'good', distanceMiles: 6 },
  { id: 'IFA-002', name: 'Heartlands Family Placements', type: 'PR4', ofstedGrade: 'outstanding', distanceMiles: 11 },
  { id: 'IFA-003', name: 'Soar Valley Foster Care', type: 'PR5', ofstedGrade: 'good', distanceMiles: 4 },
  { id: 'IFA-004', name: 'Charnwood Children\'s Trust', type: 'PR5', ofstedGrade: 'good', distanceMiles: 14 },
  { id: 'IFA-005', name: 'Three Counties Fostering', type: 'PR4', ofstedGrade: 'requires-improvement', distanceMiles: 27 },
  { id: 'IFA-006', name: 'Peak & Dale Foster Families', type: 'PR4', ofstedGrade: 'outstanding', distanceMiles: 38 },
  { id: 'IFA-007', name: 'Welland Fostering Partnership', type: 'PR5', ofstedGrade: 'good', distanceMiles: 9 },
  { id: 'IFA-008', name: 'Cornerstone Care Placements', type: 'PR4', ofstedGrade: 'not-yet-inspected', distanceMiles: 17 },
];

export const CHILDRENS_HOMES: readonly Provider[] = [
  { id: 'CH-101', name: 'Oakfield House', type: 'PR4', ofstedGrade: 'good', distanceMiles: 8 },
  { id: 'CH-102', name: 'Meadowbank Children\'s Home', type: 'PR4', ofstedGrade: 'requires-improvement', distanceMiles: 23 },
  { id: 'CH-103', name: 'The Willows', type: 'PR4', ofstedGrade: 'outstanding', distanceMiles: 45 },
  { id: 'CH-104', name: 'Foxton Lodge', type: 'PR4', ofstedGrade: 'inadequate', distanceMiles: 31 },
  { id: 'CH-105', name: 'Rowan Tree Care', type: 'PR5', ofstedGrade: 'good', distanceMiles: 12 },
];

export const IN_HOUSE_RESOURCES = [
  'In-house foster carers (mainstream)', 'In-house foster carers (teenagers)', 'Kinship / connected carers',
  'Council children\'s home: Netherhall Road', 'Council children\'s home: Barnes Heath House',
];

export const NEEDS = [
  'education support', 'emotional and behavioural support', 'sibling group placement', 'disability: complex health needs',
  'risk of child sexual exploitation', 'unaccompanied asylum-seeking child', 'therapeutic placement', 'staying local for school',
];

export const END_REASONS = ['E4A', 'E4A', 'E41', 'E11', 'E8', 'E13', 'E12'];
