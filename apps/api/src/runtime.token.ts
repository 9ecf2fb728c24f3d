export const LEDGER_RUNTIME = Symbol('LedgerRuntime');
