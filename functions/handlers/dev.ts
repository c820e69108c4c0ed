import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { DevLoginBody, DevSeedBody } from '../../shared/schemas/auth';
import { allRoles, getMember, listMembers } from '../domain/members';
import { getOrg, groupNames, listGroups } from '../domain/orgs';
import { seedSchool } from '../domain/seed';
import { config } from '../lib/config';
import { db, getItem, isConditionFailed, queryAll, table } from '../lib/db';
import { notFound } from '../lib/errors';
import { created, defineApi, ok } from '../lib/http';
import { issueSession } from '../lib/tokens';

/** Test fixtures: they do not exist in prod. */
function devOnly() {
  if (config().isProd) throw notFound('没有这个接口');
}

const ROLE_ORDER = ['chair', 'treasurer', 'committee', 'groupLeader', 'delegate', 'districtAdmin'];
const rank = (roles: string[]) => Math.min(...roles.map((r) => (ROLE_ORDER.indexOf(r) + 1 || 99)), 99);

async function people(orgId: string) {
  const [members, groups] = await Promise.all([listMembers(orgId), listGroups(orgId)]);
  if (members.length === 0) throw notFound('找不到这个学校');
  const names = groupNames(groups);
  return members
    .filter((m) => m.active)
    .map((m) => ({ memberId: m.memberId, name: m.name, roles: allRoles(m), groupName: names.get(m.groupId) ?? '' }))
    .sort((a, b) => rank(a.roles) - rank(b.roles) || a.name.localeCompare(b.name, 'zh-Hans-CN'));
}

/** The demo school `npm start` shows: made once, then the same one every time. */
async function demoSchool(): Promise<{ orgId: string; orgName: string }> {
  const key = { pk: 'DEV#DEMO', sk: 'META' };
  const existing = await getItem<{ orgId: string; orgName: string }>(key.pk, key.sk);
  if (existing) return existing;
  const seeded = await seedSchool({ members: 60, delegates: 20, name: '阳光实验小学' });
  const demo = { orgId: seeded.orgId, orgName: '阳光实验小学' };
  try {
    await db().send(new PutCommand({ TableName: table(), Item: { ...key, ...demo }, ConditionExpression: 'attribute_not_exists(pk)' }));
    return demo;
  } catch (err) {
    if (isConditionFailed(err)) return (await getItem<{ orgId: string; orgName: string }>(key.pk, key.sk))!;
    throw err;
  }
}

export const handler = defineApi({
  'POST /dev/seed': async ({ body }) => {
    devOnly();
    return created(await seedSchool(body(DevSeedBody)));
  },
  'POST /dev/login': async ({ body }) => {
    devOnly();
    const { memberId } = body(DevLoginBody);
    const member = await getMember(memberId);
    if (!member || !member.active) throw notFound('找不到这个成员');
    return ok({ token: await issueSession(memberId) });
  },
  'GET /dev/demo': async () => {
    devOnly();
    const demo = await demoSchool();
    return ok({ ...demo, people: await people(demo.orgId) });
  },
  'GET /dev/orgs/{orgId}/people': async ({ params }) => {
    devOnly();
    const list = await people(params.orgId!);
    return ok({ orgId: params.orgId, orgName: (await getOrg(params.orgId!))?.name ?? '', people: list });
  },
  /** What the local notifier would have sent to WeChat, newest last. */
  'GET /dev/orgs/{orgId}/outbox': async ({ params }) => {
    devOnly();
    const items = await queryAll<Record<string, unknown>>({ KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': `OUTBOX#${params.orgId}` } });
    return ok({ messages: items.map(({ memberId, kind, title, body, link, sk }) => ({ memberId, kind, title, body, link, at: String(sk).split('#')[0] })) });
  },
});
