import * as z from 'zod/mini';
import { Id, IsoDateTime } from './common';

/**
 * An option's key: an identifier, never a name every object already has (`constructor`,
 * `toString`, `__proto__` …), so choices keyed by it can't reach an object's prototype.
 */
export const OptionKey = z.string().check(
  z.trim(),
  z.regex(/^[a-z][a-z0-9_]{0,31}$/, '选项标识只能是小写字母开头的字母、数字或下划线'),
  z.refine((k) => !(k in Object.prototype), '选项标识不能用这个名字'),
);
/** A member's choices: option key → choice. */
export const Choices = z.record(OptionKey, z.string().check(z.maxLength(32)));

export const EventOption = z.strictObject({
  key: OptionKey,
  label: z.string().check(z.trim(), z.minLength(1), z.maxLength(32)),
  choices: z.array(z.string().check(z.trim(), z.minLength(1), z.maxLength(32))).check(z.minLength(1), z.maxLength(20)),
});
export type EventOption = z.infer<typeof EventOption>;

const eventFields = {
  title: z.string().check(z.trim(), z.minLength(1, '请填写活动名称'), z.maxLength(60)),
  place: z.string().check(z.trim(), z.minLength(1, '请填写地点'), z.maxLength(100)),
  startsAt: IsoDateTime,
  signupClosesAt: IsoDateTime,
  capacity: z.int().check(z.gte(1), z.lte(1_000_000)),
  maxFamily: z._default(z.int().check(z.gte(0), z.lte(5)), 0),
  options: z._default(z.array(EventOption).check(z.maxLength(5)), []),
  /** Extensions: free text the committee adds. */
  description: z.optional(z.string().check(z.trim(), z.maxLength(2000))),
  costNote: z.optional(z.string().check(z.trim(), z.maxLength(200))),
};

export const CreateEventBody = z
  .strictObject(eventFields)
  .check(
    z.refine((e) => Date.parse(e.signupClosesAt) <= Date.parse(e.startsAt), { message: '报名截止时间应早于活动开始时间', path: ['signupClosesAt'] }),
    z.refine((e) => new Set(e.options.map((o) => o.key)).size === e.options.length, { message: '选项标识不能重复', path: ['options'] }),
  );
export type CreateEventBody = z.infer<typeof CreateEventBody>;

export const UpdateEventBody = z
  .strictObject({
    title: z.optional(eventFields.title),
    place: z.optional(eventFields.place),
    startsAt: z.optional(IsoDateTime),
    signupClosesAt: z.optional(IsoDateTime),
    capacity: z.optional(eventFields.capacity),
    /** Never below what someone already brings; options may grow, never lose a choice someone took. */
    maxFamily: z.optional(z.int().check(z.gte(0), z.lte(5))),
    options: z.optional(z.array(EventOption).check(z.maxLength(5))),
    description: eventFields.description,
    costNote: eventFields.costNote,
  })
  .check(
    z.refine((b) => Object.keys(b).length > 0, { message: '没有要修改的内容' }),
    z.refine((b) => !b.options || new Set(b.options.map((o) => o.key)).size === b.options.length, { message: '选项标识不能重复', path: ['options'] }),
  );
export type UpdateEventBody = z.infer<typeof UpdateEventBody>;

export const RegistrationStatus = z.enum(['confirmed', 'waitlisted']);
export type RegistrationStatus = z.infer<typeof RegistrationStatus>;

export const MyRegistration = z.object({
  status: RegistrationStatus,
  position: z.optional(z.int()),
  family: z.int(),
  choices: z.record(z.string(), z.string()),
  checkedIn: z.boolean(),
});
export type MyRegistration = z.infer<typeof MyRegistration>;

export const EventState = z.enum(['open', 'closed', 'cancelled', 'past']);
export type EventState = z.infer<typeof EventState>;

export const EventView = z.object({
  eventId: Id,
  orgId: Id,
  title: z.string(),
  place: z.string(),
  startsAt: IsoDateTime,
  signupClosesAt: IsoDateTime,
  capacity: z.int(),
  maxFamily: z.int(),
  options: z.array(EventOption),
  description: z.optional(z.string()),
  costNote: z.optional(z.string()),
  cancelled: z.boolean(),
  state: EventState,
  confirmedSeats: z.int(),
  seatsLeft: z.int(),
  waitlistLength: z.int(),
  me: z.nullable(MyRegistration),
});
export type EventView = z.infer<typeof EventView>;

export const EventList = z.object({ events: z.array(z.extend(z.omit(EventView, { me: true }), { me: z.optional(z.nullable(MyRegistration)) })) });
export type EventList = z.infer<typeof EventList>;

export const RegisterBody = z.strictObject({
  family: z._default(z.int().check(z.gte(0), z.lte(5)), 0),
  choices: z._default(Choices, {}),
});
export type RegisterBody = z.infer<typeof RegisterBody>;

/** Changing one's own sign-up (bus stop, family) without losing one's place. */
export const ChangeRegistrationBody = z
  .strictObject({ family: z.optional(z.int().check(z.gte(0), z.lte(5))), choices: z.optional(Choices) })
  .check(z.refine((b) => b.family !== undefined || b.choices !== undefined, { message: '没有要修改的内容' }));
export type ChangeRegistrationBody = z.infer<typeof ChangeRegistrationBody>;

export const RegisterResult = z.object({ status: RegistrationStatus, position: z.optional(z.int()) });
export type RegisterResult = z.infer<typeof RegisterResult>;

export const RegistrationEntry = z.object({
  memberId: Id,
  name: z.string(),
  groupId: Id,
  groupName: z.optional(z.string()),
  family: z.int(),
  seats: z.int(),
  choices: z.record(z.string(), z.string()),
  registeredAt: IsoDateTime,
  checkedInAt: z.optional(IsoDateTime),
  position: z.optional(z.int()),
});
export type RegistrationEntry = z.infer<typeof RegistrationEntry>;

export const GroupHeadCount = z.object({ groupId: Id, groupName: z.string(), members: z.int(), registered: z.int(), seats: z.int(), checkedIn: z.int() });
export type GroupHeadCount = z.infer<typeof GroupHeadCount>;

export const RegistrationList = z.object({
  confirmed: z.array(RegistrationEntry),
  waitlist: z.array(RegistrationEntry),
  /** Group leader (and committee with ?groupId=): active members of the group who have not signed up. */
  notRegistered: z.optional(z.array(z.object({ memberId: Id, name: z.string() }))),
  byGroup: z.array(GroupHeadCount),
  /** Participants (confirmed people, family not counted) / active members, in percent, one decimal. */
  participationRate: z.number(),
  checkedInCount: z.int(),
});
export type RegistrationList = z.infer<typeof RegistrationList>;

export const CheckinBody = z.strictObject({
  memberId: Id,
  /** For check-ins queued offline: a client nonce and when it happened. */
  nonce: z.optional(z.string().check(z.regex(/^[A-Za-z0-9_-]{8,64}$/))),
  at: z.optional(IsoDateTime),
});
export type CheckinBody = z.infer<typeof CheckinBody>;

export const CheckinResult = z.object({ memberId: Id, name: z.string(), checkedInAt: IsoDateTime, alreadyCheckedIn: z.boolean() });
export type CheckinResult = z.infer<typeof CheckinResult>;

/** DELETE /events/{eventId}/checkins/{memberId}: a check-in made by mistake, undone. */
export const UndoCheckinResult = z.object({ memberId: Id, name: z.string(), checkedIn: z.literal(false) });
export type UndoCheckinResult = z.infer<typeof UndoCheckinResult>;

export const Message = z.object({ messageId: z.string(), at: IsoDateTime, title: z.string(), body: z.string(), link: z.optional(z.string()), read: z.boolean() });
export type Message = z.infer<typeof Message>;

/** GET /me/registrations: 我的报名. */
export const MyRegistrationList = z.object({
  registrations: z.array(
    z.object({ eventId: Id, status: RegistrationStatus, family: z.int(), choices: z.record(z.string(), z.string()), checkedIn: z.boolean(), registeredAt: IsoDateTime }),
  ),
});
export type MyRegistrationList = z.infer<typeof MyRegistrationList>;

/** GET /me/messages: newest first, with the unread count. */
export const MessageList = z.object({ messages: z.array(Message), unread: z.int() });
export type MessageList = z.infer<typeof MessageList>;
