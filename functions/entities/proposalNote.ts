import { compose, inPartition, msPart, type TableKey } from './key';
import { Proposal } from './proposal';

/**
 * An entry on a proposal's timeline, in its partition: a 落实 note by the committee (`progress`,
 * the last one `done`), or a 督办 entry (`chase`: date, note, who chased).
 */
export interface ProposalNoteAttributes {
  proposalId: string;
  noteId: string;
  kind: 'progress' | 'chase';
  note: string;
  done?: boolean;
  at: string;
  byId: string;
  byName: string;
}
export type ProposalNoteItem = TableKey & { type: 'proposalNote' } & ProposalNoteAttributes;

export const ProposalNote = {
  key: ({ proposalId, kind, at, noteId }: Pick<ProposalNoteAttributes, 'proposalId' | 'kind' | 'at' | 'noteId'>): TableKey => ({
    pk: Proposal.partition(proposalId),
    sk: compose(kind === 'progress' ? 'PROGRESS' : 'CHASE', msPart(at), noteId),
  }),
  item: (a: ProposalNoteAttributes): ProposalNoteItem => ({ ...a, ...ProposalNote.key(a), type: 'proposalNote' }),
};

/** A proposal's notes of one kind, oldest first. */
export const queryNotes = (proposalId: string, kind: ProposalNoteAttributes['kind']) => inPartition(Proposal.partition(proposalId), compose(kind === 'progress' ? 'PROGRESS' : 'CHASE', ''));
