import { compose, type TableKey } from './key';

/** 区教育工会: a district union above many schools. */
export interface DistrictAttributes {
  districtId: string;
  name: string;
}
export type DistrictItem = TableKey & { type: 'district' } & DistrictAttributes;

export const District = {
  key: ({ districtId }: Pick<DistrictAttributes, 'districtId'>): TableKey => ({ pk: compose('DIST', districtId), sk: 'META' }),
  item: (a: DistrictAttributes): DistrictItem => ({ ...a, ...District.key(a), type: 'district' }),
};
