import { WEEKDAYS, chinaDateTime, chinaParts } from './chinaTime';
/** Pure rules of event sign-up: seats, who gets one, in what order. */

export interface SeatCounters {
  capacity: number;
  confirmedSeats: number;
  waitingCount: number;
}

/** A sign-up takes one seat for the member and one per family member. */
export const seatsFor = (family: number) => 1 + family;

/**
 * A newcomer is confirmed only if their seats fit and nobody is waiting:
 * those past capacity wait in order, and a newcomer never jumps the queue.
 */
export const canConfirm = (c: SeatCounters, seats: number) => c.waitingCount === 0 && c.confirmedSeats + seats <= c.capacity;

/** The head of the waitlist moves up only when all of their seats are free (strict order: nobody behind skips ahead). */
export const canPromote = (c: SeatCounters, headSeats: number) => c.confirmedSeats + headSeats <= c.capacity;

/** A party larger than the whole event could never be served and would block the queue: refused. */
export const fitsAtAll = (capacity: number, seats: number) => seats <= capacity;

export const seatsLeft = (c: SeatCounters) => Math.max(0, c.capacity - c.confirmedSeats);

/** Participants over active members, in percent with one decimal (0 when nobody is active). */
export function participationRate(participants: number, activeMembers: number): number {
  if (activeMembers <= 0) return 0;
  return Math.round((participants * 1000) / activeMembers) / 10;
}

export type EventPhase = 'open' | 'closed' | 'cancelled' | 'past';
export function eventPhase(e: { cancelled: boolean; signupClosesAt: string; startsAt: string }, now: number): EventPhase {
  if (e.cancelled) return 'cancelled';
  if (Date.parse(e.startsAt) <= now) return 'past';
  if (Date.parse(e.signupClosesAt) <= now) return 'closed';
  return 'open';
}

/** A time as people here read it, whatever offset it was written with: 4月12日 周六 08:00. */
export function chinaTime(iso: string): string {
  const p = chinaParts(iso);
  return `${p.month}月${p.day}日 ${WEEKDAYS[p.weekday]} ${chinaDateTime(iso).time}`;
}

/** A check-in may be recorded from the day before the event starts until now (a few minutes of clock skew allowed). */
export const CHECKIN_EARLIEST_MS = 24 * 3600_000;
export function checkinTimeOk(atMs: number, startsAt: string, nowMs: number): boolean {
  return atMs >= Date.parse(startsAt) - CHECKIN_EARLIEST_MS && atMs <= nowMs + 5 * 60_000;
}
