/** Request bodies for a typical IFA placement, overridable per test. */
export const requestBody = (overrides: Record<string, unknown> = {}) => ({
  childRef: 'LAC-7Q2P9', ageAtRequest: 11, needs: ['education support'], placementTypeSought: 'U4',
  urgency: 'planned', requiredFrom: '2026-11-30', siblingGroupSize: 1, ...overrides,
});

export const noInHouseOption = (searchedOn = '2026-11-24') => ({
  searchedOn,
  options: [
    { resource: 'In-house foster carers', outcome: 'unavailable', note: 'No vacancy for age 11' },
    { resource: 'Kinship: maternal aunt', outcome: 'unsuitable', note: 'Assessment not passed' },
  ],
});

export const commissionBody = (overrides: Record<string, unknown> = {}) => ({
  provider: { id: 'IFA-017', name: 'Brightway Fostering', type: 'PR4', ofstedGrade: 'good', distanceMiles: 12 },
  placementType: 'U4', weeklyRatePence: 95_000, startDate: '2026-11-30', costCentre: 'CC-IFA', ...overrides,
});
