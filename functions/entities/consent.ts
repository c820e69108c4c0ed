import { compose, type TableKey } from './key';
import { Member } from './member';

/** A member's consent to a version of the privacy notice. */
export interface ConsentAttributes {
  memberId: string;
  version: string;
  at: string;
}
export type ConsentItem = TableKey & { type: 'consent'; version: string; at: string };

export const Consent = {
  key: ({ memberId, version }: Pick<ConsentAttributes, 'memberId' | 'version'>): TableKey => ({ pk: Member.key({ memberId }).pk, sk: compose('CONSENT', version) }),
  item: (a: ConsentAttributes): ConsentItem => ({ ...Consent.key(a), type: 'consent', version: a.version, at: a.at }),
};
