export * from './event-store.port';
export * from './open-event-storage';
export * from './sql/sql-database';
export * from './sql/embedded-database';
export * from './sql/postgres-database';
export * from './sql/sql-event-store';
export * from './sql/position';
export * from './eventstoredb/eventstoredb-store';
