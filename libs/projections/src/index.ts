export * from './projection';
export * from './projection-runner';
export * from './placement-summary/placement-summary';
export * from './placement-summary/placement-summary.projection';
export * from './ledger-facts/ledger-facts.projection';
export * from './ledger-facts/ledger-as-at';
export * from './rebuild';
export * from './ledger-facts/ledger-reader';
