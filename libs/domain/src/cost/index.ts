export * from './cost-timeline';
export * from './budget-profile';
export * from './joint-funding';
export * from './timeline-of';
