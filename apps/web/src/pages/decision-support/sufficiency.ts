import { SufficiencyPageController } from './sufficiency.controller';

export const SUFFICIENCY_PAGES = [SufficiencyPageController];
