import * as z from 'zod/mini';

/** 通知 / 校务公开: the committee posts, every member reads. */
export const CreateNoticeBody = z.strictObject({
  title: z.string().check(z.trim(), z.minLength(1, '请填写通知标题'), z.maxLength(60)),
  body: z.string().check(z.trim(), z.minLength(1, '请填写通知内容'), z.maxLength(5000)),
  pinned: z.optional(z.boolean()),
});
export type CreateNoticeBody = z.infer<typeof CreateNoticeBody>;

export const EditNoticeBody = z
  .strictObject({
    title: z.optional(CreateNoticeBody.shape.title),
    body: z.optional(CreateNoticeBody.shape.body),
    pinned: z.optional(z.boolean()),
  })
  .check(z.refine((b) => Object.keys(b).length > 0, '请至少修改一项'));
export type EditNoticeBody = z.infer<typeof EditNoticeBody>;

export interface NoticeView {
  noticeId: string;
  orgId: string;
  title: string;
  body: string;
  pinned: boolean;
  createdAt: string;
  createdByName: string;
  updatedAt?: string;
  /** Whether the caller has read it. */
  read: boolean;
  /** The committee's view only: how many members have read it, of how many active members. */
  readCount?: number;
}
