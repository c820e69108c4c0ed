import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { PRIVACY_TEXT, PRIVACY_VERSION } from '../../shared/domain/privacy';
import { ConsentBody } from '../../shared/schemas/member';
import { toMemberView } from '../domain/members';
import { getOrg, groupNames, listGroups } from '../domain/orgs';
import { db, getItem, table } from '../lib/db';
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
      member: { ...member, orgName: org?.name ?? '' },
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
});
