import { GetSufficiencyHandler, GetSufficiencyWhatIfHandler } from './get-sufficiency.handler';

export * from './get-sufficiency.handler';

/** The sufficiency (demand) and what-if queries' handlers. */
export const SUFFICIENCY_HANDLERS = [GetSufficiencyHandler, GetSufficiencyWhatIfHandler];
