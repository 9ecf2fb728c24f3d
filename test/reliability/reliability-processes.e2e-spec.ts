import { reducedRun } from './reduced-run';

reducedRun('processes');
