import { CareVisit, type CareVisitItem } from '../../entities/careVisit';
import { itemOfType, registerScope } from '../../lib/scopes';

/** Routes on `/care-visits/{visitId}` act on the visit's school and receive the visit. */
declare module '../../lib/scopes' {
  interface ScopeResources {
    careVisit: CareVisitItem;
  }
}

registerScope('careVisit', {
  key: (p) => (p.visitId ? CareVisit.key({ visitId: p.visitId }) : undefined),
  resolve: itemOfType<CareVisitItem>('careVisit'),
});
