import { reducedRun } from './reduced-run';

reducedRun('in-process');
