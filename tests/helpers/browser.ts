import { mkdirSync } from "node:fs";
import path from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { findChromium } from "./chromium";

export const SCREENSHOT_DIR = path.resolve("test-results/screenshots");

export interface BrowserSession {
  browser: Browser;
  close(): Promise<void>;
}

/** Debian's Chromium, headless, with the flags that keep it off the closed network (Playwright gives it a fresh profile). */
export async function launchBrowser(): Promise<BrowserSession> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error("No Chromium: apt-get install -y chromium, or set CHROMIUM_PATH");
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  return {
    browser,
    close: () => browser.close(),
  };
}

/** A phone-sized context (the shop is written for a person on a phone in Beijing). */
export function phoneContext(browser: Browser, baseURL: string): Promise<BrowserContext> {
  return browser.newContext({
    baseURL,
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
  });
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
