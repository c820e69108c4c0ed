/** Roles and their Chinese names. Plain data, no zod: the mini-program imports it as a value. */
export const ROLES = ['member', 'groupLeader', 'delegate', 'committee', 'treasurer', 'chair', 'districtAdmin'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  member: '会员',
  groupLeader: '工会小组长',
  delegate: '教代会代表',
  committee: '工会委员',
  treasurer: '经审/财务',
  chair: '工会主席',
  districtAdmin: '区教育工会',
};

/** Every member has the role 'member'; stored role lists leave it out. */
export const withMemberRole = (roles: readonly Role[]): Role[] => ['member', ...roles.filter((r) => r !== 'member')];
