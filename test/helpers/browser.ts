import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

/** Screenshots land here (git-ignored), one file per screen and size. */
export const SCREENSHOTS = join(__dirname, '..', '..', 'test-output', 'screenshots');

export const PHONE = { name: 'phone', width: 390, height: 844 } as const;
export const DESKTOP = { name: 'desktop', width: 1440, height: 900 } as const;
export type Viewport = typeof PHONE | typeof DESKTOP;

/**
 * Debian's Chromium, headless. Playwright gives each launch a fresh user-data-dir of its own in
 * the temporary directory (and removes it on close), so no profile, cookie or cache is shared.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/**
 * A fresh browser context at one viewport. Requests say they came through an https proxy, as in
 * production (the session cookie is Secure then); downloads are kept for the test to read.
 */
export function newContext(browser: Browser, viewport: Viewport): Promise<BrowserContext> {
  return browser.newContext({
    viewport: { width: viewport.width, height: viewport.height },
    extraHTTPHeaders: { 'x-forwarded-proto': 'https' },
    acceptDownloads: true,
    locale: 'en-US',
  });
}

/** The whole page, or only what is on screen (a panel over the page). */
export async function screenshot(page: Page, viewport: Viewport, name: string, fullPage = true): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}-${viewport.name}.png`), fullPage });
}
