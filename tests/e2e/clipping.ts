/**
 * Finds text a member cannot read whole on the current screen: a label cut by `overflow: hidden`
 * (an ellipsis, a wrapped button label cut at the button's edge), a box whose content is bigger
 * than the box and hidden, text sticking out of a button, or text pushed past the screen's edge.
 * And titles that leave one character alone on their last line.
 *
 * It looks at the screen twice: as it is, and with 大字模式 flipped (the `large-text` class on
 * <html> and on every `.page`, exactly what src/lib/prefs.ts and components/Page.tsx set), then
 * puts it back: one round trip to the browser, no re-render.
 */
import type { Page } from 'playwright-core';

export interface Clipped {
  /** 'normal' or 'large' (大字模式). */
  type: string;
  /** What is wrong: cut, hidden-overflow, sticks-out, off-screen, orphan. */
  kind: string;
  /** The text, as shown. */
  text: string;
  /** Where: test id or classes of the element and its nearest ancestors. */
  where: string;
  /** Sizes that tell, e.g. text 0..412 in box 0..334. */
  detail: string;
}

/** Buttons, tags and the boxes of a form: their text must lie inside their border, whatever their overflow. */
const BOXES = ['taro-button-core', 'button', '.big-button', '.chip', '.tag', '.seg__item', '.switch', '.badge', '.field__input', '.dt__pick'];
/** Titles and button labels that must not leave one character alone on their last line. */
const TITLES = ['.ev__title', '.ev-card__title', '.mg__event-title', '.home-item__title', '.home-item__sub', '.modal__title', '.big-button', '.taro-navigation-bar-title'];
/** Cut on purpose: the wheels of Taro's H5 date picker show one row and scroll the rest past a window. */
const IGNORE = ['.weui-picker__bd'];

/** Runs in the page: a plain script string (vitest's transform would add helpers a serialised function cannot see). */
const SCRIPT = `(() => {
  const BOXES = ${JSON.stringify(BOXES.join(','))};
  const TITLES = ${JSON.stringify(TITLES.join(','))};
  const IGNORE = ${JSON.stringify(IGNORE.join(','))};
  const TOL = 1.5;
  const vw = window.innerWidth;
  const seen = (el) => {
    const cs = getComputedStyle(el);
    return cs.visibility !== 'hidden' && cs.display !== 'none' && Number(cs.opacity) !== 0 && el.getClientRects().length > 0;
  };
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
  const clips = (v) => v === 'hidden' || v === 'clip';
  const scrolls = (v) => v === 'auto' || v === 'scroll';
  const span = (a, b) => Math.round(a) + '..' + Math.round(b);

  function check(type) {
    const out = [];
    const add = (kind, el, text, detail) => out.push({ type, kind, text: text.trim().slice(0, 40), where: where(el), detail });
    // 1. every piece of text against the boxes that clip it, up to the nearest scroller or fixed layer
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const host = node.parentElement;
      if (!host || !node.textContent.trim() || host.closest(IGNORE) || !visible(host)) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      const rects = [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
      if (!rects.length) continue;
      const text = { l: Math.min(...rects.map((r) => r.left)), r: Math.max(...rects.map((r) => r.right)), t: Math.min(...rects.map((r) => r.top)), b: Math.max(...rects.map((r) => r.bottom)) };
      let done = false;
      let scrollX = false;
      for (let e = host; e && e !== document.documentElement && !done; e = e.parentElement) {
        const cs = getComputedStyle(e);
        const box = e.getBoundingClientRect();
        const inner = { l: box.left + e.clientLeft, r: box.left + e.clientLeft + e.clientWidth, t: box.top + e.clientTop, b: box.top + e.clientTop + e.clientHeight };
        if (scrolls(cs.overflowX)) scrollX = true;
        const cutX = clips(cs.overflowX) && (text.l < inner.l - TOL || text.r > inner.r + TOL);
        const cutY = clips(cs.overflowY) && (text.t < inner.t - TOL || text.b > inner.b + TOL);
        if (cutX || cutY) {
          add('cut', e, node.textContent, 'text x ' + span(text.l, text.r) + ' y ' + span(text.t, text.b) + ' in box x ' + span(inner.l, inner.r) + ' y ' + span(inner.t, inner.b));
          done = true;
        } else if (e.matches(BOXES) && (text.l < box.left - TOL || text.r > box.right + TOL || text.t < box.top - TOL || text.b > box.bottom + TOL)) {
          add('sticks-out', e, node.textContent, 'text x ' + span(text.l, text.r) + ' y ' + span(text.t, text.b) + ' in box x ' + span(box.left, box.right) + ' y ' + span(box.top, box.bottom));
          done = true;
        }
        if (scrolls(cs.overflowY) || cs.position === 'fixed') break;
      }
      if (!done && !scrollX && (text.l < -TOL || text.r > vw + TOL)) add('off-screen', host, node.textContent, 'text x ' + span(text.l, text.r) + ' on a screen 0..' + vw);
    }
    // 2. boxes that hide part of what they hold (a wrapped label cut at the bottom, an ellipsis)
    for (const el of document.body.querySelectorAll('*')) {
      const cs = getComputedStyle(el);
      if (!(clips(cs.overflowX) || clips(cs.overflowY)) || !el.textContent.trim() || el.closest(IGNORE) || !visible(el)) continue;
      const over = (clips(cs.overflowX) && el.scrollWidth > el.clientWidth + TOL) || (clips(cs.overflowY) && el.scrollHeight > el.clientHeight + TOL);
      if (over && !out.some((o) => o.where === where(el))) add('hidden-overflow', el, el.textContent, 'content ' + el.scrollWidth + '×' + el.scrollHeight + ' in ' + el.clientWidth + '×' + el.clientHeight);
    }
    // 3. an empty text box's example (its placeholder) wider than the box: the end is cut off
    const ruler = document.createElement('canvas').getContext('2d');
    for (const el of document.body.querySelectorAll('input[placeholder]')) {
      if (el.value || !el.placeholder.trim() || !visible(el)) continue;
      const cs = getComputedStyle(el, '::placeholder');
      ruler.font = cs.fontWeight + ' ' + cs.fontSize + ' ' + cs.fontFamily;
      const width = ruler.measureText(el.placeholder).width + (parseFloat(cs.letterSpacing) || 0) * el.placeholder.length;
      const room = el.clientWidth - parseFloat(getComputedStyle(el).paddingLeft) - parseFloat(getComputedStyle(el).paddingRight);
      if (width > room + TOL) add('cut', el, el.placeholder, 'placeholder ' + Math.round(width) + ' px in a box of ' + Math.round(room));
    }
    // 4. titles: the last two characters on one line
    for (const el of document.body.querySelectorAll(TITLES)) {
      const text = el.textContent.trim();
      if ([...text].length < 3 || !visible(el)) continue;
      const chars = [];
      const walk = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let n = walk.nextNode(); n; n = walk.nextNode()) {
        for (let i = 0; i < n.textContent.length; i++) if (n.textContent[i].trim()) chars.push([n, i]);
      }
      const top = ([n, i]) => { const r = document.createRange(); r.setStart(n, i); r.setEnd(n, i + 1); return r.getBoundingClientRect().top; };
      if (chars.length >= 2 && top(chars[chars.length - 1]) > top(chars[chars.length - 2]) + 4) add('orphan', el, text, 'the last character wraps alone');
    }
    return out;
  }

  const html = document.documentElement;
  const large = html.classList.contains('large-text');
  const first = check(large ? 'large' : 'normal');
  const marked = [html, ...document.querySelectorAll('.page')].map((el) => [el, el.classList.contains('large-text')]);
  for (const [el] of marked) el.classList.toggle('large-text', !large);
  const second = check(large ? 'normal' : 'large');
  for (const [el, on] of marked) el.classList.toggle('large-text', on);
  return first.concat(second);
})()`;

/** Every piece of text on the current screen that is cut, hidden or alone, in normal and in large type. */
export function findClipped(page: Page): Promise<Clipped[]> {
  return page.evaluate<Clipped[]>(SCRIPT);
}

export function describeClipped(name: string, found: Clipped[]): string {
  return `${name}: ${found.length} clipped:\n` + found.map((c) => `  [${c.type}] ${c.kind} "${c.text}" at ${c.where} (${c.detail})`).join('\n');
}
