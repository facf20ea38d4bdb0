// Issue 11 end to end, on a phone, in Chromium: the 南洪城村 grape cooperative's manager lists a new wine (details,
// benefit rule, two photos, stock, a batch) and submits it; the county's admin certifies it; a buyer finds it in
// the catalog with its photo and buys it; the trace page the batch's QR code opens shows the batch. Every step is
// photographed in Chinese and in English (test-results/screenshots/listing-*).
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import type { Page } from "playwright-core";
import { beijingDayOf } from "@/lib/domain/calendar";
import { launchBrowser, screenshot, type BrowserSession } from "../helpers/browser";
import { checkoutByBankTransfer, pages, signIn } from "../helpers/shop";

const baseURL = inject("baseURL");

const NAME_ZH = "南洪城村 冰葡萄酒 2026";
const NAME_EN = "Nanhongcheng Ice Wine 2026";
const LOT = `NHC-ICE-${Date.now().toString(36).toUpperCase()}`;
const CERTIFICATE = `冀扶贫认字(2026)第${String(Date.now() % 10_000).padStart(4, "0")}号`;

/** A phone-camera-like JPEG (a gradient, so it is a real picture) of the given size. */
async function photo(width: number, height: number, hue: number): Promise<Buffer> {
  const pixels = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      pixels[i] = (hue + (x * 255) / width) % 256;
      pixels[i + 1] = (y * 255) / height;
      pixels[i + 2] = 128;
    }
  return sharp(pixels, { raw: { width, height, channels: 3 } }).jpeg({ quality: 85 }).toBuffer();
}

/** The step in Chinese as it is, then the same URL in English (the locale cookie), then back to Chinese. */
async function shoot(page: Page, name: string): Promise<void> {
  await screenshot(page, `listing-${name}-zh`);
  const url = new URL(page.url());
  await page.context().addCookies([{ name: "locale", value: "en", url: url.origin }]);
  await page.reload();
  await screenshot(page, `listing-${name}-en`);
  await page.context().addCookies([{ name: "locale", value: "zh-CN", url: url.origin }]);
  await page.reload();
}

describe.skipIf(!baseURL)("a cooperative lists a new wine; the county certifies it; a buyer buys it", () => {
  let session: BrowserSession;
  const { newPage, closeAll } = pages(() => session.browser, baseURL);
  let manager: Page;
  let productUrl = "";
  let traceCode = "";

  beforeAll(async () => {
    session = await launchBrowser();
    manager = await newPage();
    await signIn(manager, "manager@demo.tangxian.shop");
  });

  afterAll(async () => {
    await closeAll();
    await session?.close();
  });

  test("the manager creates a draft with its benefit rule", async () => {
    await manager.goto("/coop/products");
    await manager.getByRole("link", { name: "新增商品" }).first().click();
    await manager.waitForURL(/\/coop\/products\/new/);
    const form = manager.getByTestId("product-editor");
    await form.getByLabel("中文名称").fill(NAME_ZH);
    await form.getByLabel("英文名称").fill(NAME_EN);
    await form.getByLabel("售价（元）").fill("abc");
    await form.getByLabel("品类").selectOption({ label: "葡萄酒" });
    await form.getByLabel("产地村").selectOption({ label: "南洪城村" });
    await form.getByLabel("中文单位").fill("瓶");
    await form.getByLabel("英文单位").fill("bottle");
    await form.getByLabel("中文规格").fill("375ml×1瓶");
    await form.getByLabel("英文规格").fill("375 ml × 1 bottle");
    await form.getByLabel("中文介绍").fill("南洪城村葡萄园晚收冰葡萄酿造，酸甜平衡。");
    await form.getByLabel("英文介绍").fill("Late-harvest grapes from the Nanhongcheng vineyards, sweet and fresh.");
    await form.getByRole("button", { name: "保存草稿" }).click();
    // A bad price is refused with a translated message, and what was typed stays.
    await expect.poll(() => form.getByText("请填写金额（元）", { exact: false }).count()).toBeGreaterThan(0);
    expect(await form.getByLabel("中文名称").inputValue()).toBe(NAME_ZH);
    await form.getByLabel("售价（元）").fill("168.00");
    await form.getByRole("button", { name: "保存草稿" }).click();
    await manager.waitForURL(/\/coop\/products\/c[a-z0-9]+$/);
    productUrl = new URL(manager.url()).pathname;
    await expect.poll(() => manager.getByText("草稿").count()).toBeGreaterThan(0);
    await shoot(manager, "01-draft");

    // The benefit rule: 10 % of each line to the households, weight 1 each.
    const terms = manager.getByTestId("product-terms");
    await terms.getByLabel("带贫规则").selectOption("PERCENT_OF_REVENUE");
    await terms.getByLabel("百分比（%）").fill("10");
    for (const input of await terms.locator('input[name^="w."]').all()) await input.fill("1");
    await terms.getByRole("button", { name: "保存" }).click();
    await terms.getByRole("status").getByText("已保存", { exact: false }).waitFor();
  });

  test("two photos, uploaded from the phone", async () => {
    await manager.goto(`${productUrl}/photos`);
    const files = [
      { name: "IMG_0001.jpg", mimeType: "image/jpeg", buffer: await photo(1600, 1200, 0) },
      { name: "IMG_0002.jpg", mimeType: "image/jpeg", buffer: await photo(1200, 1600, 90) },
    ];
    const uploader = manager.getByTestId("photo-uploader");
    const input = uploader.locator('input[type="file"]');
    // Once React runs, the input takes several files and the uploader sends them one by one.
    await expect.poll(() => input.getAttribute("multiple")).not.toBeNull();
    await input.setInputFiles(files);
    await uploader.locator('button[type="submit"]').click();
    await expect.poll(() => manager.getByTestId("photo-list").getByTestId("photo").count(), { timeout: 30_000 }).toBe(2);
    await shoot(manager, "02-photos");
  });

  test("stock received, and a batch with its trace code", async () => {
    await manager.goto(`${productUrl}/stock`);
    await manager.getByLabel("调整原因").selectOption("RECEIVED");
    await manager.getByLabel("件数").fill("60");
    await manager.getByRole("button", { name: "保存调整" }).click();
    await manager.getByText("已保存，在售库存现为 60 件", { exact: false }).waitFor();
    await shoot(manager, "03-stock");

    await manager.goto(`${productUrl}/batches`);
    await manager.getByLabel("批次号").fill(LOT);
    const tenDaysAgo = beijingDayOf(new Date(Date.now() - 10 * 86_400_000));
    await manager.getByLabel("生产日期").fill(tenDaysAgo);
    await manager.getByLabel("数量（件）").fill("60");
    await manager.getByRole("button", { name: "创建批次" }).click();
    const batch = manager.locator(`[data-lot="${LOT}"]`);
    await batch.waitFor();
    traceCode = (await batch.getAttribute("data-trace-code")) ?? "";
    expect(traceCode).toMatch(/^[a-z0-9]{10}$/);
    // The QR code on the label opens this URL: SITE_URL + /trace/<code>.
    expect(await batch.getByRole("link", { name: "溯源" }).first().getAttribute("href")).toMatch(new RegExp(`/trace/${traceCode}$`));
    await shoot(manager, "04-batch");
    await manager.goto(`${productUrl}/batches/${await batchIdOf(manager, productUrl)}/labels`);
    // Every label carries the batch's QR code (an SVG drawn on the server) for the trace URL.
    const qr = manager.locator('main img[src^="data:image/svg+xml"]');
    expect(await qr.count()).toBeGreaterThan(0);
    expect(await qr.first().getAttribute("alt")).toMatch(new RegExp(`/trace/${traceCode}$`));
    await shoot(manager, "05-labels");
  });

  test("the manager submits it; buyers cannot see it yet", async () => {
    await manager.goto(productUrl);
    await manager.getByRole("button", { name: "提交认定" }).click();
    await expect.poll(() => manager.getByText("认定审核中").count()).toBeGreaterThan(0);
    await shoot(manager, "06-submitted");
    const res = await fetch(`${baseURL}/products?q=${encodeURIComponent("冰葡萄酒")}`);
    expect(await res.text()).not.toContain(NAME_ZH);
  });

  test("the admin certifies it with a certificate number and validity", async () => {
    const admin = await newPage();
    await signIn(admin, "admin@demo.tangxian.shop");
    await admin.goto("/admin/certifications");
    const card = admin.locator("li, article, section").filter({ hasText: NAME_ZH }).filter({ has: admin.getByLabel("认定证书编号") }).last();
    await card.getByLabel("认定证书编号").fill(CERTIFICATE);
    await shoot(admin, "07-review-queue");
    await card.getByLabel("认定证书编号").fill(CERTIFICATE);
    await card.getByRole("button", { name: "认定并上架" }).click();
    await expect.poll(() => admin.getByText(CERTIFICATE).count()).toBeGreaterThan(0);
    await shoot(admin, "08-certified");
  });

  test("a buyer finds it with its photo, and buys it", async () => {
    const buyer = await newPage();
    await signIn(buyer, "buyer@demo.tangxian.shop");
    await buyer.goto(`/products?q=${encodeURIComponent("冰葡萄酒")}`);
    const card = buyer.locator("main article").filter({ hasText: NAME_ZH });
    await card.waitFor();
    const cardImage = card.locator("img").first();
    expect(await cardImage.getAttribute("src")).toMatch(/media|_next\/image/);
    await shoot(buyer, "09-catalog");
    await card.locator("a").first().click();
    await buyer.waitForURL(/\/products\//);
    // The photo loads (a real image, not a broken link).
    await expect.poll(() => buyer.locator("main img").first().evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
    expect(await buyer.getByText(CERTIFICATE, { exact: false }).count()).toBeGreaterThan(0);
    await shoot(buyer, "10-product");
    const form = buyer.getByTestId("add-to-cart");
    await form.getByLabel("数量").fill("2");
    await form.getByRole("button", { name: "加入购物车" }).click();
    await form.getByRole("status").waitFor();
    const { orderUrl } = await checkoutByBankTransfer(buyer, "王冰");
    await buyer.goto(orderUrl);
    expect(await buyer.getByText(NAME_ZH).count()).toBeGreaterThan(0);
    await shoot(buyer, "11-order");
  });

  test("the trace page the QR code opens shows the batch, the village and the certificate", async () => {
    const visitor = await newPage();
    await visitor.goto(`/trace/${traceCode}`);
    const body = await visitor.locator("main").innerText();
    expect(body).toContain(LOT);
    expect(body).toContain(NAME_ZH);
    expect(body).toContain("南洪城村");
    expect(body).toContain(CERTIFICATE);
    await shoot(visitor, "12-trace");
  });
});

/** The id of the product's newest batch (the labels link of the first one listed with our lot number). */
async function batchIdOf(page: Page, productUrl: string): Promise<string> {
  await page.goto(`${productUrl}/batches`);
  const href = await page.locator(`[data-lot="${LOT}"] a[href$="/labels"]`).getAttribute("href");
  const id = /\/batches\/([a-z0-9]+)\/labels$/.exec(href ?? "")?.[1];
  if (!id) throw new Error(`no labels link for ${LOT}`);
  return id;
}
