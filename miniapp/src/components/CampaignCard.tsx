import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { CampaignView } from '../api/types'
import { KIND_LABELS, progressPercent, yuan } from '../lib/campaigns'
import { fmtDateTime } from '../lib/events'
import { ROUTES } from '../lib/routes'
import NoOrphan from './NoOrphan'
import StatusTag from './StatusTag'
import './CampaignCard.css'

/** A campaign's goal, progress bar, confirmed total and donor count; `link`: tapping opens it. */
export default function CampaignCard({ c, link }: { c: CampaignView; link?: boolean }) {
  const pct = progressPercent(c)
  const open = c.state === 'open'
  return (
    <View
      className="cp-card"
      data-testid={`campaign-card-${c.campaignId}`}
      role={link ? 'button' : undefined}
      onClick={link ? () => void Taro.navigateTo({ url: ROUTES.campaign(c.campaignId) }) : undefined}
    >
      <View className="cp-card__head">
        <Text className="cp-card__title">
          <NoOrphan text={c.title} />
        </Text>
        {c.districtWide && <StatusTag text="全区" tone="done" className="cp-card__tag" />}
        <StatusTag text={open ? '进行中' : '已结束'} tone={open ? 'ok' : 'muted'} className="cp-card__tag" />
      </View>
      <Text className="cp-card__line">
        {KIND_LABELS[c.kind]} · {open ? `${fmtDateTime(c.closesAt)} 截止` : `${fmtDateTime(c.closesAt)} 已截止`}
      </Text>
      <View className="cp-card__sum">
        <Text className="cp-card__label">已确认</Text>
        <Text className="cp-card__money" data-testid={`campaign-confirmed-${c.campaignId}`}>
          {yuan(c.confirmedFen)}
        </Text>
      </View>
      {c.goalFen !== undefined && (
        <>
          <View className="cp-bar" data-testid={`campaign-bar-${c.campaignId}`}>
            <View className="cp-bar__fill" style={{ width: `${pct ?? 0}%` }} />
          </View>
          <Text className="cp-card__line">
            目标 {yuan(c.goalFen)} · 已完成 {pct}%
          </Text>
        </>
      )}
      <View className="cp-card__foot">
        <Text className="cp-card__line" data-testid={`campaign-donors-${c.campaignId}`}>
          {c.donorCount} 人捐款
        </Text>
        {link && <Text className="cp-card__go">{open ? '去捐款 ›' : '查看 ›'}</Text>}
      </View>
    </View>
  )
}
