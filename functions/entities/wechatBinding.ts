import { compose, type TableKey } from './key';

/** A WeChat openid bound to a member (at most one each way). */
export interface WechatBindingAttributes {
  openid: string;
  memberId: string;
  boundAt: string;
}
export type WechatBindingItem = TableKey & { type: 'openid' } & Omit<WechatBindingAttributes, 'openid'>;

export const WechatBinding = {
  key: ({ openid }: Pick<WechatBindingAttributes, 'openid'>): TableKey => ({ pk: compose('OPENID', openid), sk: 'META' }),
  item: ({ openid, ...a }: WechatBindingAttributes): WechatBindingItem => ({ ...a, ...WechatBinding.key({ openid }), type: 'openid' }),
};
