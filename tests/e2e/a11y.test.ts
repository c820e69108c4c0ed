/**
 * The 适老化 checks that `shot` runs on every screen (./a11y.ts), on small pages of their own: axe-core
 * finds faint text and nameless buttons and inputs at both sizes, the minimums find small text, short
 * buttons, type that more than doubles in 关怀模式 and things wider than the screen, and a page that
 * reads well passes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CARE_SCALE, findShortfalls, restoreType, runAxe, setType } from './a11y';
import { launchPhone, type PhoneSession } from './browser';

let session: PhoneSession;
beforeAll(async () => {
  session = await launchPhone();
});
afterAll(() => session.close());

/** A phone page whose type follows `--k` as app.css's does: 18 px standard, × --wx, × --wx-l under .large-text. */
async function screen(body: string, css = '') {
  await session.page.setContent(`<html lang="zh-CN"><head><meta name="viewport" content="width=device-width"><title>t</title><style>
    body { margin: 0; font-family: 'WenQuanYi Zen Hei', sans-serif; }
    .page { --k: var(--wx, 1); --fs: calc(18px * var(--k)); --btn-h: calc(50px * var(--k)); font-size: var(--fs); color: #1a1a1a; background: #fff; padding: 8px; }
    .page.large-text { --k: var(--wx-l, 1.25); }
    .big-button { display: block; width: 100%; min-height: var(--btn-h); font-size: var(--fs); color: #fff; background: #b3141b; border: 0; }
    ${css}
  </style></head><body><div class="page">${body}</div></body></html>`);
}

const rules = (found: { rule: string; mode: string }[]) => [...new Set(found.map((f) => `${f.mode}:${f.rule}`))].sort();
const kinds = (found: { kind: string }[]) => [...new Set(found.map((f) => f.kind))].sort();

describe('runAxe', () => {
  it('finds faint text, a button without a name and an input without a label, at both sizes', async () => {
    await screen(`<p style="color:#aaa">报名截止时间</p><button class="icon"></button><input type="text">`);
    expect(rules(await runAxe(session.page, 'standard'))).toEqual(['standard:button-name', 'standard:color-contrast', 'standard:label']);
    await setType(session.page, 'care');
    try {
      expect(rules(await runAxe(session.page, 'care'))).toEqual(['care:button-name', 'care:color-contrast', 'care:label']);
    } finally {
      await restoreType(session.page);
    }
  });

  it('holds large text to 3:1 only: grey that fails at 18 px passes at 关怀模式 size', async () => {
    // #808080 on white is 3.9:1: below 4.5 (normal text), above 3 (large: 24 px and up)
    await screen(`<p style="color:#808080">已报名 12 人</p>`);
    expect(rules(await runAxe(session.page, 'standard'))).toEqual(['standard:color-contrast']);
    await setType(session.page, 'care'); // 18 × 1.4 = 25.2 px
    try {
      expect(await runAxe(session.page, 'care')).toEqual([]);
    } finally {
      await restoreType(session.page);
    }
  });

  it('passes named buttons, labelled inputs and dark text', async () => {
    await screen(`<p>报名截止时间</p><button class="big-button">我要报名</button><button aria-label="关闭"></button>
      <label>姓名 <input type="text"></label>`);
    expect(await runAxe(session.page, 'standard')).toEqual([]);
  });
});

describe('findShortfalls', () => {
  it('passes a page that scales its type and buttons with WeChat’s size', async () => {
    await screen(`<p>报名截止时间</p><button class="big-button">我要报名</button>`);
    expect(await findShortfalls(session.page)).toEqual([]);
  });

  it('finds text under 16 px and a primary button under 44 px at standard size', async () => {
    await screen(`<p style="font-size:14px">备注</p><button class="big-button" style="min-height:0;height:36px">报名</button>`);
    expect(kinds(await findShortfalls(session.page))).toEqual(['short-button', 'small-text']);
  });

  it(`finds type and buttons that more than double at 关怀模式 (${CARE_SCALE})`, async () => {
    await screen(`<p class="huge">金额</p><button class="big-button" style="min-height:calc(50px * var(--k) * var(--k) * var(--k))">捐款</button>`, `.huge { font-size: calc(18px * var(--k) * var(--k) * var(--k)); }`);
    expect(kinds(await findShortfalls(session.page))).toEqual(['button-more-than-doubles', 'text-more-than-doubles']);
  });

  it('finds a button pushed off the screen in 关怀模式 (a row that does not wrap), not one in a sideways scroller', async () => {
    const row = `<div style="display:flex;white-space:nowrap"><span style="font-size:var(--fs)">阳光实验小学工会春季健步走</span><button class="big-button" style="width:auto;flex:none">我要报名</button></div>`;
    await screen(row);
    const found = await findShortfalls(session.page);
    expect(found.map((f) => f.kind)).toContain('button-off-screen (care)');
    expect(found.map((f) => f.kind)).not.toContain('button-off-screen (standard)');
    await screen(`<div style="overflow-x:auto">${row}</div>`);
    expect(await findShortfalls(session.page)).toEqual([]);
  });

  it('puts the screen back as it was', async () => {
    await screen(`<p>文字</p>`);
    await session.page.evaluate(`document.querySelector('.page').classList.add('large-text')`);
    await findShortfalls(session.page);
    await setType(session.page, 'care');
    await restoreType(session.page);
    expect(await session.page.evaluate(`[document.querySelector('.page').className, document.querySelector('.page').getAttribute('style') || '', document.documentElement.className]`)).toEqual(['page large-text', '', '']);
  });
});
