// Stripe in Chromium, against a local HTTP server standing in for Stripe's API host: a buyer checks out
// with Stripe up to the redirect to the hosted page; the test then delivers the signed webhook Stripe would
// send, and the order shows paid. Also: with no Stripe keys, checkout offers bank transfer only and says why.
// This suite runs its own app servers (with and without Stripe keys) on the suite's PostgreSQL database.
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import type { ChildProcess } from "node:child_process";
import Stripe from "stripe";
import { DEMO_PASSWORD } from "@/lib/seed";
import { launchBrowser, phoneContext, screenshot, type BrowserSession } from "../helpers/browser";
import { startFakeStripe } from "../helpers/fake-stripe";
import { cookieHeader, signInOverHttp } from "../helpers/http-session";
import { freePort, startServer } from "../helpers/server";
import { buyForMyself } from "../helpers/shop";

const databaseUrl = inject("databaseUrl");
const WEBHOOK_SECRET = "whsec_e2e_test_secret";

describe.skipIf(!inject("baseURL") || !databaseUrl)("Stripe checkout in Chromium", () => {
  let fake: Awaited<ReturnType<typeof startFakeStripe>>;
  let server: ChildProcess;
  let noStripe: ChildProcess;
  let baseURL = "";
  let plainURL = "";
  let session: BrowserSession;

  beforeAll(async () => {
    fake = await startFakeStripe();
    const port = await freePort();
    server = await startServer(port, {
      DATABASE_URL: databaseUrl!,
      STRIPE_SECRET_KEY: "sk_test_e2e",
      STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
      STRIPE_PAYMENT_METHODS: "card,wechat_pay",
      STRIPE_API_BASE: fake.url,
    });
    baseURL = `http://127.0.0.1:${port}`;
    const plainPort = await freePort();
    noStripe = await startServer(plainPort, { DATABASE_URL: databaseUrl!, STRIPE_SECRET_KEY: "", STRIPE_WEBHOOK_SECRET: "" });
    plainURL = `http://127.0.0.1:${plainPort}`;
    session = await launchBrowser();
  });

  afterAll(async () => {
    await session?.close();
    server?.kill("SIGTERM");
    noStripe?.kill("SIGTERM");
    await fake?.close();
  });

  test("checkout by Stripe: the redirect, the signed webhook, the order paid", async () => {
    const context = await phoneContext(session.browser, baseURL);
    const page = await context.newPage();
    await page.goto("/sign-in");
    await page.getByLabel("邮箱").fill("union@demo.tangxian.shop");
    await page.getByLabel("密码").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "登录" }).click();
    await page.waitForURL(/\/account$/);

    await page.goto("/products?category=wine");
    await page.locator("main article a").first().click();
    await page.waitForURL(/\/products\//);
    await page.getByTestId("add-to-cart").getByRole("button", { name: "加入购物车" }).click();
    await page.getByTestId("add-to-cart").getByRole("status").waitFor();

    await page.goto("/checkout");
    const form = page.getByTestId("checkout-form");
    await form.getByLabel("使用新地址").check();
    await form.getByLabel("收货人", { exact: true }).fill("赵工会");
    await form.getByLabel("手机号", { exact: true }).fill("13611112222");
    await form.getByLabel("北京市 · 所在区").selectOption("haidian");
    await form.getByLabel("详细地址（街道、小区、楼号、门牌）").fill("海淀区中关村大街 1 号");
    // The union's officer buys for themself here (an organisation's order is paid by transfer).
    await buyForMyself(page);
    await form.getByLabel(/在线支付/).check();
    await form.getByRole("button", { name: "提交订单" }).click();
    // The browser is sent to the (stand-in) hosted Stripe page.
    await page.waitForURL((u) => u.toString().startsWith(fake.url));

    const created = fake.requests.filter((r) => r.method === "POST" && r.path === "/v1/checkout/sessions");
    expect(created).toHaveLength(1);
    const req = created[0]!;
    const body = req.body;
    expect(body["currency"]).toBe("cny");
    expect(body["allowed_payment_method_types[0]"]).toBe("card");
    expect(body["allowed_payment_method_types[1]"]).toBe("wechat_pay");
    const orderId = body["metadata[orderId]"]!;
    expect(orderId).toBeTruthy();
    expect(req.headers["idempotency-key"]).toBe(`order-${orderId}-checkout-session`);
    expect(Number(body["line_items[0][price_data][unit_amount]"])).toBeGreaterThan(0);

    // Coming back to the success URL does not make the order paid: only the webhook does.
    await page.goto(`${baseURL}/account/orders/${orderId}?paid=1`);
    await expect(page.getByTestId("order-status").innerText()).resolves.toBe("待付款");
    await screenshot(page, "30-stripe-waiting-zh");

    const total = Number(Object.entries(body)
      .filter(([k]) => /^line_items\[\d+\]\[price_data\]\[unit_amount\]$/.test(k))
      .reduce((sum, [k, v]) => sum + Number(v) * Number(body[k.replace("[price_data][unit_amount]", "[quantity]")] ?? 1), 0));
    const event = {
      id: `evt_e2e_${Date.now()}`,
      object: "event",
      type: "checkout.session.completed",
      api_version: "2025-01-01",
      created: Math.floor(Date.now() / 1000),
      data: {
        object: {
          id: "cs_test_e2e",
          object: "checkout.session",
          payment_status: "paid",
          status: "complete",
          amount_total: total,
          currency: "cny",
          client_reference_id: orderId,
          metadata: { orderId },
          payment_intent: "pi_test_e2e",
        },
      },
    };
    const payload = JSON.stringify(event);
    const signature = new Stripe("sk_test_unused").webhooks.generateTestHeaderString({ payload, secret: WEBHOOK_SECRET });
    const bad = await fetch(`${baseURL}/api/webhooks/stripe`, { method: "POST", body: payload, headers: { "stripe-signature": "t=1,v1=forged" } });
    expect(bad.status).toBe(400);
    for (let i = 0; i < 2; i++) {
      const res = await fetch(`${baseURL}/api/webhooks/stripe`, { method: "POST", body: payload, headers: { "stripe-signature": signature, "content-type": "application/json" } });
      expect(res.status).toBe(200);
      if (i === 1) expect(await res.json()).toMatchObject({ duplicate: true });
    }
    await page.reload();
    await page.waitForFunction(() => document.querySelector("[data-testid=order-status]")?.textContent === "已付款", undefined, { timeout: 10_000 });
    await screenshot(page, "31-stripe-paid-zh");
    const paidImpact = await page.getByTestId("order-impact").getByTestId("impact-household-fen").innerText();
    expect(paidImpact).not.toBe("¥0.00");

    // The buyer asks for a refund; an admin approves it; the shop asks Stripe, once, with its own key.
    const orderNumber = (await page.locator("h1 .font-mono").innerText()).trim();
    const refundForm = page.getByTestId("refund-form");
    await refundForm.getByLabel("退款原因").fill("单位活动取消");
    await refundForm.getByRole("button", { name: "申请退款" }).click();
    // The request is open: the page no longer offers the form.
    await refundForm.waitFor({ state: "detached" });
    const adminContext = await phoneContext(session.browser, baseURL);
    const admin = await adminContext.newPage();
    await admin.goto("/sign-in");
    await admin.getByLabel("邮箱").fill("admin@demo.tangxian.shop");
    await admin.getByLabel("密码").fill(DEMO_PASSWORD);
    await admin.getByRole("button", { name: "登录" }).click();
    await admin.waitForURL(/\/admin$/);
    await admin.goto("/admin/refunds");
    const row = admin.locator(`[data-testid=refund][data-order="${orderNumber}"]`);
    await row.getByRole("button", { name: "同意退款" }).click();
    await row.waitFor({ state: "detached" });
    const refunds = fake.requests.filter((r) => r.method === "POST" && r.path === "/v1/refunds");
    expect(refunds).toHaveLength(1);
    const refundBody = refunds[0]!.body;
    expect(refundBody["payment_intent"]).toBe("pi_test_e2e");
    expect(Number(refundBody["amount"])).toBe(total);
    expect(refunds[0]!.headers["idempotency-key"]).toBe(`refund-${refundBody["metadata[refundId]"]}`);
    // Approved is not refunded: the order waits for Stripe's word.
    await page.reload();
    await expect(page.getByTestId("order-status").innerText()).resolves.toBe("已付款");

    // Stripe's charge.refunded, signed: the order is refunded and the ledger reversed, to zero.
    const refunded = JSON.stringify({
      id: `evt_e2e_refund_${Date.now()}`,
      object: "event",
      type: "charge.refunded",
      api_version: "2025-01-01",
      created: Math.floor(Date.now() / 1000),
      data: { object: { id: "ch_test_e2e", object: "charge", amount: total, amount_refunded: total, refunded: true, currency: "cny", payment_intent: "pi_test_e2e", metadata: {} } },
    });
    const refundSignature = new Stripe("sk_test_unused").webhooks.generateTestHeaderString({ payload: refunded, secret: WEBHOOK_SECRET });
    const answer = await fetch(`${baseURL}/api/webhooks/stripe`, { method: "POST", body: refunded, headers: { "stripe-signature": refundSignature, "content-type": "application/json" } });
    expect(answer.status).toBe(200);
    await page.reload();
    await expect(page.getByTestId("order-status").innerText()).resolves.toBe("已退款");
    await expect(page.getByTestId("order-impact").getByTestId("impact-household-fen").innerText()).resolves.toBe("¥0.00");
    await expect(page.getByTestId("order-impact").getByTestId("impact-cooperative-fen").innerText()).resolves.toBe("¥0.00");
    await screenshot(page, "32-stripe-refunded-zh");
    await adminContext.close();
    await context.close();
  });

  test("with no Stripe keys, checkout offers bank transfer only and says why", async () => {
    const jar = await signInOverHttp(plainURL, "buyer@demo.tangxian.shop", DEMO_PASSWORD);
    const sitemap = await (await fetch(`${plainURL}/sitemap.xml`)).text();
    const slug = /\/products\/([a-z0-9-]+)<\/loc>/.exec(sitemap)![1]!;
    const context = await phoneContext(session.browser, plainURL);
    await context.addCookies([...jar].map(([name, value]) => ({ name, value, url: plainURL })));
    const page = await context.newPage();
    await page.goto(`/products/${slug}`);
    await page.getByTestId("add-to-cart").getByRole("button", { name: "加入购物车" }).click();
    await page.getByTestId("add-to-cart").getByRole("status").waitFor();
    await page.goto("/checkout");
    await expect(page.getByTestId("no-stripe").innerText()).resolves.toContain("仅支持对公转账");
    expect(await page.getByLabel(/在线支付/).count()).toBe(0);
    await expect(page.getByLabel("对公转账").isChecked()).resolves.toBe(true);
    expect(cookieHeader(jar)).toContain("authjs.session-token");
    await context.close();
  });
});
