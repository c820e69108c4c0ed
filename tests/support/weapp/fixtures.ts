/**
 * What the sandbox's `wx.request` answers: one school with its groups and members, an open event
 * with the signed-in member's registration, a past event, messages, audit entries and the district.
 *
 * Every body is typed with, and checked at answer time against, the API's own zod schemas in
 * shared/schemas: a fixture the real API could never send would make a page pass for nothing.
 */
import * as z from 'zod/mini';
import { ErrorBody, Ok } from '../../../shared/schemas/common';
import {
  EventList,
  EventView,
  MessageList,
  MyRegistrationList,
  RegistrationList,
  type EventOption,
  type MyRegistration,
} from '../../../shared/schemas/events';
import {
  AuditList,
  DistrictOrgs,
  MeResult,
  MemberList,
  OrgInfo,
  type Group,
  type Member,
} from '../../../shared/schemas/member';
import { CampaignView, DistrictRollup, DonationView, HonorRoll, MyDonations } from '../../../shared/schemas/donations';
import { DistrictReport } from '../../../shared/schemas/district';
import { districtTotals, schoolRow } from '../../../shared/domain/tally';
import { termLabel as termName, termOf as termNow, termRange } from '../../../shared/domain/term';
import { BallotList, BallotResults, BallotView } from '../../../shared/schemas/ballots';
import { AidCaseList, AidCaseView, FundView, LedgerView } from '../../../shared/schemas/aid';
import { termLabel, termOf } from '../../../shared/domain/aid';
import { ProposalCategory, ProposalView } from '../../../shared/schemas/proposals';
import { ROUTES as APP_ROUTES } from '../../../miniapp/src/lib/routes';
import type { CareVisitView } from '../../../shared/schemas/care';
import type { NoticeView } from '../../../shared/schemas/notices';
import type { TermFigures } from '../../../functions/domain/report/term';

/** ISO 8601 at +08:00 (as the API writes them), `days` from when the tests started. */
function isoInDays(days: number, hour = 9): string {
  const d = new Date(Date.now() + days * 86_400_000);
  const beijing = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), hour, 0, 0));
  return beijing.toISOString().replace(/\.\d{3}Z$/, '+08:00');
}

export const SCHOOL = { orgId: 'org-hongxing', name: '红星小学', districtId: 'dist-qingshan', congressTerm: '第五届' } as const;
export const DISTRICT = { districtId: SCHOOL.districtId, name: '青山区教育工会', officeOrgId: 'org-qingshan-office' } as const;

export const GROUPS: Group[] = [
  { groupId: 'grp-yuwen', name: '语文组', leaderId: 'm-wang-xiulan' },
  { groupId: 'grp-shuxue', name: '数学组', leaderId: 'm-chen-jing' },
];

const member = (m: Partial<Member> & Pick<Member, 'memberId' | 'name' | 'groupId' | 'roles'>): Member => ({
  orgId: SCHOOL.orgId,
  groupName: GROUPS.find((g) => g.groupId === m.groupId)?.name,
  retired: false,
  active: true,
  ...m,
});

/** The signed-in member: 工会主席, also a 教代会代表 and the 语文组's 小组长. */
export const CHAIR = member({
  memberId: 'm-wang-xiulan',
  name: '王秀兰',
  staffNo: 'T1001',
  groupId: 'grp-yuwen',
  roles: ['member', 'groupLeader', 'delegate', 'chair'],
  delegateTerm: '第五届',
  phone: '13800000001',
  birthDate: '1975-03-08',
});

export const MEMBERS: Member[] = [
  CHAIR,
  member({ memberId: 'm-li-ming', name: '李明', staffNo: 'T1002', groupId: 'grp-yuwen', roles: ['member'], phone: '13800000002' }),
  member({ memberId: 'm-chen-jing', name: '陈静', staffNo: 'T1003', groupId: 'grp-shuxue', roles: ['member', 'groupLeader', 'committee'] }),
  member({ memberId: 'm-liu-qiang', name: '刘强', staffNo: 'T1004', groupId: 'grp-shuxue', roles: ['member'], retired: true }),
  member({ memberId: 'm-zhou-li', name: '周丽', staffNo: 'T1005', groupId: 'grp-shuxue', roles: ['member'], active: false }),
];

/** 孙红, the school's treasurer (经审/财务). */
export const TREASURER = member({ memberId: 'm-sun-hong', name: '孙红', staffNo: 'T1006', groupId: 'grp-yuwen', roles: ['member', 'treasurer'] });

/** Stopped by mistake: the chair sees 恢复 on her page. */
export const INACTIVE = MEMBERS[4]!;

/** The committee's member list also says who has bound WeChat (the chair has; nobody else yet). */
const withWechat = (m: Member): Member => ({ ...m, wechatBound: m.memberId === CHAIR.memberId });

/** 区教育工会管理员, of the district office: the one who may open 全区学校. */
export const DISTRICT_ADMIN = member({
  memberId: 'm-zhao-jianguo',
  name: '赵建国',
  orgId: DISTRICT.officeOrgId,
  groupId: 'grp-office',
  groupName: '区工会办公室',
  roles: ['member', 'districtAdmin'],
});

const CONSENT = { required: false, version: '2025-01', text: '我们只保存工会工作需要的信息：姓名、工号、手机号、所在小组。' };

const me = (m: Member, orgName: string): z.infer<typeof MeResult> => ({ member: { ...m, orgName, districtId: DISTRICT.districtId }, consent: CONSENT });

/** Who a bearer token stands for (the sandbox's storage holds one of these). */
export const PEOPLE = {
  chair: { token: 'fixture-token-chair', me: me(CHAIR, SCHOOL.name) },
  districtAdmin: { token: 'fixture-token-district', me: me(DISTRICT_ADMIN, DISTRICT.name) },
  /** 经审/财务: confirms or returns each gift on a campaign's page. */
  treasurer: { token: 'fixture-token-treasurer', me: me(TREASURER, SCHOOL.name) },
} as const;
export type Person = keyof typeof PEOPLE;

const BUS: EventOption = { key: 'bus', label: '上车点', choices: ['学校东门', '青山地铁站'] };
const MY_REGISTRATION: MyRegistration = { status: 'confirmed', family: 1, choices: { bus: '学校东门' }, checkedIn: false };

/** Open for sign-up; the chair has signed up with one family member. */
export const OPEN_EVENT: z.infer<typeof EventView> = {
  eventId: 'ev-spring-outing',
  orgId: SCHOOL.orgId,
  title: '春季踏青：东湖绿道',
  place: '东湖绿道南门',
  startsAt: isoInDays(14, 8),
  signupClosesAt: isoInDays(7, 18),
  capacity: 40,
  maxFamily: 2,
  options: [BUS],
  description: '沿湖步行约 8 公里，中午在磨山野餐。',
  costNote: '工会承担车费与午餐',
  cancelled: false,
  state: 'open',
  confirmedSeats: 12,
  seatsLeft: 28,
  waitlistLength: 0,
  me: MY_REGISTRATION,
};

export const PAST_EVENT: z.infer<typeof EventView> = {
  ...OPEN_EVENT,
  eventId: 'ev-health-check',
  title: '教职工年度体检',
  place: '区人民医院体检中心',
  startsAt: isoInDays(-30, 8),
  signupClosesAt: isoInDays(-35, 18),
  maxFamily: 0,
  options: [],
  description: undefined,
  costNote: undefined,
  state: 'past',
  confirmedSeats: 35,
  seatsLeft: 5,
  me: null,
};

/** Open, and the chair has not signed up: 首页 offers it under 可以报名. */
export const FILM_EVENT: z.infer<typeof EventView> = {
  ...OPEN_EVENT,
  eventId: 'ev-film',
  title: '三八节观影',
  place: '青山影城 3 号厅',
  startsAt: isoInDays(10, 19),
  signupClosesAt: isoInDays(8, 18),
  maxFamily: 0,
  options: [],
  confirmedSeats: 20,
  seatsLeft: 20,
  me: null,
};

const EVENTS = [OPEN_EVENT, PAST_EVENT, FILM_EVENT];

export const MESSAGES: z.infer<typeof MessageList> = {
  messages: [
    {
      messageId: 'msg-0002',
      at: isoInDays(-1, 10),
      title: '活动时间变更：春季踏青',
      body: '集合时间改为早上 8 点，地点不变。',
      link: APP_ROUTES.event(OPEN_EVENT.eventId),
      read: false,
    },
    { messageId: 'msg-0001', at: isoInDays(-3, 10), title: '报名成功：春季踏青', body: '您已报名，携家属 1 位。', read: true },
  ],
  unread: 1,
};

export const AUDIT: z.infer<typeof AuditList> = {
  entries: [
    {
      at: isoInDays(-1, 15),
      actorId: CHAIR.memberId,
      actorName: CHAIR.name,
      action: 'PATCH /members/{memberId}',
      target: { memberId: 'm-li-ming' },
      detail: { fields: ['phone'], changes: { phone: ['138****0002', '139****1234'] } },
    },
    {
      at: isoInDays(-1, 14),
      actorId: CHAIR.memberId,
      actorName: CHAIR.name,
      action: 'POST /members/{memberId}/reactivate',
      target: { memberId: 'm-liu-qiang' },
      detail: { name: '刘强' },
    },
    {
      at: isoInDays(-1, 13),
      actorId: CHAIR.memberId,
      actorName: CHAIR.name,
      action: 'DELETE /events/{eventId}/checkins/{memberId}',
      target: { eventId: PAST_EVENT.eventId, memberId: 'm-li-ming' },
      detail: { memberId: 'm-li-ming', undo: true },
    },
    {
      at: isoInDays(-2, 11),
      actorId: CHAIR.memberId,
      actorName: CHAIR.name,
      action: 'POST /orgs/{orgId}/roster/import',
      target: { orgId: SCHOOL.orgId },
      detail: { created: 3, updated: 1, unchanged: 40 },
    },
  ],
};

const registration = (m: Member, family: number, days: number) => ({
  memberId: m.memberId,
  name: m.name,
  groupId: m.groupId,
  groupName: m.groupName,
  family,
  seats: 1 + family,
  choices: { bus: '学校东门' },
  registeredAt: isoInDays(days, 20),
});

export const REGISTRATIONS: z.infer<typeof RegistrationList> = {
  confirmed: [registration(CHAIR, 1, -3), registration(MEMBERS[1]!, 0, -2)],
  waitlist: [],
  notRegistered: [],
  byGroup: [
    { groupId: 'grp-yuwen', groupName: '语文组', members: 2, registered: 2, seats: 3, checkedIn: 0 },
    { groupId: 'grp-shuxue', groupName: '数学组', members: 2, registered: 0, seats: 0, checkedIn: 0 },
  ],
  participationRate: 50,
  checkedInCount: 0,
};

export const DISTRICT_ORGS: z.infer<typeof DistrictOrgs> = {
  districtId: DISTRICT.districtId,
  name: DISTRICT.name,
  orgs: [
    { orgId: SCHOOL.orgId, name: SCHOOL.name },
    { orgId: 'org-qingshan-zhongxue', name: '青山中学' },
  ],
};

export interface FixtureRequest {
  method: string;
  /** The path without the API base or the query string, e.g. /events/ev-1. */
  path: string;
  query: URLSearchParams;
  params: Record<string, string>;
  body: unknown;
  person: Person | undefined;
}

export interface FixtureResponse {
  statusCode: number;
  data: unknown;
}

const NOT_FOUND = Symbol('not found');

interface Route {
  method: string;
  pattern: string;
  schema: z.ZodMiniType;
  answer: (r: FixtureRequest) => unknown;
  /** Answers without a session (the login routes). */
  open?: boolean;
}

function route<S extends z.ZodMiniType>(
  method: string,
  pattern: string,
  schema: S,
  answer: (r: FixtureRequest) => z.input<S> | typeof NOT_FOUND,
  open = false,
): Route {
  return { method, pattern, schema, answer, open };
}

/** 一日捐 running: ¥1,250.50 confirmed of a ¥3,000.00 goal; the chair gave ¥100.00, confirmed. */
export const CAMPAIGN: z.infer<typeof CampaignView> = {
  campaignId: 'cp-yirijuan',
  orgId: SCHOOL.orgId,
  title: '2026 年“一日捐”慈善捐款',
  kind: 'day-pay',
  description: '捐款用于帮扶本区困难教职工和学生。',
  closesAt: isoInDays(10, 18),
  goalFen: 300_000,
  state: 'open',
  createdAt: isoInDays(-5, 9),
  confirmedFen: 125_050,
  recordedFen: 135_050,
  donorCount: 4,
  giftCount: 4,
  confirmedCount: 3,
};

/** 金秋助学, closed last year. */
export const CLOSED_CAMPAIGN: z.infer<typeof CampaignView> = {
  ...CAMPAIGN,
  campaignId: 'cp-jinqiu',
  title: '金秋助学',
  kind: 'student-aid',
  description: undefined,
  goalFen: undefined,
  closesAt: isoInDays(-60, 18),
  state: 'closed',
  createdAt: isoInDays(-90, 9),
  confirmedFen: 80_000,
  recordedFen: 80_000,
  donorCount: 3,
  giftCount: 3,
  confirmedCount: 3,
};

export const HONOR_ROLL: z.infer<typeof HonorRoll> = {
  entries: [
    { name: CHAIR.name, amountFen: 100_000 },
    { name: '匿名', amountFen: 20_000 },
    { name: '李明', amountFen: 5_050 },
  ],
  totalFen: 125_050,
};

const gift = (m: Member, amountFen: number, status: 'recorded' | 'confirmed' | 'rejected', days: number, over: Partial<z.infer<typeof DonationView>> = {}) => ({
  donationId: `gift-${m.memberId}-${amountFen}`,
  campaignId: CAMPAIGN.campaignId,
  campaignTitle: CAMPAIGN.title,
  memberId: m.memberId,
  name: m.name,
  groupId: m.groupId,
  amountFen,
  anonymous: false,
  status,
  recordedAt: isoInDays(days, 10),
  ...(status === 'confirmed' ? { confirmedAt: isoInDays(days + 1, 10) } : {}),
  ...over,
});

export const CAMPAIGN_GIFTS: z.infer<typeof DonationView>[] = [
  gift(CHAIR, 100_000, 'confirmed', -4),
  gift(MEMBERS[1]!, 5_050, 'confirmed', -3),
  gift(MEMBERS[2]!, 20_000, 'confirmed', -3, { anonymous: true }),
  gift(MEMBERS[3]!, 10_000, 'recorded', -1, { recordedBy: { memberId: 'm-chen-jing', name: '陈静' } }),
];

export const MY_DONATIONS: z.infer<typeof MyDonations> = {
  donations: [
    gift(CHAIR, 100_000, 'confirmed', -4),
    gift(CHAIR, 3_000, 'rejected', -6, { rejectedAt: isoInDays(-5, 10), rejectReason: '没有收到这笔钱' }),
    { ...gift(CHAIR, 20_000, 'confirmed', -70), campaignId: CLOSED_CAMPAIGN.campaignId, campaignTitle: CLOSED_CAMPAIGN.title },
  ],
  years: [{ year: new Date(Date.now() + 8 * 3600_000).getUTCFullYear(), confirmedFen: 120_000, recordedFen: 120_000 }],
};

/** 表决 open now: three questions (表决事项, 民主测评, 选举); 12 of 20 delegates voted, the chair (a delegate) not yet. */
export const OPEN_BALLOT: z.infer<typeof BallotView> = {
  ballotId: 'bl-jiaodaihui',
  orgId: SCHOOL.orgId,
  title: '第五届教代会第三次会议表决',
  description: '请各位代表认真阅读方案后投票。',
  electorate: 'delegates',
  questions: [
    { id: 'q1', kind: 'motion', text: '通过《学校绩效工资分配方案（修订稿）》' },
    { id: 'q2', kind: 'rating', text: '对张建国同志的评价' },
    {
      id: 'q3',
      kind: 'election',
      text: '选举工会经费审查委员',
      seats: 2,
      candidates: [
        { id: 'c1', name: '李明' },
        { id: 'c2', name: '王芳' },
        { id: 'c3', name: '赵强' },
      ],
    },
  ],
  status: 'open',
  createdAt: isoInDays(-2, 9),
  openedAt: isoInDays(-1, 9),
  eligibleCount: 20,
  votedCount: 12,
  electorateHash: '5fcfa41a0b6e8f2d3c4b5a69788796a5b4c3d2e1f00112233445566778835f2',
  me: { voted: false, eligible: true },
};

/** 表决 closed last month: the chair voted. */
export const CLOSED_BALLOT: z.infer<typeof BallotView> = {
  ...OPEN_BALLOT,
  ballotId: 'bl-shangxueqi',
  title: '上学期民主测评',
  status: 'closed',
  createdAt: isoInDays(-40, 9),
  openedAt: isoInDays(-39, 9),
  closedAt: isoInDays(-38, 17),
  votedCount: 18,
  me: { voted: true, eligible: true },
};

/** 表决 being prepared by the chair (no electorate yet). */
export const DRAFT_BALLOT: z.infer<typeof BallotView> = {
  ...OPEN_BALLOT,
  ballotId: 'bl-caogao',
  title: '下学期工作计划表决',
  status: 'draft',
  openedAt: undefined,
  eligibleCount: 0,
  votedCount: 0,
  electorateHash: undefined,
};

/** The receipt this device kept for OPEN_BALLOT (what the receipt page reads from storage). */
export const MY_RECEIPT = '88db94abdb4ba1f04a05ac889b2e02a5';

/** CLOSED_BALLOT's results: quorum met (18 of 20); the motion passes; 李明 and 王芳 are elected. */
export const BALLOT_RESULTS: z.infer<typeof BallotResults> = {
  ballotId: CLOSED_BALLOT.ballotId,
  title: CLOSED_BALLOT.title,
  eligibleCount: 20,
  ballotsCast: 18,
  quorumMet: true,
  electorateHash: OPEN_BALLOT.electorateHash!,
  questions: [
    { id: 'q1', kind: 'motion', text: OPEN_BALLOT.questions[0]!.text, counts: { for: 15, against: 2, abstain: 1 }, passed: true },
    { id: 'q2', kind: 'rating', text: OPEN_BALLOT.questions[1]!.text, counts: { excellent: 10, competent: 6, basic: 2, incompetent: 0 }, goodPermille: 889 },
    { id: 'q3', kind: 'election', text: OPEN_BALLOT.questions[2]!.text, counts: { c1: 16, c2: 12, c3: 5 }, elected: ['c1', 'c2'], tied: [] },
  ],
  receipts: [MY_RECEIPT, ...Array.from({ length: 17 }, (_, i) => `${String(i).padStart(2, '0')}${'a1b2c3d4'.repeat(3)}e5f6a7`)].sort(),
};

const BALLOTS = [OPEN_BALLOT, CLOSED_BALLOT, DRAFT_BALLOT];

// 学期总结, 送温暖, 生日, 通知 (these answers have TypeScript types from the API's code, no zod schema of their own)

/** The term report of 红星小学: 2 events, 1 campaign (¥1,250.50 from 18 donors), 3 care visits, a closed ballot. */
export const TERM_REPORT: TermFigures = {
  from: '2026-08-01',
  to: '2027-01-31',
  members: { active: 40, retired: 6, new: 2 },
  events: {
    held: 2,
    participants: 29,
    participationRate: 29 / 40,
    checkedIn: 25,
    participations: 36,
    perEvent: [
      { eventId: 'ev-chunyou', title: '秋季登山活动', startsAt: isoInDays(-20), participants: 24, participationRate: 24 / 40, checkedIn: 22 },
      { eventId: 'ev-film', title: '观影活动', startsAt: isoInDays(-10), participants: 12, participationRate: 12 / 40, checkedIn: 3 },
    ],
  },
  donations: { campaigns: 1, confirmedFen: 125_050, donors: 18, perCampaign: [{ campaignId: 'cp-yirijuan', title: '2026年慈善一日捐', kind: 'day-pay', closesAt: isoInDays(5), districtWide: false, confirmedFen: 125_050, donors: 18 }] },
  proposals: { received: 5, accepted: 3, answered: 2, answerRate: 2 / 3, converted: 1, rejected: 1, merged: 0, done: 1, withdrawn: 0, satisfactionRate: 1, sessions: [] },
  ideas: { received: 4, adopted: 1 },
  ballots: { held: 1, turnout: 18 / 20, cast: 18, eligible: 20, perBallot: [{ ballotId: 'bl-shangxueqi', title: '上学期工作报告表决', closedAt: isoInDays(-3), eligible: 20, cast: 18, turnout: 0.9 }] },
  care: {
    visits: 3,
    giftFen: 110_000,
    byKind: { illness: { visits: 2, giftFen: 100_000 }, wedding: { visits: 0, giftFen: 0 }, birth: { visits: 1, giftFen: 10_000 }, bereavement: { visits: 0, giftFen: 0 }, hardship: { visits: 0, giftFen: 0 }, retiree: { visits: 0, giftFen: 0 }, other: { visits: 0, giftFen: 0 } },
  },
  aid: { count: 1, fen: 250_050, byCategory: { illness: { count: 1, fen: 250_050 }, disaster: { count: 0, fen: 0 }, family: { count: 0, fen: 0 }, other: { count: 0, fen: 0 } } },
};

export const CARE_VISIT: CareVisitView = {
  visitId: 'cv-liming-1',
  orgId: 'org-hongxing',
  memberId: 'm-li-ming',
  memberName: '李明',
  kind: 'illness',
  date: isoInDays(-2).slice(0, 10),
  giftFen: 50_050,
  gifts: '水果、牛奶',
  visitors: [{ memberId: 'm-chen-jing', name: '陈静' }],
  note: '住院一周，已出院',
  createdBy: 'm-wang-xiulan',
  createdAt: isoInDays(-2, 15),
};

export const NOTICE: NoticeView = {
  noticeId: 'nt-tijian',
  orgId: 'org-hongxing',
  title: '关于开展教职工体检的通知',
  body: '12月10日上午8点在校医院体检，请空腹前往。',
  pinned: true,
  createdAt: isoInDays(-1, 10),
  createdByName: '王秀兰',
  read: false,
  readCount: 12,
};

const Loose = z.looseObject({});
const withReads = (n: NoticeView, r: FixtureRequest) => ({ ...n, readCount: r.person === 'chair' ? n.readCount : undefined });
const ballotById = (id: string | undefined) => BALLOTS.find((b) => b.ballotId === id) ?? NOT_FOUND;
/** 困难补助: 刘强 (retired) applied after an operation, waiting for the committee; 李明 was paid last month. */
export const AID_CASE: z.infer<typeof AidCaseView> = {
  caseId: 'h-liu-qiang',
  orgId: SCHOOL.orgId,
  memberId: 'm-liu-qiang',
  name: '刘强',
  category: 'illness',
  requestedFen: 500_000,
  reason: '心脏搭桥手术，医保报销后自付约三万元。',
  proposedByName: '陈静',
  selfApplied: false,
  status: 'pending',
  createdAt: isoInDays(-2, 10),
  canDecide: true,
  canPay: false,
};
export const PAID_AID_CASE: z.infer<typeof AidCaseView> = {
  ...AID_CASE,
  caseId: 'h-li-ming',
  memberId: 'm-li-ming',
  name: '李明',
  category: 'disaster',
  requestedFen: 300_000,
  reason: '家中遭暴雨，房屋进水受损。',
  proposedByName: '李明',
  selfApplied: true,
  status: 'paid',
  approvedFen: 250_050,
  decidedByName: '陈静',
  decidedAt: isoInDays(-30, 15),
  paidAt: isoInDays(-29, 10),
  createdAt: isoInDays(-32, 9),
  canDecide: false,
};
const AID_TERM = termOf(Date.now());
export const FUND: z.infer<typeof FundView> = {
  currentTerm: AID_TERM,
  terms: [
    {
      term: AID_TERM,
      label: termLabel(AID_TERM),
      categories: [
        { category: 'illness', label: '大病', count: 0, totalFen: 0 },
        { category: 'disaster', label: '灾害', count: 1, totalFen: 250_050 },
        { category: 'family', label: '家庭变故', count: 0, totalFen: 0 },
        { category: 'other', label: '其他', count: 0, totalFen: 0 },
      ],
      count: 1,
      totalFen: 250_050,
    },
  ],
  balance: { balanceFen: 1_749_950, inFen: 2_000_000, outFen: 250_050, entryCount: 2 },
};
export const LEDGER: z.infer<typeof LedgerView> = {
  ...FUND.balance!,
  sumFen: 1_749_950,
  entries: [
    { entryId: 'f-aid-li-ming', kind: 'aid', amountFen: 250_050, deltaFen: -250_050, at: isoInDays(-29, 10), byName: '孙会计', caseId: 'h-li-ming', category: 'disaster', memberName: '李明' },
    { entryId: 'f-opening', kind: 'opening', amountFen: 2_000_000, deltaFen: 2_000_000, note: '互助储金期初余额', at: isoInDays(-60, 9), byName: '孙会计' },
  ],
};
const aidCaseById = (id: string | undefined) => [AID_CASE, PAID_AID_CASE].find((c) => c.caseId === id) ?? NOT_FOUND;

/** 全区: the district union's drive, with the district's totals: ¥12,345.67 confirmed, 2 schools, 青山中学 ahead. */
export const DISTRICT_CAMPAIGN: z.infer<typeof CampaignView> = {
  ...CAMPAIGN,
  campaignId: 'cp-quanqu',
  orgId: DISTRICT.officeOrgId,
  title: '2026 年博爱一日捐（全区）',
  goalFen: 5_000_000,
  confirmedFen: 1_234_567,
  recordedFen: 1_300_000,
  donorCount: 160,
  giftCount: 170,
  confirmedCount: 150,
  districtWide: true,
};
export const DISTRICT_ROLLUP: z.infer<typeof DistrictRollup> = {
  campaign: DISTRICT_CAMPAIGN,
  schools: [
    { orgId: SCHOOL.orgId, name: SCHOOL.name, confirmedFen: 234_567, recordedFen: 250_000, donorCount: 60, giftCount: 65, confirmedCount: 55 },
    { orgId: 'org-qingshan-zhongxue', name: '青山中学', confirmedFen: 1_000_000, recordedFen: 1_050_000, donorCount: 100, giftCount: 105, confirmedCount: 95 },
  ],
};

/** 各校学期汇总 of the term asked (this term by default): 青山中学 gave more, 红星小学 held more events. */
const REPORT_COUNTS = [
  { 'members.active': 60, 'members.retired': 8, 'events.held': 5, 'events.participations': 210, 'donations.confirmedFen': 234_567, 'ballots.cast': 18, 'ballots.eligible': 20, 'care.visits': 3, 'care.giftFen': 150_000 },
  { 'members.active': 120, 'members.retired': 25, 'events.held': 2, 'events.participations': 80, 'donations.confirmedFen': 1_000_000, 'proposals.received': 6, 'proposals.accepted': 4, 'proposals.answered': 3 },
];
export function districtReportOf(term: string): z.infer<typeof DistrictReport> {
  const names = [SCHOOL, { orgId: 'org-qingshan-zhongxue', name: '青山中学' }];
  return {
    districtId: DISTRICT.districtId,
    term,
    label: termName(term),
    ...termRange(term),
    districtCampaigns: 1,
    schools: names.map((o, i) => ({ orgId: o.orgId, name: o.name, ...schoolRow(REPORT_COUNTS[i]!, 1) })).sort((a, b) => a.name.localeCompare(b.name, 'zh-Hans-CN')),
    totals: districtTotals(REPORT_COUNTS, 1),
  };
}

const campaignById = (id: string | undefined) => [CAMPAIGN, CLOSED_CAMPAIGN].find((c) => c.campaignId === id) ?? NOT_FOUND;

const eventById = (id: string | undefined) => EVENTS.find((e) => e.eventId === id) ?? NOT_FOUND;


// ------------------------------------------------------------------ 教代会提案 and 金点子

/** A 提案征集 open now, asking for 2 co-signers. */
export const PROPOSAL_SESSION = {
  sessionId: 'ses-2026',
  orgId: SCHOOL.orgId,
  title: '第五届教代会第三次会议提案征集',
  opensAt: isoInDays(-10),
  closesAt: isoInDays(20),
  cosignersNeeded: 2,
  state: 'open' as const,
  createdAt: isoInDays(-11),
};
const SessionView = z.object({ sessionId: z.string(), orgId: z.string(), title: z.string(), opensAt: z.string(), closesAt: z.string(), cosignersNeeded: z.int(), state: z.enum(['upcoming', 'open', 'closed']), createdAt: z.string() });

/** Accepted for 总务处, due in 20 days, decided and published; with a 落实 note and the chair's 督办. */
export const ACCEPTED_PROPOSAL: z.infer<typeof ProposalView> = {
  proposalId: 'p-canteen',
  sessionId: PROPOSAL_SESSION.sessionId,
  number: '提案2026-001',
  title: '关于改善教师午餐的建议',
  category: 'logistics',
  reason: '教师食堂午餐品种少，排队时间长。',
  suggestion: '增加一个窗口，提供两种套餐。',
  proposer: { memberId: MEMBERS[1]!.memberId, name: MEMBERS[1]!.name },
  status: 'accepted',
  cosigners: 2,
  decision: { outcome: 'accepted', reason: '涉及全体教师切身利益。', office: '总务处', dueAt: isoInDays(20, 18) },
  history: [
    { status: 'draft', at: isoInDays(-9) },
    { status: 'cosigning', at: isoInDays(-9) },
    { status: 'review', at: isoInDays(-8) },
    { status: 'accepted', at: isoInDays(-5) },
  ],
  dueAt: isoInDays(20, 18),
  progress: [{ note: '已与食堂承包方商谈。', done: false, at: isoInDays(-2) }],
  chases: [{ note: '请本月内给出方案。', at: isoInDays(-1), by: { memberId: CHAIR.memberId, name: CHAIR.name } }],
};
/** Still collecting 附议: the chair (a delegate) has not co-signed it: 首页's card. */
export const COSIGN_PROPOSAL: z.infer<typeof ProposalView> = {
  proposalId: 'p-library',
  sessionId: PROPOSAL_SESSION.sessionId,
  number: '提案2026-002',
  title: '关于延长图书馆开放时间的建议',
  category: 'campus',
  reason: '图书馆下午四点半关门，老师下课后来不及借书。',
  suggestion: '开放到下午六点。',
  proposer: { memberId: MEMBERS[2]!.memberId, name: MEMBERS[2]!.name },
  status: 'cosigning',
  cosigners: 1,
  history: [
    { status: 'draft', at: isoInDays(-3) },
    { status: 'cosigning', at: isoInDays(-3) },
  ],
};
/** The chair's own draft. */
export const DRAFT_PROPOSAL: z.infer<typeof ProposalView> = {
  proposalId: 'p-draft',
  sessionId: PROPOSAL_SESSION.sessionId,
  title: '关于教师体检增加项目的建议',
  category: 'welfare',
  reason: '现有体检项目较少。',
  suggestion: '增加颈椎和甲状腺检查。',
  proposer: { memberId: CHAIR.memberId, name: CHAIR.name },
  status: 'draft',
  cosigners: 0,
  history: [{ status: 'draft', at: isoInDays(-1) }],
};
const PROPOSALS = [ACCEPTED_PROPOSAL, COSIGN_PROPOSAL, DRAFT_PROPOSAL];
const proposalById = (id: string | undefined) => PROPOSALS.find((p) => p.proposalId === id) ?? NOT_FOUND;
const SessionStats = z.object({
  received: z.int(),
  accepted: z.int(),
  converted: z.int(),
  rejected: z.int(),
  merged: z.int(),
  answered: z.int(),
  done: z.int(),
  withdrawn: z.int(),
  answerRate: z.nullable(z.number()),
  satisfactionRate: z.nullable(z.number()),
  byCategory: z.record(z.string(), z.int()),
});
export const PROPOSAL_STATS: z.infer<typeof SessionStats> = {
  received: 2,
  accepted: 1,
  converted: 0,
  rejected: 0,
  merged: 0,
  answered: 0,
  done: 0,
  withdrawn: 0,
  answerRate: 0,
  satisfactionRate: null,
  byCategory: { logistics: 1, campus: 1 },
};
const IdeaView = z.object({
  ideaId: z.string(),
  orgId: z.string(),
  author: z.object({ memberId: z.string(), name: z.string() }),
  title: z.string(),
  category: ProposalCategory,
  text: z.string(),
  createdAt: z.string(),
  reply: z.optional(z.object({ text: z.string(), at: z.string(), byName: z.string() })),
  adopted: z.boolean(),
  best: z.optional(z.object({ term: z.string(), at: z.string() })),
});
export const IDEA: z.infer<typeof IdeaView> = {
  ideaId: 'i-trees',
  orgId: SCHOOL.orgId,
  author: { memberId: MEMBERS[3]!.memberId, name: MEMBERS[3]!.name },
  title: '校园里多种些树',
  category: 'campus',
  text: '操场边种一排香樟，夏天可以遮阴。',
  createdAt: isoInDays(-4),
  reply: { text: '好主意，春季植树时安排。', at: isoInDays(-2), byName: CHAIR.name },
  adopted: true,
};

const API: Route[] = [
  route('GET', '/me', MeResult, (r) => PEOPLE[r.person!].me),
  route('GET', '/orgs/:orgId', OrgInfo, (r) => (r.params.orgId === SCHOOL.orgId ? SCHOOL : NOT_FOUND)),
  route('GET', '/districts/:districtId/orgs', DistrictOrgs, () => DISTRICT_ORGS),
  route('GET', '/districts/:districtId/report', DistrictReport, (r) => districtReportOf(r.query.get('term') || termNow(Date.now()))),
  route('GET', '/districts/:districtId/campaigns', z.object({ campaigns: z.array(CampaignView) }), () => ({ campaigns: [DISTRICT_CAMPAIGN] })),
  route('GET', '/districts/:districtId/campaigns/:campaignId/schools', DistrictRollup, (r) => (r.params.campaignId === DISTRICT_CAMPAIGN.campaignId ? DISTRICT_ROLLUP : NOT_FOUND)),
  route('GET', '/orgs/:orgId/members', MemberList, () => ({ members: MEMBERS.map(withWechat), groups: GROUPS })),
  route('GET', '/orgs/:orgId/events', EventList, () => ({ events: EVENTS })),
  route('GET', '/orgs/:orgId/audit', AuditList, () => AUDIT),
  route('GET', '/events/:eventId', EventView, (r) => eventById(r.params.eventId)),
  route('GET', '/events/:eventId/registrations', RegistrationList, () => REGISTRATIONS),
  route('GET', '/me/registrations', MyRegistrationList, () => ({
    registrations: [{ eventId: OPEN_EVENT.eventId, ...MY_REGISTRATION, registeredAt: isoInDays(-3, 20) }],
  })),
  route('GET', '/me/messages', MessageList, () => MESSAGES),
  route('POST', '/me/messages/read', Ok, () => ({ ok: true as const })),
  route('GET', '/orgs/:orgId/campaigns', z.object({ campaigns: z.array(CampaignView) }), () => ({ campaigns: [CAMPAIGN, CLOSED_CAMPAIGN] })),
  route('GET', '/campaigns/:campaignId', CampaignView, (r) => campaignById(r.params.campaignId)),
  route('GET', '/campaigns/:campaignId/honor-roll', HonorRoll, (r) => (campaignById(r.params.campaignId) === NOT_FOUND ? NOT_FOUND : HONOR_ROLL)),
  route('GET', '/campaigns/:campaignId/donations', z.object({ donations: z.array(DonationView) }), () => ({ donations: CAMPAIGN_GIFTS })),
  route('GET', '/me/donations', MyDonations, () => MY_DONATIONS),
  route('GET', '/orgs/:orgId/ballots', BallotList, () => ({ ballots: BALLOTS })),
  route('GET', '/ballots/:ballotId', BallotView, (r) => ballotById(r.params.ballotId)),
  route('GET', '/ballots/:ballotId/results', BallotResults, (r) => (r.params.ballotId === CLOSED_BALLOT.ballotId ? BALLOT_RESULTS : NOT_FOUND)),
  route('GET', '/orgs/:orgId/fund', FundView, () => FUND),
  route('GET', '/orgs/:orgId/fund/entries', LedgerView, () => LEDGER),
  route('GET', '/orgs/:orgId/aid-cases', AidCaseList, () => ({ cases: [AID_CASE, PAID_AID_CASE] })),
  route('GET', '/aid-cases/:caseId', AidCaseView, (r) => aidCaseById(r.params.caseId)),
  route('GET', '/orgs/:orgId/sessions', z.object({ sessions: z.array(SessionView) }), () => ({ sessions: [PROPOSAL_SESSION] })),
  // 发起提案征集: answered as the server does (201 with the session's view); the sandbox only opens the form
  route('POST', '/orgs/:orgId/sessions', SessionView, () => PROPOSAL_SESSION),
  route('GET', '/sessions/:sessionId', SessionView, (r) => (r.params.sessionId === PROPOSAL_SESSION.sessionId ? PROPOSAL_SESSION : NOT_FOUND)),
  route('GET', '/sessions/:sessionId/proposals', z.object({ proposals: z.array(ProposalView) }), () => ({ proposals: PROPOSALS })),
  route('GET', '/sessions/:sessionId/stats', SessionStats, () => PROPOSAL_STATS),
  route('GET', '/proposals/:proposalId', ProposalView, (r) => proposalById(r.params.proposalId)),
  route('GET', '/me/proposals', z.object({ proposals: z.array(ProposalView), assigned: z.array(ProposalView), toCosign: z.array(ProposalView) }), () => ({
    proposals: [DRAFT_PROPOSAL],
    assigned: [],
    toCosign: [COSIGN_PROPOSAL],
  })),
  route('GET', '/orgs/:orgId/proposals/overdue', z.object({ proposals: z.array(ProposalView) }), () => ({ proposals: [] })),
  route('GET', '/orgs/:orgId/ideas', z.object({ ideas: z.array(IdeaView), total: z.int(), adopted: z.int(), best: z.int(), byCategory: z.record(z.string(), z.int()) }), () => ({
    ideas: [IDEA],
    total: 1,
    adopted: 1,
    best: 0,
    byCategory: { campus: 1 },
  })),
  route('GET', '/orgs/:orgId/report', Loose, () => TERM_REPORT),
  route('GET', '/orgs/:orgId/report/records', Loose, (r) =>
    r.query.get('figure') === 'donations.confirmedFen'
      ? { figure: 'donations.confirmedFen', from: TERM_REPORT.from, to: TERM_REPORT.to, count: 2, records: [{ campaignId: 'cp-yirijuan', campaignTitle: '2026年慈善一日捐', donationId: 'd-1', amountFen: 100_000, name: '李明', memberId: 'm-li-ming' }, { campaignId: 'cp-yirijuan', campaignTitle: '2026年慈善一日捐', donationId: 'd-2', amountFen: 25_050, name: '匿名' }] }
      : NOT_FOUND,
  ),
  route('GET', '/orgs/:orgId/care-visits', Loose, () => ({ visits: [CARE_VISIT] })),
  route('GET', '/care-visits/:visitId', Loose, (r) => (r.params.visitId === CARE_VISIT.visitId ? { ...CARE_VISIT } : NOT_FOUND)),
  // the month asked for (the page always asks: this month in China time first), else this month
  route('GET', '/orgs/:orgId/birthdays', Loose, (r) => {
    const month = r.query.get('month') ?? isoInDays(0).slice(0, 7);
    return {
      month,
      birthdays: [
        { memberId: 'm-li-ming', name: '李明', groupId: 'grp-yuwen', retired: false, day: `${month.slice(5, 7)}-08`, given: { what: 'card', at: isoInDays(-1), byName: '王秀兰' } },
        { memberId: 'm-chen-jing', name: '陈静', groupId: 'grp-shuxue', retired: false, day: `${month.slice(5, 7)}-21`, given: null },
      ],
      given: 1,
    };
  }),
  route('GET', '/orgs/:orgId/notices', Loose, (r) => ({ notices: [withReads(NOTICE, r)] })),
  route('GET', '/notices/:noticeId', Loose, (r) => (r.params.noticeId === NOTICE.noticeId ? withReads(NOTICE, r) : NOT_FOUND)),
  route('POST', '/notices/:noticeId/read', Loose, (r) => (r.params.noticeId === NOTICE.noticeId ? { noticeId: NOTICE.noticeId, read: true } : NOT_FOUND)),
  route('GET', '/notices/:noticeId/reads', Loose, () => ({ readCount: 12, memberCount: 40, readers: [], unread: [{ memberId: 'm-li-ming', name: '李明' }] })),
];

function match(pattern: string, path: string): Record<string, string> | undefined {
  const want = pattern.split('/');
  const got = path.split('/');
  if (want.length !== got.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i]!;
    if (w.startsWith(':')) params[w.slice(1)] = decodeURIComponent(got[i]!);
    else if (w !== got[i]) return undefined;
  }
  return params;
}

const error = (statusCode: number, code: string, message: string): FixtureResponse => ({
  statusCode,
  data: ErrorBody.parse({ error: { code, message } }),
});

/**
 * The fixture API. `unknown` is set when no route matches: the page asked for something these
 * fixtures (or the real API) do not have, which the page runner reports as a fault of its own.
 */
export function answer(method: string, pathAndQuery: string, authorization: string | undefined, body: unknown): FixtureResponse & { unknown?: string } {
  const [path = '', search = ''] = pathAndQuery.split('?');
  const token = /^Bearer (.+)$/.exec(authorization ?? '')?.[1];
  const person = (Object.keys(PEOPLE) as Person[]).find((p) => PEOPLE[p].token === token);
  for (const r of API) {
    if (r.method !== method) continue;
    const params = match(r.pattern, path);
    if (!params) continue;
    if (!r.open && !person) return error(401, 'UNAUTHENTICATED', '登录已过期，请重新登录');
    const data = r.answer({ method, path, query: new URLSearchParams(search), params, body, person });
    if (data === NOT_FOUND) return error(404, 'NOT_FOUND', '找不到相关内容');
    return { statusCode: 200, data: r.schema.parse(data) };
  }
  return { ...error(404, 'NOT_FOUND', '找不到相关内容'), unknown: `${method} ${path}` };
}

/** Where the app keeps its session token (TOKEN_KEY in miniapp/src/api/client.ts). */
export const TOKEN_KEY = 'staffhome.token';

/** Storage as WeChat would hold it for someone signed in (or, for undefined, no one). */
export function signedIn(person: Person | undefined): Record<string, unknown> {
  return person ? { [TOKEN_KEY]: PEOPLE[person].token } : {};
}

/** `wx.request` answered from these fixtures, for a build whose API base is `apiBase`. */
export function fixtureRequests(apiBase: string) {
  return (req: { url: string; method: string; data: unknown; header: Record<string, string> }): FixtureResponse & { unknown?: string } => {
    if (!req.url.startsWith(`${apiBase}/`)) return { statusCode: 404, data: '', unknown: `${req.method} ${req.url} (not the API at ${apiBase})` };
    const auth = Object.entries(req.header).find(([k]) => k.toLowerCase() === 'authorization')?.[1];
    return answer(req.method, req.url.slice(apiBase.length), auth, req.data);
  };
}
