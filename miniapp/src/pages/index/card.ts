import type { Me } from '../../api/types'
import type { Tone } from '../../lib/events'

/** 首页: one card of what waits for me (sources.ts lists where cards come from). */
export interface HomeItem {
  /** Test id `home-<card key>-<id>`. */
  id: string
  title: string
  /** Under the title, e.g. [time, place]: joined by ·, each part wraps whole at its end. */
  sub?: string[]
  tag?: { text: string; tone: Tone }
  /** Where a tap goes. */
  url: string
}

export interface HomeCard {
  /** Test id `home-card-<key>`. */
  key: string
  title: string
  items: HomeItem[]
  /** The last row: the whole list (a tab page is switched to, not opened). */
  more: { text: string; url: string; tab?: boolean }
}

/** Where some cards come from: one feature's requests, made once per visit to 首页. */
export interface HomeSource {
  key: string
  /** Whether it is for this member at all (default yes); one that is not makes no request and is left out. */
  applies?: (me: Me) => boolean
  load: (me: Me) => Promise<HomeCard[]>
}

/** How many items a card shows; the rest are behind its last row. */
export const CARD_ITEMS = 3
