// A local HTTP server standing in for Stripe's API host (api.stripe.com), for tests: the real Stripe SDK talks
// to it (`stripeFor(fake)`, or STRIPE_API_BASE=fake.url for an app server). It records every request as the
// SDK sent it (form-encoded bracket keys such as `line_items[0][price_data][unit_amount]`, kept flat), answers
// the few endpoints the shop uses with plausible objects, and honours Idempotency-Key the way Stripe does:
// the same key with the same parameters replays the first answer; with other parameters it is a 400.
import { randomBytes } from "node:crypto";
import http, { type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import Stripe from "stripe";

export interface RecordedRequest {
  method: string;
  /** The path without the query string, e.g. /v1/checkout/sessions. */
  path: string;
  query: Record<string, string>;
  /** Node's lower-cased headers: `headers["idempotency-key"]`, `headers["stripe-version"]`, … */
  headers: IncomingHttpHeaders;
  idempotencyKey: string | null;
  /** The form body, flat: `body["metadata[orderId]"]`, `body["line_items[0][quantity]"]`. */
  body: Record<string, string>;
  rawBody: string;
  /** True when the answer was a replay of an earlier request with the same Idempotency-Key. */
  replayed: boolean;
  status: number;
}

export interface FakeStripe {
  /** http://127.0.0.1:<port>, the value for STRIPE_API_BASE. */
  url: string;
  port: number;
  requests: RecordedRequest[];
  /** Checkout Sessions created so far, by id. */
  sessions: Map<string, Record<string, unknown>>;
  refunds: Map<string, Record<string, unknown>>;
  /** Payment intent → its charge's amount, registered by a test so that refunds beyond it are refused. */
  charges: Map<string, number>;
  close(): Promise<void>;
}

interface Answer {
  status: number;
  body: unknown;
}

const id = (prefix: string) => `${prefix}_${randomBytes(12).toString("hex")}`;
const nowSeconds = () => Math.floor(Date.now() / 1000);

/** The prefix's entries as an object: prefixed(body, "metadata") → { orderId: "…" } from `metadata[orderId]`. */
function prefixed(body: Record<string, string>, prefix: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = new RegExp(`^${prefix.replace(/[[\]]/g, "\\$&")}\\[([^\\]]+)\\]$`);
  for (const [k, v] of Object.entries(body)) {
    const m = re.exec(k);
    if (m) out[m[1]!] = v;
  }
  return out;
}

/** `name[0]`, `name[1]`, … as an array. */
function indexed(body: Record<string, string>, name: string): string[] {
  const out: string[] = [];
  for (let i = 0; body[`${name}[${i}]`] !== undefined; i++) out.push(body[`${name}[${i}]`]!);
  return out;
}

function stripeError(status: number, type: string, message: string, param?: string, code?: string): Answer {
  return { status, body: { error: { type, message, ...(param ? { param } : {}), ...(code ? { code } : {}) } } };
}

function createSession(body: Record<string, string>, baseUrl: string): Answer {
  const lines: { quantity: number; unitAmount: number; currency: string; name: string }[] = [];
  for (let i = 0; body[`line_items[${i}][quantity]`] !== undefined || body[`line_items[${i}][price_data][unit_amount]`] !== undefined; i++) {
    const unit = body[`line_items[${i}][price_data][unit_amount]`];
    const quantity = Number(body[`line_items[${i}][quantity]`] ?? "1");
    if (unit === undefined || !/^\d+$/.test(unit)) return stripeError(400, "invalid_request_error", `Missing or invalid unit_amount for line item ${i}`, `line_items[${i}][price_data][unit_amount]`);
    if (!Number.isInteger(quantity) || quantity < 1) return stripeError(400, "invalid_request_error", `Invalid quantity for line item ${i}`, `line_items[${i}][quantity]`);
    lines.push({
      quantity,
      unitAmount: Number(unit),
      currency: body[`line_items[${i}][price_data][currency]`] ?? body["currency"] ?? "",
      name: body[`line_items[${i}][price_data][product_data][name]`] ?? "",
    });
  }
  if (lines.length === 0) return stripeError(400, "invalid_request_error", "line_items is required in payment mode", "line_items");
  const currency = body["currency"] ?? lines[0]!.currency;
  if (!currency || lines.some((l) => l.currency !== currency)) return stripeError(400, "invalid_request_error", "All line items must share the session's currency", "currency");
  const expiresAt = body["expires_at"] === undefined ? nowSeconds() + 24 * 3600 : Number(body["expires_at"]);
  if (expiresAt < nowSeconds() + 30 * 60 - 60 || expiresAt > nowSeconds() + 24 * 3600 + 60) {
    return stripeError(400, "invalid_request_error", "expires_at must be between 30 minutes and 24 hours from now", "expires_at");
  }
  const amountTotal = lines.reduce((s, l) => s + l.unitAmount * l.quantity, 0);
  const sessionId = id("cs_test");
  const methods = indexed(body, "allowed_payment_method_types");
  const session = {
    id: sessionId,
    object: "checkout.session",
    amount_subtotal: amountTotal,
    amount_total: amountTotal,
    cancel_url: body["cancel_url"] ?? null,
    client_reference_id: body["client_reference_id"] ?? null,
    created: nowSeconds(),
    currency,
    customer_email: body["customer_email"] ?? null,
    expires_at: expiresAt,
    livemode: false,
    locale: body["locale"] ?? null,
    metadata: prefixed(body, "metadata"),
    mode: body["mode"] ?? "payment",
    payment_intent: null,
    payment_method_types: methods.length ? methods : ["card"],
    payment_status: "unpaid",
    status: "open",
    success_url: body["success_url"] ?? null,
    url: `${baseUrl}/pay/${sessionId}`,
  };
  return { status: 200, body: session };
}

function createRefund(body: Record<string, string>, charges: Map<string, number>, refunds: Map<string, Record<string, unknown>>): Answer {
  const intent = body["payment_intent"] ?? null;
  const charge = body["charge"] ?? null;
  if (!intent && !charge) return stripeError(400, "invalid_request_error", "One of charge or payment_intent is required", "payment_intent");
  let amount = body["amount"] === undefined ? null : Number(body["amount"]);
  if (amount !== null && (!Number.isInteger(amount) || amount < 1)) return stripeError(400, "invalid_request_error", "Invalid positive integer", "amount");
  // A payment the test registered: Stripe never refunds more than is left on the charge.
  const charged = intent ? charges.get(intent) : undefined;
  if (charged !== undefined) {
    const refunded = [...refunds.values()].filter((r) => r["payment_intent"] === intent && r["status"] !== "failed" && r["status"] !== "canceled").reduce((s, r) => s + (r["amount"] as number), 0);
    if (refunded >= charged) return stripeError(400, "invalid_request_error", `Charge for payment intent ${intent} has already been refunded.`, undefined, "charge_already_refunded");
    amount ??= charged - refunded;
    if (amount > charged - refunded) {
      return stripeError(400, "invalid_request_error", `Refund amount (¥${(amount / 100).toFixed(2)}) is greater than unrefunded amount on charge (¥${((charged - refunded) / 100).toFixed(2)})`, "amount");
    }
  }
  return {
    status: 200,
    body: {
      id: id("re_test"),
      object: "refund",
      amount: amount ?? 0,
      charge: charge ?? id("ch_test"),
      created: nowSeconds(),
      currency: "cny",
      metadata: prefixed(body, "metadata"),
      payment_intent: intent,
      reason: body["reason"] ?? null,
      status: "succeeded",
    },
  };
}

export async function startFakeStripe(): Promise<FakeStripe> {
  const requests: RecordedRequest[] = [];
  const sessions = new Map<string, Record<string, unknown>>();
  const refunds = new Map<string, Record<string, unknown>>();
  const charges = new Map<string, number>();
  // Idempotency-Key → the request it was first used with and the answer given.
  const idempotent = new Map<string, { fingerprint: string; answer: Answer }>();
  let baseUrl = "";

  const route = (method: string, path: string, body: Record<string, string>): Answer => {
    if (method === "POST" && path === "/v1/checkout/sessions") {
      const answer = createSession(body, baseUrl);
      if (answer.status === 200) {
        const s = answer.body as Record<string, unknown>;
        sessions.set(s["id"] as string, s);
      }
      return answer;
    }
    const session = /^\/v1\/checkout\/sessions\/([^/]+)(\/expire)?$/.exec(path);
    if (session) {
      const found = sessions.get(session[1]!);
      if (!found) return stripeError(404, "invalid_request_error", `No such checkout.session: '${session[1]}'`, "session");
      if (method === "GET" && !session[2]) return { status: 200, body: found };
      if (method === "POST" && session[2]) {
        if (found["status"] !== "open") return stripeError(400, "invalid_request_error", "Only open sessions can be expired");
        found["status"] = "expired";
        return { status: 200, body: found };
      }
    }
    if (method === "POST" && path === "/v1/refunds") {
      const answer = createRefund(body, charges, refunds);
      if (answer.status === 200) {
        const r = answer.body as Record<string, unknown>;
        refunds.set(r["id"] as string, r);
      }
      return answer;
    }
    return stripeError(404, "invalid_request_error", `Unrecognized request URL (${method}: ${path}).`);
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", baseUrl);
      const method = req.method ?? "GET";
      const rawBody = Buffer.concat(chunks).toString("utf8");
      const body = Object.fromEntries(new URLSearchParams(rawBody));

      // The hosted payment page the buyer is redirected to: just something a browser can show.
      const pay = /^\/pay\/([^/]+)$/.exec(url.pathname);
      if (method === "GET" && pay) {
        res.writeHead(sessions.has(pay[1]!) ? 200 : 404, { "content-type": "text/html; charset=utf-8" });
        res.end(`<!doctype html><title>Fake Stripe Checkout</title><h1 data-session="${pay[1]}">Fake Stripe Checkout</h1>`);
        return;
      }

      const header = req.headers["idempotency-key"];
      const idempotencyKey = typeof header === "string" ? header : null;
      const fingerprint = `${method} ${url.pathname} ${rawBody}`;
      let answer: Answer;
      let replayed = false;
      const earlier = idempotencyKey && method === "POST" ? idempotent.get(idempotencyKey) : undefined;
      if (earlier) {
        answer =
          earlier.fingerprint === fingerprint
            ? earlier.answer
            : stripeError(
                400,
                "idempotency_error",
                `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${idempotencyKey}' if you meant to execute a different request.`,
              );
        replayed = earlier.fingerprint === fingerprint;
      } else {
        answer = route(method, url.pathname, body);
        if (idempotencyKey && method === "POST") idempotent.set(idempotencyKey, { fingerprint, answer });
      }
      requests.push({
        method,
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        headers: req.headers,
        idempotencyKey,
        body,
        rawBody,
        replayed,
        status: answer.status,
      });
      res.writeHead(answer.status, {
        "content-type": "application/json",
        "request-id": id("req"),
        ...(idempotencyKey ? { "idempotency-key": idempotencyKey } : {}),
        ...(replayed ? { "idempotent-replayed": "true" } : {}),
        // Never ask the SDK to retry: a test should see the first answer.
        "stripe-should-retry": "false",
      });
      res.end(JSON.stringify(answer.body));
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  baseUrl = `http://127.0.0.1:${port}`;
  return {
    url: baseUrl,
    port,
    requests,
    sessions,
    refunds,
    charges,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** A real Stripe SDK client whose API host is the fake. */
export function stripeFor(fake: Pick<FakeStripe, "port">): Stripe {
  return new Stripe("sk_test_fake", { host: "127.0.0.1", port: fake.port, protocol: "http", maxNetworkRetries: 0 });
}
