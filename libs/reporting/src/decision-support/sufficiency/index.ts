export * from './demand';
export * from './what-if';
