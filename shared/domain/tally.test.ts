import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { districtTotals, MEMBER_COUNT_FIGURES, SCHOOL_ROW_COLUMNS, schoolRow, TALLY_FIGURES, type SchoolRow } from './tally';

const figures = [...TALLY_FIGURES, ...MEMBER_COUNT_FIGURES];
const school = fc.dictionary(fc.constantFrom(...figures), fc.integer({ min: 0, max: 5000 }));

describe("the district's rollup", () => {
  it('totals are the sums of the schools (the district campaigns once), and rates come from the sums, never an average of rates', () => {
    fc.assert(
      fc.property(fc.array(school, { maxLength: 12 }), fc.integer({ min: 0, max: 4 }), (schools, districtCampaigns) => {
        const rows = schools.map((s) => schoolRow(s, districtCampaigns));
        const totals = districtTotals(schools, districtCampaigns);
        for (const { key, kind } of SCHOOL_ROW_COLUMNS) {
          if (kind === 'rate' || key === 'campaigns') continue;
          expect(totals[key]).toBe(rows.reduce((n, r) => n + (r[key] as number), 0));
        }
        const own = rows.reduce((n, r) => n + r.campaigns - districtCampaigns, 0);
        expect(totals.campaigns).toBe(own + districtCampaigns);
        const cast = rows.reduce((n, r) => n + r.ballotsCast, 0);
        const eligible = rows.reduce((n, r) => n + r.ballotsEligible, 0);
        expect(totals.turnout).toBe(eligible === 0 ? null : cast / eligible);
        const accepted = rows.reduce((n, r) => n + r.proposalsAccepted, 0);
        expect(totals.answerRate).toBe(accepted === 0 ? null : rows.reduce((n, r) => n + r.proposalsAnswered, 0) / accepted);
      }),
    );
  });

  it('a school with no tally yet is all zeros, its rates none', () => {
    const row: SchoolRow = schoolRow({}, 2);
    expect(row).toMatchObject({ active: 0, eventsHeld: 0, confirmedFen: 0, campaigns: 2, answerRate: null, satisfactionRate: null, turnout: null });
  });
});
