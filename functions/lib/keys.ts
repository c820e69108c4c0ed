/**
 * Single-table key design. Every query the API makes is a GetItem or a Query on
 * the table or on GSI1; nothing scans. See README "Table design".
 *
 *   entity            pk                      sk                     gsi1pk              gsi1sk
 *   district          DIST#<d>                META
 *   school (org)      ORG#<o>                 META                   DIST#<d>#ORGS       ORG#<o>
 *   union group       ORG#<o>                 GROUP#<g>
 *   staff-no claim    ORG#<o>                 STAFFNO#<no>
 *   member            MEMBER#<m>              META                   ORG#<o>#MEMBERS     <g>#<m>
 *   consent           MEMBER#<m>              CONSENT#<version>
 *   wechat binding    OPENID#<openid>         META
 *   invite            INVITE#<hmac(code)>     META
 *   audit entry       ORG#<o>#AUDIT           <iso time>#<id>
 *   rate window       RATE#<key>#<window>     META  (expires by TTL)
 *   seeded schools    DEV#ORGS                <iso time>#<o>
 */
export const K = {
  district: (d: string) => ({ pk: `DIST#${d}`, sk: 'META' }),
  org: (o: string) => ({ pk: `ORG#${o}`, sk: 'META' }),
  orgsOfDistrict: (d: string) => `DIST#${d}#ORGS`,
  group: (o: string, g: string) => ({ pk: `ORG#${o}`, sk: `GROUP#${g}` }),
  staffNo: (o: string, no: string) => ({ pk: `ORG#${o}`, sk: `STAFFNO#${no}` }),
  member: (m: string) => ({ pk: `MEMBER#${m}`, sk: 'META' }),
  membersOfOrg: (o: string) => `ORG#${o}#MEMBERS`,
  memberInOrg: (g: string, m: string) => `${g}#${m}`,
  consent: (m: string, version: string) => ({ pk: `MEMBER#${m}`, sk: `CONSENT#${version}` }),
  openid: (openid: string) => ({ pk: `OPENID#${openid}`, sk: 'META' }),
  invite: (hash: string) => ({ pk: `INVITE#${hash}`, sk: 'META' }),
  audit: (o: string) => `ORG#${o}#AUDIT`,
  rate: (key: string, window: number) => ({ pk: `RATE#${key}#${window}`, sk: 'META' }),
  devOrgs: () => 'DEV#ORGS',
} as const;
