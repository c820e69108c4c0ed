// Prints the weapp build's sizes: the main package (miniapp/dist/weapp minus its sub-packages), each
// sub-package and the total, and fails when the main package is over 400 KB or the whole build over
// 1.5 MB. WeChat allows 2 MB and 20 MB; our budget keeps the first open fast on a school's Wi-Fi.
// Over budget, it lists the biggest files of the main package. Run after `npm run build:weapp`.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs'
import { dirname, join, relative, sep } from 'node:path'
import { fileURLToPath } from 'node:url'

const KB = 1024
const MAIN_LIMIT = 400 * KB
const TOTAL_LIMIT = 1536 * KB
const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'weapp')
const appJson = join(dist, 'app.json')
if (!existsSync(appJson)) {
  console.error(`size:weapp: ${relative(process.cwd(), appJson)} not found; run "npm run build:weapp" first.`)
  process.exit(2)
}
const app = JSON.parse(readFileSync(appJson, 'utf8'))
const subRoots = [...(app.subPackages ?? []), ...(app.subpackages ?? [])].map((p) => p.root.replace(/\/+$/, ''))
// Not uploaded as code: the developer-tool project files.
const IGNORED = new Set(['project.config.json', 'project.private.config.json'])

const mainFiles = []
const subSizes = Object.fromEntries(subRoots.map((r) => [r, 0]))
function walk(dir) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name)
    if (e.isDirectory()) walk(p)
    else {
      const rel = relative(dist, p).split(sep).join('/')
      if (IGNORED.has(rel)) continue
      const size = statSync(p).size
      const root = subRoots.find((r) => rel === r || rel.startsWith(`${r}/`))
      if (root) subSizes[root] += size
      else mainFiles.push({ rel, size })
    }
  }
}
walk(dist)
const main = mainFiles.reduce((a, f) => a + f.size, 0)
const total = main + Object.values(subSizes).reduce((a, b) => a + b, 0)
const kb = (n) => (n / KB).toFixed(1)

console.log(`weapp main package: ${kb(main)} KB (limit ${kb(MAIN_LIMIT)} KB)`)
console.log(`weapp total: ${kb(total)} KB (limit ${kb(TOTAL_LIMIT)} KB)`)
console.log(`sub-packages: ${subRoots.map((r) => `${r} ${kb(subSizes[r])} KB`).join(', ')}`)

const over = [main > MAIN_LIMIT && 'the main package', total > TOTAL_LIMIT && 'the whole build'].filter(Boolean)
if (over.length) {
  console.error(`size:weapp: ${over.join(' and ')} ${over.length > 1 ? 'are' : 'is'} over budget. Biggest files of the main package:`)
  for (const f of mainFiles.sort((a, b) => b.size - a.size).slice(0, 8)) console.error(`  ${kb(f.size).padStart(7)} KB  ${f.rel}`)
  process.exit(1)
}
