import { createHmac, randomInt } from 'node:crypto';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { INVITE_ALPHABET } from '../../shared/schemas/auth';
import { config } from '../lib/config';
import { batchPut, cancellationCodes, db, getItem, table, transact } from '../lib/db';
import { AppError, conflict } from '../lib/errors';
import { K } from '../lib/keys';
import type { MemberRecord } from './members';

export const INVITE_TTL_DAYS = 14;

interface InviteRecord {
  pk: string;
  sk: string;
  type: 'invite';
  memberId: string;
  orgId: string;
  expiresAt: string;
  usedAt?: string;
}

/** Codes are stored only as a keyed hash: a leaked table reveals no usable code. */
export const hashInvite = (code: string) => createHmac('sha256', `invite:${config().tokenSecret}`).update(code).digest('hex');

export function newInviteCode(): string {
  let code = '';
  for (let i = 0; i < 8; i++) code += INVITE_ALPHABET[randomInt(INVITE_ALPHABET.length)];
  return code;
}

/** One fresh code per member; a member's earlier codes stop working. */
export async function issueInvites(members: MemberRecord[], now: Date): Promise<{ memberId: string; code: string; expiresAt: string }[]> {
  const expiresAt = new Date(now.getTime() + INVITE_TTL_DAYS * 86400_000).toISOString();
  const issued = members.map((m) => ({ memberId: m.memberId, orgId: m.orgId, code: newInviteCode(), expiresAt }));
  await batchPut(
    issued.map((i) => ({ ...K.invite(hashInvite(i.code)), type: 'invite', memberId: i.memberId, orgId: i.orgId, expiresAt, ttl: Math.floor(Date.parse(expiresAt) / 1000) + 86400 })),
  );
  for (let k = 0; k < issued.length; k += 16) {
    await Promise.all(
      issued.slice(k, k + 16).map((i) =>
        db().send(
          new UpdateCommand({
            TableName: table(),
            Key: K.member(i.memberId),
            UpdateExpression: 'SET inviteHash = :h',
            ExpressionAttributeValues: { ':h': hashInvite(i.code) },
          }),
        ),
      ),
    );
  }
  return issued.map(({ memberId, code }) => ({ memberId, code, expiresAt }));
}

const invalidInvite = () => new AppError(400, 'INVITE_INVALID', '邀请码无效、已使用或已过期，请向工会索取新的邀请码');

/** Binds a WeChat openid to the invited member, atomically and once. Returns the member id. */
export async function redeemInvite(openid: string, code: string, now: Date): Promise<string> {
  const hash = hashInvite(code);
  const invite = await getItem<InviteRecord>(K.invite(hash).pk, 'META');
  if (!invite || invite.usedAt || invite.expiresAt <= now.toISOString()) throw invalidInvite();
  try {
    await transact([
      {
        Update: {
          TableName: table(),
          Key: K.invite(hash),
          UpdateExpression: 'SET usedAt = :now',
          ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(usedAt) AND expiresAt > :now',
          ExpressionAttributeValues: { ':now': now.toISOString() },
        },
      },
      {
        Put: {
          TableName: table(),
          Item: { ...K.openid(openid), type: 'openid', memberId: invite.memberId, boundAt: now.toISOString() },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      {
        Update: {
          TableName: table(),
          Key: K.member(invite.memberId),
          UpdateExpression: 'SET wechatBound = :t, openid = :o',
          ConditionExpression: 'active = :t AND inviteHash = :h AND (attribute_not_exists(wechatBound) OR wechatBound = :f)',
          ExpressionAttributeValues: { ':t': true, ':f': false, ':h': hash, ':o': openid },
        },
      },
    ]);
  } catch (err) {
    const codes = cancellationCodes(err);
    if (!codes) throw err;
    if (codes[1] === 'ConditionalCheckFailed') throw conflict('ALREADY_BOUND', '这个微信号已经绑定了账号');
    if (codes[2] === 'ConditionalCheckFailed') throw conflict('ALREADY_BOUND', '该成员已绑定其他微信，或邀请码已被新的替换');
    throw invalidInvite();
  }
  return invite.memberId;
}

export async function memberOfOpenid(openid: string): Promise<string | undefined> {
  return (await getItem<{ memberId: string }>(K.openid(openid).pk, 'META'))?.memberId;
}
