import { AidCase, type AidCaseItem } from '../../entities/aidCase';
import { itemOfType, registerScope } from '../../lib/scopes';

/** Routes on `/aid-cases/{caseId}` act on the case's school and receive the case. */
declare module '../../lib/scopes' {
  interface ScopeResources {
    aidCase: AidCaseItem;
  }
}

registerScope('aidCase', {
  key: (p) => (p.caseId ? AidCase.key({ caseId: p.caseId }) : undefined),
  resolve: itemOfType<AidCaseItem>('aidCase'),
});
