/** A new donation id, made on the phone once per attempt (a retried tap sends the same one). */
export function newDonationId(): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'
  let s = 'g'
  for (let i = 0; i < 20; i++) s += chars[Math.floor(Math.random() * chars.length)]
  return `${s}${Date.now().toString(36)}`
}
