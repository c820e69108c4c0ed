import type { AuditList } from '@shared/schemas/member'
import { request } from '../../api/client'
import { api } from '../../api/more'
import type { AuditEntry, AuditNames } from './auditText'

export interface AuditPage {
  entries: AuditEntry[]
  names: AuditNames
}

const seg = encodeURIComponent

/**
 * GET /orgs/{orgId}/audit (newest first), with the roster and the events alongside so a line can say
 * whom or which event it was about; those two are best effort (the log shows without them).
 */
export async function loadAudit(orgId: string): Promise<AuditPage> {
  const [audit, members, events] = await Promise.all([
    request<AuditList>('GET', `/orgs/${seg(orgId)}/audit`),
    api.members(orgId).catch(() => undefined),
    request<{ events: { eventId: string; title: string }[] }>('GET', `/orgs/${seg(orgId)}/events`).catch(() => undefined),
  ])
  const memberNames = new Map((members?.members ?? []).map((m) => [m.memberId, m.name]))
  const eventTitles = new Map((events?.events ?? []).map((e) => [e.eventId, e.title]))
  return {
    entries: audit.entries,
    names: { member: (id) => memberNames.get(id), event: (id) => eventTitles.get(id) },
  }
}
