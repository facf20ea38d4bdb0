// The benefit ledger in Chromium: a buyer pays, and the order and "my impact" show what it brought to the
// cooperative and to households, to the fen the product page promised; the cooperative's manager sees the
// households' income; the admin's sales-by-village CSV moves by exactly this order; a manager's benefit rule
// that the ledger could not apply is refused and nothing changes.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import type { Page } from "playwright-core";
import { shanghaiDay } from "@/lib/domain/ledger";
import { parseYuanToFen } from "@/lib/domain/money";
import { launchBrowser, screenshot, type BrowserSession } from "../helpers/browser";
import { addFromCooperative, checkoutByBankTransfer, confirmTransfer, pages, signIn } from "../helpers/shop";

const baseURL = inject("baseURL");
const databaseUrl = inject("databaseUrl");

/** Audit rows for reads of household personal data (PostgreSQL runs only: PGlite has one opener, the server). */
async function householdReads(): Promise<number | null> {
  if (!databaseUrl) return null;
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>(`SELECT COUNT(*) AS n FROM "AuditLog" WHERE "action" = 'household.personal-data-read'`);
    return Number(rows[0]?.n ?? 0);
  } finally {
    await client.end();
  }
}

const fen = (text: string): number => {
  const value = parseYuanToFen(text.replace(/[¥,\s]/g, ""));
  if (value === null) throw new Error(`not an amount: ${text}`);
  return value;
};

describe.skipIf(!baseURL)("the benefit ledger in Chromium", () => {
  let session: BrowserSession;
  const { newPage, closeAll } = pages(() => session.browser, baseURL);

  beforeAll(async () => {
    session = await launchBrowser();
  });

  afterAll(async () => {
    await closeAll();
    await session?.close();
  });

  /** The admin's sales-by-village CSV for today, as rows keyed by village name (checked for BOM and CRLF). */
  async function villageCsv(admin: Page): Promise<Map<string, string[]>> {
    const today = shanghaiDay(new Date());
    const res = await admin.request.get(`/admin/reports/sales.csv?by=village&from=${today}&to=${today}`);
    expect(res.status()).toBe(200);
    expect(res.headers()["content-type"]).toBe("text/csv; charset=utf-8");
    expect(res.headers()["content-disposition"]).toContain(`sales-by-village-${today}-${today}.csv`);
    const body = (await res.body()).toString("utf8");
    expect(body.startsWith("\uFEFF")).toBe(true);
    const lines = body.slice(1).split("\r\n").filter(Boolean);
    expect(lines[0]).toBe("村（商品产地）,订单数,件数,营业额（元）,农户收益（元）,受益农户（户）");
    return new Map(lines.slice(1).map((l) => l.split(",")).map((cells) => [cells[0]!, cells.slice(1)]));
  }

  /** The sum of every household's income over the manager's income table (fen). */
  async function householdIncomeTotal(manager: Page): Promise<number> {
    await manager.goto("/coop/income");
    const rows = manager.getByTestId("household-row");
    let total = 0;
    for (let i = 0; i < (await rows.count()); i++) total += Number(await rows.nth(i).getAttribute("data-total"));
    return total;
  }

  async function impactOf(page: Page, testId: string) {
    const box = page.getByTestId(testId);
    return {
      householdFen: fen(await box.getByTestId("impact-household-fen").innerText()),
      cooperativeFen: fen(await box.getByTestId("impact-cooperative-fen").innerText()),
      households: Number(await box.getByTestId("impact-households").innerText()),
      villages: Number(await box.getByTestId("impact-villages").innerText()),
    };
  }

  test("a buyer pays; the order and My impact show what it brought, as the product page promised", async () => {
    const buyer = await newPage();
    await signIn(buyer, "union@demo.tangxian.shop");
    await buyer.goto("/account/impact");
    const before = (await buyer.getByTestId("my-impact").count()) > 0 ? await impactOf(buyer, "my-impact") : { householdFen: 0, cooperativeFen: 0, households: 0, villages: 0 };

    // One unit, so the order's split is exactly the product page's "where your money goes".
    const product = await addFromCooperative(buyer, "nanhongcheng-grape", 1);
    await buyer.goto(product.url);
    const promisedPool = fen(await buyer.getByTestId("benefit-pool").innerText());
    const promisedCooperative = fen(await buyer.getByTestId("benefit-cooperative").innerText());
    expect(promisedPool).toBeGreaterThan(0);

    const admin = await newPage();
    await signIn(admin, "admin@demo.tangxian.shop");
    const manager = await newPage();
    await signIn(manager, "manager@demo.tangxian.shop");
    const csvBefore = await villageCsv(admin);
    const incomeBefore = await householdIncomeTotal(manager);

    const { orderUrl, reference, total } = await checkoutByBankTransfer(buyer, "赵工会");
    await confirmTransfer(admin, reference, total);

    await buyer.goto(orderUrl);
    await expect(buyer.getByTestId("order-status").innerText()).resolves.toBe("已付款");
    const order = await impactOf(buyer, "order-impact");
    expect(order.householdFen).toBe(promisedPool);
    expect(order.cooperativeFen).toBe(promisedCooperative);
    expect(order.households).toBeGreaterThan(0);
    expect(order.villages).toBeGreaterThan(0);
    const text = await buyer.getByTestId("order-impact").innerText();
    expect(text).toContain("南洪城村");
    await screenshot(buyer, "30-order-impact-zh");

    await buyer.goto("/account/impact");
    const after = await impactOf(buyer, "my-impact");
    expect(after.householdFen - before.householdFen).toBe(promisedPool);
    expect(after.cooperativeFen - before.cooperativeFen).toBe(promisedCooperative);
    expect(after.households).toBeGreaterThanOrEqual(order.households);
    await screenshot(buyer, "31-my-impact-zh");

    // The manager sees the households' income grow by exactly this order's pool; the view is audited.
    const readsBefore = await householdReads();
    expect((await householdIncomeTotal(manager)) - incomeBefore).toBe(promisedPool);
    if (readsBefore !== null) expect(await householdReads()).toBe(readsBefore + 1);
    await screenshot(manager, "33-household-income-zh");

    // The admin's CSV: the product's village moved by one order, one unit, its price and its pool.
    const csvAfter = await villageCsv(admin);
    const village = "南洪城村";
    const was = csvBefore.get(village) ?? ["0", "0", "0.00", "0.00", "0"];
    const now = csvAfter.get(village);
    expect(now, `CSV has no row for ${village}`).toBeDefined();
    expect(Number(now![0]) - Number(was[0])).toBe(1);
    expect(Number(now![1]) - Number(was[1])).toBe(1);
    expect(fen(now![2]!) - fen(was[2]!)).toBe(promisedPool + promisedCooperative);
    expect(fen(now![3]!) - fen(was[3]!)).toBe(promisedPool);
    expect(Number(now![4])).toBeGreaterThanOrEqual(order.households);
    expect(csvAfter.get("合计")).toBeDefined();

    // The same report as a page; a reversed range is refused with a message, as a page and as CSV.
    await admin.goto(`/admin/reports?by=village`);
    await expect(admin.getByTestId("report-table").innerText()).resolves.toContain(village);
    await screenshot(admin, "34-sales-report-zh");
    const reversed = await admin.request.get("/admin/reports/sales.csv?by=village&from=2026-12-31&to=2026-01-01");
    expect(reversed.status()).toBe(400);
    expect(await reversed.text()).toContain("开始日期不能晚于结束日期");
    const garbage = await admin.request.get("/admin/reports/sales.csv?by=village&from=2026-02-30&to=2026-03-01");
    expect(garbage.status()).toBe(400);
    await admin.goto("/admin/reports?from=2026-12-31&to=2026-01-01");
    await admin.locator("main").getByRole("alert").getByText("开始日期不能晚于结束日期。").waitFor();
  });

  test("a manager's benefit rule the ledger could not apply is refused, and nothing changes", async () => {
    const manager = await newPage();
    await signIn(manager, "manager@demo.tangxian.shop");
    await manager.goto("/coop/products");
    await manager.getByTestId("coop-product").first().getByRole("link").click();
    await manager.waitForURL(/\/coop\/products\/[a-z0-9]+$/);
    const form = manager.getByTestId("product-terms");
    const summary = await manager.locator("main p").first().innerText();

    await form.getByLabel("带贫规则").selectOption("PERCENT_OF_REVENUE");
    await form.getByLabel("百分比（%）").fill("-5");
    await form.getByRole("button", { name: "保存" }).click();
    await form.getByText("带贫比例不能为负数。").waitFor();
    await expect(form.getByRole("alert").innerText()).resolves.toContain("请修改");

    await form.getByLabel("带贫规则").selectOption("FIXED_PER_UNIT");
    await form.getByLabel("每件金额（元）").fill("99999");
    await form.getByRole("button", { name: "保存" }).click();
    await form.getByText("每件带贫金额不能高于商品售价。").waitFor();

    await form.getByLabel("带贫规则").selectOption("PERCENT_OF_REVENUE");
    await form.getByLabel("百分比（%）").fill("10");
    const weights = form.locator("fieldset input");
    for (let i = 0; i < (await weights.count()); i++) await weights.nth(i).fill("0");
    await form.getByRole("button", { name: "保存" }).click();
    await form.getByRole("alert").getByText("农户权重必须是非负整数，且合计大于零。").waitFor();
    await screenshot(manager, "32-benefit-rule-refused-zh");

    await manager.reload();
    expect(await manager.locator("main p").first().innerText()).toBe(summary);
  });
});
