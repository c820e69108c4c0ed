import { describe, expect, it } from 'vitest';
import { draftOf, percent } from './draft';
import type { TermFigures } from './term';

const figures = (over: Partial<TermFigures> = {}): TermFigures =>
  ({
    from: '2026-09-01',
    to: '2027-01-31',
    members: { active: 40, retired: 6, new: 2 },
    events: { held: 0, participants: 0, participationRate: 0, checkedIn: 0, perEvent: [] },
    donations: { campaigns: 1, confirmedFen: 475_001, donors: 38, perCampaign: [{ campaignId: 'c1', title: '慈善一日捐', kind: 'day-pay', closesAt: '2026-10-01T00:00:00+08:00', confirmedFen: 475_001, donors: 38 }] },
    proposals: { received: 0, accepted: 0, answered: 0, answerRate: null, converted: 0, rejected: 0, merged: 0, done: 0, withdrawn: 0, satisfactionRate: null, sessions: [] },
    ideas: { received: 0, adopted: 0 },
    ballots: { held: 0, turnout: null, cast: 0, eligible: 0, perBallot: [] },
    care: { visits: 0, giftFen: 0, byKind: { illness: { visits: 0, giftFen: 0 }, wedding: { visits: 0, giftFen: 0 }, birth: { visits: 0, giftFen: 0 }, bereavement: { visits: 0, giftFen: 0 }, hardship: { visits: 0, giftFen: 0 }, retiree: { visits: 0, giftFen: 0 }, other: { visits: 0, giftFen: 0 } } },
    aid: { count: 2, fen: 300_050, byCategory: { illness: { count: 1, fen: 250_050 }, disaster: { count: 0, fen: 0 }, family: { count: 1, fen: 50_000 }, other: { count: 0, fen: 0 } } },
    ...over,
  }) as TermFigures;

describe('the draft 工作总结', () => {
  it('has the four usual parts, in order', () => {
    expect(draftOf(figures(), '阳光小学').sections.map((s) => s.heading)).toEqual(['一、基本情况', '二、主要工作', '三、存在问题', '四、下学期打算']);
  });

  it('prints money exactly to the fen and rates with the integers behind them; a zero denominator says so', () => {
    const text = draftOf(figures(), '阳光小学').sections.flatMap((s) => s.paragraphs).join('\n');
    expect(text).toContain('确认到账 4750.01 元，捐款会员 38 人');
    expect(text).toContain('参与率 0.0%（0/40）');
    expect(text).toContain('办复率 —（无数据）');
    expect(text).toContain('满意率 —（尚无评价）');
    expect(percent(1, 3)).toBe('33.3%（1/3）');
    expect(percent(2, 3)).toBe('66.7%（2/3）');
  });

  it('leaves to the committee what the records cannot say', () => {
    const d = draftOf(figures(), '阳光小学');
    expect(d.sections[3]!.paragraphs).toEqual(['（由工会委员会填写。）']);
    expect(d.sections[1]!.paragraphs.join('')).toContain('发放困难补助 2 人次，共 3000.50 元（只列总数，不列姓名）');
    expect(d.sections[1]!.tables.find((t) => t.title === '困难补助分类')!.rows).toContainEqual(['大病', 1, '2500.50']);
  });
});
