/**
 * Phones for the browser tests: one logged in as a seeded member through 开发登录, and the small
 * things every journey asks of the screen. Close them after each test: `afterEach(closePhones)`.
 */
import type { Page } from 'playwright-core';
import { expect, inject } from 'vitest';
import { anon } from '../support/fixtures';
import { launchPhone, type PhoneSession } from './browser';

let sessions: PhoneSession[] = [];

/**
 * A fresh phone, logged in as `memberId` through 开发登录 (and the privacy notice the first time); lands on 首页.
 * `wxfont`: the WeChat font size it simulates for the whole session (lib/wechatFont.h5.ts: 'care', 'plus3', '1.4'...).
 */
export async function phoneAs(orgId: string, memberId: string, options: { wxfont?: string } = {}): Promise<Page> {
  const session = await launchPhone({ baseURL: inject('webUrl') });
  sessions.push(session);
  const { page } = session;
  const font = options.wxfont ? (/^[\d.]+$/.test(options.wxfont) ? `?fontScale=${options.wxfont}` : `?wxfont=${options.wxfont}`) : '';
  await page.goto(`/${font}#/pages/login/index?org=${orgId}`);
  // the privacy notice comes only on a member's first login
  const agree = page.getByTestId('consent-agree');
  const login = page.getByTestId(`login-${memberId}`);
  await login.click();
  // A tap that lands while the list re-renders can be lost, on a phone as here: tap again, as a person would.
  for (let attempt = 1; ; attempt++) {
    try {
      await agree.or(page.getByTestId('page-home')).first().waitFor({ timeout: 10_000 });
      break;
    } catch (err) {
      if (attempt >= 3) throw err;
      if (await login.isVisible()) await login.click();
    }
  }
  if (await agree.isVisible()) await agree.click();
  await page.getByTestId('page-home').waitFor();
  return page;
}

/** Closes every phone opened so far (two cores: one browser at a time is kinder). */
export async function closePhones(): Promise<void> {
  await Promise.all(sessions.map((s) => s.close()));
  sessions = [];
}

export interface Person {
  memberId: string;
  name: string;
  roles: string[];
  groupName: string;
}

export async function people(orgId: string): Promise<Person[]> {
  const res = await anon()('GET', `/dev/orgs/${orgId}/people`);
  expect(res.status).toBe(200);
  return (res.body as { people: Person[] }).people;
}

/** Waits until no toast covers the page (they would hide what a screenshot is for). */
export async function noToast(page: Page): Promise<void> {
  await page.waitForFunction(`![...document.querySelectorAll('.taro__toast')].some((t) => t.style.display !== 'none' && t.style.opacity !== '0')`, undefined, { timeout: 10_000 });
}

/** The text of a test id, without spaces and line breaks. */
export const text = async (page: Page, testId: string) => (await page.getByTestId(testId).innerText()).replace(/\s+/g, '');

/** Whether the whole of a test id's element is on the screen now (not scrolled away, not under the title bar). */
export async function inView(page: Page, testId: string): Promise<boolean> {
  const box = await page.getByTestId(testId).boundingBox();
  const bar = await page.locator('#taro-navigation-bar').boundingBox();
  const screen = page.viewportSize()!;
  return !!box && box.y >= (bar ? bar.y + bar.height : 0) - 1 && box.y + box.height <= screen.height + 1;
}

/** China time, as the app sends it: `hours` from now. */
export const chinaIn = (hours: number) => new Date(Date.now() + hours * 3600_000 + 8 * 3600_000).toISOString().slice(0, 19) + '+08:00';
