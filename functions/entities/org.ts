import { compose, inIndex, type IndexKey, type TableKey } from './key';

/** A school union (学校工会), listed per district through gsi1. */
export interface OrgAttributes {
  orgId: string;
  districtId: string;
  name: string;
  /** The staff congress's current term, e.g. 第九届: given to delegates on import. */
  congressTerm: string;
  createdAt: string;
}
export type OrgItem = TableKey & IndexKey & { type: 'org' } & OrgAttributes;

export const Org = {
  key: ({ orgId }: Pick<OrgAttributes, 'orgId'>): TableKey => ({ pk: compose('ORG', orgId), sk: 'META' }),
  /** Schools of a district. */
  byDistrict: {
    pk: ({ districtId }: Pick<OrgAttributes, 'districtId'>) => compose('DIST', districtId, 'ORGS'),
    sk: ({ orgId }: Pick<OrgAttributes, 'orgId'>) => compose('ORG', orgId),
  },
  item: (a: OrgAttributes): OrgItem => ({ ...a, ...Org.key(a), gsi1pk: Org.byDistrict.pk(a), gsi1sk: Org.byDistrict.sk(a), type: 'org' }),
  /** An org without its index keys: the district's own office is not listed among its schools. */
  unlistedItem: (a: OrgAttributes): TableKey & { type: 'org' } & OrgAttributes => ({ ...a, ...Org.key(a), type: 'org' }),
  queryOfDistrict: (districtId: string) => inIndex(Org.byDistrict.pk({ districtId })),
};
