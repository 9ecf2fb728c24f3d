export * from './running';
export * from './step-down';
export * from './need-contributors';
export * from './joint-funding';
export * from './opportunities-csv';
