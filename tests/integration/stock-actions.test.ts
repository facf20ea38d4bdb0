// The three server actions (adjust-stock, set-low-stock, create-batch) through the real action chain on a real
// database: who may call them, forged ids (another cooperative's product, a cooperative not the caller's) refused
// with 404 and nothing written, bad input answered with translated field errors and the typed values kept.
// The framework boundary (request headers, the session, the locale, Next's cache) is mocked; decide() is real.
import { afterAll, beforeAll, beforeEach, describe, expect, test, vi } from "vitest";
import type { Actor } from "@/lib/domain/permissions";
import type { TestDatabase } from "../helpers/db";

const holder = vi.hoisted(() => ({ t: null as TestDatabase | null, actor: null as (Actor & { email: string; name: string | null; buyerType: string }) | null }));
const cache = vi.hoisted(() => ({ revalidateTag: vi.fn(), revalidatePath: vi.fn() }));

vi.mock("next/headers", () => ({ headers: async () => new Headers(), cookies: async () => ({ get: () => undefined }) }));
vi.mock("next/navigation", () => import("next/dist/client/components/navigation.react-server.js"));
vi.mock("next/cache", () => ({ revalidateTag: cache.revalidateTag, revalidatePath: cache.revalidatePath, unstable_cache: <F>(fn: F) => fn }));
vi.mock("@/lib/server/i18n", () => ({ getLocale: async () => "zh-CN" }));
vi.mock("@/lib/server/db", async () => {
  const { createTestDatabase } = await import("../helpers/db");
  holder.t = await createTestDatabase("shop_stock_actions");
  return { db: holder.t.db };
});
vi.mock("@/lib/server/authz", async () => (await import("../helpers/authz-stub")).authzStub(() => holder.actor));

const { db } = await import("@/lib/server/db");
const { seedDatabase } = await import("@/lib/seed");
const { adjustStockAction } = await import("@/lib/server/actions/coop/adjust-stock");
const { setLowStockAction } = await import("@/lib/server/actions/coop/set-low-stock");
const { createBatchAction } = await import("@/lib/server/actions/coop/create-batch");
const { translator } = await import("@/lib/i18n/translate");
const zh = translator("zh-CN");

let coopA: string;
let coopB: string;
let managerA: NonNullable<typeof holder.actor>;
let managerB: NonNullable<typeof holder.actor>;
let buyer: NonNullable<typeof holder.actor>;
let admin: NonNullable<typeof holder.actor>;
let ours: string;
let theirs: string;

async function actorOf(email: string) {
  const u = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true, email: true, name: true, role: true, buyerType: true, cooperatives: { select: { cooperativeId: true } } } });
  return { id: u.id, email: u.email, name: u.name, role: u.role, buyerType: u.buyerType, cooperativeIds: u.cooperatives.map((c) => c.cooperativeId) };
}

beforeAll(async () => {
  await seedDatabase(db);
  managerA = await actorOf("manager@demo.tangxian.shop");
  managerB = await actorOf("manager2@demo.tangxian.shop");
  admin = await actorOf("admin@demo.tangxian.shop");
  const b = await db.user.create({ data: { email: "stock-buyer@example.test" }, select: { email: true } });
  buyer = await actorOf(b.email);
  coopA = managerA.cooperativeIds[0]!;
  coopB = managerB.cooperativeIds[0]!;
  ours = (await db.product.findUniqueOrThrow({ where: { slug: "nanhongcheng-merlot" } })).id;
  theirs = (await db.product.findUniqueOrThrow({ where: { slug: "hongnancheng-yellow-peach-canned" } })).id;
}, 120_000);

afterAll(async () => {
  await holder.t?.drop();
});

beforeEach(() => {
  holder.actor = managerA;
  cache.revalidateTag.mockReset();
  cache.revalidatePath.mockReset();
});

const form = (fields: Record<string, string>) => {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.set(k, v);
  return fd;
};

async function footprint() {
  return {
    products: await db.product.findMany({ select: { id: true, stock: true, lowStockThreshold: true }, orderBy: { id: "asc" } }),
    movements: await db.stockMovement.count(),
    batches: await db.batch.count(),
    audits: await db.auditLog.count(),
  };
}

type Call = [name: string, run: (fields: Record<string, string>) => ReturnType<typeof adjustStockAction>, fields: Record<string, string>];
const calls = (cooperativeId: string, productId: string): Call[] => [
  ["adjust-stock", (f) => adjustStockAction(undefined, form(f)), { cooperativeId, productId, reason: "RECEIVED", units: "5", note: "" }],
  ["set-low-stock", (f) => setLowStockAction(undefined, form(f)), { cooperativeId, productId, threshold: "7" }],
  ["create-batch", (f) => createBatchAction(undefined, form(f)), { cooperativeId, productId, lotNumber: "FORGED-1", productionDate: "2026-01-05", quantity: "10", receive: "on" }],
];

describe("who may call them; forged ids write nothing", () => {
  test.each([
    ["anonymous", null, 401],
    ["a buyer", "buyer", 403],
    ["an admin", "admin", 403],
    ["manager B, naming A's cooperative", "managerB", 404],
  ] as const)("%s → %i", async (_who, who, status) => {
    holder.actor = who === null ? null : { buyer, admin, managerB }[who];
    const before = await footprint();
    for (const [name, run, fields] of calls(coopA, ours)) expect([name, (await run(fields)).status]).toEqual([name, status]);
    expect(await footprint()).toEqual(before);
    expect(cache.revalidateTag).not.toHaveBeenCalled();
  });

  test("manager A naming B's product under A's cooperative, or A's product under B's: 404", async () => {
    const before = await footprint();
    for (const [name, run, fields] of [...calls(coopA, theirs), ...calls(coopB, ours), ...calls(coopB, theirs)]) {
      expect([name, (await run(fields)).status]).toEqual([name, 404]);
    }
    expect(await footprint()).toEqual(before);
  });
});

describe("manager A on A's product", () => {
  test("each action works, and the stock changes expire the product's cached pages", async () => {
    const stock = (await db.product.findUniqueOrThrow({ where: { id: ours } })).stock;
    const [adjust, threshold, batch] = calls(coopA, ours);
    expect(await adjust![1](adjust![2])).toMatchObject({ ok: true, status: 200, message: zh("stock.saved", { stock: stock + 5 }) });
    expect(cache.revalidateTag).toHaveBeenCalled();
    expect(await threshold![1](threshold![2])).toMatchObject({ ok: true, status: 200 });
    expect(await batch![1]({ ...batch![2], lotNumber: "a-ok-1" })).toMatchObject({ ok: true, status: 200 });
    const after = await db.product.findUniqueOrThrow({ where: { id: ours } });
    expect([after.stock, after.lowStockThreshold]).toEqual([stock + 15, 7]);
    expect(await db.batch.count({ where: { productId: ours, lotNumber: "A-OK-1" } })).toBe(1);
  });

  test.each([
    ["adjust-stock", "units", { reason: "DAMAGE", units: "1.5" }, zh("stock.units.notWholeNumber"), 400],
    ["adjust-stock", "units", { reason: "RECEIVED", units: "-3" }, zh("stock.units.negative"), 400],
    ["adjust-stock", "reason", { reason: "STOLEN", units: "3" }, zh("stock.errors.reason"), 400],
    ["adjust-stock", "units", { reason: "DAMAGE", units: "999999" }, null, 409],
    ["set-low-stock", "threshold", { threshold: "100001" }, zh("stock.threshold.invalid", { max: 100_000 }), 400],
    ["create-batch", "productionDate", { productionDate: "2999-01-01" }, zh("batches.errors.date.future"), 400],
    ["create-batch", "lotNumber", { lotNumber: "批次 1" }, zh("batches.errors.lotInvalid"), 400],
    ["create-batch", "quantity", { quantity: "0" }, zh("stock.refusal.zeroUnits"), 400],
    ["create-batch", "lotNumber", { lotNumber: "a-ok-1" }, zh("batches.errors.lotTaken", { lot: "A-OK-1" }), 409],
  ] as const)("%s with bad %s → a translated error, the typed values kept, nothing written", async (name, field, over, message, status) => {
    const [, run, fields] = calls(coopA, ours).find(([n]) => n === name)!;
    const before = await footprint();
    const result = await run({ ...fields, ...over });
    expect(result.ok).toBe(false);
    expect(result.status).toBe(status);
    expect(result.fieldErrors?.[field]).toBeTruthy();
    if (message) expect(result.fieldErrors?.[field]).toBe(message);
    for (const [k, v] of Object.entries(over)) expect(result.values?.[k]).toBe(v);
    expect(await footprint()).toEqual(before);
  });

  test("a stocktake below what unpaid orders hold says how many they hold", async () => {
    const { placeTestOrder } = await import("../helpers/orders");
    await placeTestOrder(db, "STRIPE", [[ours, 4]], "actions");
    const result = await adjustStockAction(undefined, form({ cooperativeId: coopA, productId: ours, reason: "STOCKTAKE", units: "3", note: "" }));
    expect(result).toMatchObject({ ok: false, status: 409, message: zh("stock.refusal.countBelowReserved", { reserved: 4 }) });
    expect(result.message).toContain("4");
  });
});
