/**
 * Write durability.
 *
 * Default (sync off): LevelDB appends every write (a batch is one log record) to its log file and
 * flushes it to the OS (`fflush` after each record, see leveldb db/log_writer.cc) before the write
 * completes, and dynalite answers only after that. An acknowledged write is therefore in the
 * kernel's page cache: it survives kill -9 / a crash of this process, not a power loss or a
 * kernel crash. A half-written last record is dropped on recovery, so a batch stays atomic.
 *
 * `sync: true` additionally fsyncs the log on every write (LevelDB's `sync` write option),
 * surviving power loss too, at a cost measured in bench.ts.
 */
import type { LevelDb } from './types.js'

/** Forces LevelDB's `sync` option on every write dynalite or we issue (they all go through these hooks). */
export function enableSyncWrites(db: LevelDb): void {
  const put = db._put.bind(db)
  const del = db._del.bind(db)
  const batch = db._batch.bind(db)
  db._put = (key, value, options) => put(key, value, { ...options, sync: true })
  db._del = (key, options) => del(key, { ...options, sync: true })
  db._batch = (ops, options) => batch(ops, { ...options, sync: true })
}
