import { compose, inIndex, msPart, type IndexKey, type TableKey } from './key';
import { Event } from './event';

/** One member's sign-up for an event (at most one each), listed per member through gsi1. */
export interface RegistrationAttributes {
  eventId: string;
  memberId: string;
  name: string;
  groupId: string;
  family: number;
  seats: number;
  choices: Record<string, string>;
  status: 'confirmed' | 'waitlisted' | 'cancelled';
  /** While waiting: the key of the member's waitlist entry. */
  waitKey?: string;
  registeredAt: string;
  /** The event's start, for the member's list (我的报名, newest first). */
  startsAt: string;
  checkedInAt?: string;
  checkinNonce?: string;
  cancelledAt?: string;
  promotedAt?: string;
}
export type RegistrationItem = TableKey & IndexKey & { type: 'registration' } & RegistrationAttributes;

const PREFIX = 'REG';
export const Registration = {
  key: ({ eventId, memberId }: Pick<RegistrationAttributes, 'eventId' | 'memberId'>): TableKey => ({ pk: Event.partition(eventId), sk: compose(PREFIX, memberId) }),
  /** A member's registrations, by the event's start time. */
  byMember: {
    pk: ({ memberId }: Pick<RegistrationAttributes, 'memberId'>) => compose('MEMBER', memberId, 'REGS'),
    sk: ({ startsAt, eventId }: Pick<RegistrationAttributes, 'startsAt' | 'eventId'>) => compose(msPart(startsAt), eventId),
  },
  item: (a: RegistrationAttributes): RegistrationItem => ({ ...a, ...Registration.key(a), gsi1pk: Registration.byMember.pk(a), gsi1sk: Registration.byMember.sk(a), type: 'registration' }),
  queryOfEvent: (eventId: string) => Event.queryPart(eventId, compose(PREFIX, '')),
  queryOfMember: (memberId: string) => inIndex(Registration.byMember.pk({ memberId })),
};
