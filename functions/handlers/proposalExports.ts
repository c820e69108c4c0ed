import { Member } from '../entities/member';
import { keyId } from '../entities/key';
import { Proposal, type ProposalItem } from '../entities/proposal';
import type { ProposalNoteItem } from '../entities/proposalNote';
import { SessionTotals, type SessionTotalsItem } from '../entities/sessionTotals';
import { isReceived } from '../../shared/domain/proposals';
import { listIdeas } from '../domain/proposals/ideas';
import '../domain/proposals/scope';
import { ideasWorkbook, proposalsWorkbook, XLSX_TYPE } from '../domain/proposals/xlsx';
import '../domain/orgs';
import { batchGet, queryAll } from '../lib/db';
import { defineApi } from '../lib/http';

/** 提案汇总表 and the 金点子 list as .xlsx (committee): their own function, so proposals never load exceljs. */
export const handler = defineApi({
  'GET /sessions/{sessionId}/proposals.xlsx': [
    async ({ resource: session, loaded }) => {
      const ids = [...(loaded<SessionTotalsItem>(SessionTotals.key(session))?.proposals ?? [])];
      const read = await batchGet(ids.map((proposalId) => Proposal.key({ proposalId })));
      const all = ([...read.values()] as unknown as ProposalItem[]).filter((p) => isReceived(p.status, p.number !== undefined)).sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0));
      const people = await batchGet([...new Set(all.flatMap((p) => p.cosignerIds))].map((memberId) => Member.key({ memberId })));
      const nameOf = (memberId: string) => (people.get(keyId(Member.key({ memberId }))) as { name?: string } | undefined)?.name ?? '';
      const numberOf = new Map(all.map((p) => [p.proposalId, p.number]));
      const rows = await Promise.all(
        all.map(async (p) => ({
          p,
          notes: (await queryAll<ProposalNoteItem>(Proposal.queryWhole(p.proposalId))).filter((i) => i.type === 'proposalNote'),
          cosigners: p.cosignerIds.map(nameOf),
          mergedIntoNumber: p.decision?.mergedInto ? numberOf.get(p.decision.mergedInto) : undefined,
        })),
      );
      const bytes = await proposalsWorkbook(session, rows);
      return { status: 200, file: { bytes, contentType: XLSX_TYPE, filename: `${session.title}-提案汇总表.xlsx` } };
    },
    { preload: (p) => [SessionTotals.key({ sessionId: p.sessionId! })] },
  ],

  'GET /orgs/{orgId}/ideas.xlsx': async ({ resource: org }) => {
    const { ideas } = await listIdeas(org.orgId);
    const bytes = await ideasWorkbook(org.name, ideas);
    return { status: 200, file: { bytes, contentType: XLSX_TYPE, filename: `${org.name}-金点子.xlsx` } };
  },
});
