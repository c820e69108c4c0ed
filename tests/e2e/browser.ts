/**
 * Browser harness for the H5 build of the mini-program: Debian's Chromium driven by playwright-core,
 * headless, a phone-sized page, and screenshots into tests/e2e/screenshots/.
 *
 *   const s = await launchPhone({ baseURL: 'http://127.0.0.1:5180' })
 *   await s.page.goto('/#/pages/login/index')
 *   await shot(s.page, 'login')
 *   await s.close()
 *
 * Needs `apt-get install -y chromium fonts-wqy-zenhei` (without a CJK font Chinese renders as boxes).
 * Click NutUI buttons by test id (page.getByTestId), not by their text.
 */
import { chromium, type BrowserContext, type Page } from 'playwright-core'
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describeAxe, describeShortfalls, findShortfalls, restoreType, runAxe, setType, TYPE_MODES, type AxeFinding } from './a11y'
import { describeClipped, findClipped, type Clipped } from './clipping'

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/** The flags that make Debian's Chromium run headless here, quietly and offline. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

/** A 390×844 phone at 2× (about an iPhone 12–15). */
export const PHONE = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
  locale: 'zh-CN',
  timezoneId: 'Asia/Shanghai',
} as const

export const SCREENSHOT_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'screenshots')

export interface PhoneSession {
  context: BrowserContext
  page: Page
  /** Closes the browser and removes its user-data-dir. */
  close: () => Promise<void>
}

export interface LaunchOptions {
  /** Base for relative page.goto() paths, e.g. http://127.0.0.1:5180 */
  baseURL?: string
  /** Extra Chromium flags. */
  args?: string[]
  /** Forward the page's console errors to this process (default true). */
  logErrors?: boolean
}

/** Starts Chromium headless with a fresh user-data-dir and one phone-sized page. */
export async function launchPhone(options: LaunchOptions = {}): Promise<PhoneSession> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`${CHROMIUM_PATH} not found: apt-get install -y chromium fonts-wqy-zenhei`)
  }
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'staff-home-chromium-'))
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_ARGS, ...(options.args ?? [])],
    baseURL: options.baseURL,
    ...PHONE,
    viewport: { ...PHONE.viewport },
  })
  const page = context.pages()[0] ?? (await context.newPage())
  if (options.logErrors !== false) {
    page.on('pageerror', (e) => console.error(`[page error] ${e.message}`))
    page.on('console', (m) => {
      if (m.type() === 'error') console.error(`[console.error] ${m.text()}`)
    })
  }
  return {
    context,
    page,
    close: async () => {
      await context.close().catch(() => undefined)
      rmSync(userDataDir, { recursive: true, force: true })
    },
  }
}

/** Waits for fonts and finite animations (page slides, dialogs fading in) to finish. */
export async function settle(page: Page, extraMs = 150): Promise<void> {
  await page.evaluate(`(async () => {
    await document.fonts.ready;
    const finite = document.getAnimations().filter((a) => {
      const t = a.effect && a.effect.getTiming ? a.effect.getTiming() : null;
      return !t || t.iterations !== Infinity;
    });
    await Promise.race([
      Promise.all(finite.map((a) => a.finished.catch(() => undefined))),
      new Promise((r) => setTimeout(r, 2000)),
    ]);
  })()`)
  // CSS transitions (Taro's page slide is one) do not all show up as animations: give them a moment.
  await page.waitForTimeout(extraMs + 350)
}

/**
 * How much taller than the viewport the visible content is. Taro's H5 pages scroll inside their own
 * `.taro_page` box (not the document), so Playwright's fullPage alone would show only the viewport.
 */
async function overflowHeight(page: Page): Promise<number> {
  return page.evaluate<number>(`(() => {
    let extra = Math.max(0, document.documentElement.scrollHeight - window.innerHeight);
    for (const el of document.querySelectorAll('.taro_page')) {
      if (el.getBoundingClientRect().height === 0 || getComputedStyle(el).display === 'none') continue;
      extra = Math.max(extra, el.scrollHeight - el.clientHeight);
    }
    return Math.ceil(extra);
  })()`)
}

/**
 * Saves tests/e2e/screenshots/<name>.png once the page has settled, and fails when the screen does not
 * read well, at WeChat's standard size and at 关怀模式 (./a11y.ts):
 *  - any text is clipped, in normal or in large type (./clipping.ts);
 *  - axe-core finds a violation (contrast, names of buttons and inputs...) not allowed in ./axe-allow.ts;
 *  - text or a primary button is below the minimums, more than doubles in 关怀模式, or sticks out of the screen.
 * `fullPage` grows the viewport until the current Taro page fits (up to 8000 px), then puts it back. With
 * SHOTS_OTHER_TYPE=1 it also saves the screen in the other type size (<name>.large.png or <name>.normal.png),
 * with SHOTS_CARE=1 at 关怀模式 (<name>.care.png), to look at.
 */
export async function shot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true })
  await settle(page)
  const clipped: Clipped[] = []
  const axe: AxeFinding[] = []
  for (const mode of TYPE_MODES) {
    await setType(page, mode)
    try {
      // in 关怀模式 大字模式 changes nothing (1.4 > 1.25): one report of each
      for (const c of await findClipped(page)) {
        const found = { ...c, type: mode === 'care' ? '关怀模式' : c.type }
        if (!clipped.some((o) => JSON.stringify(o) === JSON.stringify(found))) clipped.push(found)
      }
      axe.push(...(await runAxe(page, mode)))
    } finally {
      await restoreType(page)
    }
  }
  if (clipped.length) {
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.clipped.png`), animations: 'disabled', caret: 'hide' })
    throw new Error(describeClipped(name, clipped))
  }
  if (axe.length) throw new Error(describeAxe(name, axe))
  const short = await findShortfalls(page)
  if (short.length) throw new Error(describeShortfalls(name, short))
  const file = await capture(page, name, options)
  if (process.env.SHOTS_CARE) {
    await setType(page, 'care')
    try {
      await capture(page, `${name}.care`, options)
    } finally {
      await restoreType(page)
    }
  }
  if (process.env.SHOTS_OTHER_TYPE) {
    const other = (await page.evaluate<boolean>(`document.documentElement.classList.contains('large-text')`)) ? 'normal' : 'large'
    await flipType(page)
    try {
      await capture(page, `${name}.${other}`, options)
    } finally {
      await flipType(page)
    }
  }
  return file
}

/** 大字模式 on or off for the look of it: the classes prefs.ts and Page.tsx set, without a re-render. */
function flipType(page: Page): Promise<void> {
  return page.evaluate(`(() => {
    const on = !document.documentElement.classList.contains('large-text');
    for (const el of [document.documentElement, ...document.querySelectorAll('.page')]) el.classList.toggle('large-text', on);
  })()`)
}

async function capture(page: Page, name: string, options: { fullPage?: boolean }): Promise<string> {
  const file = path.join(SCREENSHOT_DIR, `${name}.png`)
  const viewport = page.viewportSize() ?? { ...PHONE.viewport }
  const extra = options.fullPage ? await overflowHeight(page) : 0
  if (extra > 0) {
    await page.evaluate(`(() => {
      window.scrollTo(0, 0);
      for (const el of document.querySelectorAll('.taro_page')) el.scrollTop = 0;
    })()`)
    await page.setViewportSize({ width: viewport.width, height: Math.min(viewport.height + extra, 8000) })
    await settle(page, 0)
  }
  try {
    await page.screenshot({ path: file, fullPage: !!options.fullPage, animations: 'disabled', caret: 'hide' })
  } finally {
    if (extra > 0) await page.setViewportSize(viewport)
  }
  return file
}
