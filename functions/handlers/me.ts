import { PRIVACY_TEXT, PRIVACY_VERSION } from '../../shared/domain/privacy';
import { NoBody } from '../../shared/schemas/common';
import type { Message as MessageView } from '../../shared/schemas/events';
import { ConsentBody } from '../../shared/schemas/member';
import { Consent } from '../entities/consent';
import { Message, type MessageItem } from '../entities/message';
import { registrationsOfMember } from '../domain/events/records';
import { toMemberView } from '../domain/members';
import { getOrg, groupNames, listGroups } from '../domain/orgs';
import { getItem, put, queryAll, queryPage, update, writeOne } from '../lib/db';
import { invalidInput } from '../lib/errors';
import { defineApi, ok } from '../lib/http';

export const handler = defineApi({
  'GET /me': async ({ actor }) => {
    const [org, groups, consent] = await Promise.all([getOrg(actor.orgId), listGroups(actor.orgId), getItem(Consent.key({ memberId: actor.memberId, version: PRIVACY_VERSION }))]);
    const member = toMemberView(actor.record, groupNames(groups).get(actor.groupId), true);
    return ok({
      member: { ...member, orgName: org?.name ?? '', districtId: actor.districtId },
      consent: { required: !consent, version: PRIVACY_VERSION, text: PRIVACY_TEXT },
    });
  },
  'POST /me/consent': async ({ actor, body, commit }) => {
    const { version } = body(ConsentBody);
    if (version !== PRIVACY_VERSION) throw invalidInput('隐私说明已更新，请重新阅读后同意');
    const at = new Date().toISOString();
    await commit([put(Consent.item({ memberId: actor.memberId, version, at }))]);
    return ok({ version, at });
  },
  /** 我的报名: every live registration, newest event first. */
  'GET /me/registrations': async ({ actor }) => {
    const regs = (await registrationsOfMember(actor.memberId)).filter((r) => r.status !== 'cancelled');
    return ok({ registrations: regs.map(({ eventId, status, family, choices, checkedInAt, registeredAt }) => ({ eventId, status, family, choices, checkedIn: Boolean(checkedInAt), registeredAt })) });
  },

  /** In-app messages (候补成功, 活动变更 ...), newest first. */
  'GET /me/messages': async ({ actor }) => {
    const items = await queryPage<MessageItem>({ ...Message.queryOfMember(actor.memberId), ScanIndexForward: false, Limit: 50 });
    const messages: MessageView[] = items.map(({ messageId, at, title, body, link, read }) => ({ messageId, at, title, body, link, read }));
    return ok({ messages, unread: messages.filter((m) => !m.read).length });
  },

  'POST /me/messages/read': async ({ actor, body }) => {
    body(NoBody);
    const query = Message.queryOfMember(actor.memberId);
    const unread = await queryAll<MessageItem>({
      ...query,
      FilterExpression: '#r = :f',
      ExpressionAttributeNames: { '#r': 'read' },
      ExpressionAttributeValues: { ...query.ExpressionAttributeValues, ':f': false },
    });
    // Each message on its own: marking read is idempotent, and a failure leaves the rest to the next try.
    for (let i = 0; i < unread.length; i += 16) {
      await Promise.all(
        unread.slice(i, i + 16).map((m) => writeOne(update(m, { UpdateExpression: 'SET #r = :t', ExpressionAttributeNames: { '#r': 'read' }, ExpressionAttributeValues: { ':t': true } }))),
      );
    }
    return ok({ marked: unread.length });
  },
});
