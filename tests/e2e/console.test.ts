// Issue 13 in Chromium: the county's dashboard and 防返贫 monitoring on a phone and on a desktop, in Chinese and
// English (screenshots in test-results/screenshots/console-*); the charts are server-drawn SVG with an accessible
// description; an admin invites a manager, who sets a password from the link in the mail and signs in.
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, screenshot, type BrowserSession } from "../helpers/browser";
import { addFromCooperative, checkoutByBankTransfer, confirmTransfer, pages, signIn } from "../helpers/shop";

const baseURL = inject("baseURL");

async function desktopPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 800 }, locale: "zh-CN", timezoneId: "Asia/Shanghai" });
  return context.newPage();
}

async function inBothLanguages(page: Page, name: string): Promise<void> {
  await screenshot(page, `console-${name}-zh`);
  const { origin } = new URL(page.url());
  await page.context().addCookies([{ name: "locale", value: "en", url: origin }]);
  await page.reload();
  await screenshot(page, `console-${name}-en`);
  await page.context().addCookies([{ name: "locale", value: "zh-CN", url: origin }]);
  await page.reload();
}

describe.skipIf(!baseURL)("the county console", () => {
  let session: BrowserSession;
  const { newPage, closeAll } = pages(() => session.browser, baseURL);

  beforeAll(async () => {
    session = await launchBrowser();
  });

  afterAll(async () => {
    await closeAll();
    await session?.close();
  });

  test("the dashboard and monitoring, on a phone and on a desktop, in zh and en", async () => {
    // A paid order this year, so the charts have something to draw whichever suites ran before.
    const buyer = await newPage();
    await signIn(buyer, "buyer@demo.tangxian.shop");
    await addFromCooperative(buyer, "nanhongcheng-grape", 2);
    const placed = await checkoutByBankTransfer(buyer, "钱看板");
    const phone = await newPage();
    await signIn(phone, "admin@demo.tangxian.shop");
    await confirmTransfer(phone, placed.reference, placed.total);
    await phone.goto("/admin?period=thisYear");
    // Charts are SVG drawn on the server, each described for screen readers.
    // The narrow drawing on a phone, shown at nearly its own size (text ~11 px, not the wide one's half).
    const chart = phone.locator('main svg[role="img"]:visible').first();
    await chart.waitFor();
    expect((await chart.getAttribute("aria-label"))?.length ?? 0).toBeGreaterThan(4);
    const scale = await chart.evaluate((svg) => svg.getBoundingClientRect().width / Number(/max-width:(\d+)px/.exec(svg.getAttribute("style") ?? "")?.[1]));
    expect(scale).toBeGreaterThan(0.85);
    // No storefront search box in the console.
    expect(await phone.getByRole("button", { name: "搜索" }).count()).toBe(0);
    await inBothLanguages(phone, "dashboard-phone");
    await phone.goto("/admin/monitoring");
    await phone.locator("main h1").waitFor();
    await inBothLanguages(phone, "monitoring-phone");

    const desktop = await desktopPage(session.browser);
    await signIn(desktop, "admin@demo.tangxian.shop");
    await desktop.goto("/admin?period=thisYear");
    await desktop.locator('main svg[role="img"]:visible').first().waitFor();
    await inBothLanguages(desktop, "dashboard-desktop");
    await desktop.goto("/admin/monitoring");
    await inBothLanguages(desktop, "monitoring-desktop");
    await desktop.context().close();
    // An order, a transfer and eight screenshots: ~50 s on two loaded cores.
  }, 180_000);

  test("an admin invites a manager; the link in the mail lets them set a password and sign in, once", async () => {
    const admin = await newPage();
    await signIn(admin, "admin@demo.tangxian.shop");
    const email = `new-manager-${Date.now()}@example.cn`;
    await admin.goto("/admin/cooperatives");
    const row = admin.locator('[data-testid="cooperative-admin-row"][data-slug="nanhongcheng-grape"]');
    const invite = row.getByTestId("manager-invite");
    await invite.getByLabel("邮箱", { exact: false }).fill(email);
    await invite.getByRole("button").click();
    await invite.getByRole("status").waitFor();

    await admin.goto("/dev/outbox");
    const mail = await admin.locator(`[data-testid=outbox-message][data-to="${email}"]`).first().innerText();
    const link = /https?:\/\/[^\s]+\/invite\/[A-Za-z0-9_-]+/.exec(mail)![0];
    const path = new URL(link).pathname;

    const person = await newPage();
    await person.goto(path);
    const form = person.getByTestId("invite-form");
    await form.getByLabel("姓名").fill("新经理");
    await form.getByLabel("密码").fill("Tangxian-grapes-2027");
    await screenshot(person, "console-invite-zh");
    await form.getByRole("button", { name: "设置密码并登录" }).click();
    await person.waitForURL(/\/coop/);
    // The link works once.
    const again = await newPage();
    await again.goto(path);
    await again.getByTestId("invite-refused").waitFor();
  });
});
