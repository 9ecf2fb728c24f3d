import type { SqlExecutor } from '@ledger/event-store';

/**
 * Read models no longer kept, dropped with their checkpoints when a process starts, so an upgraded
 * store carries no dead copy. `ledger_facts` was a copy of the log's placement and budget events;
 * the ledger reader now folds the log itself (docs/decisions.md, "The read side").
 */
export async function dropRetiredReadModels(db: SqlExecutor): Promise<void> {
  await db.query('DROP TABLE IF EXISTS ledger_facts');
  await db.query(`DELETE FROM projection_checkpoints WHERE name = 'ledger-facts'`);
}
