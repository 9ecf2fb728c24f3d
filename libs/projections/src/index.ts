export * from './projection';
export * from './projection-runner';
export * from './placement-summary/placement-summary';
export * from './placement-summary/placement-summary.projection';
