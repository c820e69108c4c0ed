import type { ProposalCategory } from '../../shared/domain/proposals';
import { compose, inIndex, inIndexTimes, msPart, type IndexKey, type TableKey } from './key';

/**
 * A 金点子 (我为学校发展献一计): an idea any member sends at any time of the year, with a category.
 * The committee replies, marks it 采纳 and picks the best of a term (评优). Listed per school
 * through gsi1, by when it was sent.
 */
export interface IdeaAttributes {
  ideaId: string;
  orgId: string;
  districtId: string;
  authorId: string;
  authorName: string;
  title: string;
  category: ProposalCategory;
  text: string;
  createdAt: string;
  reply?: { text: string; at: string; byName: string };
  adopted: boolean;
  /** 评优: the term it was picked as one of the best of (e.g. 2026学年第一学期). */
  best?: { term: string; at: string };
}
export type IdeaItem = TableKey & IndexKey & { type: 'idea' } & IdeaAttributes;

export const Idea = {
  key: ({ ideaId }: Pick<IdeaAttributes, 'ideaId'>): TableKey => ({ pk: compose('IDEA', ideaId), sk: 'META' }),
  byOrg: {
    pk: ({ orgId }: Pick<IdeaAttributes, 'orgId'>) => compose('ORG', orgId, 'IDEAS'),
    sk: ({ createdAt, ideaId }: Pick<IdeaAttributes, 'createdAt' | 'ideaId'>) => compose(msPart(createdAt), ideaId),
  },
  item: (a: IdeaAttributes): IdeaItem => ({ ...a, ...Idea.key(a), gsi1pk: Idea.byOrg.pk(a), gsi1sk: Idea.byOrg.sk(a), type: 'idea' }),
  queryOfOrg: (orgId: string) => inIndex(Idea.byOrg.pk({ orgId })),
  /** Those of a school sent from `startMs` to `endMs`, both included (the term report). */
  queryOfOrgBetween: (orgId: string, startMs: number, endMs: number) => inIndexTimes(Idea.byOrg.pk({ orgId }), startMs, endMs),
};
