/**
 * The clipped-text check that `shot` runs on every screen, on small pages of its own: it finds
 * what a member could not read whole (the old 取消活动 button among them), in normal and in large
 * type, and nothing on a page that reads well.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchPhone, type PhoneSession } from './browser';
import { findClipped } from './clipping';

let session: PhoneSession;
beforeAll(async () => {
  session = await launchPhone();
});
afterAll(() => session.close());

/** A phone page with the app's two type sizes: 20 px, and 25 px under `.page.large-text`. */
async function screen(body: string, css = '') {
  await session.page.setContent(`<html><head><style>
    body { margin: 0; font: 20px/1.4 'WenQuanYi Zen Hei', sans-serif; }
    .page { font-size: 20px; } .page.large-text { font-size: 25px; }
    ${css}
  </style></head><body><div class="page">${body}</div></body></html>`);
  return findClipped(session.page);
}

const kinds = (found: { type: string; kind: string }[]) => found.map((f) => `${f.type}:${f.kind}`);

describe('findClipped', () => {
  // The dialog before our Modal: a fixed-height button that hides overflow, its label wrapped onto two lines.
  const oldFooter = `<div style="display:flex;width:240px">
      <button class="big-button" style="flex:1;height:40px;overflow:hidden;font-size:inherit">不取消</button>
      <button class="big-button" style="flex:1;height:40px;overflow:hidden;font-size:inherit">确定取消活动</button>
    </div>`;

  it('finds the old 取消活动 button: its wrapped label cut by the button', async () => {
    const found = await screen(oldFooter);
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((f) => f.text.includes('确定取消活动'))).toBe(true);
    expect(kinds(found)).toContain('normal:cut');
  });

  it('passes buttons that grow with their label, and text below the fold of a scrolling page', async () => {
    const found = await screen(`<div style="height:300px;overflow:auto">
      <div style="display:flex;width:290px">
        <button class="big-button" style="flex:1;min-height:40px;font-size:inherit">不取消</button>
        <button class="big-button" style="flex:1;min-height:40px;font-size:inherit">确定</button>
      </div>
      <p style="margin-top:900px">页面下方的说明文字</p></div>`);
    expect(found).toEqual([]);
  });

  it('finds an ellipsis, and text that sticks out of a button that does not hide it', async () => {
    const found = await screen(`
      <div style="width:120px;white-space:nowrap;overflow:hidden;text-overflow:ellipsis">学校东门集合去植物园</div>
      <div class="big-button" style="width:80px;height:30px;white-space:nowrap">报名（排候补）</div>`);
    expect(kinds(found)).toEqual(expect.arrayContaining(['normal:cut', 'normal:sticks-out']));
  });

  it('finds the example in an empty text box cut at its end', async () => {
    const found = await screen(`<input style="width:150px;font-size:inherit" placeholder="例如：春游、体检、趣味运动会">
      <input style="width:150px;font-size:inherit" placeholder="例如：春游">`);
    expect(found.map((f) => [f.kind, f.text])).toEqual([['cut', '例如：春游、体检、趣味运动会'], ['cut', '例如：春游、体检、趣味运动会']]);
  });

  it('finds what only 大字模式 cuts, and leaves the page in the type it had', async () => {
    const found = await screen(`<div class="label" style="width:102px;height:30px;overflow:hidden;white-space:nowrap">大字模式</div>`);
    expect(kinds(found)).toContain('large:cut');
    expect(kinds(found)).not.toContain('normal:cut');
    expect(await session.page.evaluate(`document.querySelector('.page').className`)).toBe('page');
  });

  it('finds a title that leaves one character alone on its last line', async () => {
    // 9 characters of 20 px in 170 px: 8 on the first line, 1 alone on the second
    const alone = await screen(`<div class="ev__title" style="width:170px">九月教职工健步走啊</div>`);
    expect(kinds(alone)).toContain('normal:orphan');
    const kept = await screen(`<div class="ev__title" style="width:170px">九月教职工健步<span style="white-space:nowrap">走啊</span></div>`);
    expect(kinds(kept)).not.toContain('normal:orphan');
  });
});
