import '../domain/orgs';
import { listAudit } from '../lib/audit';
import { defineApi, ok } from '../lib/http';

export const handler = defineApi({
  'GET /orgs/{orgId}/audit': async ({ params }) => ok({ entries: await listAudit(params.orgId!) }),
});
