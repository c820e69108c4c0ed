/**
 * 适老化 checks that `shot()` (./browser.ts) runs on every screen it photographs, so any page a test
 * visits (ballots and proposals too, once their tests take screenshots) gets them without asking:
 *
 *  - at WeChat's standard size and at 关怀模式 (WeChat's fontSizeScaleFactor 1.4): axe-core with the rules
 *    below (contrast 4.5:1, 3:1 for large text; buttons, inputs and links with a name...), and the
 *    clipped-text check of ./clipping.ts;
 *  - minimums: text in the page ≥ 16 px and primary buttons ≥ 44 px tall at standard size, each at most
 *    double in 关怀模式, nothing wider than the screen, every button reachable without scrolling sideways.
 *
 * The type size is switched in place, exactly as components/Page.tsx and lib/prefs.ts set it (`--wx` and
 * `--wx-l` on every `.page`, `wx-large` / `large-text` on <html>), and put back: no re-render, no reload.
 * A violation fails the screenshot unless ./axe-allow.ts lists it, with its reason.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { AXE_ALLOW } from './axe-allow';

/** WeChat's 关怀模式: 23.8 px on a 375 screen for its 17 px standard. */
export const CARE_SCALE = 1.4;
/** 大字模式's own factor (lib/prefs.ts LARGE_TEXT_SCALE). */
const LARGE_TEXT_SCALE = 1.25;

/** The axe-core rules run on every screen (only these: a full run is 4× slower and checks what a phone page does not have). */
export const AXE_RULES = [
  'color-contrast',
  'button-name',
  'input-button-name',
  'label',
  'select-name',
  'link-name',
  'image-alt',
  'role-img-alt',
  'svg-img-alt',
  'aria-command-name',
  'aria-input-field-name',
  'aria-toggle-field-name',
  'aria-required-attr',
  'aria-valid-attr',
  'aria-valid-attr-value',
];

export type TypeMode = 'standard' | 'care';
export const TYPE_MODES: TypeMode[] = ['standard', 'care'];

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Puts the screen at WeChat's standard size (大字模式 off) or at 关怀模式, remembering how it was;
 * `restoreType` puts it back. Plain script strings: vitest's transform would add helpers a serialised
 * function cannot see.
 */
export function setType(page: Page, mode: TypeMode): Promise<void> {
  const f = mode === 'care' ? CARE_SCALE : 1;
  return page.evaluate(`(() => {
    const f = ${f};
    const html = document.documentElement;
    if (!window.__typeSaved) {
      window.__typeSaved = { html: html.className, pages: [...document.querySelectorAll('.page')].map((el) => [el, el.className, el.getAttribute('style')]) };
    }
    html.classList.remove('large-text');
    html.classList.toggle('wx-large', f >= ${LARGE_TEXT_SCALE});
    for (const el of document.querySelectorAll('.page')) {
      el.classList.remove('large-text');
      el.style.setProperty('--wx', String(f));
      el.style.setProperty('--wx-l', String(Math.max(f, ${LARGE_TEXT_SCALE})));
    }
  })()`);
}

export function restoreType(page: Page): Promise<void> {
  return page.evaluate(`(() => {
    const saved = window.__typeSaved;
    if (!saved) return;
    document.documentElement.className = saved.html;
    for (const [el, cls, style] of saved.pages) {
      el.className = cls;
      if (style === null) el.removeAttribute('style');
      else el.setAttribute('style', style);
    }
    delete window.__typeSaved;
  })()`);
}

export interface AxeFinding {
  mode: TypeMode;
  rule: string;
  impact: string;
  help: string;
  target: string;
  summary: string;
  html: string;
}

/** axe-core's violations of AXE_RULES on the screen as it is now, less the allowed ones. */
export async function runAxe(page: Page, mode: TypeMode): Promise<AxeFinding[]> {
  if (!(await page.evaluate<boolean>(`typeof window.axe === 'object'`))) await page.evaluate(axeSource);
  const violations = await page.evaluate<{ id: string; impact: string; help: string; nodes: { target: string[]; failureSummary: string; html: string }[] }[]>(
    `window.axe.run(document, { runOnly: { type: 'rule', values: ${JSON.stringify(AXE_RULES)} }, resultTypes: ['violations'] }).then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target.map(String), failureSummary: n.failureSummary, html: n.html })) })))`,
  );
  const found: AxeFinding[] = [];
  for (const v of violations) {
    for (const n of v.nodes) {
      const target = n.target.join(' ');
      if (AXE_ALLOW.some((a) => a.rule === v.id && a.target.test(target) && (!a.html || a.html.test(n.html)))) continue;
      found.push({ mode, rule: v.id, impact: v.impact, help: v.help, target, summary: n.failureSummary.replace(/\s+/g, ' ').slice(0, 300), html: n.html.slice(0, 160) });
    }
  }
  return found;
}

export function describeAxe(name: string, found: AxeFinding[]): string {
  return `${name}: ${found.length} accessibility violation(s) (axe-core; allow-list: tests/e2e/axe-allow.ts):\n` + found.map((f) => `  [${f.mode}] ${f.rule} (${f.impact}) ${f.target}: ${f.summary}\n      ${f.html}`).join('\n');
}

export interface Shortfall {
  kind: string;
  where: string;
  detail: string;
}

/** Body text at standard size, at least (CSS px). */
export const MIN_TEXT_PX = 16;
/** Primary buttons at standard size, at least (CSS px). */
export const MIN_BUTTON_PX = 44;
/** Primary buttons: BigButton (hero, primary, default) and NutUI's primary ones in sub-packages. */
const PRIMARY = ['.big-button', '.nut-button--primary'];
/** Tappable things that must be reachable without scrolling sideways. */
const TAPPABLE = ['.big-button', 'taro-button-core', 'button', '[role=button]', '.row--tap', '.chip', '.seg__item', '.switch'];

/**
 * The minimums, measured on the screen as it is, at standard size and at 关怀模式, then put back
 * (one round trip; sizes are read with getComputedStyle, which lays out again at once).
 */
export function findShortfalls(page: Page): Promise<Shortfall[]> {
  // the phone's width (a page wider than the screen widens a mobile browser's layout viewport: innerWidth follows it)
  const screenWidth = page.viewportSize()?.width ?? 0;
  return page.evaluate<Shortfall[]>(`(() => {
    const PRIMARY = ${JSON.stringify(PRIMARY.join(','))};
    const TAPPABLE = ${JSON.stringify(TAPPABLE.join(','))};
    const vw = ${screenWidth} || window.innerWidth;
    const TOL = 1;
    const html = document.documentElement;
    const pages = [...document.querySelectorAll('.page')];
    const saved = { html: html.className, pages: pages.map((el) => [el, el.className, el.getAttribute('style')]) };
    const seen = (el) => { const cs = getComputedStyle(el); return cs.visibility !== 'hidden' && cs.display !== 'none' && Number(cs.opacity) !== 0 && el.getClientRects().length > 0; };
    const visible = (el) => { for (let e = el; e; e = e.parentElement) if (!seen(e)) return false; return true; };
    const where = (el) => {
      const parts = [];
      for (let e = el; e && parts.length < 3 && e !== document.body; e = e.parentElement) {
        const id = e.getAttribute('data-testid');
        parts.push(id ? '[' + id + ']' : e.tagName.toLowerCase() + (typeof e.className === 'string' && e.className ? '.' + e.className.trim().split(/\\s+/).slice(0, 2).join('.') : ''));
        if (id) break;
      }
      return parts.join(' < ');
    };
    const scrollsX = (el) => { for (let e = el.parentElement; e && e !== document.body; e = e.parentElement) { const o = getComputedStyle(e).overflowX; if (o === 'auto' || o === 'scroll') return true; } return false; };
    const set = (f) => {
      html.classList.remove('large-text');
      html.classList.toggle('wx-large', f >= ${LARGE_TEXT_SCALE});
      for (const el of pages) { el.classList.remove('large-text'); el.style.setProperty('--wx', String(f)); el.style.setProperty('--wx-l', String(Math.max(f, ${LARGE_TEXT_SCALE}))); }
    };
    const measure = () => {
      const text = new Map();
      const boxes = new Map();
      const wide = [];
      const wideSet = new Set();
      for (const root of pages) {
        if (!visible(root)) continue;
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const host = n.parentElement;
          if (!host || !n.textContent.trim() || text.has(host) || !visible(host)) continue;
          text.set(host, { size: parseFloat(getComputedStyle(host).fontSize), text: n.textContent.trim().slice(0, 30) });
        }
        for (const el of root.querySelectorAll(PRIMARY)) if (visible(el)) boxes.set(el, el.getBoundingClientRect().height);
        for (const el of root.querySelectorAll('*')) {
          if (!visible(el) || scrollsX(el)) continue;
          const r = el.getBoundingClientRect();
          if (r.width === 0 || r.height === 0) continue;
          if (r.left < -TOL || r.right > vw + TOL) {
            // the outermost one only (what it holds sticks out with it)
            wideSet.add(el);
            if (!wideSet.has(el.parentElement)) wide.push({ el, detail: 'x ' + Math.round(r.left) + '..' + Math.round(r.right) + ' on a screen 0..' + vw, tap: el.matches(TAPPABLE) });
          }
        }
      }
      return { text, boxes, wide };
    };
    const out = [];
    try {
      set(1);
      const std = measure();
      set(${CARE_SCALE});
      const care = measure();
      for (const [el, t] of std.text) if (t.size < ${MIN_TEXT_PX} - 0.05) out.push({ kind: 'small-text', where: where(el), detail: '"' + t.text + '" ' + t.size.toFixed(1) + ' px at standard size (at least ${MIN_TEXT_PX})' });
      for (const [el, h] of std.boxes) if (h < ${MIN_BUTTON_PX} - 0.05) out.push({ kind: 'short-button', where: where(el), detail: h.toFixed(1) + ' px tall at standard size (at least ${MIN_BUTTON_PX})' });
      for (const [el, t] of care.text) {
        const s = std.text.get(el);
        if (s && t.size > 2 * s.size + 0.05) out.push({ kind: 'text-more-than-doubles', where: where(el), detail: '"' + t.text + '" ' + s.size.toFixed(1) + ' → ' + t.size.toFixed(1) + ' px in 关怀模式' });
      }
      for (const [el, h] of care.boxes) {
        const s = std.boxes.get(el);
        if (s && h > 2 * s + 0.05) out.push({ kind: 'button-more-than-doubles', where: where(el), detail: s.toFixed(1) + ' → ' + h.toFixed(1) + ' px tall in 关怀模式' });
      }
      for (const [mode, m] of [['standard', std], ['care', care]]) {
        for (const w of m.wide) out.push({ kind: (w.tap ? 'button-off-screen' : 'wider-than-screen') + ' (' + mode + ')', where: where(w.el), detail: w.detail });
      }
    } finally {
      html.className = saved.html;
      for (const [el, cls, style] of saved.pages) { el.className = cls; if (style === null) el.removeAttribute('style'); else el.setAttribute('style', style); }
    }
    return out;
  })()`);
}

export function describeShortfalls(name: string, found: Shortfall[]): string {
  return `${name}: ${found.length} below the 适老化 minimums:\n` + found.map((s) => `  ${s.kind} at ${s.where} (${s.detail})`).join('\n');
}
