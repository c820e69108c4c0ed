import { STATUS_LABELS, type Outcome } from '../../../shared/domain/proposals';
import { chinaDateTime } from '../../../shared/domain/chinaTime';
import type { ProposalDueItem } from '../../entities/proposalDue';
import type { ProposalItem } from '../../entities/proposal';
import type { Notice } from '../../lib/notifier';

/** What proposers, co-signers and offices are told about proposals, in Chinese, with a link to the proposal's page. */

export const proposalLink = (proposalId: string) => `/proposal/detail/index?id=${proposalId}`;
const name = (p: Pick<ProposalItem, 'number' | 'title'>) => `${p.number ?? ''}《${p.title}》`;

const OUTCOME_TEXT: Record<Outcome, string> = { accepted: '已立案', converted: '已转为意见建议', rejected: '不予立案', merged: '已并案处理' };

export const decisionNotice = (p: ProposalItem, outcome: Outcome, reason: string, office?: string, dueAt?: string): Notice => ({
  memberId: p.proposerId,
  orgId: p.orgId,
  kind: 'proposalDecided',
  title: `提案审查结果：${OUTCOME_TEXT[outcome]}`,
  body: `您的提案${name(p)}${OUTCOME_TEXT[outcome]}。理由：${reason}${office ? `。承办部门：${office}` : ''}${dueAt ? `，答复期限 ${chinaDateTime(dueAt).date}` : ''}。`,
  link: proposalLink(p.proposalId),
});

export const answerNotice = (p: ProposalItem): Notice => ({
  memberId: p.proposerId,
  orgId: p.orgId,
  kind: 'proposalAnswered',
  title: '提案已答复',
  body: `您的提案${name(p)}已有答复，请查看并评价是否满意。`,
  link: proposalLink(p.proposalId),
});

export const publishedNotice = (p: ProposalItem, memberId: string): Notice => ({
  memberId,
  orgId: p.orgId,
  kind: 'proposalPublished',
  title: '您附议的提案有新进展',
  body: `您附议的提案${name(p)}现为「${STATUS_LABELS[p.status]}」。`,
  link: proposalLink(p.proposalId),
});

export const assignedNotice = (p: ProposalItem, memberId: string, office: string, dueAt: string): Notice => ({
  memberId,
  orgId: p.orgId,
  kind: 'proposalAssigned',
  title: '有提案交由您办理',
  body: `提案${name(p)}已立案，由${office}承办，请在 ${chinaDateTime(dueAt).date} ${chinaDateTime(dueAt).time} 前答复。`,
  link: proposalLink(p.proposalId),
});

export const chaseNotice = (p: ProposalItem, memberId: string, note: string): Notice => ({
  memberId,
  orgId: p.orgId,
  kind: 'proposalChased',
  title: '提案督办',
  body: `工会督办提案${name(p)}：${note}`.slice(0, 200),
  link: proposalLink(p.proposalId),
});

export const dueNotice = (d: ProposalDueItem, passed: boolean): Notice => ({
  memberId: d.contactId,
  orgId: d.orgId,
  kind: passed ? 'proposalOverdue' : 'proposalDueSoon',
  title: passed ? '提案答复已超期' : '提案答复期限将到',
  body: passed
    ? `${d.office}承办的提案${name(d)}已超过答复期限（${chinaDateTime(d.dueAt).date} ${chinaDateTime(d.dueAt).time}），请尽快答复。`
    : `${d.office}承办的提案${name(d)}须在 ${chinaDateTime(d.dueAt).date} ${chinaDateTime(d.dueAt).time} 前答复。`,
  link: proposalLink(d.proposalId),
});
