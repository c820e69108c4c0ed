import { Event, type EventItem } from '../../entities/event';
import { itemOfType, registerScope } from '../../lib/scopes';

/** Routes on `/events/{eventId}` act on the event's school, and receive the event. */
declare module '../../lib/scopes' {
  interface ScopeResources {
    event: EventItem;
  }
}

registerScope('event', {
  key: (p) => (p.eventId ? Event.key({ eventId: p.eventId }) : undefined),
  resolve: itemOfType<EventItem>('event'),
});
