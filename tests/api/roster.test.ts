import { beforeAll, describe, expect, it } from 'vitest';
import { as, ordinary, seed, type School } from '../support/fixtures';
import { readXlsx, rosterXlsx } from '../support/xlsx';
import { eventually, indexSettled } from '../support/eventually';

type Call = Awaited<ReturnType<typeof as>>;
let school: School;
let chair: Call;
const b64 = (b: Buffer) => b.toString('base64');

beforeAll(async () => {
  school = await seed(10, 2);
  chair = await as(school.chair);
});

const memberCount = async () => (await chair('GET', `/orgs/${school.orgId}/members`)).body.members.length as number;

describe('roster import', () => {
  it('reports every bad row in Chinese and imports nothing', async () => {
    // The member list reads gsi1, which shows writes after a lag (tests/support/eventually.ts).
    await indexSettled();
    const before = await memberCount();
    const file = await rosterXlsx([
      ['周老师', 'N001', '13912345678', '语文组', '是', '1972-05-01', '在职'],
      ['吴老师', 'N001', '', '语文组', '否', '', '在职'],
      ['郑老师', 'N003', '1391234', '语文组', '否', '', '在职'],
      ['王老师', 'N004', '', '火星组', '否', '', '在职'],
      ['冯老师', 'N005', '', '数学组', '否', '', '辞职'],
    ]);
    for (const dryRun of [true, false]) {
      const res = await chair('POST', `/orgs/${school.orgId}/roster/import`, { fileBase64: b64(file), dryRun });
      expect(res.status).toBe(200);
      expect(res.body.applied).toBe(false);
      const errs = Object.fromEntries(res.body.report.rows.map((r: { row: number; errors: string[] }) => [r.row, r.errors.join('；')]));
      expect(errs[2]).toContain('重复');
      expect(errs[3]).toContain('重复');
      expect(errs[4]).toContain('手机号');
      expect(errs[5]).toContain('火星组');
      expect(errs[6]).toContain('在职/退休');
      expect(res.body.report.errorCount).toBe(5);
    }
    expect(await memberCount()).toBe(before);
  });

  it('rejects a file that is not a roster', async () => {
    const res = await chair('POST', `/orgs/${school.orgId}/roster/import`, { fileBase64: b64(Buffer.from('hello')), dryRun: true });
    expect(res.status).toBe(200);
    expect(res.body.report.fileErrors[0]).toContain('xlsx');
    const noHeader = await rosterXlsx([['a', 'b']], ['foo', 'bar']);
    const res2 = await chair('POST', `/orgs/${school.orgId}/roster/import`, { fileBase64: b64(noHeader), dryRun: true });
    expect(res2.body.report.fileErrors[0]).toContain('表头');
    expect((await chair('POST', `/orgs/${school.orgId}/roster/import`, { dryRun: true })).status).toBe(400);
  });

  it('dry-runs, imports, re-imports without duplicating, and updates by 工号', async () => {
    await indexSettled();
    const before = await memberCount();
    const rows = [
      ['陈老师', 'A100', '13800000001', '语文组', '是', new Date(Date.UTC(1970, 0, 2)), '在职'],
      ['林老师', 'A101', '', '数学组', '否', '', '退休'],
      ['何老师', 'A102', '', '数学组', '', '', ''],
    ];
    const file = await rosterXlsx(rows);
    const dry = await chair('POST', `/orgs/${school.orgId}/roster/import`, { fileBase64: b64(file), dryRun: true });
    expect(dry.body).toMatchObject({ applied: false, report: { created: 3, errorCount: 0 } });
    expect(await memberCount()).toBe(before);

    const applied = await chair('POST', `/orgs/${school.orgId}/roster/import`, { fileBase64: b64(file), dryRun: false });
    expect(applied.body).toMatchObject({ applied: true, report: { created: 3 } });

    // At once, before the list shows them: the import decides on the roster as it is now.
    const again = await chair('POST', `/orgs/${school.orgId}/roster/import`, { fileBase64: b64(file), dryRun: false });
    expect(again.body.report).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
    await eventually(async () => expect(await memberCount()).toBe(before + 3));

    rows[1]![3] = '语文组';
    const moved = await chair('POST', `/orgs/${school.orgId}/roster/import`, { fileBase64: b64(await rosterXlsx(rows)), dryRun: false });
    expect(moved.body.report).toMatchObject({ created: 0, updated: 1, unchanged: 2 });
    const list = await eventually(async () => {
      const body = (await chair('GET', `/orgs/${school.orgId}/members`)).body;
      expect(body.members.find((m: { staffNo: string }) => m.staffNo === 'A101').groupName).toBe('语文组');
      return body;
    });
    const lin = list.members.find((m: { staffNo: string }) => m.staffNo === 'A101');
    const chen = list.members.find((m: { staffNo: string }) => m.staffNo === 'A100');
    expect(lin.groupName).toBe('语文组');
    expect(lin.retired).toBe(true);
    expect(chen.roles).toContain('delegate');
    expect(chen.birthDate).toBe('1970-01-02');
  });

  it('invites right after an import reach the members just imported (the roster is read as it is now, not as the lagging list)', async () => {
    const s = await seed(10, 0);
    const c = await as(s.chair);
    const file = b64(await rosterXlsx([['新来甲', 'I1', '', '语文组', '否', '', '在职'], ['新来乙', 'I2', '', '数学组', '否', '', '在职']]));
    expect((await c('POST', `/orgs/${s.orgId}/roster/import`, { fileBase64: file, dryRun: false })).body.applied).toBe(true);
    const issued = await c('POST', `/orgs/${s.orgId}/invites`, {});
    expect(issued.status).toBe(201);
    expect(issued.body.invites.map((i: { name: string }) => i.name)).toEqual(expect.arrayContaining(['新来甲', '新来乙']));
  });

  it('concurrent imports of the same file never duplicate anyone', async () => {
    const s = await seed(10, 0);
    const c = await as(s.chair);
    const file = b64(await rosterXlsx(Array.from({ length: 20 }, (_, i) => [`并发${i}`, `C${i}`, '', '语文组', '否', '', '在职'])));
    await Promise.all(Array.from({ length: 4 }, () => c('POST', `/orgs/${s.orgId}/roster/import`, { fileBase64: file, dryRun: false })));
    await indexSettled();
    const members = (await c('GET', `/orgs/${s.orgId}/members`)).body.members as { staffNo: string }[];
    expect(members).toHaveLength(30);
    expect(new Set(members.map((m) => m.staffNo)).size).toBe(30);
  });

  it('exports a real .xlsx that imports back unchanged', async () => {
    await indexSettled();
    const res = await chair('GET', `/orgs/${school.orgId}/roster.xlsx`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    const rows = await readXlsx(res.raw);
    expect(rows[0]!.slice(0, 7)).toEqual(['姓名', '工号', '手机号', '工会小组', '是否代表', '出生日期', '在职/退休']);
    expect(rows.length - 1).toBe(await memberCount());
    const back = await chair('POST', `/orgs/${school.orgId}/roster/import`, { fileBase64: Buffer.from(res.raw).toString('base64'), dryRun: true });
    expect(back.body.report).toMatchObject({ created: 0, updated: 0, errorCount: 0 });
  });

  it('ordinary members cannot import or export', async () => {
    const m = await as(ordinary(school));
    expect((await m('GET', `/orgs/${school.orgId}/roster.xlsx`)).status).toBe(403);
  });
});

describe('editing and deactivating', () => {
  it('edits one member, validating the group', async () => {
    const target = ordinary(school);
    const groups = (await chair('GET', `/orgs/${school.orgId}/groups`)).body.groups;
    const res = await chair('PATCH', `/members/${target}`, { name: '改名了', groupId: groups[1].groupId, phone: '13700000000', isDelegate: true });
    expect(res.status).toBe(200);
    expect(res.body.member).toMatchObject({ name: '改名了', groupId: groups[1].groupId, phone: '13700000000', delegateTerm: '第九届' });
    expect(res.body.member.roles).toContain('delegate');
    expect((await chair('PATCH', `/members/${target}`, { groupId: 'gnotagroup1' })).status).toBe(400);
    expect((await chair('PATCH', `/members/${target}`, { phone: '123' })).status).toBe(400);
    expect((await chair('PATCH', `/members/${target}`, {})).status).toBe(400);
  });

  it('the audit log says what an edit changed, old → new, with phone numbers masked', async () => {
    const target = ordinary(school);
    await indexSettled(); // the list reads gsi1: the edit of the test before shows after a lag
    const before = (await chair('GET', `/orgs/${school.orgId}/members`)).body.members.find((m: { memberId: string }) => m.memberId === target);
    expect((await chair('PATCH', `/members/${target}`, { name: '新名字', phone: '13812345678' })).status).toBe(200);
    const entry = (await chair('GET', `/orgs/${school.orgId}/audit`)).body.entries.find((e: { action: string; target: { memberId?: string } }) => e.action === 'PATCH /members/{memberId}' && e.target.memberId === target);
    expect(entry.detail.changes).toEqual({ name: [before.name, '新名字'], phone: [before.phone ? `${before.phone.slice(0, 3)}****${before.phone.slice(-4)}` : null, '138****5678'] });
    expect(JSON.stringify(entry)).not.toContain('13812345678');
  });

  it('deactivates instead of deleting: the name stays, the login stops', async () => {
    const s = await seed(10, 0);
    const c = await as(s.chair);
    const target = ordinary(s);
    const member = await as(target);
    expect((await member('GET', '/me')).status).toBe(200);
    expect((await c('POST', `/members/${target}/deactivate`)).status).toBe(200);
    expect((await member('GET', '/me')).status).toBe(401);
    await eventually(async () => {
      const list = (await c('GET', `/orgs/${s.orgId}/members`)).body.members;
      expect(list.find((m: { memberId: string }) => m.memberId === target)).toMatchObject({ active: false });
    });
    expect((await c('POST', `/members/${s.chair}/deactivate`)).status).toBe(403) // nobody stops themselves;
  });
});

describe('audit log', () => {
  it('records committee writes with who, what, when and on what; only the chair reads it', async () => {
    const s = await seed(10, 0);
    const committee = await as(s.committee[0]!);
    await committee('POST', `/orgs/${s.orgId}/groups`, { name: '审计组' });
    await committee('POST', `/members/${ordinary(s)}/deactivate`);
    const c = await as(s.chair);
    const { body } = await c('GET', `/orgs/${s.orgId}/audit`);
    const actions = body.entries.map((e: { action: string }) => e.action);
    expect(actions).toEqual(['POST /members/{memberId}/deactivate', 'POST /orgs/{orgId}/groups']);
    expect(body.entries[1]).toMatchObject({ actorId: s.committee[0], target: { orgId: s.orgId }, detail: { name: '审计组' } });
    expect(Date.parse(body.entries[0].at)).toBeGreaterThan(Date.now() - 60_000);
    expect((await committee('GET', `/orgs/${s.orgId}/audit`)).status).toBe(403);
  });
});
