import type { Me } from '../../api/types'
import type { HomeCard, HomeSource } from './card'
import { eventCards } from './eventCards'
import { messageCard } from './messageCard'
import { campaignCard } from './campaignCard'
import { ballotCard } from './ballotCard'
import { proposalCard } from './proposalCard'
import { noticeCard } from './noticeCard'

/**
 * 首页 shows what waits for me, as cards. Each feature adds its source here (通知, 活动, 消息, 表决, 捐款
 * and 待我附议); a card with nothing in it is not shown.
 */
export const HOME_SOURCES: HomeSource[] = [noticeCard, eventCards, messageCard, ballotCard, campaignCard, proposalCard]

export type SourceResult = { key: string; cards: HomeCard[] } | { key: string; error: unknown }

/** Every source that applies to me, at once; one that fails does not hide the others. */
export function loadHome(me: Me, sources: readonly HomeSource[] = HOME_SOURCES): Promise<SourceResult[]> {
  return Promise.all(
    sources.filter((s) => s.applies?.(me) ?? true).map((s) =>
      s.load(me).then(
        (cards) => ({ key: s.key, cards: cards.filter((c) => c.items.length > 0) }),
        (error: unknown) => ({ key: s.key, error }),
      ),
    ),
  )
}
