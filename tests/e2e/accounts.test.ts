// Accounts in a real Chromium: a buyer signs up, signs in, adds a Beijing address and signs out; bad input
// gets field-level translated errors; six wrong passwords are throttled; a password reset works once; a
// manager lands in the cooperative area, an admin in the admin area, and a buyer is refused the admin area.
// Every page is also checked for Content-Security-Policy violations.
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import type { BrowserContext, Page } from "playwright-core";
import { DEMO_PASSWORD } from "@/lib/seed";
import { launchBrowser, phoneContext, screenshot, type BrowserSession } from "../helpers/browser";

const baseURL = inject("baseURL");
const stamp = Date.now().toString(36);
const buyerEmail = `buyer-${stamp}@example.com`;
const buyerPassword = "Tangxian-grapes-2026";

describe.skipIf(!baseURL)("accounts in Chromium", () => {
  let session: BrowserSession;
  const contexts: BrowserContext[] = [];
  const cspViolations: string[] = [];

  async function newPage(): Promise<Page> {
    const context = await phoneContext(session.browser, baseURL);
    contexts.push(context);
    const page = await context.newPage();
    page.on("console", (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) cspViolations.push(m.text());
    });
    return page;
  }

  async function signIn(page: Page, email: string, password: string) {
    await page.goto("/sign-in");
    await page.getByLabel("邮箱").fill(email);
    await page.getByLabel("密码").fill(password);
    await page.getByRole("button", { name: "登录" }).click();
  }

  beforeAll(async () => {
    session = await launchBrowser();
  });

  afterAll(async () => {
    for (const c of contexts) await c.close();
    await session?.close();
  });

  test("sign-up refuses bad input field by field, and writes nothing", async () => {
    const page = await newPage();
    await page.goto("/sign-up");
    await page.getByLabel("姓名或昵称").fill("王小北");
    await page.getByLabel("邮箱").fill("not-an-email");
    await page.getByLabel("密码").fill("short1");
    await page.getByRole("button", { name: "注册" }).click();
    await page.getByText("请输入有效的邮箱地址。").waitFor();
    await page.getByText("密码至少需要 10 位。").waitFor();
    await expect(page.getByLabel("姓名或昵称").inputValue()).resolves.toBe("王小北");
    await screenshot(page, "10-sign-up-errors-zh");
  });

  test("a buyer signs up, adds a Beijing address, signs out and signs in again", async () => {
    const page = await newPage();
    await page.goto("/sign-up");
    await page.getByLabel("姓名或昵称").fill("王小北");
    await page.getByLabel("邮箱").fill(buyerEmail);
    await page.getByLabel("密码").fill(buyerPassword);
    await page.getByRole("button", { name: "注册" }).click();
    // The same answer a taken email gets (issue 10, point 7): no session yet, a mail in the outbox; then sign in.
    await page.getByText(`我们已向 ${buyerEmail} 发送了一封邮件`).waitFor();
    await signIn(page, buyerEmail, buyerPassword);
    await page.waitForURL(/\/account$/);
    await expect(page.getByTestId("account-email").innerText()).resolves.toBe(buyerEmail);

    await page.goto("/account/addresses");
    const form = page.getByTestId("address-form");
    await form.getByLabel("收货人").fill("王小北");
    await form.getByLabel("手机号").fill("1380013800");
    await form.getByLabel("北京市 · 所在区").selectOption("chaoyang");
    await form.getByLabel("详细地址（街道、小区、楼号、门牌）").fill("朝阳区建国路 88 号 2 号楼 1201");
    await form.getByRole("button", { name: "保存" }).click();
    await form.getByText("请输入有效的中国大陆手机号").waitFor();
    await form.getByLabel("手机号").fill("138 0013 8000");
    await form.getByRole("button", { name: "保存" }).click();
    await page.getByTestId("address-list").waitFor();
    const list = await page.getByTestId("address-list").innerText();
    expect(list).toContain("朝阳区");
    expect(list).toContain("13800138000");
    expect(list).toContain("默认");
    await screenshot(page, "11-addresses-zh");

    await page.getByRole("button", { name: "退出登录" }).click();
    await page.waitForURL((u) => u.pathname === "/");
    await expect(page.getByRole("link", { name: "登录" }).isVisible()).resolves.toBe(true);
    await page.goto("/account");
    await page.waitForURL(/\/sign-in\?next=/);

    await page.getByLabel("邮箱").fill(buyerEmail);
    await page.getByLabel("密码").fill(buyerPassword);
    await page.getByRole("button", { name: "登录" }).click();
    await page.waitForURL(/\/account$/);
  });

  test("signing out in one browser ends the same session copied into another (issue 10, point 1)", async () => {
    const first = await newPage();
    await signIn(first, buyerEmail, buyerPassword);
    await first.waitForURL(/\/account$/);
    // An attacker's copy of the session cookie, in a browser of their own.
    const copy = await newPage();
    await copy.context().addCookies(await first.context().cookies());
    await copy.goto("/account");
    await expect(copy.getByTestId("account-email").innerText()).resolves.toBe(buyerEmail);

    await first.getByRole("button", { name: "退出登录" }).click();
    await first.waitForURL((u) => u.pathname === "/");

    await copy.goto("/account");
    await copy.waitForURL(/\/sign-in\?next=/);
    const session = await copy.context().request.get("/api/auth/session");
    expect(await session.json()).toBeNull();
  });

  test("a buyer who opens an admin URL is refused", async () => {
    const page = await newPage();
    await signIn(page, buyerEmail, buyerPassword);
    await page.waitForURL(/\/account$/);
    const response = await page.goto("/admin");
    expect(response?.status()).toBe(403);
    await expect(page.locator("h1").innerText()).resolves.toBe("无权访问");
    expect(await page.locator("main").innerText()).not.toContain("转账确认");
    await screenshot(page, "12-buyer-refused-admin-zh");
  });

  test("a manager lands in their cooperative area; an admin in the admin area", async () => {
    const manager = await newPage();
    await signIn(manager, "manager@demo.tangxian.shop", DEMO_PASSWORD);
    await manager.waitForURL(/\/coop$/);
    await expect(manager.getByTestId("managed-cooperatives").innerText()).resolves.toContain("南洪城");
    await screenshot(manager, "13-manager-coop-zh");

    const admin = await newPage();
    await signIn(admin, "admin@demo.tangxian.shop", DEMO_PASSWORD);
    await admin.waitForURL(/\/admin$/);
    // The admin home is the county's dashboard, inside the console named for the area.
    await expect(admin.locator("h1").innerText()).resolves.toBe("数据看板");
    expect(await admin.getByText("管理后台", { exact: false }).count()).toBeGreaterThan(0);
  });

  test("six wrong passwords in a row are throttled, with how long to wait", async () => {
    const page = await newPage();
    for (let i = 1; i <= 6; i++) {
      await signIn(page, buyerEmail, `wrong-password-${i}`);
      await page.locator("form [role=alert]").waitFor();
    }
    await expect(page.locator("form [role=alert]").innerText()).resolves.toMatch(/尝试次数过多，请 \d+ 分钟后再试。/);
    // Even the right password is refused while throttled.
    await signIn(page, buyerEmail, buyerPassword);
    await expect(page.locator("form [role=alert]").innerText()).resolves.toMatch(/尝试次数过多/);
    await screenshot(page, "14-throttled-zh");
  });

  test("a password reset link works once, and unlocks the account", async () => {
    const page = await newPage();
    await page.goto("/forgot-password");
    await page.getByLabel("邮箱").fill(buyerEmail);
    await page.getByRole("button", { name: "发送重置链接" }).click();
    await page.locator("form [role=status]").waitFor();
    // The same answer for an unknown email (no user enumeration).
    const known = await page.locator("form [role=status]").innerText();
    await page.getByLabel("邮箱").fill(`nobody-${stamp}@example.com`);
    await page.getByRole("button", { name: "发送重置链接" }).click();
    await expect(page.locator("form [role=status]").innerText()).resolves.toBe(known);

    await page.goto("/dev/outbox");
    const mail = await page.locator(`[data-testid=outbox-message][data-to="${buyerEmail}"]`).first().innerText();
    const link = /http:\/\/[^\s]+\/reset-password\/[A-Za-z0-9_-]+/.exec(mail)![0];
    const path = new URL(link).pathname;

    const newPassword = "Nanhongcheng-wine-2027";
    await page.goto(path);
    await page.getByLabel("新密码").fill(newPassword);
    await page.getByRole("button", { name: "保存新密码" }).click();
    await page.waitForURL(/\/sign-in\?reset=1/);

    // The same link a second time is refused.
    await page.goto(path);
    await page.getByLabel("新密码").fill("Another-valid-pass-1");
    await page.getByRole("button", { name: "保存新密码" }).click();
    await page.locator("form [role=alert]").waitFor();
    await expect(page.locator("form [role=alert]").innerText()).resolves.toBe("重置链接已使用过。请重新申请。");

    await signIn(page, buyerEmail, newPassword);
    await page.waitForURL(/\/account$/);
  });

  test("the pages work under the Content-Security-Policy", async () => {
    const res = await fetch(`${baseURL}/sign-in`);
    expect(res.headers.get("content-security-policy")).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
    expect(cspViolations).toEqual([]);
  });
});
