import type { CareKind } from '../../shared/schemas/care';
import { compose, inIndex, inIndexRange, type IndexKey, type TableKey } from './key';

/**
 * A 送温暖 visit (五必访: 生病住院, 结婚, 生育, 丧亲, 困难; 退休教师慰问): who was visited, who went,
 * the 慰问金 in fen and any gifts. Committee only, to read too: listed per school through gsi1, by
 * the visit's date (China time, YYYY-MM-DD), so a term's visits are one range query.
 */
export interface CareVisitAttributes {
  visitId: string;
  orgId: string;
  districtId: string;
  memberId: string;
  /** The visited member's name when recorded. */
  memberName: string;
  kind: CareKind;
  date: string;
  giftFen: number;
  note?: string;
  /** Member ids of the visitors, and their names when recorded. */
  visitors: string[];
  visitorNames: string[];
  gifts?: string;
  createdBy: string;
  createdAt: string;
  updatedBy?: string;
  updatedAt?: string;
}
export type CareVisitItem = TableKey & IndexKey & { type: 'careVisit' } & CareVisitAttributes;

/** A date part that sorts after every visit id of that date. */
const END = '~';

export const CareVisit = {
  key: ({ visitId }: Pick<CareVisitAttributes, 'visitId'>): TableKey => ({ pk: compose('CARE', visitId), sk: 'META' }),
  /** Visits of a school, by date. */
  byOrg: {
    pk: ({ orgId }: Pick<CareVisitAttributes, 'orgId'>) => compose('ORG', orgId, 'CARE'),
    sk: ({ date, visitId }: Pick<CareVisitAttributes, 'date' | 'visitId'>) => compose(date, visitId),
  },
  item: (a: CareVisitAttributes): CareVisitItem => ({ ...a, ...CareVisit.key(a), gsi1pk: CareVisit.byOrg.pk(a), gsi1sk: CareVisit.byOrg.sk(a), type: 'careVisit' }),
  queryOfOrg: (orgId: string) => inIndex(CareVisit.byOrg.pk({ orgId })),
  /** Visits of a school dated from `from` to `to` (YYYY-MM-DD), both included. */
  queryOfDates: (orgId: string, from: string, to: string) => inIndexRange(CareVisit.byOrg.pk({ orgId }), compose(from, ''), compose(to, END)),
};
