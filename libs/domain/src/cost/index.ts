export * from './cost-timeline';
export * from './budget-profile';
