import { beforeAll, describe, expect, it } from 'vitest';
import { chinaDateTime } from '../../shared/domain/chinaTime';
import { as, ordinary, seed, type School } from '../support/fixtures';

/** Birthdays of the month from the roster's birth dates: committee only, day without the year, the card or gift marked as given. */
type Call = Awaited<ReturnType<typeof as>>;
let school: School;
let other: School;
let chair: Call;
const thisMonth = chinaDateTime(Date.now()).date.slice(0, 7);
const [year, mm] = thisMonth.split('-');
const otherMm = mm === '06' ? '07' : '06';
let people: string[];

async function eventually<T>(read: () => Promise<T>, check: (t: T) => boolean, ms = 8000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const t = await read();
    if (check(t) || Date.now() > until) return t;
    await new Promise((r) => setTimeout(r, 150));
  }
}

beforeAll(async () => {
  [school, other] = await Promise.all([seed(20, 4), seed(10, 2)]);
  chair = await as(school.chair);
  people = school.members.filter((m) => m !== school.chair).slice(-3);
  const dates = [`1975-${mm}-21`, `1990-${mm}-03`, `1980-${otherMm}-15`];
  for (const [i, id] of people.entries()) expect((await chair('PATCH', `/members/${id}`, { birthDate: dates[i] })).status).toBe(200);
});

describe('birthdays', () => {
  it('lists this month’s birthdays by day, without the year; marks the card or gift as given (audited)', async () => {
    const res = await eventually(() => chair('GET', `/orgs/${school.orgId}/birthdays`), (r) => r.body.birthdays?.filter((b: { memberId: string }) => people.includes(b.memberId)).length === 2);
    expect(res.status).toBe(200);
    expect(res.body.month).toBe(thisMonth);
    const mine = res.body.birthdays.filter((b: { memberId: string }) => people.includes(b.memberId));
    expect(mine.map((b: { memberId: string; day: string; given: unknown }) => [b.memberId, b.day, b.given])).toEqual([
      [people[1], `${mm}-03`, null],
      [people[0], `${mm}-21`, null],
    ]);
    expect(JSON.stringify(res.body)).not.toMatch(/19(75|90)/);

    const given = await chair('POST', `/members/${people[0]}/birthday-given`, { year: Number(year), what: 'card', note: '贺卡已送' });
    expect(given.status).toBe(200);
    const after = (await chair('GET', `/orgs/${school.orgId}/birthdays?month=${thisMonth}`)).body;
    expect(after.birthdays.find((b: { memberId: string }) => b.memberId === people[0]).given).toMatchObject({ what: 'card', note: '贺卡已送' });
    expect(after.given).toBeGreaterThanOrEqual(1);
    const audit = (await chair('GET', `/orgs/${school.orgId}/audit`)).body.entries as { action: string }[];
    expect(audit.some((e) => e.action === 'POST /members/{memberId}/birthday-given')).toBe(true);

    const elsewhere = (await chair('GET', `/orgs/${school.orgId}/birthdays?month=${year}-${otherMm}`)).body;
    expect(elsewhere.birthdays.map((b: { memberId: string }) => b.memberId)).toContain(people[2]);

    // another month, another year (the page's 下个月 in December): the mark is that year's, not this one's
    const nextYear = Number(year) + 1;
    expect((await chair('POST', `/members/${people[2]}/birthday-given`, { year: nextYear, what: 'gift' })).status).toBe(200);
    const givenIn = (m: string) => chair('GET', `/orgs/${school.orgId}/birthdays?month=${m}`).then((r) => r.body.birthdays.find((b: { memberId: string }) => b.memberId === people[2]).given);
    expect(await givenIn(`${nextYear}-${otherMm}`)).toMatchObject({ what: 'gift' });
    expect(await givenIn(`${year}-${otherMm}`)).toBeNull();
  });

  it('refuses bad months and bodies (400), and a member with no birth date', async () => {
    for (const m of ['2026-13', '2026-1', 'december', '2026-00', '', '2026-12-01']) {
      const res = await chair('GET', `/orgs/${school.orgId}/birthdays?month=${encodeURIComponent(m)}`);
      expect([res.status, res.body], m).toEqual([400, { error: { code: 'INVALID_INPUT', message: '月份格式应为 YYYY-MM' } }]);
    }
    for (const bad of [{ year: Number(year) }, { year: 1800, what: 'card' }, { year: Number(year), what: 'cake' }, { year: Number(year), what: 'card', extra: 1 }])
      expect((await chair('POST', `/members/${people[0]}/birthday-given`, bad)).status, JSON.stringify(bad)).toBe(400);
    const noDate = school.members.find((m) => !people.includes(m) && m !== school.chair)!;
    expect((await chair('POST', `/members/${noDate}/birthday-given`, { year: Number(year), what: 'gift' })).status).toBe(400);
  });

  it('stays with the committee: members, the treasurer and other schools get 403, and members never see birth dates', async () => {
    for (const id of [ordinary(school), school.treasurer, other.chair]) {
      const caller = await as(id);
      expect((await caller('GET', `/orgs/${school.orgId}/birthdays`)).status, id).toBe(403);
      expect((await caller('POST', `/members/${people[0]}/birthday-given`, { year: Number(year), what: 'card' })).status, id).toBe(403);
    }
    // A group leader lists members (not the committee): no birth dates there either.
    const leader = await as(school.groupLeaders.find((id) => !school.committee.includes(id) && id !== school.chair && id !== school.treasurer)!);
    const list = await leader('GET', `/orgs/${school.orgId}/members`);
    expect(list.status).toBe(200);
    expect(JSON.stringify(list.body)).not.toContain(`-${mm}-21`);
    expect(JSON.stringify((await chair('GET', `/orgs/${school.orgId}/members`)).body)).toContain(`-${mm}-21`); // the check is real: the committee's list has it
  });
});
