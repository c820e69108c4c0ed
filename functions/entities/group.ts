import { compose, inPartition, type TableKey } from './key';
import { Org } from './org';

/** A union group (工会小组) of a school, with its leader. Lives in the school's partition. */
export interface GroupAttributes {
  orgId: string;
  groupId: string;
  name: string;
  leaderId?: string;
  createdAt: string;
}
export type GroupItem = TableKey & { type: 'group' } & GroupAttributes;

const PREFIX = 'GROUP';
export const Group = {
  key: ({ orgId, groupId }: Pick<GroupAttributes, 'orgId' | 'groupId'>): TableKey => ({ pk: Org.key({ orgId }).pk, sk: compose(PREFIX, groupId) }),
  item: (a: GroupAttributes): GroupItem => ({ ...a, ...Group.key(a), type: 'group' }),
  queryOfOrg: (orgId: string) => inPartition(Org.key({ orgId }).pk, compose(PREFIX, '')),
};
