import { DevLoginBody, DevSeedBody, DevTallyBody } from '../../shared/schemas/auth';
import { MEMBER_COUNT_FIGURES, TALLY_FIGURES, type MemberCountFigure, type TallyChange } from '../../shared/domain/tally';
import { DevDemo, type DemoAttributes } from '../entities/devFixture';
import { OutboxEntry, type OutboxEntryItem } from '../entities/outboxEntry';
import { allRoles, getMember, listMembers } from '../domain/members';
import { getOrg, groupNames, listGroups } from '../domain/orgs';
import { checkTerm } from '../domain/report/recount';
import { checkTally } from '../domain/tally/check';
import { isTerm, termRange } from '../../shared/domain/term';
import { memberCountsWrite, tallyWrite } from '../domain/tally/writes';
import { seedSchool } from '../domain/seed';
import { parseRange } from '../../shared/domain/care';
import { config } from '../lib/config';
import { getItem, isConditionFailed, put, queryAll, transact, writeOne } from '../lib/db';
import { invalidInput, notFound } from '../lib/errors';
import { created, defineApi, ok } from '../lib/http';
import { issueSession } from '../lib/tokens';

/** Test fixtures: they do not exist in prod. */
function devOnly() {
  if (!config().isLocal) throw notFound('没有这个接口');
}

const ROLE_ORDER = ['chair', 'treasurer', 'committee', 'groupLeader', 'delegate', 'districtAdmin'];
const rank = (roles: string[]) => Math.min(...roles.map((r) => ROLE_ORDER.indexOf(r) + 1 || 99), 99);

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
async function demoSchool(): Promise<DemoAttributes> {
  const existing = await getItem<DemoAttributes>(DevDemo.key());
  if (existing) return existing;
  const seeded = await seedSchool({ members: 60, delegates: 20, name: '阳光实验小学' });
  const demo = { orgId: seeded.orgId, orgName: '阳光实验小学' };
  try {
    await writeOne(put(DevDemo.item(demo), { ConditionExpression: 'attribute_not_exists(pk)' }));
    return demo;
  } catch (err) {
    if (isConditionFailed(err)) return (await getItem<DemoAttributes>(DevDemo.key()))!;
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
    return ok({ orgId: demo.orgId, orgName: demo.orgName, people: await people(demo.orgId) });
  },
  'GET /dev/orgs/{orgId}/people': async ({ params }) => {
    devOnly();
    const list = await people(params.orgId!);
    return ok({ orgId: params.orgId, orgName: (await getOrg(params.orgId!))?.name ?? '', people: list });
  },
  /** The recount check of a school's term report (see domain/report/recount.ts): every figure, its recount, OK or not. */
  'GET /dev/orgs/{orgId}/recount': async ({ params, query }) => {
    devOnly();
    const range = parseRange(query.from, query.to);
    if (typeof range === 'string') throw invalidInput(range);
    return ok(await checkTerm(params.orgId!, range));
  },
  /** The tally check of a school's term (see domain/tally/check.ts): every kept figure against the term report. `?term=2026-2027-1` */
  'GET /dev/orgs/{orgId}/tally-check': async ({ params, query }) => {
    devOnly();
    if (!query.term || !isTerm(query.term)) throw invalidInput('学期格式应为 2026-2027-1');
    return ok(await checkTally(params.orgId!, query.term));
  },
  /** Adds to a school's term tally and member counts directly, as if its records had moved them (fixtures for the district view). */
  'POST /dev/orgs/{orgId}/tally': async ({ params, body }) => {
    devOnly();
    const { term, figures, members } = body(DevTallyBody);
    if (!isTerm(term)) throw invalidInput('学期格式应为 2026-2027-1');
    const unknown = [...Object.keys(figures).filter((f) => !(TALLY_FIGURES as readonly string[]).includes(f)), ...Object.keys(members).filter((f) => !(MEMBER_COUNT_FIGURES as readonly string[]).includes(f))];
    if (unknown.length) throw invalidInput(`没有这些指标：${unknown.join('、')}`);
    if (!(await getOrg(params.orgId!))) throw notFound('找不到这个学校');
    const writes = [...tallyWrite(params.orgId!, termRange(term).from, figures as TallyChange), ...memberCountsWrite(params.orgId!, members as Partial<Record<MemberCountFigure, number>>)];
    if (writes.length) await transact(writes);
    return ok({ orgId: params.orgId, term });
  },
  /** What the local notifier would have sent to WeChat, oldest first. */
  'GET /dev/orgs/{orgId}/outbox': async ({ params }) => {
    devOnly();
    const items = await queryAll<OutboxEntryItem>(OutboxEntry.queryOfOrg(params.orgId!));
    return ok({ messages: items.map(({ memberId, kind, title, body, link, at }) => ({ memberId, kind, title, body, link, at })) });
  },
});
