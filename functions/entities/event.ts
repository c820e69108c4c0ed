import type { EventOption } from '../../shared/schemas/events';
import { compose, inIndex, inIndexTimes, inPartition, msPart, type IndexKey, type TableKey } from './key';

/**
 * An event the committee published (活动). Its partition also holds its seat counters,
 * registrations and waitlist (see seats.ts, registration.ts, waitEntry.ts, waitSecond.ts).
 * Listed per school through gsi1, by start time.
 */
export interface EventAttributes {
  eventId: string;
  orgId: string;
  districtId: string;
  title: string;
  place: string;
  startsAt: string;
  signupClosesAt: string;
  capacity: number;
  maxFamily: number;
  options: EventOption[];
  description?: string;
  costNote?: string;
  cancelled: boolean;
  createdBy: string;
  createdAt: string;
}
export type EventItem = TableKey & IndexKey & { type: 'event' } & EventAttributes;

export const Event = {
  partition: (eventId: string) => compose('EVENT', eventId),
  key: ({ eventId }: Pick<EventAttributes, 'eventId'>): TableKey => ({ pk: Event.partition(eventId), sk: 'META' }),
  /** Events of a school, by start time. */
  byOrg: {
    pk: ({ orgId }: Pick<EventAttributes, 'orgId'>) => compose('ORG', orgId, 'EVENTS'),
    sk: ({ startsAt, eventId }: Pick<EventAttributes, 'startsAt' | 'eventId'>) => compose(msPart(startsAt), eventId),
  },
  item: (a: EventAttributes): EventItem => ({ ...a, ...Event.key(a), gsi1pk: Event.byOrg.pk(a), gsi1sk: Event.byOrg.sk(a), type: 'event' }),
  queryOfOrg: (orgId: string) => inIndex(Event.byOrg.pk({ orgId })),
  /** Those of a school starting from `startMs` to `endMs`, both included (the term report). */
  queryOfOrgBetween: (orgId: string, startMs: number, endMs: number) => inIndexTimes(Event.byOrg.pk({ orgId }), startMs, endMs),
  /** Everything in the event's partition, or what sorts under `prefix` (see the item modules). */
  queryPart: (eventId: string, prefix?: string) => inPartition(Event.partition(eventId), prefix),
};
