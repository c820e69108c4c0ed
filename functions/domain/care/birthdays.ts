import { chinaDateTime } from '../../../shared/domain/chinaTime';
import type { BirthdayGivenBody } from '../../../shared/schemas/care';
import { BirthdayGift, type BirthdayGiftItem } from '../../entities/birthdayGift';
import { keyId } from '../../entities/key';
import { Member, type MemberItem } from '../../entities/member';
import type { Actor } from '../../lib/access';
import { batchGet, put, queryAll, transact, type Commit } from '../../lib/db';
import { invalidInput } from '../../lib/errors';

/**
 * Birthdays of the month, from the roster's 出生日期: committee only. The list gives the day of the
 * month, never the year (nor the age), and whether this year's card or gift was given.
 */

/** `YYYY-MM` from the query, or this month in China. */
export function monthOf(query: Record<string, string>, now = Date.now()): { year: number; month: number; label: string } {
  const label = query.month ?? chinaDateTime(now).date.slice(0, 7);
  const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(label);
  if (!m) throw invalidInput('月份格式应为 YYYY-MM');
  return { year: Number(m[1]), month: Number(m[2]), label };
}

export async function birthdaysOf(orgId: string, month: { year: number; month: number; label: string }) {
  const mm = String(month.month).padStart(2, '0');
  const members = (await queryAll<MemberItem>(Member.queryOfOrg(orgId))).filter((m) => m.active && typeof m.birthDate === 'string' && m.birthDate.slice(5, 7) === mm);
  const gifts = await batchGet(members.map((m) => BirthdayGift.key({ memberId: m.memberId, year: month.year })));
  const rows = members.map((m) => {
    const g = gifts.get(keyId(BirthdayGift.key({ memberId: m.memberId, year: month.year }))) as BirthdayGiftItem | undefined;
    return {
      memberId: m.memberId,
      name: m.name,
      groupId: m.groupId,
      retired: m.retired,
      /** MM-DD: the day, never the year. */
      day: m.birthDate!.slice(5, 10),
      given: g ? { what: g.what, note: g.note, at: g.at, byName: g.givenByName } : null,
    };
  });
  rows.sort((a, b) => a.day.localeCompare(b.day) || a.name.localeCompare(b.name, 'zh-Hans-CN'));
  return { month: month.label, birthdays: rows, given: rows.filter((r) => r.given).length };
}

/** Marks the year's card or gift as given (again: replaces the mark, e.g. a card then a gift). */
export async function markBirthdayGiven(member: MemberItem, body: BirthdayGivenBody, actor: Pick<Actor, 'memberId' | 'name'>, commit: Commit = transact, now = Date.now()) {
  if (!member.birthDate) throw invalidInput('花名册中没有此人的出生日期');
  const item = BirthdayGift.item({ memberId: member.memberId, year: body.year, what: body.what, ...(body.note ? { note: body.note } : {}), givenBy: actor.memberId, givenByName: actor.name, at: new Date(now).toISOString() });
  await commit([put(item)]);
  return { memberId: member.memberId, year: item.year, what: item.what, note: item.note, at: item.at, byName: item.givenByName };
}
