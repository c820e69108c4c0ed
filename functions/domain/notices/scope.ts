import { Notice, type NoticeItem } from '../../entities/notice';
import { itemOfType, registerScope } from '../../lib/scopes';

/** Routes on `/notices/{noticeId}` act on the notice's school and receive the notice. */
declare module '../../lib/scopes' {
  interface ScopeResources {
    notice: NoticeItem;
  }
}

registerScope('notice', {
  key: (p) => (p.noticeId ? Notice.key({ noticeId: p.noticeId }) : undefined),
  resolve: itemOfType<NoticeItem>('notice'),
});
