import { randomBytes } from 'node:crypto';
import { BatchGetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { canConfirm, canPromote, chinaTime, eventPhase, fitsAtAll, seatsFor, seatsLeft, waitKey } from '../../shared/domain/events';
import type { ChangeRegistrationBody, CreateEventBody, EventView, MyRegistration, RegisterBody, UpdateEventBody } from '../../shared/schemas/events';
import { batchPut, cancellationCodes, db, getItem, queryAll, queryPage, table, transact, type TransactItem } from '../lib/db';
import { conflict, invalidInput, notFound } from '../lib/errors';
import { newId } from '../lib/ids';
import { notifier, noticeItems, type Notice } from '../lib/notifier';
import type { MemberRecord } from './members';

/**
 * Event sign-up on DynamoDB. Items of an event share its partition:
 *   EVENT#<e> META        what the committee wrote (listed per school through gsi1)
 *   EVENT#<e> SEATS       the counters every sign-up changes: capacity, confirmedSeats, waitingCount, waitTail
 *   EVENT#<e> REG#<m>     one registration per member (listed per member through gsi1)
 *   EVENT#<e> WAIT#<key>  the waitlist, in key order (time, then a tie-breaker)
 *   EVENT#<e> WAITSEC#<s> how many wait in arrival second s (positions without counting everyone ahead)
 * Every change to seats is one transaction whose conditions carry the rule, so no interleaving
 * can oversell, double-register or reorder the waitlist.
 */
export interface EventRecord {
  pk: string;
  sk: 'META';
  gsi1pk: string;
  gsi1sk: string;
  type: 'event';
  eventId: string;
  orgId: string;
  districtId: string;
  title: string;
  place: string;
  startsAt: string;
  signupClosesAt: string;
  capacity: number;
  maxFamily: number;
  options: CreateEventBody['options'];
  description?: string;
  costNote?: string;
  cancelled: boolean;
  createdBy: string;
  createdAt: string;
}

interface SeatsRecord {
  capacity: number;
  confirmedSeats: number;
  waitingCount: number;
  waitTail?: string;
  closesAtMs: number;
  cancelled: boolean;
}

export interface RegistrationRecord {
  pk: string;
  sk: string;
  gsi1pk: string;
  gsi1sk: string;
  type: 'registration';
  eventId: string;
  memberId: string;
  name: string;
  groupId: string;
  family: number;
  seats: number;
  choices: Record<string, string>;
  status: 'confirmed' | 'waitlisted' | 'cancelled';
  waitKey?: string;
  registeredAt: string;
  checkedInAt?: string;
  checkinNonce?: string;
}

const EK = {
  meta: (e: string) => ({ pk: `EVENT#${e}`, sk: 'META' as const }),
  seats: (e: string) => ({ pk: `EVENT#${e}`, sk: 'SEATS' }),
  reg: (e: string, m: string) => ({ pk: `EVENT#${e}`, sk: `REG#${m}` }),
  wait: (e: string, key: string) => ({ pk: `EVENT#${e}`, sk: `WAIT#${key}` }),
  waitSecond: (e: string, second: string) => ({ pk: `EVENT#${e}`, sk: `WAITSEC#${second}` }),
  ofOrg: (o: string) => `ORG#${o}#EVENTS`,
  ofMember: (m: string) => `MEMBER#${m}#REGS`,
};
const msKey = (iso: string) => String(Date.parse(iso)).padStart(15, '0');

export const getEvent = (eventId: string) => getItem<EventRecord>(EK.meta(eventId).pk, 'META');
const getSeats = (eventId: string) => getItem<SeatsRecord>(EK.seats(eventId).pk, 'SEATS');
export const getRegistration = (eventId: string, memberId: string) => getItem<RegistrationRecord>(EK.reg(eventId, memberId).pk, EK.reg(eventId, memberId).sk);

export async function createEvent(org: { orgId: string; districtId: string }, body: CreateEventBody, createdBy: string): Promise<EventRecord> {
  const { orgId, districtId } = org;
  const eventId = newId('e');
  const now = new Date().toISOString();
  const event: EventRecord = {
    ...EK.meta(eventId),
    gsi1pk: EK.ofOrg(orgId),
    gsi1sk: `${msKey(body.startsAt)}#${eventId}`,
    type: 'event',
    eventId,
    orgId,
    districtId,
    ...body,
    cancelled: false,
    createdBy,
    createdAt: now,
  };
  const seats: SeatsRecord = { capacity: body.capacity, confirmedSeats: 0, waitingCount: 0, closesAtMs: Date.parse(body.signupClosesAt), cancelled: false };
  await transact([
    { Put: { TableName: table(), Item: event, ConditionExpression: 'attribute_not_exists(pk)' } },
    { Put: { TableName: table(), Item: { ...EK.seats(eventId), type: 'seats', ...seats } } },
  ]);
  return event;
}

/**
 * Position in the waitlist, 1-based: the waiting entries up to and including this key.
 * Counting every entry ahead would cost O(position); instead each second of arrivals keeps a
 * counter (WAITSEC#<second>, changed in the same transactions that add or remove entries), so
 * this sums the counters of earlier seconds and counts entries only within this key's second.
 */
async function positionOf(eventId: string, key: string): Promise<number> {
  const second = secondOf(key);
  const earlier = String(Number(second) - 1).padStart(second.length, '0');
  const [buckets, sameSecond] = await Promise.all([
    queryAll<{ n?: number }>({
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :lo AND :hi',
      ExpressionAttributeValues: { ':pk': EK.meta(eventId).pk, ':lo': 'WAITSEC#', ':hi': `WAITSEC#${earlier}` },
      ConsistentRead: true,
    }),
    countKeys(eventId, `WAIT#${second}`, `WAIT#${key}`),
  ]);
  return buckets.reduce((sum, b) => sum + (b.n ?? 0), 0) + sameSecond;
}

async function countKeys(eventId: string, lo: string, hi: string): Promise<number> {
  let count = 0;
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const out = await db().send(
      new QueryCommand({
        TableName: table(),
        KeyConditionExpression: 'pk = :pk AND sk BETWEEN :lo AND :hi',
        ExpressionAttributeValues: { ':pk': EK.meta(eventId).pk, ':lo': lo, ':hi': hi },
        Select: 'COUNT',
        ConsistentRead: true,
        ExclusiveStartKey,
      }),
    );
    count += out.Count ?? 0;
    ExclusiveStartKey = out.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return count;
}

/** The arrival second of a wait key (its first 12 of 15 millisecond digits). */
const secondOf = (key: string) => key.slice(0, 12);
const bucketChange = (eventId: string, key: string, by: 1 | -1) => ({
  Update: { TableName: table(), Key: EK.waitSecond(eventId, secondOf(key)), UpdateExpression: 'ADD n :by', ExpressionAttributeValues: { ':by': by } },
});

export async function myRegistration(eventId: string, memberId: string): Promise<MyRegistration | null> {
  const reg = await getRegistration(eventId, memberId);
  if (!reg || reg.status === 'cancelled') return null;
  return {
    status: reg.status,
    position: reg.status === 'waitlisted' ? await positionOf(eventId, reg.waitKey!) : undefined,
    family: reg.family,
    choices: reg.choices,
    checkedIn: Boolean(reg.checkedInAt),
  };
}

export function eventView(e: EventRecord, s: SeatsRecord | undefined, me: MyRegistration | null, now = Date.now()): EventView {
  const confirmedSeats = s?.confirmedSeats ?? 0;
  return {
    eventId: e.eventId,
    orgId: e.orgId,
    title: e.title,
    place: e.place,
    startsAt: e.startsAt,
    signupClosesAt: e.signupClosesAt,
    capacity: e.capacity,
    maxFamily: e.maxFamily,
    options: e.options,
    description: e.description,
    costNote: e.costNote,
    cancelled: e.cancelled,
    state: eventPhase(e, now),
    confirmedSeats,
    seatsLeft: seatsLeft({ capacity: e.capacity, confirmedSeats, waitingCount: s?.waitingCount ?? 0 }),
    waitlistLength: s?.waitingCount ?? 0,
    me,
  };
}

export async function loadEventView(e: EventRecord, memberId: string): Promise<EventView> {
  const [seats, me] = await Promise.all([getSeats(e.eventId), myRegistration(e.eventId, memberId)]);
  return eventView(e, seats, me);
}

export async function listEvents(orgId: string, memberId: string): Promise<EventView[]> {
  const events = (await queryAll<EventRecord>({ IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :pk', ExpressionAttributeValues: { ':pk': EK.ofOrg(orgId) }, ScanIndexForward: false })).slice(0, 100);
  if (events.length === 0) return [];
  const keys = events.flatMap((e) => [EK.seats(e.eventId), EK.reg(e.eventId, memberId)]);
  const found = new Map<string, Record<string, unknown>>();
  for (let i = 0; i < keys.length; i += 100) {
    let request: Record<string, unknown>[] | undefined = keys.slice(i, i + 100);
    while (request && request.length) {
      const out = await db().send(new BatchGetCommand({ RequestItems: { [table()]: { Keys: request, ConsistentRead: true } } }));
      for (const item of out.Responses?.[table()] ?? []) found.set(`${item.pk}|${item.sk}`, item);
      request = out.UnprocessedKeys?.[table()]?.Keys as Record<string, unknown>[] | undefined;
    }
  }
  return events.map((e) => {
    const reg = found.get(`EVENT#${e.eventId}|REG#${memberId}`) as RegistrationRecord | undefined;
    const me: MyRegistration | null =
      reg && reg.status !== 'cancelled' ? { status: reg.status, family: reg.family, choices: reg.choices, checkedIn: Boolean(reg.checkedInAt) } : null;
    return eventView(e, found.get(`EVENT#${e.eventId}|SEATS`) as SeatsRecord | undefined, me);
  });
}

function checkChoices(e: EventRecord, body: RegisterBody) {
  if (!fitsAtAll(e.capacity, seatsFor(body.family))) throw invalidInput(`本活动只有 ${e.capacity} 个名额，容纳不下 ${seatsFor(body.family)} 人`);
  if (body.family > e.maxFamily) throw invalidInput(e.maxFamily === 0 ? '本活动不能带家属' : `最多可带 ${e.maxFamily} 位家属`);
  for (const key of Object.keys(body.choices)) if (!e.options.some((o) => o.key === key)) throw invalidInput(`没有“${key}”这个选项`);
  for (const o of e.options) {
    const choice = body.choices[o.key];
    if (choice !== undefined && !o.choices.includes(choice)) throw invalidInput(`${o.label}只能选：${o.choices.join('、')}`);
  }
}

function refuseIfClosed(e: EventRecord, s: SeatsRecord, now: number) {
  if (e.cancelled || s.cancelled) throw conflict('EVENT_CANCELLED', '活动已取消');
  if (now >= s.closesAtMs) throw conflict('SIGNUP_CLOSED', '报名已截止');
}

export interface RegisterOutcome {
  created: boolean;
  status: 'confirmed' | 'waitlisted';
  position?: number;
}

/**
 * Signs a member up: confirmed if their seats fit and nobody waits, else at the end of the waitlist.
 * Asking again while registered returns the same registration (created: false).
 */
export async function register(e: EventRecord, member: MemberRecord, body: RegisterBody): Promise<RegisterOutcome> {
  checkChoices(e, body);
  const seats = seatsFor(body.family);
  const existingView = async (): Promise<RegisterOutcome | undefined> => {
    const mine = await myRegistration(e.eventId, member.memberId);
    return mine ? { created: false, status: mine.status, position: mine.position } : undefined;
  };
  // No read first: the transaction's condition on the registration is what refuses a twin.
  for (let attempt = 0; attempt < 50; attempt++) {
    const now = Date.now();
    const s = (await getSeats(e.eventId))!;
    try {
      refuseIfClosed(e, s, now);
    } catch (closed) {
      const mine = await existingView();
      if (mine) return mine;
      throw closed;
    }
    const registeredAt = new Date(now).toISOString();
    const reg: Omit<RegistrationRecord, 'status'> = {
      ...EK.reg(e.eventId, member.memberId),
      gsi1pk: EK.ofMember(member.memberId),
      gsi1sk: `${msKey(e.startsAt)}#${e.eventId}`,
      type: 'registration',
      eventId: e.eventId,
      memberId: member.memberId,
      name: member.name,
      groupId: member.groupId,
      family: body.family,
      seats,
      choices: body.choices,
      registeredAt,
    };
    const putReg = (item: RegistrationRecord) => ({
      Put: {
        TableName: table(),
        Item: item,
        ConditionExpression: 'attribute_not_exists(pk) OR #st = :cancelled',
        ExpressionAttributeNames: { '#st': 'status' },
        ExpressionAttributeValues: { ':cancelled': 'cancelled' },
      },
    });
    const open = { ':now': now, ':f': false, ':cap': s.capacity, ':lim': s.capacity - seats, ':zero': 0 };
    const confirm = canConfirm(s, seats);
    const tailMs = s.waitTail ? Number(s.waitTail.split('#')[0]) : 0;
    const key = waitKey(Math.max(now, tailMs + 1), randomBytes(4).toString('hex'));
    try {
      if (confirm) {
        await transact([
          {
            Update: {
              TableName: table(),
              Key: EK.seats(e.eventId),
              UpdateExpression: 'ADD confirmedSeats :s',
              ConditionExpression: '#capacity = :cap AND confirmedSeats <= :lim AND waitingCount = :zero AND closesAtMs > :now AND cancelled = :f',
              ExpressionAttributeNames: { '#capacity': 'capacity' },
              ExpressionAttributeValues: { ...open, ':s': seats },
            },
          },
          putReg({ ...reg, status: 'confirmed' }),
        ]);
        return { created: true, status: 'confirmed' };
      }
      await transact([
        {
          Update: {
            TableName: table(),
            Key: EK.seats(e.eventId),
            UpdateExpression: 'ADD waitingCount :one SET waitTail = :key',
            ConditionExpression:
              '#capacity = :cap AND (confirmedSeats > :lim OR waitingCount > :zero) AND (attribute_not_exists(waitTail) OR waitTail < :key) AND closesAtMs > :now AND cancelled = :f',
            ExpressionAttributeNames: { '#capacity': 'capacity' },
            ExpressionAttributeValues: { ...open, ':one': 1, ':key': key },
          },
        },
        putReg({ ...reg, status: 'waitlisted', waitKey: key }),
        { Put: { TableName: table(), Item: { ...EK.wait(e.eventId, key), type: 'wait', memberId: member.memberId, seats } } },
        bucketChange(e.eventId, key, 1),
      ]);
      return { created: true, status: 'waitlisted', position: await positionOf(e.eventId, key) };
    } catch (err) {
      const codes = cancellationCodes(err);
      if (!codes) throw err;
      if (codes[1] === 'ConditionalCheckFailed') {
        const mine = await existingView();
        if (mine) return mine; // a twin request got there first: one registration, answered twice
      }
      // The seats changed under us (or the clock did): look again and retry.
    }
  }
  throw conflict('CONFLICT', '报名人数太多，请稍后再试');
}

/**
 * Changes a live registration in place: choices freely; family within the limit. A confirmed
 * member may take more seats only if they are free and nobody waits (else 409, their seats kept);
 * fewer seats free some for the waitlist. A waiting member keeps their place in the queue.
 */
export async function changeRegistration(e: EventRecord, memberId: string, change: ChangeRegistrationBody): Promise<MyRegistration> {
  const reg = await getRegistration(e.eventId, memberId);
  if (!reg || reg.status === 'cancelled') throw notFound('您没有报名这个活动');
  if (Date.parse(e.startsAt) <= Date.now()) throw conflict('CONFLICT', '活动已经开始，不能再修改报名');
  const family = change.family ?? reg.family;
  const choices = { ...reg.choices, ...(change.choices ?? {}) };
  checkChoices(e, { family, choices });
  const seats = seatsFor(family);
  const delta = seats - reg.seats;
  const regUpdate = {
    Update: {
      TableName: table(),
      Key: EK.reg(e.eventId, memberId),
      UpdateExpression: 'SET #family = :family, #seats = :seats, #choices = :choices',
      ConditionExpression: '#st = :status AND #seats = :old',
      ExpressionAttributeNames: { '#st': 'status', '#family': 'family', '#seats': 'seats', '#choices': 'choices' },
      ExpressionAttributeValues: { ':family': family, ':seats': seats, ':choices': choices, ':status': reg.status, ':old': reg.seats },
    },
  };
  const capacity = delta > 0 && reg.status === 'confirmed' ? (await getSeats(e.eventId))!.capacity : 0;
  const seatsUpdate: TransactItem | undefined =
    reg.status === 'waitlisted'
      ? { Update: { TableName: table(), Key: EK.wait(e.eventId, reg.waitKey!), UpdateExpression: 'SET #seats = :seats', ConditionExpression: 'attribute_exists(pk)', ExpressionAttributeNames: { '#seats': 'seats' }, ExpressionAttributeValues: { ':seats': seats } } }
      : delta > 0
        ? {
            Update: {
              TableName: table(),
              Key: EK.seats(e.eventId),
              UpdateExpression: 'ADD confirmedSeats :d',
              ConditionExpression: '#capacity = :cap AND confirmedSeats <= :lim AND waitingCount = :zero',
              ExpressionAttributeNames: { '#capacity': 'capacity' },
              ExpressionAttributeValues: { ':d': delta, ':zero': 0, ':cap': capacity, ':lim': capacity - delta },
            },
          }
        : delta < 0
          ? { Update: { TableName: table(), Key: EK.seats(e.eventId), UpdateExpression: 'ADD confirmedSeats :d', ExpressionAttributeValues: { ':d': delta } } }
          : undefined;
  try {
    await transact(seatsUpdate ? [regUpdate, seatsUpdate] : [regUpdate]);
  } catch (err) {
    const codes = cancellationCodes(err);
    if (codes?.[1] === 'ConditionalCheckFailed' && reg.status === 'confirmed') throw conflict('CONFLICT', `名额不够，不能再多带家属（还剩 ${(await loadEventView(e, memberId)).seatsLeft} 个名额）`);
    if (codes) throw conflict('CONFLICT', '报名状态刚刚变了，请刷新后再试');
    throw err;
  }
  if (delta !== 0) await promote(e);
  return (await myRegistration(e.eventId, memberId))!;
}

/** Cancels a member's registration; freed seats go to the waitlist in order. */
export async function cancelRegistration(e: EventRecord, memberId: string): Promise<'cancelled' | 'none'> {
  const reg = await getRegistration(e.eventId, memberId);
  if (!reg) return 'none';
  if (reg.status === 'cancelled') return 'cancelled';
  if (Date.parse(e.startsAt) <= Date.now()) throw conflict('CONFLICT', '活动已经开始，不能再取消报名');
  if (reg.checkedInAt) throw conflict('CONFLICT', '已经签到，不能再取消报名');
  const now = new Date().toISOString();
  const regUpdate = (status: string, extra = '') => ({
    Update: {
      TableName: table(),
      Key: EK.reg(e.eventId, memberId),
      UpdateExpression: `SET #st = :cancelled, cancelledAt = :now${extra}`,
      // The seats freed below are the seats read: a concurrent change of family cancels this and we look again.
      ConditionExpression: '#st = :was AND #seats = :seats',
      ExpressionAttributeNames: { '#st': 'status', '#seats': 'seats' },
      ExpressionAttributeValues: { ':cancelled': 'cancelled', ':now': now, ':was': status, ':seats': reg.seats },
    },
  });
  try {
    if (reg.status === 'confirmed') {
      await transact([
        regUpdate('confirmed'),
        { Update: { TableName: table(), Key: EK.seats(e.eventId), UpdateExpression: 'ADD confirmedSeats :minus', ExpressionAttributeValues: { ':minus': -reg.seats } } },
      ]);
    } else {
      await transact([
        regUpdate('waitlisted', ' REMOVE waitKey'),
        { Delete: { TableName: table(), Key: EK.wait(e.eventId, reg.waitKey!), ConditionExpression: 'attribute_exists(pk)' } },
        { Update: { TableName: table(), Key: EK.seats(e.eventId), UpdateExpression: 'ADD waitingCount :minus', ExpressionAttributeValues: { ':minus': -1 } } },
        bucketChange(e.eventId, reg.waitKey!, -1),
      ]);
    }
  } catch (err) {
    if (!cancellationCodes(err)) throw err;
    // Changed meanwhile (promoted, or cancelled by a twin request): go by what is there now.
    return cancelRegistration(e, memberId);
  }
  await promote(e);
  return 'cancelled';
}

/** Moves the head of the waitlist up while their seats fit; each move is one transaction with its notice. */
export async function promote(e: EventRecord): Promise<number> {
  let promoted = 0;
  for (let guard = 0; guard < 10_000; guard++) {
    const [entry] = await queryPage<{ sk: string; memberId: string; seats: number }>({
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :w)',
      ExpressionAttributeValues: { ':pk': EK.meta(e.eventId).pk, ':w': 'WAIT#' },
      ConsistentRead: true,
      Limit: 1,
    });
    if (!entry) return promoted;
    const s = (await getSeats(e.eventId))!;
    if (s.cancelled || !canPromote(s, entry.seats)) return promoted;
    const key = entry.sk.slice('WAIT#'.length);
    const now = new Date().toISOString();
    const notice: Notice = {
      memberId: entry.memberId,
      orgId: e.orgId,
      kind: 'promoted',
      title: `候补成功：${e.title}`,
      body: `有人退出，您已从候补转为报名成功。活动时间 ${chinaTime(e.startsAt)}，地点 ${e.place}。`,
      link: `/pages/event/index?id=${e.eventId}`,
    };
    try {
      await transact([
        {
          Update: {
            TableName: table(),
            Key: EK.seats(e.eventId),
            UpdateExpression: 'ADD confirmedSeats :s, waitingCount :minus',
            ConditionExpression: '#capacity = :cap AND confirmedSeats <= :lim',
            ExpressionAttributeNames: { '#capacity': 'capacity' },
            ExpressionAttributeValues: { ':s': entry.seats, ':minus': -1, ':cap': s.capacity, ':lim': s.capacity - entry.seats },
          },
        },
        // The seats added above are the seats read from this entry: changed meanwhile, look again.
        { Delete: { TableName: table(), Key: EK.wait(e.eventId, key), ConditionExpression: 'attribute_exists(pk) AND #seats = :s', ExpressionAttributeNames: { '#seats': 'seats' }, ExpressionAttributeValues: { ':s': entry.seats } } },
        bucketChange(e.eventId, key, -1),
        {
          Update: {
            TableName: table(),
            Key: EK.reg(e.eventId, entry.memberId),
            UpdateExpression: 'SET #st = :confirmed, promotedAt = :now REMOVE waitKey',
            ConditionExpression: '#st = :waitlisted AND waitKey = :key',
            ExpressionAttributeNames: { '#st': 'status' },
            ExpressionAttributeValues: { ':confirmed': 'confirmed', ':waitlisted': 'waitlisted', ':key': key, ':now': now },
          },
        },
        ...noticeItems(notice, now).map((Item) => ({ Put: { TableName: table(), Item } })),
      ]);
      promoted++;
      await notifier().deliver([notice]);
    } catch (err) {
      if (!cancellationCodes(err)) throw err; // another promoter moved this head: look again
    }
  }
  return promoted;
}

export async function listRegistrations(eventId: string): Promise<RegistrationRecord[]> {
  return queryAll<RegistrationRecord>({
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :r)',
    ExpressionAttributeValues: { ':pk': EK.meta(eventId).pk, ':r': 'REG#' },
    ConsistentRead: true,
  });
}

export async function myEventRegistrations(memberId: string): Promise<RegistrationRecord[]> {
  return queryAll<RegistrationRecord>({ IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :pk', ExpressionAttributeValues: { ':pk': EK.ofMember(memberId) }, ScanIndexForward: false });
}

/** Checks a confirmed member in, once: a replayed offline check-in keeps the first time. */
export async function checkIn(e: EventRecord, memberId: string, at: string, nonce?: string) {
  try {
    const out = await db().send(
      new UpdateCommand({
        TableName: table(),
        Key: EK.reg(e.eventId, memberId),
        UpdateExpression: 'SET checkedInAt = if_not_exists(checkedInAt, :at), checkinNonce = if_not_exists(checkinNonce, :nonce)',
        ConditionExpression: '#st = :confirmed',
        ExpressionAttributeNames: { '#st': 'status' },
        ExpressionAttributeValues: { ':at': at, ':nonce': nonce ?? 'online', ':confirmed': 'confirmed' },
        ReturnValues: 'ALL_OLD',
      }),
    );
    const before = out.Attributes as RegistrationRecord;
    return { memberId, name: before.name, checkedInAt: before.checkedInAt ?? at, alreadyCheckedIn: Boolean(before.checkedInAt) };
  } catch (err) {
    if (err instanceof Error && err.name === 'ConditionalCheckFailedException') throw conflict('NOT_REGISTERED', '此人没有报名成功，不能签到');
    throw err;
  }
}

/** Edits an event; capacity changes go through the seat counters so they can never undercut confirmed seats. */
export async function updateEvent(e: EventRecord, patch: UpdateEventBody): Promise<EventRecord> {
  const next: EventRecord = { ...e, ...patch };
  if (Date.parse(next.signupClosesAt) > Date.parse(next.startsAt)) throw invalidInput('报名截止时间应早于活动开始时间');
  if (patch.maxFamily !== undefined || patch.options !== undefined) {
    const live = (await listRegistrations(e.eventId)).filter((r) => r.status !== 'cancelled');
    if (live.some((r) => r.family > next.maxFamily)) throw conflict('CONFLICT', '已有人报名时带的家属多于新的上限，不能改小');
    for (const r of live) {
      for (const [key, choice] of Object.entries(r.choices)) {
        const option = next.options.find((o) => o.key === key);
        if (!option || !option.choices.includes(choice)) throw conflict('CONFLICT', `已有人选了“${choice}”，这个选项不能删除`);
      }
    }
  }
  if (next.startsAt !== e.startsAt) next.gsi1sk = `${msKey(next.startsAt)}#${e.eventId}`;
  try {
    await transact([
      { Put: { TableName: table(), Item: next, ConditionExpression: 'attribute_exists(pk) AND cancelled = :f', ExpressionAttributeValues: { ':f': false } } },
      {
        Update: {
          TableName: table(),
          Key: EK.seats(e.eventId),
          UpdateExpression: 'SET #capacity = :cap, closesAtMs = :closes',
          ExpressionAttributeNames: { '#capacity': 'capacity' },
          ConditionExpression: 'confirmedSeats <= :cap',
          ExpressionAttributeValues: { ':cap': next.capacity, ':closes': Date.parse(next.signupClosesAt) },
        },
      },
    ]);
  } catch (err) {
    const codes = cancellationCodes(err);
    if (codes?.[0] === 'ConditionalCheckFailed') throw conflict('EVENT_CANCELLED', '活动已取消，不能再修改');
    if (codes?.[1] === 'ConditionalCheckFailed') throw conflict('CONFLICT', '名额不能少于已报名成功的人数');
    throw err;
  }
  if (next.capacity > e.capacity) await promote(next);
  return next;
}

export async function cancelEvent(e: EventRecord): Promise<void> {
  await transact([
    { Update: { TableName: table(), Key: EK.meta(e.eventId), UpdateExpression: 'SET cancelled = :t', ExpressionAttributeValues: { ':t': true } } },
    { Update: { TableName: table(), Key: EK.seats(e.eventId), UpdateExpression: 'SET cancelled = :t', ExpressionAttributeValues: { ':t': true } } },
  ]);
}

/** Tells everyone signed up (confirmed or waiting) that the event changed or was cancelled. */
export async function notifyRegistrants(e: EventRecord, kind: 'eventChanged' | 'eventCancelled'): Promise<number> {
  const regs = (await listRegistrations(e.eventId)).filter((r) => r.status !== 'cancelled');
  const now = new Date().toISOString();
  const notices: Notice[] = regs.map((r) => ({
    memberId: r.memberId,
    orgId: e.orgId,
    kind,
    title: kind === 'eventCancelled' ? `活动取消：${e.title}` : `活动变更：${e.title}`,
    body: kind === 'eventCancelled' ? '很抱歉，该活动已取消。' : `请查看最新安排：${chinaTime(e.startsAt)}，${e.place}。`,
    link: `/pages/event/index?id=${e.eventId}`,
  }));
  await batchPut(notices.flatMap((n) => noticeItems(n, now)));
  await notifier().deliver(notices);
  return notices.length;
}
