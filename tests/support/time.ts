/** ISO times relative to now, with the +08:00 offset people here use. */
export function inHours(h: number): string {
  const d = new Date(Date.now() + h * 3600_000 + 8 * 3600_000);
  return d.toISOString().replace('Z', '+08:00').replace(/\.\d{3}/, '');
}
