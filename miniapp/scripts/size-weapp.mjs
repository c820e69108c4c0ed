// Prints the weapp main-package size (miniapp/dist/weapp minus its subpackages) and fails at ≥ 2 MB,
// WeChat's limit for the main package. Run after `npm run build:weapp`.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs'
import { dirname, join, relative, sep } from 'node:path'
import { fileURLToPath } from 'node:url'

const LIMIT = 2 * 1024 * 1024
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

let main = 0
let sub = 0
function walk(dir) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name)
    if (e.isDirectory()) walk(p)
    else {
      const rel = relative(dist, p).split(sep).join('/')
      if (IGNORED.has(rel)) continue
      const size = statSync(p).size
      if (subRoots.some((r) => rel === r || rel.startsWith(`${r}/`))) sub += size
      else main += size
    }
  }
}
walk(dist)
const kb = (n) => (n / 1024).toFixed(1)
console.log(`weapp main package: ${kb(main)} KB (limit 2048 KB); subpackages [${subRoots.join(', ')}]: ${kb(sub)} KB`)
if (main >= LIMIT) {
  console.error('size:weapp: the main package is 2 MB or more: WeChat will refuse it.')
  process.exit(1)
}
