import {
  DEFAULT_RATE_BAND, defaultRateBandFor, END_REASON_CODES, isEndReasonCode, isPlacementTypeCode, isProviderTypeCode,
  LEGACY_END_REASONS, PLACEMENT_TYPE_CODES, PROVIDER_TYPE_CODES, RESIDENTIAL_RATE_BAND,
} from './ssda903';

describe('SSDA903 placement types (PLACE)', () => {
  it('lists the fostering, residential, secure, adoption, temporary and other codes', () => {
    for (const code of ['U1', 'U2', 'U3', 'U4', 'U5', 'U6', 'K1', 'K2', 'R1', 'R2', 'R3', 'R5', 'S1', 'P1', 'P2', 'P3', 'H5',
      'T0', 'T1', 'T2', 'T3', 'T4', 'Z1', 'A3', 'A4', 'A5', 'A6']) {
      expect(isPlacementTypeCode(code)).toBe(true);
    }
    expect(PLACEMENT_TYPE_CODES).toHaveLength(27);
  });

  it.each(['u4', 'U7', 'R4', 'toString', ''])('does not recognise %p', (code) => {
    expect(isPlacementTypeCode(code)).toBe(false);
  });
});

describe('SSDA903 placement providers (PLACE_PROVIDER)', () => {
  it('runs PR0 to PR5', () => {
    expect(PROVIDER_TYPE_CODES).toEqual(['PR0', 'PR1', 'PR2', 'PR3', 'PR4', 'PR5']);
    expect(isProviderTypeCode('PR4')).toBe(true);
    expect(isProviderTypeCode('PR6')).toBe(false);
  });
});

describe('reasons a placement ended (REC)', () => {
  it('takes the current DfE codes and a step-down in-house', () => {
    for (const code of ['E11', 'E12', 'E13', 'E14', 'E15', 'E16', 'E17', 'E2', 'E3', 'E41', 'E45', 'E46', 'E47', 'E48',
      'E4A', 'E4B', 'E5', 'E6', 'E7', 'E8', 'E9', 'moved-in-house']) {
      expect(isEndReasonCode(code)).toBe(true);
    }
    expect(END_REASON_CODES).toHaveLength(22);
  });

  it('keeps the 2013 codes for migrated histories but not for new ends', () => {
    expect(Object.keys(LEGACY_END_REASONS)).toEqual(['E4', 'E43', 'E44']);
    expect(['E4', 'E43', 'E44'].some(isEndReasonCode)).toBe(false);
  });
});

describe('default weekly-rate bands', () => {
  it('holds fostering agency placements to £800–£5,000 a week', () => {
    expect(DEFAULT_RATE_BAND).toEqual({ minPence: 80_000, maxPence: 500_000 });
    expect(defaultRateBandFor('U4')).toBe(DEFAULT_RATE_BAND);
    expect(defaultRateBandFor('unknown')).toBe(DEFAULT_RATE_BAND);
  });

  it('holds residential and secure placements to £2,000–£12,000 a week', () => {
    expect(RESIDENTIAL_RATE_BAND).toEqual({ minPence: 200_000, maxPence: 1_200_000 });
    expect(['K1', 'K2', 'R1', 'R2', 'S1'].map(defaultRateBandFor)).toEqual(Array(5).fill(RESIDENTIAL_RATE_BAND));
  });
});
