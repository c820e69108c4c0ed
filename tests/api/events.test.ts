import { beforeAll, describe, expect, it } from 'vitest';
import { anon, as, ordinary, seed, type School } from '../support/fixtures';
import { inHours } from '../support/time';
import { readXlsx } from '../support/xlsx';
import { eventually } from '../support/eventually';

type Call = Awaited<ReturnType<typeof as>>;
let school: School;
let chair: Call;

const spring = (over: Record<string, unknown> = {}) => ({
  title: '春游·太湖湿地',
  place: '学校东门集合',
  startsAt: inHours(72),
  signupClosesAt: inHours(48),
  capacity: 3,
  maxFamily: 2,
  options: [{ key: 'bus', label: '乘车点', choices: ['东门', '西门'] }],
  ...over,
});

beforeAll(async () => {
  school = await seed(20, 4);
  chair = await as(school.chair);
});

async function newEvent(over: Record<string, unknown> = {}) {
  const res = await chair('POST', `/orgs/${school.orgId}/events`, spring(over));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.eventId as string;
}

describe('creating events', () => {
  it('the committee creates; members see it in the list and in detail', async () => {
    const eventId = await newEvent();
    const member = await as(ordinary(school));
    // The list reads gsi1: eventually consistent (the app opens the new event by its id).
    await eventually(async () => {
      const list = (await member('GET', `/orgs/${school.orgId}/events`)).body.events;
      expect(list.some((e: { eventId: string }) => e.eventId === eventId)).toBe(true);
    });
    const detail = (await member('GET', `/events/${eventId}`)).body;
    expect(detail).toMatchObject({ eventId, capacity: 3, confirmedSeats: 0, waitlistLength: 0, me: null, state: 'open', seatsLeft: 3 });
  });

  it('refuses bad bodies with 400 and members with 403', async () => {
    for (const bad of [{ capacity: 0 }, { capacity: 1.5 }, { maxFamily: 6 }, { title: '' }, { startsAt: 'tomorrow' }, { extra: 1 }, { signupClosesAt: inHours(80) }, { options: [{ key: 'bus', label: '乘车点', choices: [] }] }]) {
      const res = await chair('POST', `/orgs/${school.orgId}/events`, spring(bad));
      expect(res.status, JSON.stringify(bad)).toBe(400);
    }
    const member = await as(ordinary(school));
    expect((await member('POST', `/orgs/${school.orgId}/events`, spring())).status).toBe(403);
  });
});

describe('signing up', () => {
  it('confirms until capacity, then waitlists in order; family seats count', async () => {
    const eventId = await newEvent();
    const [a, b, c, d] = school.members.slice(10, 14);
    const ra = await (await as(a!))('POST', `/events/${eventId}/registrations`, { family: 1, choices: { bus: '东门' } });
    expect(ra.status).toBe(201);
    expect(ra.body).toEqual({ status: 'confirmed' });
    const rb = await (await as(b!))('POST', `/events/${eventId}/registrations`, { family: 1, choices: { bus: '西门' } });
    expect(rb.body).toEqual({ status: 'waitlisted', position: 1 });
    // One seat is left, but b waits first: c may not jump the queue.
    const rc = await (await as(c!))('POST', `/events/${eventId}/registrations`, { choices: { bus: '西门' } });
    expect(rc.body).toEqual({ status: 'waitlisted', position: 2 });
    const detail = (await (await as(d!))('GET', `/events/${eventId}`)).body;
    expect(detail).toMatchObject({ confirmedSeats: 2, waitlistLength: 2, me: null });
    const asC = await as(c!);
    expect((await asC('GET', `/events/${eventId}`)).body.me).toMatchObject({ status: 'waitlisted', position: 2 });
  });

  it('asking again returns the same registration: 10 identical taps make one', async () => {
    const eventId = await newEvent();
    const m = await as(ordinary(school));
    const taps = await Promise.all(Array.from({ length: 10 }, () => m('POST', `/events/${eventId}/registrations`, { choices: { bus: '东门' } })));
    expect(taps.filter((t) => t.status === 201)).toHaveLength(1);
    expect(taps.filter((t) => t.status === 200)).toHaveLength(9);
    expect(new Set(taps.map((t) => JSON.stringify(t.body)))).toEqual(new Set([JSON.stringify({ status: 'confirmed' })]));
    const detail = (await m('GET', `/events/${eventId}`)).body;
    expect(detail.confirmedSeats).toBe(1);
    const regs = (await chair('GET', `/events/${eventId}/registrations`)).body;
    expect(regs.confirmed).toHaveLength(1);
  });

  it('validates family and options, and closes at the deadline', async () => {
    const eventId = await newEvent();
    const m = await as(ordinary(school));
    expect((await m('POST', `/events/${eventId}/registrations`, { family: 3, choices: { bus: '东门' } })).status).toBe(400);
    expect((await m('POST', `/events/${eventId}/registrations`, { choices: { bus: '南门' } })).status).toBe(400);
    expect((await m('POST', `/events/${eventId}/registrations`, { choices: { bus: '东门' }, x: 1 })).status).toBe(400);
    expect((await m('GET', `/events/${eventId}`)).body.confirmedSeats).toBe(0);

    const soon = await newEvent({ signupClosesAt: new Date(Date.now() + 1500).toISOString() });
    await new Promise((r) => setTimeout(r, 1600));
    const late = await m('POST', `/events/${soon}/registrations`, { choices: { bus: '东门' } });
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('SIGNUP_CLOSED');
    // An event recorded after its sign-up closed takes nobody.
    const closed = await newEvent({ signupClosesAt: inHours(-2), startsAt: inHours(-1) });
    expect((await m('POST', `/events/${closed}/registrations`, {})).body.error.code).toBe('SIGNUP_CLOSED');
  });

  it('cancelling frees seats for the waitlist in order, and tells the promoted member', async () => {
    const eventId = await newEvent({ capacity: 2, maxFamily: 0 });
    const ids = school.members.slice(14, 18);
    const calls = await Promise.all(ids.map((id) => as(id)));
    for (const c of calls) await c('POST', `/events/${eventId}/registrations`, { choices: { bus: '东门' } });
    expect((await calls[3]!('GET', `/events/${eventId}`)).body.me).toMatchObject({ status: 'waitlisted', position: 2 });

    expect((await calls[0]!('DELETE', `/events/${eventId}/registrations/me`)).status).toBe(200);
    expect((await calls[2]!('GET', `/events/${eventId}`)).body.me).toMatchObject({ status: 'confirmed' });
    expect((await calls[3]!('GET', `/events/${eventId}`)).body.me).toMatchObject({ status: 'waitlisted', position: 1 });
    expect((await calls[0]!('GET', `/events/${eventId}`)).body.me).toBeNull();

    const inbox = (await calls[2]!('GET', '/me/messages')).body;
    expect(inbox.messages[0].title).toContain('候补成功');
    const outbox = (await anon()('GET', `/dev/orgs/${school.orgId}/outbox`)).body.messages;
    expect(outbox.some((o: { memberId: string; kind: string }) => o.memberId === ids[2] && o.kind === 'promoted')).toBe(true);

    // A waitlisted member leaving moves those behind up.
    expect((await calls[3]!('DELETE', `/events/${eventId}/registrations/me`)).status).toBe(200);
    expect((await calls[3]!('DELETE', `/events/${eventId}/registrations/me`)).status).toBe(200);
    expect((await calls[1]!('GET', `/events/${eventId}`)).body).toMatchObject({ confirmedSeats: 2, waitlistLength: 0 });
    expect((await (await as(ordinary(school)))('DELETE', `/events/${eventId}/registrations/me`)).status).toBe(404);
  });
});

describe('changing a sign-up in place', () => {
  it('changes choices and family without losing a place; more seats only when free and nobody waits', async () => {
    const eventId = await newEvent({ capacity: 4, maxFamily: 2 });
    const [a, b, c] = school.members.slice(11, 14);
    const A = await as(a!);
    const B = await as(b!);
    const C = await as(c!);
    await A('POST', `/events/${eventId}/registrations`, { choices: { bus: '东门' } });
    await B('POST', `/events/${eventId}/registrations`, { family: 1, choices: { bus: '东门' } });
    // A takes the last seat for family: fits, nobody waits.
    const more = await A('PATCH', `/events/${eventId}/registrations/me`, { family: 1, choices: { bus: '西门' } });
    expect(more.status).toBe(200);
    expect(more.body).toMatchObject({ status: 'confirmed', family: 1, choices: { bus: '西门' } });
    await C('POST', `/events/${eventId}/registrations`, { choices: { bus: '东门' } });
    expect((await C('GET', `/events/${eventId}`)).body.me).toMatchObject({ status: 'waitlisted', position: 1 });
    // Full: B cannot bring more, and keeps what they had.
    const refused = await B('PATCH', `/events/${eventId}/registrations/me`, { family: 2 });
    expect(refused.status).toBe(409);
    expect((await B('GET', `/events/${eventId}`)).body.me).toMatchObject({ status: 'confirmed', family: 1 });
    // B brings one fewer: the freed seat goes to C, the head of the queue.
    expect((await B('PATCH', `/events/${eventId}/registrations/me`, { family: 0 })).status).toBe(200);
    expect((await C('GET', `/events/${eventId}`)).body.me).toMatchObject({ status: 'confirmed' });
    expect((await C('GET', `/events/${eventId}`)).body).toMatchObject({ confirmedSeats: 4, waitlistLength: 0 });
    expect((await C('PATCH', `/events/${eventId}/registrations/me`, { family: 3 })).status).toBe(400);
    expect((await C('PATCH', `/events/${eventId}/registrations/me`, {})).status).toBe(400);
    expect((await (await as(school.members[15]!))('PATCH', `/events/${eventId}/registrations/me`, { family: 0 })).status).toBe(404);
  });
});

describe('committee tools', () => {
  it('lists registrations, checks in confirmed members once, refuses others', async () => {
    // The event's day has come: check-ins are taken from the day before it starts.
    const eventId = await newEvent({ capacity: 1, maxFamily: 0, startsAt: inHours(3), signupClosesAt: inHours(2) });
    const [a, b] = school.members.slice(5, 7);
    await (await as(a!))('POST', `/events/${eventId}/registrations`, { choices: { bus: '东门' } });
    await (await as(b!))('POST', `/events/${eventId}/registrations`, { choices: { bus: '西门' } });
    const regs = (await chair('GET', `/events/${eventId}/registrations`)).body;
    expect(regs.confirmed.map((r: { memberId: string }) => r.memberId)).toEqual([a]);
    expect(regs.waitlist.map((r: { memberId: string }) => r.memberId)).toEqual([b]);
    expect(regs.confirmed[0]).toMatchObject({ name: expect.any(String), family: 0 });

    const first = await chair('POST', `/events/${eventId}/checkins`, { memberId: a });
    expect(first.status).toBe(200);
    expect(first.body.alreadyCheckedIn).toBe(false);
    // The same check-in synced later from a phone that was offline: counted once, first time kept.
    const replay = await chair('POST', `/events/${eventId}/checkins`, { memberId: a, nonce: 'offline-nonce-1', at: inHours(-0.01) });
    expect(replay.body).toMatchObject({ alreadyCheckedIn: true, checkedInAt: first.body.checkedInAt });
    // Checked in means there: no cancelling afterwards.
    expect((await (await as(a!))('DELETE', `/events/${eventId}/registrations/me`)).status).toBe(409);
    const waiting = await chair('POST', `/events/${eventId}/checkins`, { memberId: b });
    expect(waiting.status).toBe(409);
    expect(waiting.body.error.code).toBe('NOT_REGISTERED');
    expect((await chair('POST', `/events/${eventId}/checkins`, { memberId: school.members[19] })).body.error.code).toBe('NOT_REGISTERED');
    const after = (await chair('GET', `/events/${eventId}/registrations`)).body;
    expect(after.checkedInCount).toBe(1);
    expect(after.byGroup.reduce((n: number, g: { checkedIn: number }) => n + g.checkedIn, 0)).toBe(1);
    expect(after.participationRate).toBe(5); // 1 of 20 members
  });

  it('group leaders see their group and who has not signed up', async () => {
    const eventId = await newEvent({ capacity: 50 });
    const leaderId = school.groupLeaders.find((id) => !school.delegates.includes(id))!;
    const leader = await as(leaderId);
    await leader('POST', `/events/${eventId}/registrations`, { choices: { bus: '东门' } });
    const view = (await leader('GET', `/events/${eventId}/registrations`)).body;
    expect(view.confirmed.map((r: { memberId: string }) => r.memberId)).toEqual([leaderId]);
    expect(view.byGroup).toHaveLength(1);
    expect(view.notRegistered.length).toBe(view.byGroup[0].members - 1);
    expect(view.notRegistered.some((m: { memberId: string }) => m.memberId === leaderId)).toBe(false);
  });

  it('exports a roster workbook with a sheet per group', async () => {
    const eventId = await newEvent({ capacity: 50 });
    for (const id of school.members.slice(0, 8)) await (await as(id))('POST', `/events/${eventId}/registrations`, { choices: { bus: '东门' } });
    const res = await chair('GET', `/events/${eventId}/roster.xlsx`);
    expect(res.status).toBe(200);
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.raw);
    const groups = (await chair('GET', `/orgs/${school.orgId}/groups`)).body.groups;
    expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总', ...groups.map((g: { name: string }) => g.name)]);
    const rows = wb.worksheets.slice(1).reduce((n, w) => n + w.rowCount - 1, 0);
    expect(rows).toBe(8);
    expect((await readXlsx(res.raw))[0]![0]).toContain('春游');
  });

  it('editing or cancelling tells everyone signed up; capacity never drops below confirmed', async () => {
    const eventId = await newEvent({ capacity: 2, maxFamily: 0 });
    const [a, b, c] = school.members.slice(7, 10);
    for (const id of [a, b, c]) await (await as(id!))('POST', `/events/${eventId}/registrations`, { choices: { bus: '东门' } });
    expect((await chair('PATCH', `/events/${eventId}`, { capacity: 1 })).status).toBe(409);
    // Options can grow; a choice someone took cannot go.
    expect((await chair('PATCH', `/events/${eventId}`, { options: [{ key: 'bus', label: '乘车点', choices: ['西门'] }] })).status).toBe(409);
    const more = await chair('PATCH', `/events/${eventId}`, { options: [{ key: 'bus', label: '乘车点', choices: ['东门', '西门', '南门'] }], maxFamily: 1 });
    expect(more.status).toBe(200);
    expect(more.body.options[0].choices).toEqual(['东门', '西门', '南门']);
    const grown = await chair('PATCH', `/events/${eventId}`, { capacity: 3, place: '学校西门集合' });
    expect(grown.status).toBe(200);
    expect(grown.body).toMatchObject({ capacity: 3, confirmedSeats: 3, waitlistLength: 0, place: '学校西门集合' });
    const msgs = (await (await as(a!))('GET', '/me/messages')).body.messages;
    expect(msgs[0].title).toContain('活动变更');
    expect(msgs[0].body).toMatch(/\d+月\d+日 周. \d\d:\d\d/);
    expect((await chair('POST', `/events/${eventId}/cancel`)).status).toBe(200);
    expect((await (await as(b!))('GET', '/me/messages')).body.messages[0].title).toContain('活动取消');
    const late = await (await as(school.members[12]!))('POST', `/events/${eventId}/registrations`, { choices: { bus: '东门' } });
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('EVENT_CANCELLED');
  });
});
