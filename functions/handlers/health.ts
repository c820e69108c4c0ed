import { defineApi, ok } from '../lib/http';

export const handler = defineApi({
  'GET /health': async () => ok({ ok: true }),
});
