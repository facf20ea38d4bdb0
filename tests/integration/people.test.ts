// Issue 13, cooperatives and people: admins create, certify, suspend and reinstate cooperatives, invite and remove
// managers, disable accounts — on real PostgreSQL with the demo seed. The server actions run for real through the
// action chain; only the framework boundary (session, request headers, locale, cache revalidation) is mocked.
import { afterAll, beforeAll, beforeEach, describe, expect, test, vi } from "vitest";
import { cartFingerprint } from "@/lib/domain/checkout";
import type { Db } from "@/lib/db/client";
import type { Actor } from "@/lib/domain/permissions";
import { CANNING_COOPERATIVE_SLUG, GRAPE_COOPERATIVE_SLUG, seedDatabase } from "@/lib/seed";
import { createTestDatabase, type TestDatabase } from "../helpers/db";

const shared = vi.hoisted((): { db: unknown; actor: unknown; locale: "zh-CN" | "en" } => ({ db: null, actor: null, locale: "zh-CN" }));
const cache = vi.hoisted(() => ({ listingsChanged: vi.fn(), productsChanged: vi.fn(), cooperativeChanged: vi.fn() }));
vi.mock("@/lib/server/db", () => ({ db: new Proxy({}, { get: (_t, prop) => Reflect.get(shared.db as object, prop) as unknown }) }));
vi.mock("next/headers", () => ({ headers: async () => new Headers(), cookies: async () => ({ get: () => undefined, set: () => {}, delete: () => {} }) }));
vi.mock("next/navigation", () => import("next/dist/client/components/navigation.react-server.js"));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {}, updateTag: () => {} }));
vi.mock("@/lib/server/queries/catalog-cached", () => cache);
vi.mock("@/lib/server/i18n", () => ({ getLocale: async () => shared.locale }));
const auth = vi.hoisted(() => ({ signIn: vi.fn(async () => undefined) }));
vi.mock("@/lib/server/auth", () => auth);
vi.mock("next-auth", () => ({ AuthError: class AuthError extends Error {} }));
vi.mock("@/lib/server/authz", async () => (await import("../helpers/authz-stub")).authzStub(() => shared.actor));

const { createCooperativeAction } = await import("@/lib/server/actions/admin/cooperative-create");
const { cooperativeStatusAction } = await import("@/lib/server/actions/admin/cooperative-status");
const { managerInviteAction } = await import("@/lib/server/actions/admin/manager-invite");
const { managerRemoveAction } = await import("@/lib/server/actions/admin/manager-remove");
const { userDisableAction } = await import("@/lib/server/actions/admin/user-disable");
const { acceptInviteAction } = await import("@/lib/server/actions/auth/accept-invite");
const { acceptInvite, INVITE_TTL_MS, readInvite } = await import("@/lib/server/people/invites");
const { listUsers, parseUserListQuery } = await import("@/lib/server/people/users");
const { listAuditLog, parseAuditQuery } = await import("@/lib/server/people/audit-log");
const { verifyCredentialsIn, hashPassword } = await import("@/lib/server/auth/credentials");
const { checkToken, stampToken } = await import("@/lib/server/auth/session-version");
const { listProducts } = await import("@/lib/server/queries/catalog/products");
const { placeOrder } = await import("@/lib/server/orders/place-order");
const { parseCatalogQuery } = await import("@/lib/validation/catalog");

let t: TestDatabase;
let db: Db;
let admin: Actor & { id: string };
let managerA: Actor & { id: string };
let grape: string;
let canning: string;
let village: string;

const form = (fields: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  return f;
};
const as = (actor: unknown) => (shared.actor = actor);
const auditCount = (action: string) => db.auditLog.count({ where: { action } });

async function actor(email: string) {
  const u = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true, role: true, cooperatives: { select: { cooperativeId: true } } } });
  return { id: u.id, role: u.role, cooperativeIds: u.cooperatives.map((c) => c.cooperativeId) };
}

beforeAll(async () => {
  t = await createTestDatabase("shop_people");
  db = t.db;
  shared.db = db;
  await seedDatabase(db);
  admin = await actor("admin@demo.tangxian.shop");
  managerA = await actor("manager@demo.tangxian.shop");
  const coop = await db.cooperative.findUniqueOrThrow({ where: { slug: GRAPE_COOPERATIVE_SLUG }, select: { id: true, villageId: true } });
  grape = coop.id;
  village = coop.villageId;
  canning = (await db.cooperative.findUniqueOrThrow({ where: { slug: CANNING_COOPERATIVE_SLUG }, select: { id: true } })).id;
}, 120_000);

afterAll(async () => {
  await t?.drop();
});

beforeEach(() => {
  as(admin);
  shared.locale = "zh-CN";
  vi.clearAllMocks();
});

const goodCoop = {
  villageId: "",
  enterpriseId: "",
  nameZh: "唐县测试蜂蜜合作社",
  nameEn: "Tang County Test Honey Cooperative",
  contactPhone: "0312-6412345",
  bankAccountName: "唐县测试蜂蜜合作社",
  bankName: "河北唐县农村商业银行",
  bankAccountNumber: "6230 1234 5678 9012",
  shippingFee: "12.5",
  freeShippingMin: "99",
};

describe("creating a cooperative", () => {
  test("bad input: translated field errors, what was typed kept, nothing written", async () => {
    const before = await db.cooperative.count();
    const state = await createCooperativeAction(undefined, form({ ...goodCoop, nameZh: "", nameEn: "", shippingFee: "-3", freeShippingMin: "12.345", bankAccountNumber: "abc", contactPhone: "12" }));
    expect(state.status).toBe(400);
    expect(state.fieldErrors).toMatchObject({
      villageId: "请选择所在村。",
      nameZh: "请填写中文名称。",
      nameEn: "请填写英文名称。",
      shippingFee: expect.stringContaining("运费"),
      freeShippingMin: expect.stringContaining("包邮门槛"),
      bankAccountNumber: expect.stringContaining("银行账号"),
      contactPhone: expect.stringContaining("联系电话"),
    });
    expect(state.values?.bankName).toBe(goodCoop.bankName);
    shared.locale = "en";
    const en = await createCooperativeAction(undefined, form({ ...goodCoop, villageId: "no-such-village" }));
    expect(en).toMatchObject({ ok: false, status: 400, fieldErrors: { villageId: "That village does not exist; please choose again." } });
    expect(await db.cooperative.count()).toBe(before);
    expect(await auditCount("cooperative.created")).toBe(0);
  });

  test("only an admin may create one", async () => {
    as(managerA);
    expect((await createCooperativeAction(undefined, form({ ...goodCoop, villageId: village }))).status).toBe(403);
    as(null);
    expect((await createCooperativeAction(undefined, form({ ...goodCoop, villageId: village }))).status).toBe(401);
  });

  test("good input: a PENDING cooperative, fen from yuan, a slug, audited", async () => {
    await expect(createCooperativeAction(undefined, form({ ...goodCoop, villageId: village }))).rejects.toMatchObject({ digest: expect.stringContaining("NEXT_REDIRECT") });
    const coop = await db.cooperative.findFirstOrThrow({ where: { nameZh: goodCoop.nameZh } });
    expect(coop).toMatchObject({ slug: "tang-county-test-honey-cooperative", status: "PENDING", shippingFeeFen: 1250, freeShippingMinFen: 9900, bankAccountNumber: "6230123456789012", contactPhone: "03126412345" });
    // The same English name again gets the next free slug.
    await expect(createCooperativeAction(undefined, form({ ...goodCoop, villageId: village }))).rejects.toThrow();
    expect(await db.cooperative.count({ where: { slug: "tang-county-test-honey-cooperative-2" } })).toBe(1);
    const row = await db.auditLog.findFirstOrThrow({ where: { action: "cooperative.created", entityId: coop.id } });
    expect(row.actorId).toBe(admin.id);
    expect((await cooperativeStatusAction(undefined, form({ cooperativeId: coop.id, change: "certify" }))).ok).toBe(true);
    expect((await db.cooperative.findUniqueOrThrow({ where: { id: coop.id } })).certifiedAt).toBeInstanceOf(Date);
  });
});

describe("suspending and reinstating", () => {
  const liveSlugs = async () => {
    const page = await listProducts(db, parseCatalogQuery({ cooperative: GRAPE_COOPERATIVE_SLUG }), "zh-CN");
    return page.items.map((p) => p.slug);
  };

  test("suspend: products leave the catalog at once, a cart holding one cannot check out; reinstate: back", async () => {
    const product = await db.product.findFirstOrThrow({ where: { cooperativeId: grape, listingStatus: "ON_SALE", stock: { gt: 2 } }, select: { id: true, slug: true } });
    const before = await liveSlugs();
    expect(before).toContain(product.slug);
    // A buyer has it in the cart before the suspension.
    const buyer = await db.user.create({ data: { email: "suspend-cart@example.test" } });
    await db.cart.create({ data: { userId: buyer.id, items: { create: [{ productId: product.id, quantity: 1 }] } } });

    const suspended = await cooperativeStatusAction(undefined, form({ cooperativeId: grape, change: "suspend" }));
    expect(suspended).toMatchObject({ ok: true, status: 200 });
    expect(suspended.message).toContain("下架");
    expect(cache.listingsChanged).toHaveBeenCalled();
    expect(cache.productsChanged).toHaveBeenCalledWith(expect.arrayContaining([product.id]));
    expect(await liveSlugs()).toEqual([]);
    const all = await listProducts(db, parseCatalogQuery({}), "zh-CN");
    expect(all.items.map((p) => p.slug)).not.toContain(product.slug);

    const placed = await placeOrder(db, {
      userId: buyer.id,
      method: "STRIPE",
      address: { recipient: "孙会计", phone: "13722223333", district: "chaoyang", street: "朝阳区朝阳门外大街 6 号" },
      note: "",
      institution: null,
      fingerprint: cartFingerprint([{ productId: product.id, quantity: 1 }]),
    });
    expect(placed).toMatchObject({ ok: false, code: "unavailable" });
    expect(await db.order.count({ where: { buyerId: buyer.id } })).toBe(0);

    // A second suspend (another admin's click): 409, nothing written.
    const audits = await auditCount("cooperative.suspended");
    expect((await cooperativeStatusAction(undefined, form({ cooperativeId: grape, change: "suspend" }))).status).toBe(409);
    expect(await auditCount("cooperative.suspended")).toBe(audits);
    // Certify applies to a pending cooperative only.
    expect((await cooperativeStatusAction(undefined, form({ cooperativeId: grape, change: "certify" }))).status).toBe(409);

    const reinstated = await cooperativeStatusAction(undefined, form({ cooperativeId: grape, change: "reinstate" }));
    expect(reinstated.ok).toBe(true);
    expect((await liveSlugs()).sort()).toEqual([...before].sort());
    const again = await placeOrder(db, {
      userId: buyer.id,
      method: "STRIPE",
      address: { recipient: "孙会计", phone: "13722223333", district: "chaoyang", street: "朝阳区朝阳门外大街 6 号" },
      note: "",
      institution: null,
      fingerprint: cartFingerprint([{ productId: product.id, quantity: 1 }]),
    });
    expect(again.ok).toBe(true);
    expect(await auditCount("cooperative.suspended")).toBe(1);
    expect(await auditCount("cooperative.reinstated")).toBe(1);
  });

  test("a manager cannot change a cooperative's status; an unknown id is a 404", async () => {
    as(managerA);
    expect((await cooperativeStatusAction(undefined, form({ cooperativeId: grape, change: "suspend" }))).status).toBe(403);
    as(admin);
    expect((await cooperativeStatusAction(undefined, form({ cooperativeId: "nope", change: "suspend" }))).status).toBe(404);
    expect((await db.cooperative.findUniqueOrThrow({ where: { id: grape } })).status).toBe("CERTIFIED");
  });
});

describe("inviting a manager", () => {
  const tokenFromMail = async (to: string) => {
    const mail = await db.mailMessage.findFirstOrThrow({ where: { to, kind: "manager-invite" }, orderBy: { createdAt: "desc" } });
    const match = /\/invite\/([A-Za-z0-9_-]+)/.exec(mail.text);
    expect(match).not.toBeNull();
    return { token: match![1]!, mail };
  };

  test("invite → accept with a password → signs in as a manager of that cooperative; the link again → refused", async () => {
    const email = "new.manager@example.test";
    const state = await managerInviteAction(undefined, form({ cooperativeId: canning, email: " New.Manager@Example.test " }));
    expect(state).toMatchObject({ ok: true, status: 200 });
    const { token, mail } = await tokenFromMail(email);
    expect(mail.subject).toContain("邀请");
    const invite = await db.managerInvite.findFirstOrThrow({ where: { email } });
    // Only the hash is stored, and it expires in 72 hours.
    expect(invite.tokenHash).not.toContain(token);
    expect(invite.expiresAt.getTime() - invite.createdAt.getTime()).toBeGreaterThan(INVITE_TTL_MS - 60_000);
    expect(await readInvite(db, token)).toMatchObject({ state: "ok", email });

    const password = "葡萄园的秋天2024";
    const accepted = await acceptInvite(db, { token, name: "王社长", passwordHash: await hashPassword(password), ip: "127.0.0.1" });
    expect(accepted.kind).toBe("done");
    const signedIn = await verifyCredentialsIn(db, email, password, "127.0.0.1");
    expect(signedIn).toMatchObject({ ok: true, user: { email, role: "MANAGER", name: "王社长" } });
    const user = await db.user.findUniqueOrThrow({ where: { email }, select: { lastSignInAt: true, cooperatives: { select: { cooperativeId: true } } } });
    expect(user.cooperatives).toEqual([{ cooperativeId: canning }]);
    expect(user.lastSignInAt).toBeInstanceOf(Date);

    const users = await db.user.count();
    const second = await acceptInvite(db, { token, name: "冒用", passwordHash: await hashPassword("另一个密码2024abc"), ip: null });
    expect(second.kind).toBe("used");
    expect(await db.user.count()).toBe(users);
    expect((await readInvite(db, token)).state).toBe("used");
    expect(await db.auditLog.count({ where: { action: "manager.invited", entityId: canning } })).toBe(1);
    expect(await db.auditLog.count({ where: { action: "manager.invite-accepted", entityId: canning } })).toBe(1);

    // Inviting them again: they already manage it.
    const again = await managerInviteAction(undefined, form({ cooperativeId: canning, email }));
    expect(again).toMatchObject({ ok: false, status: 409 });
    // Removing them: unlinked, audited; a second removal is a 404.
    const actorRow = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
    expect((await managerRemoveAction(undefined, form({ cooperativeId: canning, userId: actorRow.id }))).ok).toBe(true);
    expect(await db.cooperativeManager.count({ where: { userId: actorRow.id } })).toBe(0);
    expect((await managerRemoveAction(undefined, form({ cooperativeId: canning, userId: actorRow.id }))).status).toBe(404);
    expect(await auditCount("manager.removed")).toBe(1);
  });

  test("an expired link is refused with nothing written; an unknown one too", async () => {
    const email = "late.manager@example.test";
    expect((await managerInviteAction(undefined, form({ cooperativeId: canning, email }))).ok).toBe(true);
    const { token } = await tokenFromMail(email);
    const later = new Date(Date.now() + INVITE_TTL_MS + 1000);
    expect((await readInvite(db, token, later)).state).toBe("expired");
    const users = await db.user.count();
    expect((await acceptInvite(db, { token, name: "迟到", passwordHash: "x", ip: null, now: later })).kind).toBe("expired");
    expect((await acceptInvite(db, { token: "x".repeat(43), name: "猜", passwordHash: "x", ip: null })).kind).toBe("invalid");
    expect(await db.user.count()).toBe(users);
    expect((await db.managerInvite.findFirstOrThrow({ where: { email } })).usedAt).toBeNull();
  });

  test("an email that already has an account is refused clearly; bad emails are field errors; managers cannot invite", async () => {
    const taken = await managerInviteAction(undefined, form({ cooperativeId: canning, email: "buyer@demo.tangxian.shop" }));
    expect(taken).toMatchObject({ ok: false, status: 409, fieldErrors: { email: expect.stringContaining("已注册") } });
    const bad = await managerInviteAction(undefined, form({ cooperativeId: canning, email: "not-an-email" }));
    expect(bad).toMatchObject({ status: 400, fieldErrors: { email: "请输入有效的邮箱地址。" } });
    as(managerA);
    expect((await managerInviteAction(undefined, form({ cooperativeId: grape, email: "x@example.test" }))).status).toBe(403);
    expect(await db.managerInvite.count({ where: { email: { in: ["buyer@demo.tangxian.shop", "x@example.test"] } } })).toBe(0);
  });

  test("the invite form's action: the sign-up password rules, then a manager signed in and sent to /coop; again → 410", async () => {
    const email = "form.manager@example.test";
    expect((await managerInviteAction(undefined, form({ cooperativeId: grape, email }))).ok).toBe(true);
    const { token } = await tokenFromMail(email);
    as(null);
    const weak = await acceptInviteAction(undefined, form({ token, name: "李会计", password: "form.manager2024" }));
    expect(weak).toMatchObject({ ok: false, status: 400, fieldErrors: { password: "密码不能包含邮箱用户名。" }, values: { name: "李会计" } });
    const short = await acceptInviteAction(undefined, form({ token, name: "", password: "abc1" }));
    expect(short.fieldErrors).toMatchObject({ name: "请填写姓名或昵称。", password: "密码至少需要 10 位。" });
    expect(await db.user.count({ where: { email } })).toBe(0);
    await expect(acceptInviteAction(undefined, form({ token, name: "李会计", password: "葡萄园的秋天2024" }))).rejects.toMatchObject({ digest: expect.stringContaining("/coop") });
    expect(auth.signIn).toHaveBeenCalledWith("credentials", expect.objectContaining({ email, redirect: false }));
    const user = await db.user.findUniqueOrThrow({ where: { email }, select: { role: true, cooperatives: { select: { cooperativeId: true } } } });
    expect(user).toEqual({ role: "MANAGER", cooperatives: [{ cooperativeId: grape }] });
    const again = await acceptInviteAction(undefined, form({ token, name: "李会计", password: "葡萄园的秋天2024" }));
    expect(again).toMatchObject({ ok: false, status: 410, message: "这个邀请已经使用过。如已设置密码，请直接登录。" });
  });

  test("an account created after the invite was sent: accepting is refused and the invite stays unused", async () => {
    const email = "raced@example.test";
    expect((await managerInviteAction(undefined, form({ cooperativeId: canning, email }))).ok).toBe(true);
    const { token } = await tokenFromMail(email);
    await db.user.create({ data: { email } });
    expect((await acceptInvite(db, { token, name: "抢注", passwordHash: "x", ip: null })).kind).toBe("accountExists");
    expect((await db.managerInvite.findFirstOrThrow({ where: { email } })).usedAt).toBeNull();
  });
});

describe("disabling an account", () => {
  test("its sessions stop at once and it cannot sign in; enabling lets it back", async () => {
    const buyer = await db.user.create({ data: { email: "to-disable@example.test", name: "停用", passwordHash: await hashPassword("葡萄园的秋天2024") } });
    const token = await stampToken(db, {}, buyer.id);
    const read = (id: string) => db.user.findUnique({ where: { id }, select: { sessionVersion: true, disabledAt: true } });
    expect(await checkToken(token, read)).not.toBeNull();

    const state = await userDisableAction(undefined, form({ userId: buyer.id, change: "disable" }));
    expect(state).toMatchObject({ ok: true, status: 200 });
    const row = await db.user.findUniqueOrThrow({ where: { id: buyer.id } });
    expect(row.disabledAt).toBeInstanceOf(Date);
    expect(row.sessionVersion).toBe(token.sv + 1);
    expect(await checkToken(token, read)).toBeNull();
    expect(await verifyCredentialsIn(db, "to-disable@example.test", "葡萄园的秋天2024", "10.0.0.9")).toMatchObject({ ok: false, reason: "invalid" });
    expect((await userDisableAction(undefined, form({ userId: buyer.id, change: "disable" }))).status).toBe(409);

    expect((await userDisableAction(undefined, form({ userId: buyer.id, change: "enable" }))).ok).toBe(true);
    expect(await verifyCredentialsIn(db, "to-disable@example.test", "葡萄园的秋天2024", "10.0.0.9")).toMatchObject({ ok: true });
    // The old token stays dead: enabling does not bring old sessions back.
    expect(await checkToken(token, read)).toBeNull();
    expect(await db.auditLog.count({ where: { action: "user.disabled", entityId: buyer.id, actorId: admin.id } })).toBe(1);
    expect(await db.auditLog.count({ where: { action: "user.enabled", entityId: buyer.id } })).toBe(1);
  });

  test("an admin cannot disable themselves; a manager cannot disable anyone", async () => {
    expect((await userDisableAction(undefined, form({ userId: admin.id, change: "disable" }))).status).toBe(409);
    as(managerA);
    expect((await userDisableAction(undefined, form({ userId: admin.id, change: "disable" }))).status).toBe(403);
    expect((await db.user.findUniqueOrThrow({ where: { id: admin.id } })).disabledAt).toBeNull();
  });
});

describe("the lists", () => {
  test("users: searched by email, sorted and paged in the database", async () => {
    const found = await listUsers(db, parseUserListQuery({ q: "DEMO.tangxian", sort: "email", dir: "asc" }));
    expect(found.rows.map((r) => r.email)).toEqual([...found.rows.map((r) => r.email)].sort());
    expect(found.rows.every((r) => r.email.includes("demo.tangxian"))).toBe(true);
    const manager = found.rows.find((r) => r.email === "manager@demo.tangxian.shop");
    expect(manager?.cooperatives.map((c) => c.id)).toContain(grape);
    expect(parseUserListQuery({ sort: "'; drop", page: "-4" })).toMatchObject({ sort: "created", page: 1 });
  });

  test("audit log: who, what, when", async () => {
    const byAdmin = await listAuditLog(db, parseAuditQuery({ who: "admin@demo", what: "cooperative." }));
    expect(byAdmin.total).toBeGreaterThanOrEqual(5);
    expect(byAdmin.rows.every((r) => r.action.startsWith("cooperative.") && r.actor?.email === "admin@demo.tangxian.shop")).toBe(true);
    const future = await listAuditLog(db, parseAuditQuery({ from: "2099-01-01" }));
    expect(future.total).toBe(0);
    expect(parseAuditQuery({ from: "2026-02-30" }).badDates).toBe(true);
    expect(parseAuditQuery({ from: "2026-12-01", to: "2026-11-01" })).toMatchObject({ badDates: true, from: null, to: null });
  });
});
