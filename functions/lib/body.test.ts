import { describe, expect, it } from 'vitest';
import { DevSeedBody, BindBody, WechatLoginBody } from '../../shared/schemas/auth';
import { NoBody } from '../../shared/schemas/common';
import { CheckinBody, CreateEventBody, RegisterBody, UpdateEventBody } from '../../shared/schemas/events';
import { IssueInvitesBody, UpdateMemberBody } from '../../shared/schemas/member';
import { parseBody } from './body';

const event = { title: 't', place: 'p', startsAt: '2027-04-12T08:00:00+08:00', signupClosesAt: '2027-04-10T08:00:00+08:00', capacity: 5 };
const json = JSON.stringify;
const refusal = (raw: string | undefined, schema: Parameters<typeof parseBody>[1]) => {
  try {
    parseBody(raw, schema);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('accepted');
};

/** The sentences the schemas' refusals read as (pinned when the schemas moved from zod to zod/mini). */
describe('parseBody', () => {
  it.each([
    ['{"extra":1,"more":2}', NoBody, '不认识的字段：extra、more'],
    ['{', NoBody, '请求体不是合法的 JSON'],
    ['{"code":""}', WechatLoginBody, '字段“code”太短，至少 1'],
    [json({ code: 'x'.repeat(129) }), WechatLoginBody, '字段“code”太长，最多 128'],
    ['{}', WechatLoginBody, '字段“code”缺失'],
    ['{"code":5}', WechatLoginBody, '字段“code”类型不正确'],
    ['[]', NoBody, '请求体类型不正确'],
    ['{"bindingToken":"t","inviteCode":"6zxw y4u"}', BindBody, '字段“inviteCode”：邀请码为 8 位字母或数字'],
    ['{"members":9}', DevSeedBody, '字段“members”不能小于 10'],
    ['{"members":20,"delegates":21}', DevSeedBody, '字段“delegates”：代表人数不能超过会员人数'],
    [json({ ...event, title: '  ' }), CreateEventBody, '字段“title”太短，至少 1'],
    [json({ ...event, signupClosesAt: '2027-04-13T08:00:00+08:00' }), CreateEventBody, '字段“signupClosesAt”：报名截止时间应早于活动开始时间'],
    [json({ ...event, startsAt: '2027-04-12 08:00' }), CreateEventBody, '字段“startsAt”的值不正确'],
    [json({ ...event, maxFamily: 6 }), CreateEventBody, '字段“maxFamily”不能大于 5'],
    [json({ ...event, options: [{ key: 'a', label: 'l', choices: [] }] }), CreateEventBody, '字段“options.0.choices”太短，至少 1'],
    [json({ ...event, options: [{ key: ' a ', label: 'l', choices: ['x'] }, { key: 'a', label: 'l', choices: ['y'] }] }), CreateEventBody, '字段“options”：选项标识不能重复'],
    ['{}', UpdateEventBody, '请求体：没有要修改的内容'],
    ['{"family":-1}', RegisterBody, '字段“family”不能小于 0'],
    ['{"phone":"123"}', UpdateMemberBody, '字段“phone”：手机号应为 11 位中国大陆手机号'],
    ['{"format":"csv"}', IssueInvitesBody, '字段“format”的值不正确'],
    ['{"memberIds":[]}', IssueInvitesBody, '字段“memberIds”太短，至少 1'],
    ['{"memberId":"ab"}', CheckinBody, '字段“memberId”：id 格式不正确'],
  ])('%s refused with one Chinese sentence', (raw, schema, message) => {
    expect(refusal(raw, schema)).toBe(message);
  });

  it('applies defaults, trims and normalises what it accepts', () => {
    expect(parseBody(undefined, NoBody)).toEqual({});
    expect(parseBody('', DevSeedBody)).toEqual({ members: 60, delegates: 20 });
    expect(parseBody('{}', RegisterBody)).toEqual({ family: 0, choices: {} });
    expect(parseBody(json({ ...event, title: ' 春游 ' }), CreateEventBody)).toEqual({ ...event, title: '春游', maxFamily: 0, options: [] });
    expect(parseBody('{"bindingToken":"t","inviteCode":"6zxw-y4ua"}', BindBody)).toEqual({ bindingToken: 't', inviteCode: '6ZXWY4UA' });
    expect(parseBody('{"name":" 李四 ","phone":""}', UpdateMemberBody)).toEqual({ name: '李四', phone: '' });
  });
});
