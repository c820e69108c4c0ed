import { NoBody } from '../../shared/schemas/common';
import { CreateGroupBody, IssueInvitesBody, UpdateMemberBody } from '../../shared/schemas/member';
import { ImportRosterBody } from '../../shared/schemas/roster';
import { CHAIR, COMMITTEE, OFFICERS, hasAnyRole } from '../../shared/domain/policy';
import type { MemberItem } from '../entities/member';
import { issueInvites } from '../domain/invites';
import { getMember, listMembers, listMembersNow, toMemberView, withDelegate, type NewMember } from '../domain/members';
import { memberChanged, memberUpdate, setActive } from '../domain/memberWrites';
import { getOrg, groupItem, groupNames, listGroups } from '../domain/orgs';
import { importRoster } from '../domain/rosterImport';
import { inviteSheet, rosterWorkbook } from '../domain/rosterXlsx';
import { changesOf } from '../lib/audit';
import { put } from '../lib/db';
import { conflict, forbidden, invalidInput } from '../lib/errors';
import { defineApi, ok } from '../lib/http';
import { newId } from '../lib/ids';

const byGroupThenName = (names: Map<string, string>) => (a: MemberItem, b: MemberItem) =>
  (names.get(a.groupId) ?? '').localeCompare(names.get(b.groupId) ?? '', 'zh-Hans-CN') || a.name.localeCompare(b.name, 'zh-Hans-CN');

export const handler = defineApi({
  'GET /orgs/{orgId}': async ({ resource: org }) => {
    return ok({ orgId: org.orgId, districtId: org.districtId, name: org.name, congressTerm: org.congressTerm });
  },

  'GET /orgs/{orgId}/groups': async ({ params }) => {
    const groups = await listGroups(params.orgId!);
    return ok({ groups: groups.map(({ groupId, name, leaderId }) => ({ groupId, name, leaderId })) });
  },

  'POST /orgs/{orgId}/groups': async ({ params, body, commit }) => {
    const { name, leaderId } = body(CreateGroupBody);
    const groups = await listGroups(params.orgId!);
    if (groups.some((g) => g.name === name)) throw conflict('CONFLICT', `已经有名为“${name}”的小组`);
    if (leaderId && (await getMember(leaderId))?.orgId !== params.orgId) throw invalidInput('组长必须是本校会员');
    const group = groupItem({ orgId: params.orgId!, groupId: newId('g'), name, leaderId }, new Date().toISOString());
    await commit([put(group)], { name });
    return { status: 201, body: { groupId: group.groupId, name, leaderId } };
  },

  /** Committee: the whole school with phones; a group leader: their own group, no phones. */
  'GET /orgs/{orgId}/members': async ({ params, actor }) => {
    const full = hasAnyRole(actor, COMMITTEE);
    const [members, groups] = await Promise.all([listMembers(params.orgId!, full ? undefined : actor.groupId), listGroups(params.orgId!)]);
    const names = groupNames(groups);
    return ok({
      members: members.sort(byGroupThenName(names)).map((m) => ({ ...toMemberView(m, names.get(m.groupId), full), ...(full ? { wechatBound: Boolean(m.wechatBound) } : {}) })),
      groups: groups.map(({ groupId, name, leaderId }) => ({ groupId, name, leaderId })),
    });
  },

  'POST /orgs/{orgId}/roster/import': [
    async ({ resource, body, committer, commit }) => {
      const { fileBase64, dryRun } = body(ImportRosterBody);
      // The plan's figures are the trace: with the first member written, or alone when nothing is.
      let detail: Record<string, unknown> | undefined;
      const result = await importRoster(resource, Buffer.from(fileBase64, 'base64'), dryRun, (writes) => committer(detail)(writes), (report) => {
        detail = { created: report.created, updated: report.updated, unchanged: report.unchanged };
      });
      const { errorCount } = result.report;
      await commit([], result.applied ? detail : dryRun ? { dryRun: true } : { rejected: errorCount });
      return { status: 200, body: result };
    },
    { maxBodyBytes: 2 * 1024 * 1024 },
  ],

  'GET /orgs/{orgId}/roster.xlsx': async ({ resource: org }) => {
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

  'PATCH /members/{memberId}': async ({ resource: current, body, commit }) => {
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
    // A change of 在职/退休 moves the school's counts: it holds only from the member as read.
    const { writes, next } = memberUpdate(current, fields, new Date().toISOString());
    const names = groupNames(await listGroups(current.orgId));
    const [before, after] = [current, next].map((m) => ({ ...toMemberView(m, names.get(m.groupId), true), isDelegate: m.roles.includes('delegate') }));
    const changes = changesOf(before!, after!, ['name', 'groupName', 'phone', 'birthDate', 'retired', 'isDelegate', 'delegateTerm']);
    try {
      await commit(writes, { fields: Object.keys(patch), changes });
    } catch (err) {
      if (memberChanged(err)) throw conflict('CONFLICT', '这位会员刚被别人停用、恢复或修改了在职/退休，请刷新后再改');
      throw err;
    }
    return ok({ member: toMemberView(next, names.get(next.groupId), true) });
  },

  /** Only the chair stops an officer (chair, treasurer, committee), and nobody stops themselves. */
  'POST /members/{memberId}/deactivate': async ({ resource: current, actor, body, commit }) => {
    body(NoBody);
    if (current.memberId === actor.memberId) throw forbidden('不能停用自己的账号');
    if (hasAnyRole({ roles: current.roles }, OFFICERS) && !hasAnyRole(actor, CHAIR)) throw forbidden('只有工会主席可以停用工会委员、经审和主席');
    const member = await setActive(current, false, (writes) => commit(writes, { name: current.name }));
    return ok({ member: toMemberView(member, undefined, true) });
  },

  /** 恢复: a member stopped by mistake can sign in again. */
  'POST /members/{memberId}/reactivate': async ({ resource: current, body, commit }) => {
    body(NoBody);
    const member = await setActive(current, true, (writes) => commit(writes, { name: current.name }));
    const names = groupNames(await listGroups(current.orgId));
    return ok({ member: toMemberView(member, names.get(member.groupId), true) });
  },

  'POST /orgs/{orgId}/invites': async ({ params, body, resource, actor, commit }) => {
    const { memberIds, format } = body(IssueInvitesBody);
    // Members imported or stopped a moment ago count as they are now (gsi1 may lag).
    const [members, groups] = await Promise.all([listMembersNow(params.orgId!), listGroups(params.orgId!)]);
    const wanted = memberIds ? new Set(memberIds) : undefined;
    if (wanted && [...wanted].some((id) => !members.some((m) => m.memberId === id))) throw invalidInput('名单中有不是本校的成员');
    // Without a list: everyone active who has not bound WeChat yet, but never the caller (already signed in).
    const targets = members.filter((m) => m.active && (wanted ? wanted.has(m.memberId) : !m.wechatBound && m.memberId !== actor.memberId));
    const issued = await issueInvites(targets, new Date(), (writes) => commit(writes, { count: targets.length }));
    await commit([], { count: targets.length }); // nobody to invite: the attempt is still recorded
    const names = groupNames(groups);
    const byId = new Map(targets.map((m) => [m.memberId, m]));
    const invites = issued.map((i) => ({ ...i, name: byId.get(i.memberId)!.name, groupName: names.get(byId.get(i.memberId)!.groupId) }));
    const bytes = await inviteSheet(resource.name, invites);
    if (format === 'xlsx') {
      return { status: 201, file: { bytes, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', filename: '邀请码.xlsx' } };
    }
    return { status: 201, body: { invites, sheetBase64: Buffer.from(bytes).toString('base64') } };
  },
});
