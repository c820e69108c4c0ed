/**
 * The embedded DynamoDB as its own process, so the emulator and the API use both cores.
 * Usage: main.ts <port> <dataDir>. Prints one line `ready <endpoint>` once it serves.
 * It lives exactly as long as its parent: when the parent dies (even by SIGKILL) its stdin
 * closes and this process shuts the database and exits.
 */
import { startLocalDynamo } from './index.js'

const [port, dataDir] = process.argv.slice(2)
if (!port || !dataDir) throw new Error('usage: main.ts <port> <dataDir>')
const server = await startLocalDynamo({ port: Number(port), dataDir })
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
