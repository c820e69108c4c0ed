import { PROPOSAL_CATEGORIES, type ProposalCategory } from '../../../shared/domain/proposals';
import type { IdeaBestBody, IdeaBody, IdeaReplyBody } from '../../../shared/schemas/proposals';
import { Idea, type IdeaItem } from '../../entities/idea';
import type { MemberItem } from '../../entities/member';
import type { Actor } from '../../lib/access';
import { cancellationCodes, put, queryAll, transact, update, type Commit, type TransactItem } from '../../lib/db';
import { conflict } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { noticeWrites } from '../../lib/notifier';
import { itemOfType, registerScope } from '../../lib/scopes';
import { tallyWrite } from '../tally/writes';

/** 金点子 (我为学校发展献一计): any member sends one; the committee replies, marks 采纳, picks the best of a term. */

declare module '../../lib/scopes' {
  interface ScopeResources {
    idea: IdeaItem;
  }
}
registerScope('idea', {
  key: (p) => (p.ideaId ? Idea.key({ ideaId: p.ideaId }) : undefined),
  resolve: itemOfType<IdeaItem>('idea'),
});

export const ideaLink = (ideaId: string) => `/proposal/idea/index?id=${ideaId}`;

export function ideaView(i: IdeaItem) {
  return {
    ideaId: i.ideaId,
    orgId: i.orgId,
    author: { memberId: i.authorId, name: i.authorName },
    title: i.title,
    category: i.category,
    text: i.text,
    createdAt: i.createdAt,
    ...(i.reply ? { reply: i.reply } : {}),
    adopted: i.adopted,
    ...(i.best ? { best: i.best } : {}),
  };
}
export type IdeaView = ReturnType<typeof ideaView>;

export async function sendIdea(author: MemberItem, body: IdeaBody, commit: Commit = transact): Promise<IdeaItem> {
  const idea = Idea.item({ ideaId: newId('i'), orgId: author.orgId, districtId: author.districtId, authorId: author.memberId, authorName: author.name, ...body, createdAt: new Date().toISOString(), adopted: false });
  // Counted in the term of its sending (ideas.received), with it.
  await commit([put(idea, { ConditionExpression: 'attribute_not_exists(pk)' }), ...tallyWrite(idea.orgId, idea.createdAt, { 'ideas.received': 1 })]);
  return idea;
}

/**
 * Changes the idea under the condition that it exists; with a notice to its author when there is
 * one. Setting `adopted` moves ideas.adopted of the term it was sent in (by the difference from
 * the idea as read), under the condition that `adopted` is still what was read.
 */
async function change(i: IdeaItem, set: Record<string, unknown>, notice: { title: string; body: string } | undefined, commit: Commit): Promise<IdeaItem> {
  const names: Record<string, string> = Object.fromEntries(Object.keys(set).map((k, n) => [`#f${n}`, k]));
  const values: Record<string, unknown> = Object.fromEntries(Object.values(set).map((v, n) => [`:v${n}`, v]));
  const adopting = 'adopted' in set;
  if (adopting) {
    names['#adopted'] = 'adopted';
    values[':wasAdopted'] = i.adopted === true;
  }
  const by = adopting ? (set.adopted === true ? 1 : 0) - (i.adopted === true ? 1 : 0) : 0;
  const writes: TransactItem[] = [
    update(Idea.key(i), {
      UpdateExpression: `SET ${Object.keys(set).map((_, n) => `#f${n} = :v${n}`).join(', ')}`,
      ConditionExpression: adopting ? (i.adopted === true ? 'attribute_exists(pk) AND #adopted = :wasAdopted' : 'attribute_exists(pk) AND (attribute_not_exists(#adopted) OR #adopted = :wasAdopted)') : 'attribute_exists(pk)',
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    }),
    ...tallyWrite(i.orgId, i.createdAt, { 'ideas.adopted': by }),
  ];
  const at = new Date().toISOString();
  if (notice) writes.push(...noticeWrites({ memberId: i.authorId, orgId: i.orgId, kind: 'ideaReplied', ...notice, link: ideaLink(i.ideaId) }, at));
  try {
    await commit(writes);
  } catch (err) {
    if (adopting && cancellationCodes(err)?.[0] === 'ConditionalCheckFailed') throw conflict('CONFLICT', '这条金点子刚被别人回复或改了采纳，请刷新后再试');
    throw err;
  }
  return { ...i, ...set } as IdeaItem;
}

export function replyIdea(i: IdeaItem, actor: Actor, body: IdeaReplyBody, commit: Commit = transact) {
  const adopted = body.adopted ?? i.adopted;
  return change(
    i,
    { reply: { text: body.text, at: new Date().toISOString(), byName: actor.name }, adopted },
    { title: adopted ? '您的金点子已被采纳' : '您的金点子有了回复', body: `《${i.title}》：${body.text}`.slice(0, 200) },
    commit,
  );
}

export function pickBest(i: IdeaItem, body: IdeaBestBody, commit: Commit = transact) {
  if (!body.best) return change(i, { best: null }, undefined, commit).then((x) => ({ ...x, best: undefined }));
  return change(i, { best: { term: body.term, at: new Date().toISOString() } }, { title: '您的金点子获评优秀', body: `《${i.title}》被评为${body.term}优秀金点子，感谢您为学校发展献计。` }, commit);
}

/** The school's ideas, newest first, with the figures a report cites (how many, adopted, best, by category). */
export async function listIdeas(orgId: string) {
  const ideas = (await queryAll<IdeaItem>({ ...Idea.queryOfOrg(orgId), ScanIndexForward: false })).map(ideaView);
  const byCategory: Partial<Record<ProposalCategory, number>> = {};
  for (const c of PROPOSAL_CATEGORIES) {
    const n = ideas.filter((i) => i.category === c).length;
    if (n) byCategory[c] = n;
  }
  return { ideas, total: ideas.length, adopted: ideas.filter((i) => i.adopted).length, best: ideas.filter((i) => i.best).length, byCategory };
}
