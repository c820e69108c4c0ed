import { compose, type TableKey } from './key';
import { Member } from './member';

/** The card or gift of a member's birthday in a year, marked as given by the committee; in the member's partition. */
export interface BirthdayGiftAttributes {
  memberId: string;
  year: number;
  what: 'card' | 'gift' | 'both';
  note?: string;
  givenBy: string;
  givenByName: string;
  at: string;
}
export type BirthdayGiftItem = TableKey & { type: 'birthdayGift' } & BirthdayGiftAttributes;

export const BirthdayGift = {
  key: ({ memberId, year }: Pick<BirthdayGiftAttributes, 'memberId' | 'year'>): TableKey => ({ pk: Member.partition(memberId), sk: compose('BDAY', year) }),
  item: (a: BirthdayGiftAttributes): BirthdayGiftItem => ({ ...a, ...BirthdayGift.key(a), type: 'birthdayGift' }),
};
