export * from './demand';
export * from './what-if';
export * from './sufficiency-csv';
