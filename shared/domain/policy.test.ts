import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../schemas/common';
import { isAllowed, POLICY, type Rule } from './policy';

const home = { orgId: 'o-home', districtId: 'd-1' };
const other = { orgId: 'o-other', districtId: 'd-1' };
const farAway = { orgId: 'o-far', districtId: 'd-2' };
const caller = (role: Role) => ({ ...home, roles: role === 'member' ? (['member'] as Role[]) : (['member', role] as Role[]) });

describe('policy table: every route × every role × own / another school', () => {
  const routes = Object.entries(POLICY) as [string, Rule][];
  for (const [route, rule] of routes) {
    for (const role of ROLES) {
      const expected = rule.scope === 'public' || rule.roles.includes('member') || rule.roles.includes(role);
      it(`${route} as ${role}: ${expected ? 'allowed' : 'forbidden'} at own school`, () => {
        expect(isAllowed(rule, caller(role), home)).toBe(expected);
      });
      if (rule.scope !== 'public' && rule.scope !== 'self') {
        const viaDistrict = Boolean(rule.district) && role === 'districtAdmin';
        it(`${route} as ${role} of another school: ${viaDistrict ? 'allowed (district)' : 'forbidden'}`, () => {
          expect(isAllowed(rule, caller(role), other)).toBe(viaDistrict);
          expect(isAllowed(rule, caller(role), farAway)).toBe(false);
        });
      }
    }
  }

  it('only the chair reads the audit log', () => {
    const allowed = ROLES.filter((r) => isAllowed(POLICY['GET /orgs/{orgId}/audit'], caller(r), home));
    expect(allowed).toEqual(['chair']);
  });
});

describe('policy properties', () => {
  const roles = fc.subarray([...ROLES]);
  const DISTRICT_OF = { a: 'x', b: 'x', c: 'y' } as const;
  const org = fc.constantFrom('a', 'b', 'c').map((orgId) => ({ orgId, districtId: DISTRICT_OF[orgId] }));
  const rules = fc.constantFrom(...(Object.values(POLICY) as Rule[]).filter((r) => r.scope !== 'public' && r.scope !== 'self'));

  it('nobody ever acts on another district', () => {
    fc.assert(
      fc.property(rules, roles, org, org, (rule, rs, me, target) => {
        fc.pre(me.districtId !== target.districtId);
        expect(isAllowed(rule, { ...me, roles: ['member', ...rs] }, target)).toBe(false);
      }),
    );
  });

  it('outside a district admin reading, a resource of another school is always forbidden', () => {
    fc.assert(
      fc.property(rules, roles, org, org, (rule, rs, me, target) => {
        fc.pre(me.orgId !== target.orgId && !(rule.district && rs.includes('districtAdmin')));
        expect(isAllowed(rule, { ...me, roles: ['member', ...rs] }, target)).toBe(false);
      }),
    );
  });

  it('more roles never take a permission away', () => {
    fc.assert(
      fc.property(rules, roles, roles, org, (rule, a, b, target) => {
        const me = { ...target };
        if (isAllowed(rule, { ...me, roles: ['member', ...a] }, target)) {
          expect(isAllowed(rule, { ...me, roles: ['member', ...a, ...b] }, target)).toBe(true);
        }
      }),
    );
  });
});

describe('a district-wide resource (全区 campaign)', () => {
  const wide = { orgId: 'o-office', districtId: 'd-1', districtWide: true };
  it('lets in the roles of a route from any school of its district, and no one from another district', () => {
    fc.assert(
      fc.property(fc.constantFrom(...(Object.values(POLICY) as Rule[]).filter((r) => r.scope === 'campaign')), fc.constantFrom(...ROLES), fc.boolean(), (rule, role, sameDistrict) => {
        const me = { orgId: 'o-somewhere', districtId: sameDistrict ? 'd-1' : 'd-2', roles: ['member', role] as Role[] };
        expect(isAllowed(rule, me, wide)).toBe(sameDistrict && (rule.roles.includes('member') || rule.roles.includes(role)));
      }),
    );
  });
  it('a school resource stays its school’s', () => {
    expect(isAllowed(POLICY['GET /campaigns/{campaignId}'], caller('member'), { ...other })).toBe(false);
    expect(isAllowed(POLICY['GET /campaigns/{campaignId}'], caller('member'), { ...other, districtWide: true })).toBe(true);
    expect(isAllowed(POLICY['POST /campaigns/{campaignId}/donations/confirm'], caller('member'), { ...other, districtWide: true })).toBe(false);
  });
});
