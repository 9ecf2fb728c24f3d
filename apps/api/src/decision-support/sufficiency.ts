import { SufficiencyController } from './sufficiency.controller';

export const SUFFICIENCY_CONTROLLERS = [SufficiencyController];
