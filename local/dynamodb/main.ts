/**
 * The embedded DynamoDB as its own process, so the emulator and the API use both cores.
 * Usage: main.ts <port> <dataDir> (env DYNAMODB_INDEX_LAG_MS: GSI lag, see indexLag.ts). Prints one line `ready <endpoint>` once it serves.
 * It lives exactly as long as its parent: when the parent dies (even by SIGKILL) its stdin
 * closes and this process shuts the database and exits.
 */
import { startLocalDynamo } from './index.js'

const [port, dataDir] = process.argv.slice(2)
if (!port || !dataDir) throw new Error('usage: main.ts <port> <dataDir>')
// DYNAMODB_INDEX_LAG_MS: GSIs show a write after a random lag up to this many ms (0 or unset = at once).
const indexLagMs = Number(process.env.DYNAMODB_INDEX_LAG_MS ?? 0)
if (!Number.isFinite(indexLagMs) || indexLagMs < 0) throw new Error(`DYNAMODB_INDEX_LAG_MS must be a number of ms ≥ 0, not ${process.env.DYNAMODB_INDEX_LAG_MS}`)
const server = await startLocalDynamo({ port: Number(port), dataDir, indexLagMs })
process.stdout.write(`ready ${server.endpoint}\n`)

const stop = async () => {
  await server.close().catch(() => undefined);
  process.exit(0);
};
process.stdin.on('end', stop);
process.stdin.on('close', stop);
process.stdin.resume();
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
