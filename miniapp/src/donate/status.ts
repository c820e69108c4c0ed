import type { DonationStatus } from '../api/types'
import type { Tone } from '../lib/events'

/** A gift's status in words (the donate sub-package's; kept out of the main package). */
export const STATUS_TEXT: Record<DonationStatus, { text: string; tone: Tone }> = {
  recorded: { text: '已登记', tone: 'wait' },
  confirmed: { text: '已确认', tone: 'ok' },
  rejected: { text: '未通过', tone: 'bad' },
}
