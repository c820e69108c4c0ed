import { inject } from 'vitest';
import { client } from './apiProcess';
import { indexSettled } from './eventually';

export const api = () => inject('apiUrl');
export const anon = () => client(api());

export interface School {
  orgId: string;
  districtId: string;
  /** The district union's admin (区工会管理员) of that district. */
  districtAdmin: string;
  chair: string;
  treasurer: string;
  committee: string[];
  groupLeaders: string[];
  delegates: string[];
  members: string[];
}

export async function seed(members = 20, delegates = 5): Promise<School> {
  const res = await anon()('POST', '/dev/seed', { members, delegates });
  if (res.status !== 201) throw new Error(`seed failed: ${res.status} ${JSON.stringify(res.body)}`);
  // A school seeded "a while ago": its members are in the lists (gsi1) before the test starts.
  await indexSettled();
  return res.body as School;
}

export async function as(memberId: string) {
  const res = await anon()('POST', '/dev/login', { memberId });
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${JSON.stringify(res.body)}`);
  return client(api(), (res.body as { token: string }).token);
}

/** An ordinary member: no office, not a delegate, not a group leader. */
export function ordinary(s: School): string {
  const busy = new Set([s.chair, s.treasurer, ...s.committee, ...s.groupLeaders, ...s.delegates]);
  const id = s.members.find((m) => !busy.has(m));
  if (!id) throw new Error('school has no ordinary member');
  return id;
}
