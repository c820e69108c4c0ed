import { compose, inPartition, type TableKey } from './key';
import { Org } from './org';

/** The claim on a 工号 within a school: written with the member, so two imports never make one person twice. */
export interface StaffNoAttributes {
  orgId: string;
  staffNo: string;
  memberId: string;
}
export type StaffNoItem = TableKey & { type: 'staffNo'; memberId: string };

export const StaffNo = {
  key: ({ orgId, staffNo }: Pick<StaffNoAttributes, 'orgId' | 'staffNo'>): TableKey => ({ pk: Org.key({ orgId }).pk, sk: compose('STAFFNO', staffNo) }),
  item: (a: StaffNoAttributes): StaffNoItem => ({ ...StaffNo.key(a), type: 'staffNo', memberId: a.memberId }),
  /** Every 工号 claimed in a school (its own partition: can be read consistently, unlike gsi1). */
  queryOfOrg: (orgId: string) => inPartition(Org.key({ orgId }).pk, compose('STAFFNO', '')),
};
