/**
 * Money as members type it and as the app shows it. Amounts are integer fen everywhere; the only
 * yuan is the text a member types ("50", "50.5", "50.05") and the text the app shows ("50.00").
 * Both directions work on the digits, never through a floating-point number, so ¥0.1 + ¥0.2 is
 * 30 fen and nothing is ever off by one fen. Plain functions: the mini-program imports them.
 */

/** The largest single gift the API takes: 1,000,000 yuan. */
export const MAX_GIFT_FEN = 100_000_000;

export type YuanInput = { ok: true; fen: number } | { ok: false; error: string };

/** Full-width digits and point (a Chinese keyboard's) read as their ASCII twins. */
const halfWidth = (s: string) => s.replace(/[\uFF10-\uFF19\uFF0E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

/** Yuan typed as text → integer fen; refused, with the reason in Chinese, when it is not an amount one can give. */
export function parseYuan(text: string): YuanInput {
  const s = halfWidth(text.trim()).replace(/^[¥￥]\s*/, '');
  if (s === '') return { ok: false, error: '请输入金额' };
  if (/^-/.test(s)) return { ok: false, error: '金额必须大于 0' };
  const m = /^(\d+)(?:\.(\d+))?$/.exec(s);
  if (!m) return { ok: false, error: '金额只能是数字，例如 50 或 50.5' };
  const [, whole, decimals = ''] = m as unknown as [string, string, string | undefined];
  if (decimals.length > 2) return { ok: false, error: '金额最多两位小数（精确到分）' };
  const yuan = whole.replace(/^0+(?=\d)/, '');
  if (yuan.length > 7) return { ok: false, error: '单笔金额不能超过 100 万元' };
  const fen = Number(yuan) * 100 + Number(decimals.padEnd(2, '0'));
  if (fen <= 0) return { ok: false, error: '金额必须大于 0' };
  if (fen > MAX_GIFT_FEN) return { ok: false, error: '单笔金额不能超过 100 万元' };
  return { ok: true, fen };
}

// formatFen lives in fen.ts so that the mini-program's main package takes it without parseYuan.
export { formatFen } from './fen';
