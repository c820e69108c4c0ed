import qrcode from 'qrcode-generator'

/** Dark runs `[startColumn, length]` of each row of a QR code for `text` (error correction M), and its size in modules. */
export function qrRuns(text: string): { count: number; rows: [number, number][][] } {
  const q = qrcode(0, 'M')
  q.addData(text, 'Byte')
  q.make()
  const count = q.getModuleCount()
  const rows: [number, number][][] = []
  for (let r = 0; r < count; r++) {
    const runs: [number, number][] = []
    let start = -1
    for (let c = 0; c <= count; c++) {
      const dark = c < count && q.isDark(r, c)
      if (dark && start < 0) start = c
      if (!dark && start >= 0) {
        runs.push([start, c - start])
        start = -1
      }
    }
    rows.push(runs)
  }
  return { count, rows }
}
