import { beforeAll, describe, expect, it } from 'vitest';
import { anon, as, ordinary, seed, type School } from '../support/fixtures';
import { inHours } from '../support/time';
import { indexSettled } from '../support/eventually';

/** What a probe of the API found, each with the answer it must now get (and nothing changed). */
type Call = Awaited<ReturnType<typeof as>>;
let school: School;
let chair: Call;

beforeAll(async () => {
  school = await seed(20, 4);
  chair = await as(school.chair);
});

const eventBody = (over: Record<string, unknown> = {}) => ({ title: '读书会', place: '图书馆', startsAt: inHours(72), signupClosesAt: inHours(48), capacity: 5, ...over });
/** The list is read through the index: every earlier write is let in first, so "changes nothing" compares like with like. */
const eventCount = async () => {
  await indexSettled();
  return ((await chair('GET', `/orgs/${school.orgId}/events`)).body.events as unknown[]).length;
};

describe('hostile keys and text', () => {
  it('refuses option keys that are not identifiers or that every object has', async () => {
    const before = await eventCount();
    for (const key of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', '乘车点', 'Bus', '1st', '']) {
      const res = await chair('POST', `/orgs/${school.orgId}/events`, eventBody({ options: [{ key, label: '乘车点', choices: ['东门'] }] }));
      expect(res.status, key).toBe(400);
      expect(res.body.error.code).toBe('INVALID_INPUT');
    }
    expect(await eventCount()).toBe(before);
  });

  it('refuses such keys among a sign-up’s choices, and signs up with good ones', async () => {
    const eventId = (await chair('POST', `/orgs/${school.orgId}/events`, eventBody({ options: [{ key: 'bus', label: '乘车点', choices: ['东门', '西门'] }] }))).body.eventId;
    const member = await as(ordinary(school));
    for (const raw of ['{"choices":{"__proto__":"东门"}}', '{"choices":{"constructor":"东门"}}', '{"choices":{"toString":"东门"}}']) {
      const res = await member('POST', `/events/${eventId}/registrations`, raw);
      expect(res.status, raw).toBe(400);
    }
    expect((await member('GET', `/events/${eventId}`)).body.me).toBeNull();
    expect((await member('POST', `/events/${eventId}/registrations`, { choices: { bus: '西门' } })).status).toBe(201);
    expect((await member('GET', `/events/${eventId}`)).body.me).toMatchObject({ status: 'confirmed', choices: { bus: '西门' } });
  });

  it('refuses a lone surrogate in any text with 400, and the export of good text works', async () => {
    const before = await eventCount();
    for (const raw of ['{"title":"春游\\ud800","place":"东门","startsAt":"2030-01-02T08:00:00+08:00","signupClosesAt":"2030-01-01T08:00:00+08:00","capacity":5}', '{"title":"春游","place":"\\udc00门","startsAt":"2030-01-02T08:00:00+08:00","signupClosesAt":"2030-01-01T08:00:00+08:00","capacity":5}']) {
      const res = await chair('POST', `/orgs/${school.orgId}/events`, raw);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('INVALID_INPUT');
    }
    expect(await eventCount()).toBe(before);
    const eventId = (await chair('POST', `/orgs/${school.orgId}/events`, eventBody({ title: '春游😀' }))).body.eventId;
    const xlsx = await chair('GET', `/events/${eventId}/roster.xlsx`);
    expect(xlsx.status).toBe(200);
    expect(decodeURIComponent(xlsx.headers.get('content-disposition')!.split("''")[1]!)).toBe('春游😀-名单.xlsx');
  });
});

describe('odd paths and content types', () => {
  it('answers a broken percent-escape with a 4xx in the error shape', async () => {
    for (const path of ['/events/%', '/events/%ZZ', '/orgs/%E4%B8/events']) {
      const res = await anon()('GET', path);
      expect(res.status, path).toBeGreaterThanOrEqual(400);
      expect(res.status, path).toBeLessThan(500);
      expect(res.body.error.code, path).toMatch(/^[A-Z_]+$/);
    }
  });

  it('accepts only JSON on write routes (charset allowed): anything else is 415 and changes nothing', async () => {
    const before = await eventCount();
    const body = JSON.stringify(eventBody());
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'application/jsonp', 'multipart/form-data; boundary=x']) {
      const res = await chair('POST', `/orgs/${school.orgId}/events`, body, { 'content-type': type });
      expect(res.status, type).toBe(415);
      expect(res.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    }
    expect(await eventCount()).toBe(before);
    expect((await chair('POST', `/orgs/${school.orgId}/events`, body, { 'content-type': 'application/json; charset=utf-8' })).status).toBe(201);
  });
});

describe('plausible check-in times, and a way back', () => {
  it('refuses a check-in long before the event or in the future, and the committee can undo one', async () => {
    const eventId = (await chair('POST', `/orgs/${school.orgId}/events`, eventBody({ startsAt: inHours(20), signupClosesAt: inHours(10) }))).body.eventId;
    const memberId = ordinary(school);
    expect((await (await as(memberId))('POST', `/events/${eventId}/registrations`, {})).status).toBe(201);
    for (const at of ['1970-01-01T00:00:00Z', inHours(-30), inHours(2)]) {
      const res = await chair('POST', `/events/${eventId}/checkins`, { memberId, at });
      expect(res.status, at).toBe(400);
    }
    const regs = async () => (await chair('GET', `/events/${eventId}/registrations`)).body.confirmed as { memberId: string; checkedInAt?: string }[];
    expect((await regs())[0]!.checkedInAt).toBeUndefined();
    expect((await chair('POST', `/events/${eventId}/checkins`, { memberId })).status).toBe(200);
    expect((await regs())[0]!.checkedInAt).toBeTruthy();
    const undo = await chair('DELETE', `/events/${eventId}/checkins/${memberId}`);
    expect(undo.status).toBe(200);
    expect((await regs())[0]!.checkedInAt).toBeUndefined();
    const member = await as(school.committee[0]!);
    expect((await member('DELETE', `/events/${eventId}/checkins/${school.members[0]}`)).status).toBe(409);
    const log = (await chair('GET', `/orgs/${school.orgId}/audit`)).body.entries as { action: string; detail?: { memberId?: string } }[];
    expect(log.some((e) => e.action === 'DELETE /events/{eventId}/checkins/{memberId}' && e.detail?.memberId === memberId)).toBe(true);
  });
});

describe('officers are protected, and a mistake can be undone', () => {
  it('only the chair stops an officer, never themselves; the chair brings a member back', async () => {
    const s = await seed(20, 2);
    const [chairOf, committee] = [await as(s.chair), await as(s.committee[0]!)];
    for (const officer of [s.chair, s.treasurer, s.committee[1]!]) {
      const res = await committee('POST', `/members/${officer}/deactivate`, {});
      expect(res.status, officer).toBe(403);
      expect(res.body.error.code).toBe('FORBIDDEN');
    }
    expect((await committee('POST', `/members/${s.committee[0]}/deactivate`, {})).status).toBe(403);
    expect((await chairOf('POST', `/members/${s.chair}/deactivate`, {})).status).toBe(403);
    expect((await anon()('POST', '/dev/login', { memberId: s.treasurer })).status).toBe(200);

    const member = ordinary(s);
    expect((await committee('POST', `/members/${member}/deactivate`, {})).status).toBe(200);
    expect((await chairOf('POST', `/members/${s.committee[1]}/deactivate`, {})).status).toBe(200);
    expect((await anon()('POST', '/dev/login', { memberId: member })).status).toBe(404);

    expect((await committee('POST', `/members/${member}/reactivate`, {})).status).toBe(403);
    const back = await chairOf('POST', `/members/${member}/reactivate`, {});
    expect(back.status).toBe(200);
    expect(back.body.member.active).toBe(true);
    expect((await anon()('POST', '/dev/login', { memberId: member })).status).toBe(200);
    const log = (await chairOf('GET', `/orgs/${s.orgId}/audit`)).body.entries as { action: string; target: { memberId?: string } }[];
    expect(log.some((e) => e.action === 'POST /members/{memberId}/reactivate' && e.target.memberId === member)).toBe(true);
  });
});
