/** The create / edit event form: defaults, validation in Chinese, and the request bodies. Pure. */
import type { CreateEventBody, EventOption, EventView, UpdateEventBody } from '../../api/types'
import { isoWithOffset, localDate, parseChoiceList, splitLocal } from '../../lib/eventsMore'
import { chinaInstant, chinaParts } from '@shared/domain/chinaTime'

export const MAX_OPTIONS = 3
export const MAX_FAMILY = 5

export interface OptionDraft {
  /**
   * Kept from the event when editing (never changed: sign-ups refer to it); absent for an option
   * added in the form, which gets a new unique key (o1, o2 …) when the body is built.
   */
  key?: string
  label: string
  /** As typed: choices separated by commas. */
  choices: string
}

export interface EventForm {
  title: string
  place: string
  startDate: string
  startTime: string
  closeDate: string
  closeTime: string
  capacity: string
  maxFamily: number
  options: OptionDraft[]
  costNote: string
  description: string
}

export type FieldKey = 'title' | 'place' | 'start' | 'close' | 'capacity' | 'costNote' | 'description' | `option${number}`
export type FormErrors = Partial<Record<FieldKey, string>>

/** A week from today at 08:00 China time; sign-up closes two days before at 18:00. */
export function defaultForm(now: Date = new Date()): EventForm {
  const today = chinaParts(now)
  const start = new Date(chinaInstant(today.year, today.month, today.day + 7, 8, 0))
  const close = new Date(chinaInstant(today.year, today.month, today.day + 5, 18, 0))
  const s = splitLocal(start)
  const c = splitLocal(close)
  return {
    title: '',
    place: '',
    startDate: s.date,
    startTime: s.time,
    closeDate: c.date,
    closeTime: c.time,
    capacity: '',
    maxFamily: 0,
    options: [],
    costNote: '',
    description: '',
  }
}

export function formFromEvent(e: EventView): EventForm {
  const s = splitLocal(new Date(e.startsAt))
  const c = splitLocal(new Date(e.signupClosesAt))
  return {
    title: e.title,
    place: e.place,
    startDate: s.date,
    startTime: s.time,
    closeDate: c.date,
    closeTime: c.time,
    capacity: String(e.capacity),
    maxFamily: e.maxFamily,
    options: e.options.map((o) => ({ key: o.key, label: o.label, choices: o.choices.join('，') })),
    costNote: e.costNote ?? '',
    description: e.description ?? '',
  }
}

const len = (s: string) => [...s.trim()].length

/**
 * Checks the form the way the server will, and says what is wrong in words a teacher uses.
 * `existing` is the event being edited (its published options cannot be blanked; the server
 * refuses, with 409, to drop a choice someone already took).
 */
export function validate(f: EventForm, now: Date = new Date(), existing?: EventView): FormErrors {
  const e: FormErrors = {}
  if (!f.title.trim()) e.title = '请填写活动名称，例如“春游”'
  else if (len(f.title) > 60) e.title = '活动名称最多 60 个字'
  if (!f.place.trim()) e.place = '请填写地点'
  else if (len(f.place) > 100) e.place = '地点最多 100 个字'

  const start = localDate(f.startDate, f.startTime)
  const close = localDate(f.closeDate, f.closeTime)
  const startChanged = !existing || !start || start.getTime() !== Date.parse(existing.startsAt)
  const closeChanged = !existing || !close || close.getTime() !== Date.parse(existing.signupClosesAt)
  if (!start) e.start = '请选择活动日期和时间'
  else if (startChanged && start.getTime() <= now.getTime()) e.start = '活动时间应晚于现在'
  if (!close) e.close = '请选择报名截止的日期和时间'
  else if (start && close.getTime() > start.getTime()) e.close = '报名截止时间应早于活动开始时间'
  else if (closeChanged && close.getTime() <= now.getTime()) e.close = '报名截止时间应晚于现在'

  const cap = f.capacity.trim()
  if (!/^\d+$/.test(cap) || Number(cap) < 1) e.capacity = '请填写名额，至少 1 个'
  else if (Number(cap) > 100000) e.capacity = '名额太多了，最多 100000'
  else if (existing && Number(cap) < existing.confirmedSeats) e.capacity = `已有 ${existing.confirmedSeats} 个名额报上了，名额不能少于这个数`

  f.options.forEach((o, i) => {
    const choices = parseChoiceList(o.choices)
    const published = !!existing && !!o.key && existing.options.some((p) => p.key === o.key)
    if (!o.label.trim() && !choices.length) {
      // an empty new option is simply left out; a published one cannot be blanked
      if (published) e[`option${i}`] = '这一项已经发布，不能清空；请填写名称和可选项'
      return
    }
    if (!o.label.trim()) e[`option${i}`] = '请填写选项名称，例如“乘车点”'
    else if (len(o.label) > 32) e[`option${i}`] = '选项名称最多 32 个字'
    else if (!choices.length) e[`option${i}`] = `请填写“${o.label.trim()}”有哪些可选，用逗号隔开`
    else if (choices.length > 20) e[`option${i}`] = '可选项最多 20 个'
    else if (choices.some((c) => len(c) > 32)) e[`option${i}`] = '每个可选项最多 32 个字'
    else if (f.options.some((p, j) => j < i && p.label.trim() === o.label.trim())) e[`option${i}`] = '两个选项的名称重复了'
  })
  if (len(f.costNote) > 200) e.costNote = '费用说明最多 200 个字'
  if (len(f.description) > 2000) e.description = '活动介绍最多 2000 个字'
  return e
}

/**
 * Options that were filled in. An option keeps its key; one without gets the first of o1, o2 …
 * that no other option uses (so keys of published options are never reused or regenerated).
 */
export function optionsOf(f: EventForm): EventOption[] {
  const filled = f.options
    .map((o) => ({ key: o.key, label: o.label.trim(), choices: parseChoiceList(o.choices) }))
    .filter((o) => o.key || (o.label && o.choices.length))
  const used = new Set(filled.map((o) => o.key).filter(Boolean))
  let n = 0
  return filled.map(({ key, label, choices }) => {
    if (!key) {
      do key = `o${++n}`
      while (used.has(key))
      used.add(key)
    }
    return { key, label, choices }
  })
}

const sameOptions = (a: EventOption[], b: EventOption[]) =>
  a.length === b.length &&
  a.every((o, i) => o.key === b[i].key && o.label === b[i].label && o.choices.length === b[i].choices.length && o.choices.every((c, j) => c === b[i].choices[j]))

/** POST /orgs/{orgId}/events (call after validate() found nothing). */
export function createBody(f: EventForm): CreateEventBody {
  const body: CreateEventBody = {
    title: f.title.trim(),
    place: f.place.trim(),
    startsAt: isoWithOffset(localDate(f.startDate, f.startTime)!),
    signupClosesAt: isoWithOffset(localDate(f.closeDate, f.closeTime)!),
    capacity: Number(f.capacity.trim()),
    maxFamily: f.maxFamily,
    options: optionsOf(f),
  }
  if (f.costNote.trim()) body.costNote = f.costNote.trim()
  if (f.description.trim()) body.description = f.description.trim()
  return body
}

/** PATCH /events/{id}: only what changed (empty when nothing did). */
export function updateBody(e: EventView, f: EventForm): Partial<UpdateEventBody> {
  const b: Partial<UpdateEventBody> = {}
  if (f.title.trim() !== e.title) b.title = f.title.trim()
  if (f.place.trim() !== e.place) b.place = f.place.trim()
  const start = localDate(f.startDate, f.startTime)!
  const close = localDate(f.closeDate, f.closeTime)!
  if (start.getTime() !== Date.parse(e.startsAt)) b.startsAt = isoWithOffset(start)
  if (close.getTime() !== Date.parse(e.signupClosesAt)) b.signupClosesAt = isoWithOffset(close)
  if (Number(f.capacity.trim()) !== e.capacity) b.capacity = Number(f.capacity.trim())
  if (f.maxFamily !== e.maxFamily) b.maxFamily = f.maxFamily
  const options = optionsOf(f)
  if (!sameOptions(options, e.options)) b.options = options
  if (f.costNote.trim() !== (e.costNote ?? '')) b.costNote = f.costNote.trim()
  if (f.description.trim() !== (e.description ?? '')) b.description = f.description.trim()
  return b
}
