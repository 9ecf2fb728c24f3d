import { defaultRateBandFor, type RateBand } from '@ledger/domain';
import { ConfigError } from './config-error';

/** Overrides of the default weekly-rate bands, by SSDA903 placement type code. */
export type RateBandOverrides = Readonly<Record<string, RateBand>>;

export function parseRateBands(raw: string | undefined): RateBandOverrides {
  if (raw === undefined || raw.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new ConfigError('LEDGER_RATE_BANDS must be JSON such as {"U4":{"minPence":80000,"maxPence":500000}}');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new ConfigError('LEDGER_RATE_BANDS must be a JSON object keyed by placement type code');
  }
  const bands: Record<string, RateBand> = {};
  for (const [code, band] of Object.entries(parsed as Record<string, unknown>)) {
    const { minPence, maxPence } = (band ?? {}) as Record<string, unknown>;
    if (!Number.isSafeInteger(minPence) || !Number.isSafeInteger(maxPence) || (minPence as number) < 0 || (minPence as number) > (maxPence as number)) {
      throw new ConfigError(`LEDGER_RATE_BANDS.${code} needs whole-pence minPence <= maxPence`);
    }
    bands[code] = { minPence, maxPence } as RateBand;
  }
  return bands;
}

export function rateBandLookup(overrides: RateBandOverrides): (placementType: string) => RateBand {
  return (placementType) => overrides[placementType] ?? defaultRateBandFor(placementType);
}
