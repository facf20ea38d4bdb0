// The buyer's path from cart to a paid order in Chromium: products from two cooperatives, checkout by bank
// transfer, an admin confirms the transfer, the order shows paid with one parcel per cooperative.
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import type { Page } from "playwright-core";
import { launchBrowser, screenshot, type BrowserSession } from "../helpers/browser";
import { addFromCooperative as addProduct, pages, signIn } from "../helpers/shop";

const baseURL = inject("baseURL");

describe.skipIf(!baseURL)("checkout in Chromium", () => {
  let session: BrowserSession;
  const { newPage, closeAll } = pages(() => session.browser, baseURL);
  const addFromCooperative = async (page: Page, slug: string, quantity: number) => (await addProduct(page, slug, quantity)).name;

  beforeAll(async () => {
    session = await launchBrowser();
  });

  afterAll(async () => {
    await closeAll();
    await session?.close();
  });

  test("a guest's cart follows them into their account", async () => {
    const page = await newPage();
    const name = await addFromCooperative(page, "hongnancheng-canning", 1);
    await page.goto("/cart");
    await expect(page.locator("main").innerText()).resolves.toContain(name);
    await signIn(page, "buyer@demo.tangxian.shop");
    await page.goto("/cart");
    await expect(page.locator("main").innerText()).resolves.toContain(name);
    // Leave the cart empty for the next test.
    while ((await page.getByTestId("cart-line").count()) > 0) {
      await page.getByRole("button", { name: /从购物车移除/ }).first().click();
      await page.waitForTimeout(300);
      await page.reload();
    }
  });

  test("two cooperatives, bank transfer, admin confirms, the order shows paid", async () => {
    const buyer = await newPage();
    await signIn(buyer, "buyer@demo.tangxian.shop");
    const wine = await addFromCooperative(buyer, "nanhongcheng-grape", 2);
    const peaches = await addFromCooperative(buyer, "hongnancheng-canning", 1);

    await buyer.goto("/cart");
    expect(await buyer.locator("main section").count()).toBe(2);
    // Optimistic quantity change, confirmed by the server.
    await buyer.getByRole("button", { name: `增加 ${peaches} 的数量` }).click();
    await expect(buyer.getByTestId("cart-quantity").nth(1).innerText()).resolves.toBe("2");
    await buyer.waitForTimeout(500);
    await buyer.reload();
    await expect(buyer.getByTestId("cart-quantity").nth(1).innerText()).resolves.toBe("2");
    await screenshot(buyer, "20-cart-zh");

    await buyer.getByRole("link", { name: "去结算" }).click();
    await buyer.waitForURL(/\/checkout$/);
    const total = await buyer.getByTestId("checkout-total").innerText();
    const form = buyer.getByTestId("checkout-form");
    await form.getByLabel("使用新地址").check();
    await form.getByLabel("收货人", { exact: true }).fill("李朝阳");
    await form.getByLabel("手机号", { exact: true }).fill("13912345678");
    await form.getByLabel("北京市 · 所在区").selectOption("chaoyang");
    await form.getByLabel("详细地址（街道、小区、楼号、门牌）").fill("朝阳区工体北路 8 号");
    await form.getByLabel("对公转账").check();
    await screenshot(buyer, "21-checkout-zh");
    await form.getByRole("button", { name: "提交订单" }).click();
    await buyer.waitForURL(/\/account\/orders\/[a-z0-9]+$/);
    const orderUrl = buyer.url();
    await expect(buyer.getByTestId("order-status").innerText()).resolves.toBe("待付款");
    const reference = await buyer.getByTestId("transfer-reference").innerText();
    expect(reference).toMatch(/^TXZZ-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(await buyer.getByTestId("shipment").count()).toBe(2);
    const main = await buyer.locator("main").innerText();
    expect(main).toContain(wine);
    expect(main).toContain(peaches);
    expect(main).toContain(total);
    await screenshot(buyer, "22-order-awaiting-transfer-zh");

    const admin = await newPage();
    await signIn(admin, "admin@demo.tangxian.shop");
    await admin.goto("/admin/transfers");
    const row = admin.locator(`[data-testid=transfer][data-reference="${reference}"]`);
    // A wrong amount is refused, and changes nothing.
    await row.getByLabel("实收金额（元）").fill("1.00");
    await row.getByRole("button", { name: "确认到账" }).click();
    await expect(row.getByRole("alert").innerText()).resolves.toContain("不一致");
    await row.getByLabel("实收金额（元）").fill(total.replace(/[¥,]/g, ""));
    await row.getByRole("button", { name: "确认到账" }).click();
    // Confirmed: the order leaves the list of transfers awaiting confirmation.
    await row.waitFor({ state: "detached" });

    await buyer.goto(orderUrl);
    await expect(buyer.getByTestId("order-status").innerText()).resolves.toBe("已付款");
    await screenshot(buyer, "23-order-paid-zh");
  });
});
