// 防返贫 monitoring on a real PostgreSQL with the demo seed: household income rows written directly for a few
// households create each rule's case; the rules flag exactly them with the right numbers; re-running adds
// nothing; a resolved flag stays resolved; follow-ups and status moves are audited; a manager of another
// cooperative (or a buyer) cannot act on a flag and nothing is written. The actions run through the real chain;
// only the framework boundary (headers, session, locale, Next's cache) is mocked.
import { afterAll, beforeAll, beforeEach, describe, expect, test, vi } from "vitest";
import type { Actor } from "@/lib/domain/permissions";
import type { TestDatabase } from "../helpers/db";

const holder = vi.hoisted(() => ({ t: null as TestDatabase | null, actor: null as (Actor & { email: string; name: string | null; buyerType: string }) | null }));

vi.mock("next/headers", () => ({ headers: async () => new Headers(), cookies: async () => ({ get: () => undefined }) }));
vi.mock("next/navigation", () => import("next/dist/client/components/navigation.react-server.js"));
vi.mock("next/cache", () => ({ revalidateTag: vi.fn(), revalidatePath: vi.fn(), unstable_cache: <F>(fn: F) => fn }));
vi.mock("@/lib/server/i18n", () => ({ getLocale: async () => "zh-CN" }));
vi.mock("@/lib/server/db", async () => {
  const { createTestDatabase } = await import("../helpers/db");
  holder.t = await createTestDatabase("shop_monitoring");
  return { db: holder.t.db };
});
vi.mock("@/lib/server/authz", async () => (await import("../helpers/authz-stub")).authzStub(() => holder.actor));

const { db } = await import("@/lib/server/db");
const { seedDatabase } = await import("@/lib/seed");
const { evaluateMonitoring } = await import("@/lib/server/monitoring/evaluate");
const { listFlags } = await import("@/lib/server/monitoring/list");
const { flagsCsv } = await import("@/lib/server/monitoring/csv");
const { monitoringDecideAction } = await import("@/lib/server/actions/admin/monitoring-decide");
const { monitoringSetLineAction } = await import("@/lib/server/actions/admin/monitoring-set-line");
const { monitoringFollowUpAction } = await import("@/lib/server/actions/admin/monitoring-follow-up");
const { coopMonitoringFollowUpAction } = await import("@/lib/server/actions/coop/monitoring-follow-up");
const { coopMonitoringDecideAction } = await import("@/lib/server/actions/coop/monitoring-decide");
const { coopMonitoringMarkHouseholdAction } = await import("@/lib/server/actions/coop/monitoring-mark-household");
const { translator } = await import("@/lib/i18n/translate");

type TestActor = NonNullable<typeof holder.actor>;
let managerA: TestActor;
let managerB: TestActor;
let admin: TestActor;
let buyer: TestActor;
let coopA: string;
let coopB: string;
const ids: Record<"noIncome" | "drop" | "belowLine" | "joinedLate" | "healthy", string> = { noIncome: "", drop: "", belowLine: "", joinedLate: "", healthy: "" };
// 15 November 2026, noon in Beijing: the current month is 2026-11; complete months end with October.
const NOW = new Date("2026-11-15T04:00:00Z");

async function actorOf(email: string): Promise<TestActor> {
  const u = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true, email: true, name: true, role: true, buyerType: true, cooperatives: { select: { cooperativeId: true } } } });
  return { id: u.id, email: u.email, name: u.name, role: u.role, buyerType: u.buyerType, cooperativeIds: u.cooperatives.map((c) => c.cooperativeId) };
}

const form = (fields: Record<string, string>) => {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.set(k, v);
  return fd;
};

async function household(code: string, cooperativeId: string, since: string, memberCount: number) {
  const coop = await db.cooperative.findUniqueOrThrow({ where: { id: cooperativeId }, select: { villageId: true } });
  const h = await db.household.create({ data: { code, villageId: coop.villageId, memberCount, headName: "测试户主" } });
  await db.householdParticipation.create({ data: { householdId: h.id, cooperativeId, benefitType: "DIVIDEND", weight: 1, since: new Date(`${since}T00:00:00+08:00`) } });
  return h.id;
}

/** Income rows: [day, fen] for one household in one cooperative. */
async function income(householdId: string, cooperativeId: string, rows: [string, number][]) {
  const coop = await db.cooperative.findUniqueOrThrow({ where: { id: cooperativeId }, select: { villageId: true } });
  const category = await db.category.findFirstOrThrow({ select: { id: true } });
  await db.householdDailyIncome.createMany({
    data: rows.map(([day, amountFen]) => ({ householdId, cooperativeId, villageId: coop.villageId, categoryId: category.id, day: new Date(`${day}T00:00:00Z`), amountFen })),
  });
  // The monthly rows the ledger's writer keeps beside the daily ones (monitoring reads the monthly TOTAL).
  const months = new Map<string, number>();
  for (const [day, fen] of rows) months.set(`${day.slice(0, 7)}-01`, (months.get(`${day.slice(0, 7)}-01`) ?? 0) + fen);
  await db.householdMonthlyIncome.createMany({
    data: [...months].flatMap(([month, amountFen]) =>
      (
        [
          ["VILLAGE", coop.villageId],
          ["COOPERATIVE", cooperativeId],
          ["CATEGORY", category.id],
          ["TOTAL", ""],
        ] as const
      ).map(([dimension, key]) => ({ dimension, key, householdId, month: new Date(`${month}T00:00:00Z`), amountFen })),
    ),
  });
}

const flagsOf = (householdId: string) => db.monitoringFlag.findMany({ where: { householdId }, orderBy: { rule: "asc" }, select: { id: true, rule: true, periodKey: true, details: true, status: true } });

async function footprint() {
  return {
    flags: await db.monitoringFlag.findMany({ select: { id: true, status: true, resolvedAt: true }, orderBy: { id: "asc" } }),
    followUps: await db.monitoringFollowUp.count(),
    households: await db.household.findMany({ select: { id: true, status: true }, orderBy: { id: "asc" } }),
    audits: await db.auditLog.count(),
  };
}

beforeAll(async () => {
  await seedDatabase(db);
  managerA = await actorOf("manager@demo.tangxian.shop");
  managerB = await actorOf("manager2@demo.tangxian.shop");
  admin = await actorOf("admin@demo.tangxian.shop");
  const b = await db.user.create({ data: { email: "monitoring-buyer@example.test" }, select: { email: true } });
  buyer = await actorOf(b.email);
  coopA = managerA.cooperativeIds[0]!;
  coopB = managerB.cooperativeIds[0]!;
  // Seeded rollups, if any, are left alone: the assertions below are about these households.
  ids.noIncome = await household("MON-T-001", coopA, "2025-01-01", 2);
  ids.drop = await household("MON-T-002", coopA, "2025-01-01", 1);
  ids.belowLine = await household("MON-T-003", coopB, "2025-01-01", 3);
  ids.joinedLate = await household("MON-T-004", coopA, "2026-09-15", 1);
  ids.healthy = await household("MON-T-005", coopA, "2025-01-01", 1);
  // Income before the 3 months does not save a household from NO_INCOME_3M.
  await income(ids.noIncome, coopA, [["2026-07-31", 5_000]]);
  // 2025Q3: ¥9,000 (one month split over two days); 2026Q3: ¥4,200 = 46%; 12 months ¥7,800 ≥ ¥6,600 × 1.
  await income(ids.drop, coopA, [["2025-07-01", 100_000], ["2025-07-31", 200_000], ["2025-08-15", 300_000], ["2025-09-30", 300_000], ["2025-11-01", 300_000], ["2026-07-15", 140_000], ["2026-08-15", 140_000], ["2026-09-15", 140_000], ["2026-10-31", 60_000], ["2026-11-01", 999_999]]);
  // ¥1,000 a month for 12 months, 3 members: ¥4,000 each, below ¥6,600; outside the 12 months: not counted.
  await income(ids.belowLine, coopB, [...Array.from({ length: 12 }, (_, i): [string, number] => [`${i === 0 ? "2025-11" : i === 1 ? "2025-12" : `2026-${String(i - 1).padStart(2, "0")}`}-10`, 100_000]), ["2025-10-31", 5_000_000]]);
  await income(ids.healthy, coopA, Array.from({ length: 24 }, (_, i): [string, number] => [`${2024 + Math.floor((10 + i) / 12)}-${String(((10 + i) % 12) + 1).padStart(2, "0")}-05`, 700_000]));
  holder.actor = admin;
}, 180_000);

afterAll(async () => {
  await holder.t?.drop();
});

beforeEach(() => {
  holder.actor = admin;
});

describe("the rules on the database", () => {
  test("each rule flags the right households with the right numbers", async () => {
    const summary = await evaluateMonitoring(db, { now: NOW, actorId: admin.id });
    expect(summary.month).toBe("2026-11");
    expect(summary.lineFen).toBe(660_000);
    expect(await flagsOf(ids.noIncome)).toEqual([
      expect.objectContaining({ rule: "NO_INCOME_3M", periodKey: "2026-10", status: "OPEN", details: { months: ["2026-08", "2026-09", "2026-10"], incomeFen: [0, 0, 0] } }),
      expect.objectContaining({ rule: "BELOW_LINE", periodKey: "2026-10", details: { months: ["2025-11", "2026-10"], incomeFen: 5_000, memberCount: 2, perMemberFen: 2_500, lineFen: 660_000 } }),
    ]);
    expect(await flagsOf(ids.drop)).toEqual([
      expect.objectContaining({ rule: "QUARTER_DROP", periodKey: "2026Q3", details: { quarter: "2026Q3", previousQuarter: "2025Q3", incomeFen: 420_000, previousIncomeFen: 900_000, percent: 46 } }),
    ]);
    expect(await flagsOf(ids.belowLine)).toEqual([
      expect.objectContaining({ rule: "BELOW_LINE", periodKey: "2026-10", details: { months: ["2025-11", "2026-10"], incomeFen: 1_200_000, memberCount: 3, perMemberFen: 400_000, lineFen: 660_000 } }),
    ]);
    expect(await flagsOf(ids.joinedLate)).toEqual([]);
    expect(await flagsOf(ids.healthy)).toEqual([]);
    const audit = await db.auditLog.findFirst({ where: { action: "monitoring.evaluated" }, orderBy: { createdAt: "desc" } });
    expect(audit?.metadata).toMatchObject({ month: "2026-11", created: summary.created });
  });

  test("re-running does not duplicate", async () => {
    const before = await db.monitoringFlag.count();
    const again = await evaluateMonitoring(db, { now: NOW, actorId: admin.id });
    expect(again.created).toBe(0);
    expect(again.found).toBeGreaterThanOrEqual(4);
    expect(await db.monitoringFlag.count()).toBe(before);
  });

  test("the list: open first, codes and 12-month series, scoped to a cooperative's households; the CSV has no names", async () => {
    const all = await listFlags(db, { scope: { kind: "all" }, now: NOW });
    const drop = all.flags.find((f) => f.household.code === "MON-T-002");
    expect(drop?.series).toEqual([300_000, 0, 0, 0, 0, 0, 0, 0, 140_000, 140_000, 140_000, 60_000]);
    expect(all.months[0]).toBe("2025-11");
    const own = await listFlags(db, { scope: { kind: "cooperative", cooperativeId: coopA }, now: NOW });
    const codes = new Set(own.flags.map((f) => f.household.code));
    expect(codes.has("MON-T-001") && codes.has("MON-T-002")).toBe(true);
    expect(codes.has("MON-T-003")).toBe(false);
    const csv = flagsCsv(all, translator("zh-CN"), "zh-CN");
    expect(csv).toContain("MON-T-002");
    expect(csv).toContain("2026Q3");
    expect(csv).not.toContain("测试户主");
  });

  test("the why in words and the sparkline's label, from the stored numbers", async () => {
    const { Sparkline, sparklinePoints } = await import("@/components/monitoring/sparkline");
    const { explainFlag } = await import("@/lib/server/monitoring/explain");
    const zhT = translator("zh-CN");
    const drop = (await listFlags(db, { scope: { kind: "all" }, now: NOW })).flags.find((f) => f.household.code === "MON-T-002")!;
    expect(explainFlag(zhT, drop.rule, drop.details)).toBe("2026Q3 收入 ¥4,200.00，去年同季度 2025Q3 为 ¥9,000.00，只有 46%。");
    // The last 3 months (¥3,400) against the first 3 (¥3,000): rising.
    const svg = Sparkline({ values: drop.series, t: zhT });
    expect((svg.props as { "aria-label": string })["aria-label"]).toBe("近 12 个月收入：从 ¥3,000.00 到 ¥600.00，合计 ¥7,800.00，呈上升趋势。");
    const points = sparklinePoints(drop.series);
    expect(points).toHaveLength(12);
    expect(points[0]).toEqual([2, 2]); // the highest month at the top
    expect(points[1]).toEqual([12.5, 30]); // nothing: on the baseline
  });
});

describe("actions on flags", () => {
  test("a resolved flag stays resolved, through a re-run and a second decision", async () => {
    const [flag] = await flagsOf(ids.drop);
    const done = await monitoringDecideAction(undefined, form({ flagId: flag!.id, decision: "RESOLVED", note: "已安排务工" }));
    expect(done).toMatchObject({ ok: true, status: 200 });
    expect((await db.monitoringFlag.findUniqueOrThrow({ where: { id: flag!.id } })).status).toBe("RESOLVED");
    await evaluateMonitoring(db, { now: NOW, actorId: admin.id });
    expect(await flagsOf(ids.drop)).toEqual([expect.objectContaining({ id: flag!.id, status: "RESOLVED" })]);
    const before = await footprint();
    expect(await monitoringDecideAction(undefined, form({ flagId: flag!.id, decision: "KEPT" }))).toMatchObject({ ok: false, status: 409 });
    expect(await monitoringFollowUpAction(undefined, form({ flagId: flag!.id, kind: "NOTE", note: "x" }))).toMatchObject({ ok: false, status: 409 });
    expect(await footprint()).toEqual(before);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "monitoring.flag-decided", entityId: flag!.id } });
    expect(audit).toMatchObject({ actorId: admin.id, metadata: { from: "OPEN", to: "RESOLVED" } });
  });

  test("the cooperative's manager records a follow-up, keeps the flag and moves the household to monitoring: all audited", async () => {
    holder.actor = managerA;
    const flag = (await flagsOf(ids.noIncome)).find((f) => f.rule === "NO_INCOME_3M")!;
    const visited = await coopMonitoringFollowUpAction(undefined, form({ cooperativeId: coopA, flagId: flag.id, kind: "VISITED", note: "入户走访，葡萄减产" }));
    expect(visited).toMatchObject({ ok: true, status: 200 });
    expect(await db.monitoringFollowUp.findMany({ where: { flagId: flag.id }, select: { kind: true, note: true, actorId: true } })).toEqual([{ kind: "VISITED", note: "入户走访，葡萄减产", actorId: managerA.id }]);
    expect(await db.auditLog.count({ where: { action: "monitoring.follow-up", entityId: flag.id, actorId: managerA.id } })).toBe(1);

    expect(await coopMonitoringDecideAction(undefined, form({ cooperativeId: coopA, flagId: flag.id, decision: "KEPT" }))).toMatchObject({ ok: true });
    expect((await db.monitoringFlag.findUniqueOrThrow({ where: { id: flag.id } })).status).toBe("KEPT");

    expect(await coopMonitoringMarkHouseholdAction(undefined, form({ cooperativeId: coopA, flagId: flag.id }))).toMatchObject({ ok: true });
    expect((await db.household.findUniqueOrThrow({ where: { id: ids.noIncome } })).status).toBe("MONITORED");
    const moved = await db.auditLog.findFirstOrThrow({ where: { action: "monitoring.household-monitored", entityId: ids.noIncome } });
    expect(moved).toMatchObject({ actorId: managerA.id, metadata: { from: "REGISTERED", to: "MONITORED", flagId: flag.id } });
    // A second move is a conflict, nothing written.
    const before = await footprint();
    expect(await coopMonitoringMarkHouseholdAction(undefined, form({ cooperativeId: coopA, flagId: flag.id }))).toMatchObject({ ok: false, status: 409 });
    expect(await footprint()).toEqual(before);
  });

  test("a manager of another cooperative, or a buyer, cannot act on a flag: nothing written", async () => {
    const flag = (await flagsOf(ids.noIncome)).find((f) => f.rule === "BELOW_LINE")!;
    const before = await footprint();
    holder.actor = managerB;
    // Naming their own cooperative: the flag's household does not take part in it.
    expect(await coopMonitoringFollowUpAction(undefined, form({ cooperativeId: coopB, flagId: flag.id, kind: "NOTE", note: "x" }))).toMatchObject({ ok: false, status: 404 });
    expect(await coopMonitoringDecideAction(undefined, form({ cooperativeId: coopB, flagId: flag.id, decision: "RESOLVED" }))).toMatchObject({ ok: false, status: 404 });
    expect(await coopMonitoringMarkHouseholdAction(undefined, form({ cooperativeId: coopB, flagId: flag.id }))).toMatchObject({ ok: false, status: 404 });
    // Naming the flag's cooperative, which they do not manage.
    expect((await coopMonitoringFollowUpAction(undefined, form({ cooperativeId: coopA, flagId: flag.id, kind: "NOTE", note: "x" }))).ok).toBe(false);
    // The admin actions.
    expect(await monitoringDecideAction(undefined, form({ flagId: flag.id, decision: "RESOLVED" }))).toMatchObject({ ok: false, status: 403 });
    holder.actor = buyer;
    expect(await coopMonitoringDecideAction(undefined, form({ cooperativeId: coopA, flagId: flag.id, decision: "RESOLVED" }))).toMatchObject({ ok: false, status: 403 });
    expect(await monitoringFollowUpAction(undefined, form({ flagId: flag.id, kind: "NOTE", note: "x" }))).toMatchObject({ ok: false, status: 403 });
    holder.actor = null;
    expect(await monitoringSetLineAction(undefined, form({ lineYuan: "1" }))).toMatchObject({ ok: false, status: 401 });
    expect(await footprint()).toEqual(before);
  });

  test("bad input: translated field errors, nothing written", async () => {
    const flag = (await flagsOf(ids.belowLine))[0]!;
    const before = await footprint();
    const empty = await monitoringFollowUpAction(undefined, form({ flagId: flag.id, kind: "VISITED", note: "  " }));
    expect(empty).toMatchObject({ ok: false, status: 400, fieldErrors: { note: "请填写内容。" } });
    expect(await monitoringFollowUpAction(undefined, form({ flagId: flag.id, kind: "CALLED", note: "x" }))).toMatchObject({ ok: false, status: 400 });
    expect(await monitoringSetLineAction(undefined, form({ lineYuan: "abc" }))).toMatchObject({ ok: false, status: 400, values: { lineYuan: "abc" } });
    expect(await monitoringFollowUpAction(undefined, form({ flagId: "nope", kind: "NOTE", note: "x" }))).toMatchObject({ ok: false, status: 404 });
    expect(await footprint()).toEqual(before);
  });

  test("the admin sets the line: saved, audited, used by the next run", async () => {
    const done = await monitoringSetLineAction(undefined, form({ lineYuan: "7200" }));
    expect(done).toMatchObject({ ok: true, status: 200 });
    expect((await db.setting.findUniqueOrThrow({ where: { key: "monitoring.incomeLinePerMemberFen" } })).value).toBe(720_000);
    expect(await db.auditLog.findFirstOrThrow({ where: { action: "monitoring.line-set" } })).toMatchObject({ actorId: admin.id, metadata: { from: null, to: 720_000 } });
    const summary = await evaluateMonitoring(db, { now: NOW, actorId: admin.id });
    expect(summary.lineFen).toBe(720_000);
  });
});
