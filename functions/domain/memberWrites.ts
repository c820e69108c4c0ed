import { Member, type MemberItem } from '../entities/member';
import { cancellationCodes, update, type Commit, type TransactItem } from '../lib/db';
import { conflict, notFound } from '../lib/errors';
import { getMember, type NewMember } from './members';
import { memberCountsWrite, tallyWrite } from './tally/writes';

/**
 * A member's writes that move the school's figures: the member counts (active, retired) and the
 * term tally's members.new, in the same transaction as the member's own write (kept apart from
 * members.ts, which every function reads members with).
 */

/** What a member adds to the school's counts: active, retired among the active, new (in the term of `createdAt`) while active. */
const shareOf = (m: Pick<MemberItem, 'active' | 'retired'> | undefined) => ({ active: m?.active ? 1 : 0, retired: m?.active && m.retired ? 1 : 0 });

/**
 * The writes that keep the school's member counts and term tally (members.new) in step with a
 * member who appears (`before` undefined), or whose `active` or `retired` changes. No condition of
 * their own: the member's write beside them pins the state they were computed from.
 */
export function memberCountWrites(before: Pick<MemberItem, 'orgId' | 'active' | 'retired' | 'createdAt'> | undefined, after: Pick<MemberItem, 'orgId' | 'active' | 'retired' | 'createdAt'>): TransactItem[] {
  const [was, is] = [shareOf(before), shareOf(after)];
  const active = is.active - was.active;
  return [...memberCountsWrite(after.orgId, { 'members.active': active, 'members.retired': is.retired - was.retired }), ...(active ? tallyWrite(after.orgId, after.createdAt, { 'members.new': active }) : [])];
}

/**
 * Sets fields on a member (keeping the group index key in step): the writes, and the member as it
 * will be once they commit. `undefined` removes a field. The member's own write comes first; when
 * the change moves the school's counts (active, retired), the counts' writes follow it, and the
 * member's write holds only while `active` and `retired` are still what `current` says (a refusal
 * is a ConditionalCheckFailed on the first action).
 */
export function memberUpdate(current: MemberItem, fields: Partial<NewMember>, now: string): { writes: TransactItem[]; next: MemberItem } {
  const set: Record<string, unknown> = { ...fields, updatedAt: now };
  if (fields.groupId) set.gsi1sk = Member.byOrg.sk({ groupId: fields.groupId, memberId: current.memberId });
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const sets: string[] = [];
  const removes: string[] = [];
  Object.entries(set).forEach(([k, v], i) => {
    names[`#f${i}`] = k;
    if (v === undefined) removes.push(`#f${i}`);
    else {
      values[`:f${i}`] = v;
      sets.push(`#f${i} = :f${i}`);
    }
  });
  const next = { ...current, ...set } as MemberItem;
  for (const [k, v] of Object.entries(set)) if (v === undefined) delete (next as unknown as Record<string, unknown>)[k];
  const counts = memberCountWrites(current, next);
  let condition = 'attribute_exists(pk)';
  if (counts.length > 0 || 'active' in fields || 'retired' in fields) {
    // The counts moved (or may be set back) from what was read: it must still be so.
    names['#active'] = 'active';
    names['#retired'] = 'retired';
    values[':wasActive'] = current.active === true;
    values[':wasRetired'] = current.retired === true;
    condition += current.retired === true ? ' AND #active = :wasActive AND #retired = :wasRetired' : ' AND #active = :wasActive AND (attribute_not_exists(#retired) OR #retired = :wasRetired)';
  }
  const write = update(Member.key(current), {
    UpdateExpression: `SET ${sets.join(', ')}${removes.length ? ` REMOVE ${removes.join(', ')}` : ''}`,
    ConditionExpression: condition,
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
  });
  return { writes: [write, ...counts], next };
}

/** Whether a transaction was refused by its first action's condition (the member's write of memberUpdate). */
export const memberChanged = (err: unknown) => cancellationCodes(err)?.[0] === 'ConditionalCheckFailed';

/**
 * Deactivates or reactivates a member (the counts move with it, only from the state read). When
 * someone changed the member meanwhile, decides again on the member as it is now: already in that
 * state → nothing written (the attempt is still committed, empty, for its audit entry).
 */
export async function setActive(current: MemberItem, active: boolean, commit: Commit): Promise<MemberItem> {
  for (let attempt = 0; attempt < 4; attempt++) {
    if (current.active === active) {
      await commit([]);
      return current;
    }
    const { writes, next } = memberUpdate(current, { active }, new Date().toISOString());
    try {
      await commit(writes);
      return next;
    } catch (err) {
      if (!memberChanged(err)) throw err;
      const now = await getMember(current.memberId);
      if (!now || now.orgId !== current.orgId) throw notFound('找不到这个成员');
      current = now;
    }
  }
  throw conflict('CONFLICT', '这位会员的资料正被别人修改，请稍后再试');
}
