import { queryAll } from '../lib/db';
import { defineApi, ok } from '../lib/http';
import { K } from '../lib/keys';
import type { OrgRecord } from '../domain/orgs';

/** The district union (区教育工会): the schools it looks after. */
export const handler = defineApi({
  'GET /districts/{districtId}/orgs': async ({ params, resource }) => {
    const orgs = await queryAll<OrgRecord>({ IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :pk', ExpressionAttributeValues: { ':pk': K.orgsOfDistrict(params.districtId!) } });
    const district = resource as { districtId: string; name?: string };
    return ok({
      districtId: district.districtId,
      name: district.name ?? '',
      orgs: orgs.map((o) => ({ orgId: o.orgId, name: o.name })).sort((a, b) => a.name.localeCompare(b.name, 'zh-Hans-CN')),
    });
  },
});
