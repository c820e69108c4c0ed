/**
 * Start-up repair of table states left behind by a crash. dynalite moves a table from
 * CREATING/UPDATING to ACTIVE, and finishes a DELETING table, in a timer after acknowledging
 * the request; a kill -9 inside that window would leave the table stuck (CREATING tables answer
 * ResourceNotFoundException forever). We finish those transitions before serving.
 */
import { itemKeyPrefix, prefixRange } from './storage.js'
import type { Store, TableDescription } from './types.js'

export async function recoverTableStates(store: Store): Promise<void> {
  const stuck: TableDescription[] = []
  for await (const [, table] of store.db.iterator(prefixRange('table~'))) {
    const description = table as TableDescription
    if (description && description.TableStatus && description.TableStatus !== 'ACTIVE') stuck.push(description)
  }
  for (const table of stuck) {
    if (table.TableStatus === 'DELETING') await finishDelete(store, table.TableName)
    else await store.db.put(`table~${table.TableName}`, activate(table))
  }
}

function activate(table: TableDescription): TableDescription {
  table.TableStatus = 'ACTIVE'
  for (const index of table.GlobalSecondaryIndexes ?? []) index.IndexStatus = 'ACTIVE'
  return table
}

async function finishDelete(store: Store, tableName: string): Promise<void> {
  // Index names may already be gone from the description: clear every index prefix of the table.
  const prefixes = [itemKeyPrefix(tableName), `tag-${tableName}~`, `index-global~${tableName}~`, `index-local~${tableName}~`]
  for (const prefix of prefixes) await store.db.clear(prefixRange(prefix))
  await store.db.del(`table~${tableName}`)
}
