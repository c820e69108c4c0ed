import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaDateTime } from '../../../shared/domain/chinaTime';
import { termOf } from '../../../shared/domain/term';
import { startLocalDynamo, type LocalDynamo } from '../../../local/dynamodb/index';
import { ensureTable } from '../../../local/stack';

/** A school whose tallies are missing (records from before them) or wrong is mended from its records, and the check then agrees. */
let dynamo: LocalDynamo;
beforeAll(async () => {
  dynamo = await startLocalDynamo({ port: 0, dataDir: mkdtempSync(join(tmpdir(), 'rebuild-')) });
  Object.assign(process.env, { AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint, AWS_REGION: 'local', AWS_ACCESS_KEY_ID: 'local', AWS_SECRET_ACCESS_KEY: 'local', TABLE_NAME: 'rebuild', LOG_LEVEL: 'ERROR' });
  await ensureTable(dynamo.endpoint, 'rebuild');
});
afterAll(() => dynamo.close());

describe('rebuilding a term tally from the records', () => {
  it('mends a missing or drifted tally so that the tally check agrees again', async () => {
    const { seedSchool } = await import('../seed');
    const { createCareVisit } = await import('../care/visits');
    const { checkTally } = await import('./check');
    const { rebuildTally } = await import('./rebuild');
    const { remove, transact, update } = await import('../../lib/db');
    const { TermTally } = await import('../../entities/termTally');
    const { MemberCounts } = await import('../../entities/memberCounts');
    const school = await seedSchool({ members: 12, delegates: 0 });
    const term = termOf(Date.now());
    const today = chinaDateTime(Date.now()).date;
    await createCareVisit({ orgId: school.orgId, districtId: school.districtId }, { memberId: school.members[3]!, kind: 'illness', date: today, giftFen: 50_000 }, school.chair);
    expect((await checkTally(school.orgId, term)).ok).toBe(true);

    // Records from before the tallies: no tally, no counts.
    await transact([remove(TermTally.key({ orgId: school.orgId, term })), remove(MemberCounts.key({ orgId: school.orgId }))]);
    const missing = await checkTally(school.orgId, term);
    expect(missing.rows.filter((r) => !r.ok).map((r) => r.figure)).toEqual(expect.arrayContaining(['members.active', 'members.new', 'care.visits', 'care.giftFen', 'care.byKind.illness.giftFen']));
    const rebuilt = await rebuildTally(school.orgId, term);
    expect(rebuilt.tally['care.giftFen']).toBe(50_000);
    expect(rebuilt.counts['members.active']).toBe(12);
    expect((await checkTally(school.orgId, term)).ok).toBe(true);

    // A drifted figure is set back to what the records say.
    await transact([update(TermTally.key({ orgId: school.orgId, term }), { UpdateExpression: 'ADD #f :by', ExpressionAttributeNames: { '#f': 'care.visits' }, ExpressionAttributeValues: { ':by': 3 } })]);
    expect((await checkTally(school.orgId, term)).rows.find((r) => r.figure === 'care.visits')).toMatchObject({ report: 1, recount: 4, ok: false });
    await rebuildTally(school.orgId, term);
    expect((await checkTally(school.orgId, term)).ok).toBe(true);
  });
});
