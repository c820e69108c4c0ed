/** Integer fen shown as yuan (money.ts re-exports it; the mini-program's main package imports it from here alone). */

/** Integer fen → yuan with two decimals: 5000 → "50.00", 5 → "0.05". */
export function formatFen(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
