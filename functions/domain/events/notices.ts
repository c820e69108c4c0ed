import { chinaTime } from '../../../shared/domain/events';
import type { EventItem } from '../../entities/event';
import type { FanoutNotice } from '../fanout';
import type { Notice } from '../../lib/notifier';

/** What members are told about events, in Chinese, with a link to the event's page. */

/** The event's page in the mini-program (its own sub-package). */
export const eventLink = (eventId: string) => `/event/detail/index?id=${eventId}`;

export const promotedNotice = (e: EventItem, memberId: string): Notice => ({
  memberId,
  orgId: e.orgId,
  kind: 'promoted',
  title: `候补成功：${e.title}`,
  body: `有人退出，您已从候补转为报名成功。活动时间 ${chinaTime(e.startsAt)}，地点 ${e.place}。`,
  link: eventLink(e.eventId),
});

export const changedNotice = (e: EventItem): FanoutNotice => ({
  orgId: e.orgId,
  kind: 'eventChanged',
  title: `活动变更：${e.title}`,
  body: `请查看最新安排：${chinaTime(e.startsAt)}，${e.place}。`,
  link: eventLink(e.eventId),
});

export const cancelledNotice = (e: EventItem): FanoutNotice => ({
  orgId: e.orgId,
  kind: 'eventCancelled',
  title: `活动取消：${e.title}`,
  body: '很抱歉，该活动已取消。',
  link: eventLink(e.eventId),
});
