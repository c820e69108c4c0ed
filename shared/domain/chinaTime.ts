/**
 * Times as people here read them: China Standard Time (UTC+8, no daylight saving), whatever time
 * zone the phone or the server is set to. Plain arithmetic, no Intl: every WeChat base library
 * has Date, not every one has full Intl. Used by the mini-program and the functions alike.
 */
const OFFSET_MS = 8 * 3600_000;
const pad = (n: number) => String(n).padStart(2, '0');
export const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

export interface ChinaParts {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  /** 0 = Sunday */
  weekday: number;
  hour: number;
  minute: number;
  second: number;
}

/** The wall-clock reading in China of an instant (ms, ISO string or Date). */
export function chinaParts(at: number | string | Date): ChinaParts {
  const d = new Date(new Date(at).getTime() + OFFSET_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), weekday: d.getUTCDay(), hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds() };
}

/** The instant (ms) at which China's clocks read the given date and time. */
export const chinaInstant = (year: number, month: number, day: number, hour = 0, minute = 0) => Date.UTC(year, month - 1, day, hour, minute) - OFFSET_MS;

/** `YYYY-MM-DD` and `HH:mm` in China. */
export function chinaDateTime(at: number | string | Date): { date: string; time: string } {
  const p = chinaParts(at);
  return { date: `${p.year}-${pad(p.month)}-${pad(p.day)}`, time: `${pad(p.hour)}:${pad(p.minute)}` };
}

/** ISO 8601 with China's offset, e.g. 2027-04-12T08:00:00+08:00. */
export function chinaIso(at: number | string | Date): string {
  const { date, time } = chinaDateTime(at);
  return `${date}T${time}:${pad(chinaParts(at).second)}+08:00`;
}

/** Whether two instants fall on the same day in China. */
export const sameChinaDay = (a: number | string | Date, b: number | string | Date) => chinaDateTime(a).date === chinaDateTime(b).date;
