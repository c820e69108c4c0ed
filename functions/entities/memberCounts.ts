import type { MemberCountFigure } from '../../shared/domain/tally';
import { type TableKey } from './key';
import { Org } from './org';

/**
 * How many members a school has now (active, and retired among them), in the school's own
 * partition: every roster write that adds, deactivates, reactivates or retires a member moves it
 * in the same transaction, so the district's rollup reads it instead of the roster.
 */
export interface MemberCountsAttributes {
  orgId: string;
}
export type MemberCountsItem = TableKey & { type: 'memberCounts'; orgId: string } & Partial<Record<MemberCountFigure, number>>;

export const MemberCounts = {
  key: ({ orgId }: MemberCountsAttributes): TableKey => ({ pk: Org.key({ orgId }).pk, sk: 'MEMBERCOUNTS' }),
};
