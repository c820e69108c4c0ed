import { compose, inRange, type TableKey } from './key';
import { Event } from './event';
import { WaitEntry } from './waitEntry';

/**
 * How many wait in the queue who arrived in one second. Kept by the same transactions that add
 * and remove waitlist entries, so a position is the sum of earlier seconds plus a count within
 * one second, never a count of everyone ahead.
 */
export interface WaitSecondAttributes {
  eventId: string;
  /** The first 12 of a wait key's 15 millisecond digits. */
  second: string;
  n: number;
}

const PREFIX = 'WAITSEC';
export const WaitSecond = {
  secondOf: (waitKey: string) => waitKey.slice(0, 12),
  key: ({ eventId, second }: Pick<WaitSecondAttributes, 'eventId' | 'second'>): TableKey => ({ pk: Event.partition(eventId), sk: compose(PREFIX, second) }),
  /**
   * What a waitlist position is counted from, in one query: the waitlist entries from the start of
   * `waitKey`'s second onwards, and the counters of every earlier second. (The partition sorts
   * WAIT#… before WAITSEC#…, so one range holds both.)
   */
  queryPosition: (eventId: string, waitKey: string) => {
    const second = WaitSecond.secondOf(waitKey);
    const before = String(Number(second) - 1).padStart(second.length, '0');
    return inRange(Event.partition(eventId), WaitEntry.key({ eventId, waitKey: second }).sk, WaitSecond.key({ eventId, second: before }).sk);
  },
};
