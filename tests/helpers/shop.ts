// Steps in the shop that several browser suites take: signing in, adding a cooperative's product to the cart,
// checking out by bank transfer, an admin confirming the transfer.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { DEMO_PASSWORD } from "@/lib/seed";
import { phoneContext } from "./browser";

/** Phone-sized pages that are all closed together. */
export function pages(browser: () => Browser, baseURL: string) {
  const contexts: BrowserContext[] = [];
  // Arrow functions, not methods: the suites destructure them ({ newPage, closeAll }), so no `this`.
  return {
    newPage: async (): Promise<Page> => {
      const context = await phoneContext(browser(), baseURL);
      contexts.push(context);
      return context.newPage();
    },
    closeAll: async (): Promise<void> => {
      for (const c of contexts) await c.close();
    },
  };
}

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("邮箱").fill(email);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录" }).click();
  await page.waitForURL((u) => u.pathname !== "/sign-in");
}

/** Opens the first in-stock product of a cooperative, adds `quantity` to the cart, returns its name and URL. */
export async function addFromCooperative(page: Page, cooperativeSlug: string, quantity: number): Promise<{ name: string; url: string }> {
  await page.goto(`/cooperatives/${cooperativeSlug}`);
  const count = await page.locator("main article a").count();
  for (let i = 0; i < count; i++) {
    await page.goto(`/cooperatives/${cooperativeSlug}`);
    await page.locator("main article a").nth(i).click();
    await page.waitForURL(/\/products\//);
    if ((await page.getByTestId("add-to-cart").count()) === 0) continue;
    const form = page.getByTestId("add-to-cart");
    await form.getByLabel("数量").fill(String(quantity));
    await form.getByRole("button", { name: "加入购物车" }).click();
    await form.getByRole("status").waitFor();
    return { name: await page.locator("h1").innerText(), url: page.url() };
  }
  throw new Error(`no product in stock at ${cooperativeSlug}`);
}

/** From the cart: checkout to a new Beijing address, by bank transfer. Returns the order's URL, reference and total. */
export async function checkoutByBankTransfer(page: Page, recipient = "李朝阳"): Promise<{ orderUrl: string; reference: string; total: string }> {
  await page.goto("/cart");
  await page.getByRole("link", { name: "去结算" }).click();
  await page.waitForURL(/\/checkout$/);
  const total = await page.getByTestId("checkout-total").innerText();
  const form = page.getByTestId("checkout-form");
  await buyForMyself(page);
  if ((await form.getByLabel("使用新地址").count()) > 0) await form.getByLabel("使用新地址").check();
  await form.getByLabel("收货人", { exact: true }).fill(recipient);
  await form.getByLabel("手机号", { exact: true }).fill("13912345678");
  await form.getByLabel("北京市 · 所在区").selectOption("chaoyang");
  await form.getByLabel("详细地址（街道、小区、楼号、门牌）").fill("朝阳区工体北路 8 号");
  // By its name's start: an organisation's "buy for the union" choice mentions 对公转账 in its hint.
  await form.getByRole("radio", { name: /^对公转账/ }).check();
  await form.getByRole("button", { name: "提交订单" }).click();
  await page.waitForURL(/\/account\/orders\/[a-z0-9]+$/);
  return { orderUrl: page.url(), reference: await page.getByTestId("transfer-reference").innerText(), total };
}

/** An admin confirms a bank transfer of `total` (as shown, e.g. "¥1,234.00") for the order with `reference`. */
export async function confirmTransfer(admin: Page, reference: string, total: string): Promise<void> {
  await admin.goto("/admin/transfers");
  const row = admin.locator(`[data-testid=transfer][data-reference="${reference}"]`);
  await row.getByLabel("实收金额（元）").fill(total.replace(/[¥,]/g, ""));
  await row.getByRole("button", { name: "确认到账" }).click();
  await row.waitFor({ state: "detached" });
}

/** A purchaser of an organisation is asked whom the order is for (issue 15): for themself, here. */
export async function buyForMyself(page: Page): Promise<void> {
  const choice = page.getByTestId("checkout-form").getByLabel("个人购买");
  if ((await choice.count()) > 0) await choice.check();
}
