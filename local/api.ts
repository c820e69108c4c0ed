import { readConfig } from '../functions/lib/config';
import { stackOptionsFromEnv, startStack } from './stack';

// `npm run api`: the local API and its embedded DynamoDB, nothing else.
// The local stack is the `local` stage unless told otherwise: any other stage must bring its secrets.
process.env.STAGE ??= 'local';
try {
  readConfig(); // refuses a prod stage with a default secret before anything listens
} catch (err) {
  console.error((err as Error).message);
  process.exit(1);
}
const stack = await startStack(stackOptionsFromEnv());
const lagMs = Number(process.env.DYNAMODB_INDEX_LAG_MS ?? 0);
console.log(`local DynamoDB at ${stack.dynamoEndpoint}${lagMs > 0 ? ` (its index shows writes after up to ${lagMs} ms)` : ''}`);
console.log(`listening on ${stack.url}`);

const stop = async () => {
  await stack.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
