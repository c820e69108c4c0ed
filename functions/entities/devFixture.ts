import { compose, type TableKey } from './key';

/** Local-stage fixtures only: the demo school `npm start` shows, and every seeded school. */
export interface DemoAttributes {
  orgId: string;
  orgName: string;
}
export const DevDemo = {
  key: (): TableKey => ({ pk: compose('DEV', 'DEMO'), sk: 'META' }),
  item: (a: DemoAttributes) => ({ ...a, ...DevDemo.key() }),
};
export const DevSeededOrg = {
  key: ({ orgId, createdAt }: { orgId: string; createdAt: string }): TableKey => ({ pk: compose('DEV', 'ORGS'), sk: compose(createdAt, orgId) }),
  item: (a: { orgId: string; name: string; createdAt: string }) => ({ ...a, ...DevSeededOrg.key(a) }),
};
