import { listOrgsOfDistrict } from '../domain/orgs';
import { defineApi, ok } from '../lib/http';

/** The district union (区教育工会): the schools it looks after. */
export const handler = defineApi({
  'GET /districts/{districtId}/orgs': async ({ resource: district }) => {
    const orgs = await listOrgsOfDistrict(district.districtId);
    return ok({
      districtId: district.districtId,
      name: district.name ?? '',
      orgs: orgs.map((o) => ({ orgId: o.orgId, name: o.name })).sort((a, b) => a.name.localeCompare(b.name, 'zh-Hans-CN')),
    });
  },
});
