import { NoBody } from '../../shared/schemas/common';
import { CreateGroupBody, IssueInvitesBody, UpdateMemberBody } from '../../shared/schemas/member';
import { ImportRosterBody } from '../../shared/schemas/roster';
import { issueInvites } from '../domain/invites';
import { getMember, listMembers, toMemberView, updateMember, withDelegate, type MemberRecord, type NewMember } from '../domain/members';
import { getOrg, groupNames, groupRecord, listGroups, type OrgRecord } from '../domain/orgs';
import { importRoster } from '../domain/rosterImport';
import { inviteSheet, rosterWorkbook } from '../domain/rosterXlsx';
import type { Actor } from '../lib/access';
import { db, table } from '../lib/db';
import { conflict, invalidInput } from '../lib/errors';
import { created, defineApi, ok } from '../lib/http';
import { newId } from '../lib/ids';
import { PutCommand } from '@aws-sdk/lib-dynamodb';

const isCommittee = (a: Actor) => a.roles.includes('committee') || a.roles.includes('chair');
const byGroupThenName = (names: Map<string, string>) => (a: MemberRecord, b: MemberRecord) =>
  (names.get(a.groupId) ?? '').localeCompare(names.get(b.groupId) ?? '', 'zh-Hans-CN') || a.name.localeCompare(b.name, 'zh-Hans-CN');

export const handler = defineApi({
  'GET /orgs/{orgId}': async ({ resource }) => {
    const org = resource as OrgRecord;
    return ok({ orgId: org.orgId, districtId: org.districtId, name: org.name, congressTerm: org.congressTerm });
  },

  'GET /orgs/{orgId}/groups': async ({ params }) => {
    const groups = await listGroups(params.orgId!);
    return ok({ groups: groups.map(({ groupId, name, leaderId }) => ({ groupId, name, leaderId })) });
  },

  'POST /orgs/{orgId}/groups': async ({ params, body }) => {
    const { name, leaderId } = body(CreateGroupBody);
    const groups = await listGroups(params.orgId!);
    if (groups.some((g) => g.name === name)) throw conflict('CONFLICT', `已经有名为“${name}”的小组`);
    if (leaderId && (await getMember(leaderId))?.orgId !== params.orgId) throw invalidInput('组长必须是本校会员');
    const group = groupRecord({ orgId: params.orgId!, groupId: newId('g'), name, leaderId }, new Date().toISOString());
    await db().send(new PutCommand({ TableName: table(), Item: group }));
    return { status: 201, body: { groupId: group.groupId, name, leaderId }, audit: { name } };
  },

  /** Committee: the whole school with phones; a group leader: their own group, no phones. */
  'GET /orgs/{orgId}/members': async ({ params, actor }) => {
    const full = isCommittee(actor);
    const [members, groups] = await Promise.all([listMembers(params.orgId!, full ? undefined : actor.groupId), listGroups(params.orgId!)]);
    const names = groupNames(groups);
    return ok({
      members: members.sort(byGroupThenName(names)).map((m) => toMemberView(m, names.get(m.groupId), full)),
      groups: groups.map(({ groupId, name, leaderId }) => ({ groupId, name, leaderId })),
    });
  },

  'POST /orgs/{orgId}/roster/import': [
    async ({ resource, body }) => {
      const { fileBase64, dryRun } = body(ImportRosterBody);
      const result = await importRoster(resource as OrgRecord, Buffer.from(fileBase64, 'base64'), dryRun);
      const { created: c, updated, unchanged, errorCount } = result.report;
      return { status: 200, body: result, audit: result.applied ? { created: c, updated, unchanged } : dryRun ? undefined : { rejected: errorCount } };
    },
    { maxBodyBytes: 2 * 1024 * 1024 },
  ],

  'GET /orgs/{orgId}/roster.xlsx': async ({ resource }) => {
    const org = resource as OrgRecord;
    const [members, groups] = await Promise.all([listMembers(org.orgId), listGroups(org.orgId)]);
    const names = groupNames(groups);
    const bytes = await rosterWorkbook(
      org.name,
      members.sort(byGroupThenName(names)).map((m) => ({
        name: m.name,
        staffNo: m.staffNo,
        phone: m.phone,
        groupName: names.get(m.groupId) ?? '',
        isDelegate: m.roles.includes('delegate'),
        birthDate: m.birthDate,
        retired: m.retired,
        active: m.active,
        wechatBound: Boolean(m.wechatBound),
      })),
    );
    return { status: 200, file: { bytes, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', filename: `${org.name}-花名册.xlsx` } };
  },

  'PATCH /members/{memberId}': async ({ resource, body }) => {
    const current = resource as MemberRecord;
    const patch = body(UpdateMemberBody);
    const fields: Partial<NewMember> = {};
    if (patch.name !== undefined) fields.name = patch.name;
    if (patch.retired !== undefined) fields.retired = patch.retired;
    if (patch.birthDate !== undefined) fields.birthDate = patch.birthDate;
    if (patch.phone !== undefined) fields.phone = patch.phone || undefined;
    if (patch.groupId !== undefined) {
      const groups = await listGroups(current.orgId);
      if (!groups.some((g) => g.groupId === patch.groupId)) throw invalidInput('所选工会小组不存在');
      fields.groupId = patch.groupId;
    }
    const delegate = patch.isDelegate ?? current.roles.includes('delegate');
    if (patch.isDelegate !== undefined) fields.roles = withDelegate(current.roles, delegate);
    if (patch.isDelegate !== undefined || patch.delegateTerm !== undefined) {
      const org = await getOrg(current.orgId);
      fields.delegateTerm = delegate ? (patch.delegateTerm || current.delegateTerm || org?.congressTerm) : undefined;
    }
    const updated = await updateMember(current.memberId, fields, new Date().toISOString());
    const names = groupNames(await listGroups(current.orgId));
    return { status: 200, body: { member: toMemberView(updated, names.get(updated.groupId), true) }, audit: { fields: Object.keys(patch) } };
  },

  'POST /members/{memberId}/deactivate': async ({ resource, actor, body }) => {
    body(NoBody);
    const current = resource as MemberRecord;
    if (current.memberId === actor.memberId) throw conflict('CONFLICT', '不能停用自己的账号');
    const updated = current.active ? await updateMember(current.memberId, { active: false }, new Date().toISOString()) : current;
    return { status: 200, body: { member: toMemberView(updated, undefined, true) }, audit: { name: current.name } };
  },

  'POST /orgs/{orgId}/invites': async ({ params, body, resource }) => {
    const { memberIds, format } = body(IssueInvitesBody);
    const [members, groups] = await Promise.all([listMembers(params.orgId!), listGroups(params.orgId!)]);
    const wanted = memberIds ? new Set(memberIds) : undefined;
    if (wanted && [...wanted].some((id) => !members.some((m) => m.memberId === id))) throw invalidInput('名单中有不是本校的成员');
    const targets = members.filter((m) => m.active && (wanted ? wanted.has(m.memberId) : !m.wechatBound));
    const issued = await issueInvites(targets, new Date());
    const names = groupNames(groups);
    const byId = new Map(targets.map((m) => [m.memberId, m]));
    const invites = issued.map((i) => ({ ...i, name: byId.get(i.memberId)!.name, groupName: names.get(byId.get(i.memberId)!.groupId) }));
    const bytes = await inviteSheet((resource as OrgRecord).name, invites);
    if (format === 'xlsx') {
      return { status: 201, file: { bytes, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', filename: '邀请码.xlsx' }, audit: { count: issued.length } };
    }
    return { status: 201, body: { invites, sheetBase64: Buffer.from(bytes).toString('base64') }, audit: { count: issued.length } };
  },
});
