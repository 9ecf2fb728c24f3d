export * from './generate-demo-council';
