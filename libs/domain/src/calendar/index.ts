export * from './local-date';
export * from './financial-year';
export * from './working-days';
