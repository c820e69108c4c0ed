import { createHmac, randomInt } from 'node:crypto';
import { INVITE_ALPHABET } from '../../shared/schemas/auth';
import { Invite, type InviteItem } from '../entities/invite';
import { Member, type MemberItem } from '../entities/member';
import { WechatBinding } from '../entities/wechatBinding';
import { config } from '../lib/config';
import { cancellationCodes, getItem, put, transact, update, type Commit, type TransactItem } from '../lib/db';
import { AppError, conflict } from '../lib/errors';

export const INVITE_TTL_DAYS = 14;

/** Codes are stored only as a keyed hash: a leaked table reveals no usable code. */
export const hashInvite = (code: string) => createHmac('sha256', `invite:${config().tokenSecret}`).update(code).digest('hex');

export function newInviteCode(): string {
  let code = '';
  for (let i = 0; i < 8; i++) code += INVITE_ALPHABET[randomInt(INVITE_ALPHABET.length)];
  return code;
}

/** Members per transaction: each code is its invite and the member's newest-code mark, together. */
const PER_TRANSACTION = 45;

/**
 * One fresh code per member; a member's earlier codes stop working (the member keeps only the
 * newest code's hash). The first transaction goes through `commit` (it carries the request's
 * trace), the rest after it.
 */
export async function issueInvites(members: MemberItem[], now: Date, commit: Commit = transact): Promise<{ memberId: string; code: string; expiresAt: string }[]> {
  const expiresAt = new Date(now.getTime() + INVITE_TTL_DAYS * 86400_000).toISOString();
  const issued = members.map((m) => ({ memberId: m.memberId, orgId: m.orgId, code: newInviteCode() }));
  const writes = (i: (typeof issued)[number]): TransactItem[] => {
    const hash = hashInvite(i.code);
    return [
      put(Invite.item({ hash, memberId: i.memberId, orgId: i.orgId, expiresAt })),
      update(Member.key(i), { UpdateExpression: 'SET inviteHash = :h', ConditionExpression: 'attribute_exists(pk)', ExpressionAttributeValues: { ':h': hash } }),
    ];
  };
  const chunks: TransactItem[][] = [];
  for (let k = 0; k < issued.length; k += PER_TRANSACTION) chunks.push(issued.slice(k, k + PER_TRANSACTION).flatMap(writes));
  await commit(chunks[0] ?? []);
  for (let k = 1; k < chunks.length; k += 4) await Promise.all(chunks.slice(k, k + 4).map((c) => transact(c)));
  return issued.map(({ memberId, code }) => ({ memberId, code, expiresAt }));
}

const invalidInvite = () => new AppError(400, 'INVITE_INVALID', '邀请码无效、已使用或已过期，请向工会索取新的邀请码');

/** Binds a WeChat openid to the invited member, atomically and once. Returns the member id. */
export async function redeemInvite(openid: string, code: string, now: Date): Promise<string> {
  const hash = hashInvite(code);
  const invite = await getItem<InviteItem>(Invite.key({ hash }));
  if (!invite || invite.usedAt || invite.expiresAt <= now.toISOString()) throw invalidInvite();
  try {
    await transact([
      update(Invite.key({ hash }), {
        UpdateExpression: 'SET usedAt = :now',
        ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(usedAt) AND expiresAt > :now',
        ExpressionAttributeValues: { ':now': now.toISOString() },
      }),
      put(WechatBinding.item({ openid, memberId: invite.memberId, boundAt: now.toISOString() }), { ConditionExpression: 'attribute_not_exists(pk)' }),
      update(Member.key(invite), {
        UpdateExpression: 'SET wechatBound = :t, openid = :o',
        ConditionExpression: 'active = :t AND inviteHash = :h AND (attribute_not_exists(wechatBound) OR wechatBound = :f)',
        ExpressionAttributeValues: { ':t': true, ':f': false, ':h': hash, ':o': openid },
      }),
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
  return (await getItem<{ memberId: string }>(WechatBinding.key({ openid })))?.memberId;
}
