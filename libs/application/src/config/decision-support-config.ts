import { pence, type Pence } from '@ledger/domain';
import { ConfigError } from './config-error';

/** What the decision-support views assume where the ledger holds no figure of its own. */
export interface DecisionSupportConfig {
  /**
   * The council's own weekly unit cost of a placement, by SSDA903 placement type: what a child would
   * cost in-house instead. Only types listed here have an in-house option (step-down, what-if).
   */
  readonly inHouseWeeklyCostPence: Readonly<Record<string, Pence>>;
  /** The share health or education typically agree to fund, in basis points (joint-funding opportunities). */
  readonly typicalJointFundingShareBasisPoints: number;
  /** Early warning: a cost centre's projected outturn moving by more than this in a week is flagged. */
  readonly earlyWarningMovementPence: Pence;
  /** Who is told of an early warning: finance officers' and managers' user ids (LEDGER_EARLY_WARNING_RECIPIENTS, comma-separated). */
  readonly earlyWarningRecipients: readonly string[];
}

/**
 * In-house fostering (U1–U6: allowances, fees and the fostering team's support) about £550 a week; a
 * council children's home place (K2) about £4,500. Each council sets its own with LEDGER_IN_HOUSE_WEEKLY_COSTS.
 */
export const DEFAULT_IN_HOUSE_WEEKLY_COSTS: Readonly<Record<string, Pence>> = {
  U1: pence(55_000), U2: pence(55_000), U3: pence(55_000), U4: pence(55_000), U5: pence(55_000), U6: pence(55_000), K2: pence(450_000),
};

type Env = Readonly<Record<string, string | undefined>>;

function parseInHouseCosts(raw: string | undefined): Readonly<Record<string, Pence>> {
  if (raw === undefined || raw.trim() === '') return DEFAULT_IN_HOUSE_WEEKLY_COSTS;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new ConfigError('LEDGER_IN_HOUSE_WEEKLY_COSTS must be JSON such as {"U4":55000,"K2":450000} (pence a week)');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new ConfigError('LEDGER_IN_HOUSE_WEEKLY_COSTS must be a JSON object keyed by placement type code');
  }
  const costs: Record<string, Pence> = {};
  for (const [code, value] of Object.entries(parsed as Record<string, unknown>)) {
    if (!Number.isSafeInteger(value) || (value as number) <= 0) throw new ConfigError(`LEDGER_IN_HOUSE_WEEKLY_COSTS.${code} must be a whole number of pence above 0`);
    costs[code] = pence(value as number);
  }
  return costs;
}

function whole(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < min || value > max) throw new ConfigError(`${name} must be a whole number from ${min} to ${max}; it is "${raw}"`);
  return value;
}

export function loadDecisionSupportConfig(env: Env): DecisionSupportConfig {
  return {
    inHouseWeeklyCostPence: parseInHouseCosts(env.LEDGER_IN_HOUSE_WEEKLY_COSTS),
    typicalJointFundingShareBasisPoints: whole(env, 'LEDGER_JOINT_FUNDING_TYPICAL_SHARE_BASIS_POINTS', 2_500, 1, 10_000),
    earlyWarningMovementPence: pence(whole(env, 'LEDGER_EARLY_WARNING_MOVEMENT_PENCE', 5_000_000, 1, Number.MAX_SAFE_INTEGER)),
    earlyWarningRecipients: (env.LEDGER_EARLY_WARNING_RECIPIENTS ?? 'finance-dana,manager-eve').split(',').map((id) => id.trim()).filter((id) => id !== ''),
  };
}
