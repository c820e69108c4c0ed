import { BindBody, WechatLoginBody } from '../../shared/schemas/auth';
import { memberOfOpenid, redeemInvite } from '../domain/invites';
import { getMember } from '../domain/members';
import { config } from '../lib/config';
import { unauthenticated } from '../lib/errors';
import { defineApi, ok } from '../lib/http';
import { LIMITS, rateLimit } from '../lib/rateLimit';
import { issueBindingToken, issueSession, readBindingToken } from '../lib/tokens';
import { wechatClient } from '../lib/wechat';

const TOO_OFTEN = '登录太频繁，请稍后再试';

const wechat = () => {
  const c = config();
  return wechatClient({ baseUrl: c.wechatApiBase, appId: c.wechatAppId, secret: c.wechatSecret });
};

export const handler = defineApi({
  'POST /auth/wechat-login': async ({ body, event }) => {
    const { code } = body(WechatLoginBody);
    await rateLimit({ action: 'login', who: event.requestContext.http.sourceIp }, LIMITS.loginPerAddress, TOO_OFTEN);
    const { openid } = await wechat().code2Session(code);
    await rateLimit({ action: 'login', who: openid }, LIMITS.loginPerOpenid, TOO_OFTEN);
    const memberId = await memberOfOpenid(openid);
    const member = memberId ? await getMember(memberId) : undefined;
    if (member?.active) return ok({ token: await issueSession(member.memberId) });
    if (member) throw unauthenticated('账号已停用，请联系工会');
    return ok({ bindingToken: await issueBindingToken(openid), needsBinding: true });
  },
  'POST /auth/bind': async ({ body, event }) => {
    const { bindingToken, inviteCode } = body(BindBody);
    await rateLimit({ action: 'bind', who: event.requestContext.http.sourceIp }, LIMITS.bindPerAddress, '尝试次数太多，请 10 分钟后再试');
    const openid = await readBindingToken(bindingToken);
    if (!openid) throw unauthenticated('绑定已超时，请重新进入小程序');
    await rateLimit({ action: 'bind', who: openid }, LIMITS.bindPerOpenid, '尝试次数太多，请 10 分钟后再试');
    const memberId = await redeemInvite(openid, inviteCode, new Date());
    return ok({ token: await issueSession(memberId) });
  },
});
