import { request } from '../api/client'
import type { NoticeView, CreateNoticeBody, EditNoticeBody } from '@shared/schemas/notices'

const seg = encodeURIComponent

export type { NoticeView }

export interface NoticeReads {
  readCount: number
  memberCount: number
  readers: { memberId: string; name: string; at: string }[]
  unread: { memberId: string; name: string }[]
}

/** The notice routes, kept in this sub-package (the main package's `api` stays thin). */
export const noticeApi = {
  list: (orgId: string) => request<{ notices: NoticeView[] }>('GET', `/orgs/${seg(orgId)}/notices`),
  get: (noticeId: string) => request<NoticeView>('GET', `/notices/${seg(noticeId)}`),
  create: (orgId: string, body: CreateNoticeBody) => request<NoticeView>('POST', `/orgs/${seg(orgId)}/notices`, body),
  edit: (noticeId: string, body: EditNoticeBody) => request<NoticeView>('PATCH', `/notices/${seg(noticeId)}`, body),
  read: (noticeId: string) => request<unknown>('POST', `/notices/${seg(noticeId)}/read`, {}),
  reads: (noticeId: string) => request<NoticeReads>('GET', `/notices/${seg(noticeId)}/reads`),
}

export const NOTICE_FORM = (noticeId?: string) => (noticeId ? `/notice/form/index?id=${seg(noticeId)}` : '/notice/form/index')
