import { Seats } from '../../entities/seats';
import { WaitSecond } from '../../entities/waitSecond';
import { update, type TransactItem } from '../../lib/db';

/**
 * The seat rules of shared/domain/events.ts, as conditions on the seat counters: a transaction
 * that changes seats commits only where the rule still holds, whatever happened since it read.
 */
export interface Condition {
  expr: string;
  names?: Record<string, string>;
  values?: Record<string, unknown>;
}

export const and = (...parts: (Condition | false | undefined)[]): Condition => {
  const cs = parts.filter((c): c is Condition => Boolean(c));
  return { expr: cs.map((c) => c.expr).join(' AND '), names: Object.assign({}, ...cs.map((c) => c.names)), values: Object.assign({}, ...cs.map((c) => c.values)) };
};

/** `seats` more fit under the capacity read (and the capacity is still the one read). */
export const fits = (capacity: number, seats: number): Condition => ({
  expr: '#capacity = :cap AND confirmedSeats <= :lim',
  names: { '#capacity': 'capacity' },
  values: { ':cap': capacity, ':lim': capacity - seats },
});
/** …or they don't, or someone already waits: a newcomer joins the queue. */
export const mustWait = (capacity: number, seats: number): Condition => ({
  expr: '#capacity = :cap AND (confirmedSeats > :lim OR waitingCount > :zero)',
  names: { '#capacity': 'capacity' },
  values: { ':cap': capacity, ':lim': capacity - seats, ':zero': 0 },
});
/** A new capacity (`#capacity`, `:newCap`) never undercuts the seats already confirmed. */
export const holdsConfirmed = (capacity: number): Condition => ({ expr: 'confirmedSeats <= :newCap', names: { '#capacity': 'capacity' }, values: { ':newCap': capacity } });
export const nobodyWaits: Condition = { expr: 'waitingCount = :zero', values: { ':zero': 0 } };
/** Exactly as many wait as were read: then the newcomer's place is that many plus one. */
export const waitingExactly = (n: number): Condition => ({ expr: 'waitingCount = :waiting', values: { ':waiting': n } });
/** A new waitlist key sorts after every key already in the queue. */
export const tailBefore = (waitKey: string): Condition => ({ expr: '(attribute_not_exists(waitTail) OR waitTail < :key)', values: { ':key': waitKey } });
export const openAt = (now: number): Condition => ({ expr: 'closesAtMs > :now AND cancelled = :f', values: { ':now': now, ':f': false } });

/** An update of the seat counters under a condition; a refusal hands back the counters as they are. */
export function onSeats(eventId: string, UpdateExpression: string, condition?: Condition, values: Record<string, unknown> = {}): TransactItem {
  const names = condition?.names && Object.keys(condition.names).length ? condition.names : undefined;
  const allValues = { ...condition?.values, ...values };
  return update(Seats.key({ eventId }), {
    UpdateExpression,
    ...(condition ? { ConditionExpression: condition.expr, ReturnValuesOnConditionCheckFailure: 'ALL_OLD' as const } : {}),
    ...(names ? { ExpressionAttributeNames: names } : {}),
    ...(Object.keys(allValues).length ? { ExpressionAttributeValues: allValues } : {}),
  });
}

/** One more (or one fewer) waiting in the arrival second of `waitKey` (see WaitSecond). */
export const bucketChange = (eventId: string, waitKey: string, by: 1 | -1): TransactItem =>
  update(WaitSecond.key({ eventId, second: WaitSecond.secondOf(waitKey) }), { UpdateExpression: 'ADD n :by', ExpressionAttributeValues: { ':by': by } });
