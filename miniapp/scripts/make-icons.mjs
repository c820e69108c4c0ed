// Draws the tab-bar icons as small PNGs (no downloads, no dependencies).
// Run: node miniapp/scripts/make-icons.mjs  → miniapp/src/assets/tab/<name>[-active].png
import { writeFileSync, mkdirSync } from 'node:fs'
import { deflateSync } from 'node:zlib'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const SIZE = 81 // WeChat recommends 81×81 px
const OUT = join(dirname(fileURLToPath(import.meta.url)), '..', 'src', 'assets', 'tab')
const GREY = [0x4a, 0x4a, 0x4a]
const RED = [0xc8, 0x16, 0x1d]

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})
const crc32 = (buf) => {
  let c = 0xffffffff
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}
const chunk = (type, data) => {
  const len = Buffer.alloc(4)
  len.writeUInt32BE(data.length)
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(td))
  return Buffer.concat([len, td, crc])
}
function png(width, height, rgba) {
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(width, 0)
  ihdr.writeUInt32BE(height, 4)
  ihdr[8] = 8 // bit depth
  ihdr[9] = 6 // RGBA
  const raw = Buffer.alloc((width * 4 + 1) * height)
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0
    rgba.copy(raw, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4)
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

// Shapes: (x, y) in [0,1]², y down. Return true when the point is inked.
const inRect = (x, y, x0, y0, x1, y1) => x >= x0 && x <= x1 && y >= y0 && y <= y1
const inCircle = (x, y, cx, cy, r) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r
const inRing = (x, y, cx, cy, r, w) => {
  const d = Math.hypot(x - cx, y - cy)
  return d <= r && d >= r - w
}
const W = 0.085 // stroke width
function inRoundRectOutline(x, y, x0, y0, x1, y1, r, w) {
  const inside = (px, py, a0, b0, a1, b1, rr) => {
    if (px < a0 || px > a1 || py < b0 || py > b1) return false
    const cx = Math.min(Math.max(px, a0 + rr), a1 - rr)
    const cy = Math.min(Math.max(py, b0 + rr), b1 - rr)
    return (px - cx) ** 2 + (py - cy) ** 2 <= rr * rr
  }
  return inside(x, y, x0, y0, x1, y1, r) && !inside(x, y, x0 + w, y0 + w, x1 - w, y1 - w, Math.max(r - w, 0.001))
}
function inTriangleStroke(x, y) {
  // roof: lines from (0.12,0.5) to (0.5,0.14) to (0.88,0.5)
  const seg = (ax, ay, bx, by) => {
    const dx = bx - ax, dy = by - ay
    const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)))
    return Math.hypot(x - (ax + t * dx), y - (ay + t * dy)) <= W / 2 + 0.005
  }
  return seg(0.1, 0.5, 0.5, 0.13) || seg(0.5, 0.13, 0.9, 0.5)
}
const shapes = {
  home: (x, y) =>
    inTriangleStroke(x, y) ||
    (inRoundRectOutline(x, y, 0.22, 0.42, 0.78, 0.88, 0.04, W) && !inRect(x, y, 0.42, 0.62, 0.58, 0.9)) ||
    inRoundRectOutline(x, y, 0.4, 0.6, 0.6, 0.9, 0.02, W),
  events: (x, y) =>
    inRoundRectOutline(x, y, 0.12, 0.2, 0.88, 0.88, 0.08, W) ||
    inRect(x, y, 0.12, 0.2, 0.88, 0.38) ||
    inRect(x, y, 0.28, 0.08, 0.28 + W, 0.28) ||
    inRect(x, y, 0.72 - W, 0.08, 0.72, 0.28) ||
    [0.32, 0.5, 0.68].some((cx) => inCircle(x, y, cx, 0.54, 0.055) || inCircle(x, y, cx, 0.72, 0.055)),
  donate: (x, y) => {
    const u = (x - 0.5) / 0.36
    const v = (0.52 - y) / 0.36
    const f = (u * u + v * v - 1) ** 3 - u * u * v ** 3
    return f <= 0
  },
  proposals: (x, y) =>
    inRoundRectOutline(x, y, 0.18, 0.1, 0.82, 0.9, 0.06, W) ||
    [0.32, 0.48, 0.64].some((ly) => inRect(x, y, 0.32, ly - W / 2, 0.68, ly + W / 2)) ||
    inRect(x, y, 0.32, 0.76, 0.52, 0.76 + W),
  mine: (x, y) =>
    inRing(x, y, 0.5, 0.32, 0.19, W) ||
    ((((x - 0.5) / 0.36) ** 2 + ((y - 0.92) / 0.4) ** 2 <= 1) &&
      !((((x - 0.5) / (0.36 - W)) ** 2 + ((y - 0.92) / (0.4 - W)) ** 2 <= 1)) && y <= 0.9) ||
    inRect(x, y, 0.14, 0.9 - W, 0.86, 0.9),
}

function draw(shape, rgb, filled) {
  const buf = Buffer.alloc(SIZE * SIZE * 4)
  const S = 4
  for (let py = 0; py < SIZE; py++) {
    for (let px = 0; px < SIZE; px++) {
      let hit = 0
      for (let sy = 0; sy < S; sy++)
        for (let sx = 0; sx < S; sx++) {
          const x = (px + (sx + 0.5) / S) / SIZE
          const y = (py + (sy + 0.5) / S) / SIZE
          if (shape(x, y, filled)) hit++
        }
      const i = (py * SIZE + px) * 4
      buf[i] = rgb[0]
      buf[i + 1] = rgb[1]
      buf[i + 2] = rgb[2]
      buf[i + 3] = Math.round((hit / (S * S)) * 255)
    }
  }
  return png(SIZE, SIZE, buf)
}

mkdirSync(OUT, { recursive: true })
for (const [name, shape] of Object.entries(shapes)) {
  writeFileSync(join(OUT, `${name}.png`), draw(shape, GREY))
  writeFileSync(join(OUT, `${name}-active.png`), draw(shape, RED))
}
console.log(`icons written to ${OUT}`)
