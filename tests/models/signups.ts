import { canConfirm, fitsAtAll } from '../../shared/domain/events';

/**
 * The reference model for property tests: the state after applying sign-ups and cancellations
 * one at a time, in order. Returns confirmed members and the waitlist in order.
 */
export function modelSignups(capacity: number, ops: ({ op: 'register'; member: string; seats: number } | { op: 'cancel'; member: string })[]) {
  let confirmed = new Map<string, number>();
  let waitlist: { member: string; seats: number }[] = [];
  const used = () => [...confirmed.values()].reduce((a, b) => a + b, 0);
  const promote = () => {
    while (waitlist.length && used() + waitlist[0]!.seats <= capacity) {
      const head = waitlist.shift()!;
      confirmed.set(head.member, head.seats);
    }
  };
  for (const o of ops) {
    if (o.op === 'register') {
      if (confirmed.has(o.member) || waitlist.some((w) => w.member === o.member) || !fitsAtAll(capacity, o.seats)) continue;
      if (canConfirm({ capacity, confirmedSeats: used(), waitingCount: waitlist.length }, o.seats)) confirmed.set(o.member, o.seats);
      else waitlist.push({ member: o.member, seats: o.seats });
    } else {
      confirmed.delete(o.member);
      waitlist = waitlist.filter((w) => w.member !== o.member);
      promote();
    }
  }
  confirmed = new Map(confirmed);
  return { confirmed, waitlist };
}
