import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { PRIVACY_TEXT, PRIVACY_VERSION } from '../../shared/domain/privacy';
import { NoBody } from '../../shared/schemas/common';
import type { Message } from '../../shared/schemas/events';
import { ConsentBody } from '../../shared/schemas/member';
import { myEventRegistrations } from '../domain/events';
import { toMemberView } from '../domain/members';
import { getOrg, groupNames, listGroups } from '../domain/orgs';
import { db, getItem, queryAll, queryPage, table } from '../lib/db';
import { invalidInput } from '../lib/errors';
import { defineApi, ok } from '../lib/http';
import { K } from '../lib/keys';

export const handler = defineApi({
  'GET /me': async ({ actor }) => {
    const [org, groups, consent] = await Promise.all([
      getOrg(actor.orgId),
      listGroups(actor.orgId),
      getItem(K.consent(actor.memberId, PRIVACY_VERSION).pk, K.consent(actor.memberId, PRIVACY_VERSION).sk),
    ]);
    const member = toMemberView(actor.record, groupNames(groups).get(actor.groupId), true);
    return ok({
      member: { ...member, orgName: org?.name ?? '', districtId: actor.districtId },
      consent: { required: !consent, version: PRIVACY_VERSION, text: PRIVACY_TEXT },
    });
  },
  'POST /me/consent': async ({ actor, body }) => {
    const { version } = body(ConsentBody);
    if (version !== PRIVACY_VERSION) throw invalidInput('隐私说明已更新，请重新阅读后同意');
    const at = new Date().toISOString();
    await db().send(new PutCommand({ TableName: table(), Item: { ...K.consent(actor.memberId, version), type: 'consent', version, at } }));
    return ok({ version, at });
  },
  /** 我的报名: every live registration, newest event first. */
  'GET /me/registrations': async ({ actor }) => {
    const regs = (await myEventRegistrations(actor.memberId)).filter((r) => r.status !== 'cancelled');
    return ok({ registrations: regs.map(({ eventId, status, family, choices, checkedInAt, registeredAt }) => ({ eventId, status, family, choices, checkedIn: Boolean(checkedInAt), registeredAt })) });
  },

  /** In-app messages (候补成功, 活动变更 ...), newest first. */
  'GET /me/messages': async ({ actor }) => {
    const items = await queryPage<Message>({
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :m)',
      ExpressionAttributeValues: { ':pk': K.member(actor.memberId).pk, ':m': 'MSG#' },
      ScanIndexForward: false,
      Limit: 50,
    });
    const messages = items.map(({ messageId, at, title, body, link, read }) => ({ messageId, at, title, body, link, read }));
    return ok({ messages, unread: messages.filter((m) => !m.read).length });
  },

  'POST /me/messages/read': async ({ actor, body }) => {
    body(NoBody);
    const unread = await queryAll<{ pk: string; sk: string; read: boolean }>({
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :m)',
      FilterExpression: '#r = :f',
      ExpressionAttributeNames: { '#r': 'read' },
      ExpressionAttributeValues: { ':pk': K.member(actor.memberId).pk, ':m': 'MSG#', ':f': false },
    });
    await Promise.all(
      unread.map((m) =>
        db().send(new UpdateCommand({ TableName: table(), Key: { pk: m.pk, sk: m.sk }, UpdateExpression: 'SET #r = :t', ExpressionAttributeNames: { '#r': 'read' }, ExpressionAttributeValues: { ':t': true } })),
      ),
    );
    return ok({ marked: unread.length });
  },
});
