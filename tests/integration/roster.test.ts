// The household roster on a real database with the demo data: adding, changing and ending participations (each
// audited, another cooperative's rows refused with nothing written), masked names in every list, the audited
// "show name", ending a participation versus the benefit ledger (past sums unchanged, the next order's split
// without the household), and importing roster files (UTF-8 with BOM, GBK, XLSX; all or nothing; stale
// previews), with the time to preview and commit a 5,000-household file.
import { execSync } from "node:child_process";
import { strToU8, zipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import type { Db } from "@/lib/db/client";
import { maskName, type RawRosterRow } from "@/lib/domain/roster";
import { markOrderPaid } from "@/lib/server/orders/lifecycle";
import { getCoopProductTerms } from "@/lib/server/queries/coop-products";
import { addHousehold, changeParticipation, endParticipation, showHouseholdName } from "@/lib/server/roster/changes";
import { commitRosterImport, previewRosterImport } from "@/lib/server/roster/import";
import { rosterOf, rosterOfScope } from "@/lib/server/roster/list";
import { seedDatabase } from "@/lib/seed";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { placeTestOrder, productIdOf } from "../helpers/orders";

// auditHouseholdRead lives beside the page guards (lib/server/coop-area.ts), which load the session (Auth.js):
// these tests call the roster's functions with the tenant the action chain would have checked.
vi.mock("@/lib/server/authz", () => ({ authorize: vi.fn(), guardPage: vi.fn() }));
// lib/server/coop-area.ts uses notFound()/forbidden(): the React Server build of next/navigation, as on the server.
vi.mock("next/navigation", () => import("next/dist/client/components/navigation.react-server.js"));

const TX = { maxWait: 60_000, timeout: 60_000 };
let t: TestDatabase;
let db: Db;
let grape: string; // 南洪城村 grape cooperative (manager@)
let canning: string; // hongnancheng-canning (manager2@)
let managerA: string;
let managerB: string;

beforeAll(async () => {
  vi.spyOn(console, "info").mockImplementation(() => {});
  t = await createTestDatabase("shop_roster");
  db = t.db;
  await seedDatabase(db);
  grape = (await db.cooperative.findUniqueOrThrow({ where: { slug: "nanhongcheng-grape" } })).id;
  canning = (await db.cooperative.findUniqueOrThrow({ where: { slug: "hongnancheng-canning" } })).id;
  managerA = (await db.user.findUniqueOrThrow({ where: { email: "manager@demo.tangxian.shop" } })).id;
  managerB = (await db.user.findUniqueOrThrow({ where: { email: "manager2@demo.tangxian.shop" } })).id;
}, 120_000);

afterAll(async () => {
  await t?.drop();
});

const row = (over: RawRosterRow = {}): RawRosterRow => ({
  code: "TX-NHC-0901",
  village: "南洪城村",
  headName: "王小明",
  memberCount: "4",
  status: "建档立卡",
  benefitType: "务工",
  landMu: "",
  weight: "100",
  idCardNumber: "11010519491231002X",
  ...over,
});

/** Everything the roster's writes could touch, to prove a refusal wrote nothing. */
async function snapshot() {
  const [households, participations, beneficiaries, audits, imports] = await Promise.all([
    db.household.findMany({ orderBy: { code: "asc" } }),
    db.householdParticipation.findMany({ orderBy: { id: "asc" } }),
    db.productBeneficiary.findMany({ orderBy: [{ productId: "asc" }, { householdId: "asc" }] }),
    db.auditLog.count(),
    db.rosterImport.findMany({ orderBy: { id: "asc" }, select: { id: true, committedAt: true } }),
  ]);
  return JSON.stringify({ households, participations, beneficiaries, audits, imports });
}

async function auditsFor(entityId: string) {
  return db.auditLog.findMany({ where: { entityId }, orderBy: { createdAt: "asc" }, select: { action: true, actorId: true, metadata: true } });
}

describe("add, change, end", () => {
  let participationId = "";

  test("a new household is added with its participation, audited", async () => {
    const added = await addHousehold(db, { cooperativeId: grape, actorId: managerA, raw: row() });
    expect(added).toMatchObject({ ok: true, householdCreated: true });
    if (!added.ok) return;
    participationId = added.participationId;
    const stored = await db.householdParticipation.findUniqueOrThrow({ where: { id: participationId }, include: { household: true } });
    expect(stored).toMatchObject({ cooperativeId: grape, benefitType: "WAGES", weight: 100, landMu: null, active: true, household: { code: "TX-NHC-0901", headName: "王小明", idCardNumber: "11010519491231002X", status: "REGISTERED" } });
    expect(await auditsFor(participationId)).toEqual([expect.objectContaining({ action: "household.added", actorId: managerA })]);
  });

  test("the same household and type again is refused; bad rows report their fields; nothing written", async () => {
    const before = await snapshot();
    expect(await addHousehold(db, { cooperativeId: grape, actorId: managerA, raw: row() })).toMatchObject({ ok: false, status: 409 });
    const bad = await addHousehold(db, { cooperativeId: grape, actorId: managerA, raw: row({ benefitType: "土地流转", weight: "1001", idCardNumber: "110105194912310021" }) });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problems?.map((p) => p.key).sort()).toEqual(["idCard", "landMuRequired", "weight"]);
    // A seed household of 南洪城村 cannot be added under another village's name.
    expect(await addHousehold(db, { cooperativeId: grape, actorId: managerA, raw: row({ code: "TX-HNC-0001", village: "南洪城村" }) })).toMatchObject({ ok: false });
    expect(await snapshot()).toBe(before);
  });

  test("an existing household of the county joins another cooperative: its own fields are not rewritten", async () => {
    const added = await addHousehold(db, { cooperativeId: canning, actorId: managerB, raw: row({ headName: "别人写的名字", memberCount: "9", benefitType: "分红", weight: "10" }) });
    expect(added).toMatchObject({ ok: true, householdCreated: false });
    expect(await db.household.findUniqueOrThrow({ where: { code: "TX-NHC-0901" } })).toMatchObject({ headName: "王小明", memberCount: 4 });
  });

  test("change status, weight, benefit type and land, audited with before and after", async () => {
    expect(await changeParticipation(db, { cooperativeId: grape, actorId: managerA, participationId, change: { benefitType: "LAND_RENT" } })).toMatchObject({ ok: false, status: 400 });
    const changed = await changeParticipation(db, { cooperativeId: grape, actorId: managerA, participationId, change: { status: "MONITORED", weight: 120, benefitType: "LAND_RENT", landMu: "3.25" } });
    expect(changed).toEqual({ ok: true });
    const stored = await db.householdParticipation.findUniqueOrThrow({ where: { id: participationId }, include: { household: true } });
    expect(stored.weight).toBe(120);
    expect(stored.benefitType).toBe("LAND_RENT");
    expect(stored.landMu?.toFixed(2)).toBe("3.25");
    expect(stored.household.status).toBe("MONITORED");
    const audits = await auditsFor(participationId);
    expect(audits.at(-1)).toMatchObject({ action: "household.changed", metadata: { before: { weight: 100, benefitType: "WAGES", landMu: null, status: "REGISTERED" }, after: { weight: 120, benefitType: "LAND_RENT", landMu: "3.25", status: "MONITORED" } } });
    // Back to wages: the land is cleared.
    await changeParticipation(db, { cooperativeId: grape, actorId: managerA, participationId, change: { benefitType: "WAGES" } });
    expect((await db.householdParticipation.findUniqueOrThrow({ where: { id: participationId } })).landMu).toBeNull();
  });

  test("another cooperative's participation: change, end and show are refused, nothing written", async () => {
    const before = await snapshot();
    expect(await changeParticipation(db, { cooperativeId: canning, actorId: managerB, participationId, change: { weight: 1 } })).toMatchObject({ ok: false, status: 404 });
    expect(await endParticipation(db, { cooperativeId: canning, actorId: managerB, participationId })).toMatchObject({ ok: false, status: 404 });
    expect(await showHouseholdName(db, { cooperativeId: canning, actorId: managerB, participationId })).toMatchObject({ ok: false, status: 404 });
    expect(await rosterOfScope(db, { cooperativeIds: [canning], cooperativeId: grape })).toBeNull();
    expect(await snapshot()).toBe(before);
  });

  test("lists show masked names only; show-name reads the full name once, audited", async () => {
    const list = await rosterOf(db, grape);
    const json = JSON.stringify(list);
    const households = await db.household.findMany({ where: { participations: { some: { cooperativeId: grape } } }, select: { headName: true, idCardNumber: true } });
    let checked = 0;
    for (const h of households) {
      if (h.headName && maskName(h.headName) !== h.headName) {
        expect(json).not.toContain(h.headName);
        checked++;
      }
      if (h.idCardNumber) expect(json).not.toContain(h.idCardNumber);
    }
    expect(checked).toBeGreaterThan(0);
    expect(list.find((r) => r.participationId === participationId)?.maskedName).toBe("王*明");
    // Active first, then ended.
    expect(list.map((r) => r.active)).toEqual([...list.map((r) => r.active)].sort((a, b) => Number(b) - Number(a)));

    const reads = await db.auditLog.count({ where: { action: "household.personal-data-read" } });
    expect(await showHouseholdName(db, { cooperativeId: grape, actorId: managerA, participationId })).toEqual({ ok: true, code: "TX-NHC-0901", headName: "王小明", idCardNumber: "11010519491231002X" });
    expect(await db.auditLog.count({ where: { action: "household.personal-data-read" } })).toBe(reads + 1);
    expect(await db.auditLog.findFirst({ where: { action: "household.personal-data-read" }, orderBy: { createdAt: "desc" } })).toMatchObject({ actorId: managerA, entityId: grape, metadata: { what: "household:TX-NHC-0901" } });
  });
});

describe("ending a participation and the benefit ledger", () => {
  test("past ledger sums unchanged; an order placed after ending no longer splits to the household", async () => {
    const product = await productIdOf(db, "nanhongcheng-cabernet-sauvignon");
    const added = await addHousehold(db, { cooperativeId: grape, actorId: managerA, raw: row({ code: "TX-NHC-0902", headName: "赵大海", weight: "500", idCardNumber: "" }) });
    if (!added.ok) throw new Error("add failed");
    const household = (await db.household.findUniqueOrThrow({ where: { code: "TX-NHC-0902" } })).id;
    // The manager gives it a weight on the product (what the product-terms editor saves).
    await db.productBeneficiary.create({ data: { productId: product, householdId: household, weight: 500 } });
    expect((await getCoopProductTerms(db, { cooperativeIds: [grape], productId: product }))?.households.map((h) => h.id)).toContain(household);

    const pay = (o: { orderId: string; totalFen: number }) => db.$transaction((tx) => markOrderPaid(tx, { orderId: o.orderId, method: "STRIPE", amountFen: o.totalFen }), TX);
    const sumFor = async () => (await db.ledgerEntry.aggregate({ where: { householdId: household }, _sum: { amountFen: true } }))._sum.amountFen ?? 0;
    const ledgerRows = async () => JSON.stringify(await db.ledgerEntry.findMany({ where: { householdId: household }, orderBy: { id: "asc" } }));

    const first = await placeTestOrder(db, "STRIPE", [[product, 2]], "roster-end");
    expect(await pay(first)).toBe("paid");
    const paidBefore = await sumFor();
    expect(paidBefore).toBeGreaterThan(0);
    const rowsBefore = await ledgerRows();
    // Placed before the end: its lines snapshotted the beneficiaries (price and rule changes apply to new orders only).
    const placedBefore = await placeTestOrder(db, "STRIPE", [[product, 1]], "roster-end");

    const ended = await endParticipation(db, { cooperativeId: grape, actorId: managerA, participationId: added.participationId });
    expect(ended).toEqual({ ok: true, productIds: [product] });
    const p = await db.householdParticipation.findUniqueOrThrow({ where: { id: added.participationId } });
    expect(p.active).toBe(false);
    expect(p.endedAt).toBeInstanceOf(Date);
    expect(await db.productBeneficiary.count({ where: { householdId: household } })).toBe(0);
    expect((await getCoopProductTerms(db, { cooperativeIds: [grape], productId: product }))?.households.map((h) => h.id)).not.toContain(household);
    expect(await auditsFor(added.participationId)).toContainEqual(expect.objectContaining({ action: "household.participation-ended", metadata: expect.objectContaining({ removedFromProducts: [product] }) }));
    // Ending again changes nothing.
    expect(await endParticipation(db, { cooperativeId: grape, actorId: managerA, participationId: added.participationId })).toMatchObject({ ok: false, status: 409 });

    // The past is untouched: the same entries, the same sum.
    expect(await ledgerRows()).toBe(rowsBefore);
    expect(await sumFor()).toBe(paidBefore);

    const after = await placeTestOrder(db, "STRIPE", [[product, 3]], "roster-end");
    const afterItems = await db.orderItem.findMany({ where: { orderId: after.orderId }, select: { beneficiaries: true } });
    expect(JSON.stringify(afterItems)).not.toContain(household);
    expect(await pay(after)).toBe("paid");
    expect(await db.ledgerEntry.count({ where: { orderId: after.orderId, householdId: household } })).toBe(0);
    expect(await db.ledgerEntry.count({ where: { orderId: after.orderId, kind: "HOUSEHOLD_BENEFIT" } })).toBeGreaterThan(0);
    expect(await sumFor()).toBe(paidBefore);

    // The order placed before the end pays the household its snapshotted share.
    expect(await pay(placedBefore)).toBe("paid");
    expect(await db.ledgerEntry.count({ where: { orderId: placedBefore.orderId, householdId: household } })).toBe(1);
  });
});

// ─────────────────────────── Import ───────────────────────────

const HEADER = "户编码,村,户主姓名,家庭人口,状态,帮扶方式,亩数,权重,身份证号";

/** GBK bytes, from the decoder itself: every two-byte GBK sequence decoded once gives the reverse table. */
function gbk(text: string): Uint8Array {
  const table = new Map<string, number[]>();
  const dec = new TextDecoder("gbk");
  for (let a = 0x81; a <= 0xfe; a++) for (let b = 0x40; b <= 0xfe; b++) if (b !== 0x7f) table.set(dec.decode(new Uint8Array([a, b])), [a, b]);
  const out: number[] = [];
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) out.push(ch.charCodeAt(0));
    else {
      const bytes = table.get(ch);
      if (!bytes) throw new Error(`not in GBK: ${ch}`);
      out.push(...bytes);
    }
  }
  return new Uint8Array(out);
}

const utf8Bom = (text: string) => new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]);

function xlsx(rows: (string | number)[][]): Uint8Array {
  const col = (j: number) => String.fromCharCode(65 + j);
  const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");
  const body = rows
    .map((r, i) => `<row r="${i + 1}">${r.map((c, j) => (typeof c === "number" ? `<c r="${col(j)}${i + 1}"><v>${c}</v></c>` : `<c r="${col(j)}${i + 1}" t="inlineStr"><is><t>${esc(c)}</t></is></c>`)).join("")}</row>`)
    .join("");
  const xml = (s: string) => strToU8(`<?xml version="1.0" encoding="UTF-8"?>${s}`);
  return zipSync({
    "[Content_Types].xml": xml(`<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`),
    "_rels/.rels": xml(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    "xl/workbook.xml": xml(`<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="花名册" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    "xl/_rels/workbook.xml.rels": xml(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`),
    "xl/worksheets/sheet1.xml": xml(`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${body}</sheetData></worksheet>`),
  });
}

describe("import", () => {
  const preview = (bytes: Uint8Array, fileName = "roster.csv", cooperativeId = grape) => previewRosterImport(db, { cooperativeId, actorId: managerA, fileName, bytes });

  test("UTF-8 with BOM: preview counts, then commit writes all rows, audited", async () => {
    const seedRow = await db.householdParticipation.findFirstOrThrow({ where: { cooperativeId: grape, benefitType: "LAND_RENT", household: { code: "TX-NHC-0001" } }, include: { household: true } });
    const h = seedRow.household;
    const statusZh = { REGISTERED: "建档立卡", EXITED: "已脱贫", MONITORED: "防返贫监测" }[h.status];
    const csv = [
      HEADER,
      "TX-NHC-0910,南洪城村,张三丰,3,建档立卡,土地流转,2.5,25,",
      "TX-NHC-0910,南洪城村,张三丰,3,建档立卡,务工,,30,",
      `${h.code},南洪城村,${h.headName},${h.memberCount},${statusZh},土地流转,${seedRow.landMu!.toFixed(2)},${seedRow.weight},`,
      `${h.code},南洪城村,${h.headName},${h.memberCount},${statusZh},分红,,${seedRow.weight + 7},`,
      "",
    ].join("\r\n");
    const before = await snapshot();
    const p = await preview(utf8Bom(csv));
    expect(p.fileProblems).toEqual([]);
    expect(p.valid).toBe(true);
    const existingDividend = await db.householdParticipation.count({ where: { cooperativeId: grape, benefitType: "DIVIDEND", household: { code: h.code } } });
    expect(p.counts).toEqual({ rows: 4, newHouseholds: 1, newParticipations: 1 + (existingDividend ? 0 : 1), updated: existingDividend ? 1 : 0, unchanged: 1, errors: 0 });
    // The preview wrote only its RosterImport row.
    expect(await db.household.count({ where: { code: "TX-NHC-0910" } })).toBe(0);
    expect(before).not.toBe(await snapshot());

    const done = await commitRosterImport(db, { cooperativeId: grape, actorId: managerA, importId: p.importId! });
    expect(done).toMatchObject({ ok: true });
    const added = await db.household.findUniqueOrThrow({ where: { code: "TX-NHC-0910" }, include: { participations: true } });
    expect(added.headName).toBe("张三丰");
    expect(added.participations.map((x) => [x.benefitType, x.weight, x.landMu?.toFixed(2) ?? null]).sort()).toEqual([
      ["LAND_RENT", 25, "2.50"],
      ["WAGES", 30, null],
    ]);
    expect(await db.auditLog.findFirst({ where: { action: "roster.imported", entityId: p.importId! } })).toMatchObject({ actorId: managerA });

    // Committed already: refused, nothing written.
    const s = await snapshot();
    expect(await commitRosterImport(db, { cooperativeId: grape, actorId: managerA, importId: p.importId! })).toEqual({ ok: false, status: 409, key: "committed" });
    expect(await snapshot()).toBe(s);
  });

  test("GBK bytes from Excel", async () => {
    const bytes = gbk([HEADER, "TX-NHC-0920,南洪城村,欧阳小明,5,防返贫监测,分红,,15,11010519491231002X"].join("\r\n"));
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(bytes)).toThrow();
    const p = await preview(bytes);
    expect(p).toMatchObject({ valid: true, counts: { newHouseholds: 1, errors: 0 } });
    expect(await commitRosterImport(db, { cooperativeId: grape, actorId: managerA, importId: p.importId! })).toMatchObject({ ok: true });
    expect(await db.household.findUniqueOrThrow({ where: { code: "TX-NHC-0920" } })).toMatchObject({ headName: "欧阳小明", status: "MONITORED", idCardNumber: "11010519491231002X" });
  });

  test("XLSX with numeric cells", async () => {
    const p = await preview(
      xlsx([
        ["户编码", "村", "户主姓名", "家庭人口", "状态", "帮扶方式", "亩数", "权重"],
        ["TX-NHC-0930", "南洪城村", "李明", 2, "已脱贫", "土地流转", 2.3, 23],
      ]),
      "花名册.xlsx",
    );
    expect(p).toMatchObject({ valid: true, counts: { newHouseholds: 1 } });
    expect(await commitRosterImport(db, { cooperativeId: grape, actorId: managerA, importId: p.importId! })).toMatchObject({ ok: true });
    const h = await db.household.findUniqueOrThrow({ where: { code: "TX-NHC-0930" }, include: { participations: true } });
    expect(h.participations[0]?.landMu?.toFixed(2)).toBe("2.30");
  });

  test("one bad row: the preview lists it by line (masked) and the commit is refused, nothing written", async () => {
    const csv = [HEADER, "TX-NHC-0940,南洪城村,孙悟空,3,建档立卡,务工,,30,", "TX-NHC-0941,南洪城村,猪八戒,3,建档立卡,务工,,3000,"].join("\n");
    const p = await preview(new TextEncoder().encode(csv));
    expect(p.valid).toBe(false);
    expect(p.counts).toMatchObject({ rows: 2, newHouseholds: 1, errors: 1 });
    expect(p.firstProblems).toEqual([{ line: 3, code: "TX-NHC-0941", maskedName: "猪*戒", problems: [{ field: "weight", key: "weight", params: { min: 0, max: 1000 } }] }]);
    expect(JSON.stringify(p)).not.toContain("猪八戒");
    const before = await snapshot();
    expect(await commitRosterImport(db, { cooperativeId: grape, actorId: managerA, importId: p.importId! })).toEqual({ ok: false, status: 422, key: "hasErrors" });
    expect(await snapshot()).toBe(before);
    expect(await db.household.count({ where: { code: { in: ["TX-NHC-0940", "TX-NHC-0941"] } } })).toBe(0);
  });

  test("stale previews, another cooperative's preview, files refused as a whole", async () => {
    const csv = [HEADER, "TX-NHC-0950,南洪城村,周小平,3,建档立卡,务工,,30,"].join("\n");
    const p = await preview(new TextEncoder().encode(csv));
    const q = await preview(new TextEncoder().encode(csv));
    expect(p.valid && q.valid).toBe(true);
    // Another cooperative's manager cannot commit it.
    const before = await snapshot();
    expect(await commitRosterImport(db, { cooperativeId: canning, actorId: managerB, importId: p.importId! })).toEqual({ ok: false, status: 404, key: "notFound" });
    expect(await snapshot()).toBe(before);
    expect(await commitRosterImport(db, { cooperativeId: grape, actorId: managerA, importId: p.importId! })).toMatchObject({ ok: true });
    // The second preview said "new household": no longer true.
    const s = await snapshot();
    expect(await commitRosterImport(db, { cooperativeId: grape, actorId: managerA, importId: q.importId! })).toEqual({ ok: false, status: 409, key: "stale" });
    expect(await snapshot()).toBe(s);
    // Older than a day.
    const r = await preview(new TextEncoder().encode([HEADER, "TX-NHC-0951,南洪城村,周小平,3,建档立卡,务工,,30,"].join("\n")));
    expect(await commitRosterImport(db, { cooperativeId: grape, actorId: managerA, importId: r.importId!, now: new Date(Date.now() + 25 * 3600_000) })).toEqual({ ok: false, status: 409, key: "stale" });

    const big = new Uint8Array(5 * 1024 * 1024 + 1).fill(0x41);
    expect(await preview(big)).toMatchObject({ importId: null, fileProblems: [{ key: "tooLarge" }] });
    const many = [HEADER, ...Array.from({ length: 50_000 }, (_, i) => `TX-NHC-${String(10000 + i)},南洪城村,王五,3,建档立卡,务工,,30,`)].join("\n");
    expect(await preview(new TextEncoder().encode(many))).toMatchObject({ importId: null, fileProblems: [{ key: "tooManyRows", params: { max: 10_000, rows: 50_000 } }] });
    expect(await preview(new TextEncoder().encode("a,b\n1,2"))).toMatchObject({ importId: null, fileProblems: [{ key: "missingColumns" }] });
    expect(await preview(new TextEncoder().encode("PK\u0003\u0004 not really"), "x.xlsx")).toMatchObject({ importId: null, fileProblems: [{ key: "unreadable" }] });
  });

  test("a 5,000-household file: time to preview and to commit", async () => {
    const statuses = ["建档立卡", "已脱贫", "防返贫监测"];
    const lines = Array.from({ length: 5000 }, (_, i) => {
      const land = i % 2 === 0;
      return `TX-NHC-${20000 + i},南洪城村,王${"小大明华"[i % 4]}明,${1 + (i % 6)},${statuses[i % 3]},${land ? "土地流转" : "务工"},${land ? ((i % 40) / 4 + 0.5).toFixed(2) : ""},${10 + (i % 90)},`;
    });
    const bytes = utf8Bom([HEADER, ...lines].join("\r\n"));
    const t0 = performance.now();
    const p = await preview(bytes, "roster-5000.csv");
    const t1 = performance.now();
    expect(p).toMatchObject({ valid: true, counts: { rows: 5000, newHouseholds: 5000, errors: 0 } });
    const done = await commitRosterImport(db, { cooperativeId: grape, actorId: managerA, importId: p.importId! });
    const t2 = performance.now();
    expect(done.ok).toBe(true);
    expect(await db.householdParticipation.count({ where: { cooperativeId: grape, household: { code: { startsWith: "TX-NHC-2" } } } })).toBe(5000);
    // Listing the roster of 5,000+ rows.
    const t3 = performance.now();
    const list = await rosterOf(db, grape);
    const t4 = performance.now();
    expect(list.length).toBeGreaterThan(5000);
    console.log(
      `roster 5,000 households (${(bytes.byteLength / 1024).toFixed(0)} KiB): preview ${(t1 - t0).toFixed(0)} ms, commit ${(t2 - t1).toFixed(0)} ms, list ${(t4 - t3).toFixed(0)} ms; uptime: ${execSync("uptime").toString().trim()}`,
    );
  }, 300_000);
});
