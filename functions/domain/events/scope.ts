import { Event, type EventItem } from '../../entities/event';
import { registerScope } from '../../lib/scopes';

/** Routes on `/events/{eventId}` act on the event's school, and receive the event. */
declare module '../../lib/scopes' {
  interface ScopeResources {
    event: EventItem;
  }
}

registerScope('event', {
  key: (p) => (p.eventId ? Event.key({ eventId: p.eventId }) : undefined),
  resolve: (item) => (item.type === 'event' ? { orgId: item.orgId as string, districtId: item.districtId as string, resource: item as unknown as EventItem } : undefined),
});
