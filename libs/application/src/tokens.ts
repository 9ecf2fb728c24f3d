/** Nest injection tokens for the ports the application depends on. */
export const EVENT_STORE = Symbol('EventStore');
export const SQL_DATABASE = Symbol('SqlDatabase');
export const LEDGER_CONFIG = Symbol('LedgerConfig');
export const CLOCK = Symbol('Clock');
export const PROJECTIONS = Symbol('Projections');
export const LEDGER_READER = Symbol('LedgerReader');
export const LEDGER_RUNTIME = Symbol('LedgerRuntime');
export const JOB_SCHEDULER = Symbol('JobScheduler');
