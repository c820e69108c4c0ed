import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseBirthDate, planRosterImport, type ExistingMember, type RawRosterRow } from './roster';

const groups = [
  { groupId: 'g1', name: '语文组' },
  { groupId: 'g2', name: '数学组' },
];
const today = '2026-11-25';
const row = (n: number, over: Partial<RawRosterRow> = {}): RawRosterRow => ({
  row: n,
  name: `教师${n}`,
  staffNo: `T${n}`,
  phone: '',
  group: '语文组',
  delegate: '否',
  birthDate: '',
  status: '在职',
  ...over,
});

describe('planRosterImport: examples', () => {
  it('creates new staff and reports each row', () => {
    const plan = planRosterImport([row(2), row(3, { group: '数学组', delegate: '是', phone: '139 1234 5678' })], [], groups, today);
    expect(plan.report).toMatchObject({ created: 2, updated: 0, unchanged: 0, errorCount: 0 });
    expect(plan.creates[1]).toMatchObject({ staffNo: 'T3', groupId: 'g2', isDelegate: true, phone: '13912345678' });
  });

  it('explains every problem in Chinese and writes nothing', () => {
    const plan = planRosterImport(
      [
        row(2, { staffNo: 'A1' }),
        row(3, { staffNo: 'A1' }),
        row(4, { group: '体育组' }),
        row(5, { phone: '12345' }),
        row(6, { delegate: '也许' }),
        row(7, { birthDate: '1980-02-30' }),
        row(8, { name: '' }),
        row(9),
      ],
      [],
      groups,
      today,
    );
    const errors = Object.fromEntries(plan.report.rows.map((r) => [r.row, r.errors.join(' ')]));
    expect(errors[2]).toContain('工号 A1 在表中重复（第 2、3 行）');
    expect(errors[3]).toContain('重复');
    expect(errors[4]).toContain('工会小组“体育组”不存在');
    expect(errors[5]).toContain('手机号“12345”不正确');
    expect(errors[6]).toContain('是否代表');
    expect(errors[7]).toContain('出生日期');
    expect(errors[8]).toContain('姓名不能为空');
    expect(errors[9]).toBe('');
    expect(plan.report.errorCount).toBe(7);
    expect(plan.creates).toEqual([]);
    expect(plan.updates).toEqual([]);
  });

  it('updates by 工号 and never erases with a blank optional cell', () => {
    const existing: ExistingMember[] = [{ memberId: 'm1', staffNo: 'T2', name: '教师2', phone: '13800000000', groupId: 'g1', isDelegate: false, retired: false }];
    const plan = planRosterImport([row(2, { group: '数学组' })], existing, groups, today);
    expect(plan.updates).toEqual([{ memberId: 'm1', fields: { groupId: 'g2' } }]);
    const same = planRosterImport([row(2)], existing, groups, today);
    expect(same.report.unchanged).toBe(1);
  });

  it('reads the date forms people type', () => {
    expect(parseBirthDate('1975/3/8', today)).toBe('1975-03-08');
    expect(parseBirthDate('1975年3月8日', today)).toBe('1975-03-08');
    expect(parseBirthDate('2030-01-01', today)).toBeUndefined();
    expect(parseBirthDate('1975-13-01', today)).toBeUndefined();
  });
});

describe('planRosterImport: properties', () => {
  const rawRow = fc.record({
    name: fc.constantFrom('王芳', '李强', '', '张伟'),
    staffNo: fc.constantFrom('1', '2', '3', '4', '5', 'x y', ''),
    phone: fc.constantFrom('', '13912345678', '123'),
    group: fc.constantFrom('语文组', '数学组', '不存在组'),
    delegate: fc.constantFrom('是', '否', '', '?'),
    birthDate: fc.constantFrom('', '1980-01-01', 'bad'),
    status: fc.constantFrom('在职', '退休', '', '离职'),
  });
  const sheet = fc.array(rawRow, { maxLength: 12 }).map((rs) => rs.map((r, i) => ({ row: i + 2, ...r })));

  it('is all-or-nothing: any error row means no writes', () => {
    fc.assert(
      fc.property(sheet, (rows) => {
        const plan = planRosterImport(rows, [], groups, today);
        if (plan.report.errorCount > 0) expect(plan.creates.length + plan.updates.length).toBe(0);
        else expect(plan.creates.length).toBe(plan.report.created);
      }),
    );
  });

  it('never plans two members with one 工号, and re-importing what was applied changes nothing', () => {
    fc.assert(
      fc.property(sheet, (rows) => {
        const plan = planRosterImport(rows, [], groups, today);
        const nos = plan.creates.map((c) => c.staffNo);
        expect(new Set(nos).size).toBe(nos.length);
        const applied: ExistingMember[] = plan.creates.map((c, i) => ({ memberId: `m${i}`, ...c }));
        const again = planRosterImport(rows, applied, groups, today);
        expect(again.creates).toEqual([]);
        expect(again.updates).toEqual([]);
        expect(again.report.unchanged).toBe(plan.creates.length);
      }),
    );
  });

  it('reports exactly one line per input row, in order', () => {
    fc.assert(
      fc.property(sheet, (rows) => {
        const plan = planRosterImport(rows, [], groups, today);
        expect(plan.report.rows.map((r) => r.row)).toEqual(rows.map((r) => r.row));
        const { created, updated, unchanged, errorCount } = plan.report;
        expect(created + updated + unchanged + errorCount).toBe(rows.length);
      }),
    );
  });
});
