// The sample seed on a freshly migrated in-memory PGlite: it writes a shop that is big enough to demo, obeys the
// domain's invariants (only certified products of certified cooperatives are live, positive integer weights,
// fixed benefit below the price, no ID numbers), ships an image for every product, and a second run writes nothing.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import bcrypt from "bcryptjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type OpenedDatabase } from "../../lib/db/client";
import type { PrismaClient } from "../../lib/generated/prisma/client";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDatabase, validateSeedData, type SeedResult } from "../../lib/seed";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const MIGRATIONS = path.join(ROOT, "prisma", "migrations");

let pglite: PGlite;
let opened: OpenedDatabase;
let db: PrismaClient;
let first: SeedResult;
let firstMs = 0;

async function migratedPGlite(): Promise<PGlite> {
  const dirs = readdirSync(MIGRATIONS, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  if (dirs.length === 0) throw new Error(`no migrations in ${MIGRATIONS}`);
  const lite = new PGlite();
  for (const dir of dirs) await lite.exec(readFileSync(path.join(MIGRATIONS, dir, "migration.sql"), "utf8"));
  return lite;
}

/** GB 32100-2015 check character of an 18-character unified social credit code. */
function usccIsValid(code: string): boolean {
  const chars = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(code)) return false;
  const sum = weights.reduce((s, w, i) => s + chars.indexOf(code[i]!) * w, 0);
  return chars[(31 - (sum % 31)) % 31] === code[17];
}

async function tableCounts(client: PrismaClient) {
  return {
    counties: await client.county.count(),
    villages: await client.village.count(),
    cooperatives: await client.cooperative.count(),
    households: await client.household.count(),
    participations: await client.householdParticipation.count(),
    products: await client.product.count(),
    images: await client.productImage.count(),
    beneficiaries: await client.productBeneficiary.count(),
    batches: await client.batch.count(),
    users: await client.user.count(),
  };
}

beforeAll(async () => {
  pglite = await migratedPGlite();
  opened = openDatabase({ kind: "embedded", dataDir: null }, pglite);
  db = opened.db;
  const started = performance.now();
  first = await seedDatabase(db);
  firstMs = performance.now() - started;
});

afterAll(async () => {
  await opened?.close();
  await pglite?.close();
});

describe("seedDatabase", () => {
  it("has consistent sample data and writes it quickly", () => {
    expect(validateSeedData()).toEqual([]);
    expect(first.created).toBe(true);
    expect(firstMs).toBeLessThan(10_000);
  });

  it("writes Tang County with its villages, including Nanhongcheng and Hongnancheng", async () => {
    const county = await db.county.findUniqueOrThrow({ where: { slug: "tangxian" } });
    expect(county).toMatchObject({ nameZh: "唐县", population: 605_000, status: "EXITED" });
    const villages = await db.village.findMany({ select: { slug: true, nameZh: true, exitYear: true, status: true } });
    expect(villages.length).toBeGreaterThanOrEqual(8);
    expect(villages.map((v) => v.nameZh)).toEqual(expect.arrayContaining(["南洪城村", "洪南城村"]));
    for (const v of villages) {
      expect(v.slug).toMatch(/^[a-z][a-z-]*$/);
      if (v.status === "EXITED") expect(v.exitYear).toBeGreaterThanOrEqual(2014);
    }
  });

  it("writes cooperatives, the grape cooperative with its winery, and households with positive weights", async () => {
    const coops = await db.cooperative.findMany({ include: { enterprise: true, village: true } });
    expect(coops.length).toBeGreaterThanOrEqual(5);
    expect(coops.filter((c) => c.status === "CERTIFIED").length).toBeGreaterThanOrEqual(5);
    const grape = coops.find((c) => c.village.slug === "nanhongcheng" && c.enterprise !== null);
    expect(grape?.status).toBe("CERTIFIED");

    const households = await db.household.findMany({ include: { participations: true } });
    expect(households.length).toBeGreaterThanOrEqual(40);
    for (const h of households) {
      expect(h.code).toMatch(/^TX-[A-Z]+-\d{4}$/);
      expect(h.idCardNumber).toBeNull();
      expect(h.headName ?? "").toMatch(/^.\*.$/u);
      expect(h.participations.length).toBeGreaterThan(0);
      for (const p of h.participations) {
        expect(Number.isInteger(p.weight) && p.weight > 0).toBe(true);
        expect(p.landMu !== null).toBe(p.benefitType === "LAND_RENT");
      }
    }
    expect(households.some((h) => h.status === "MONITORED")).toBe(true);
  });

  it("writes the catalog: categories, wine and canned fruit, and only sound products", async () => {
    const categories = await db.category.findMany({ include: { _count: { select: { products: true } } } });
    expect(categories.length).toBeGreaterThanOrEqual(6);
    const bySlug = new Map(categories.map((c) => [c.slug, c._count.products]));
    expect(bySlug.get("wine")).toBeGreaterThanOrEqual(6);
    expect(bySlug.get("canned-fruit")).toBeGreaterThanOrEqual(5);

    const products = await db.product.findMany({
      include: {
        cooperative: { include: { participations: true } },
        images: true,
        beneficiaries: true,
        batches: true,
      },
    });
    expect(products.length).toBeGreaterThanOrEqual(30);
    expect(products.filter((p) => p.featured).length).toBeGreaterThanOrEqual(6);
    expect(products.some((p) => p.stock === 0)).toBe(true);

    for (const p of products) {
      const where = `product ${p.slug}`;
      expect(p.priceFen, where).toBeGreaterThanOrEqual(990);
      expect(p.priceFen, where).toBeLessThanOrEqual(39_800);
      expect(p.images.length, where).toBeGreaterThan(0);
      for (const image of p.images) {
        expect(image.url, where).toBe(`/images/products/${p.slug}.svg`);
        expect(existsSync(path.join(ROOT, "public", image.url)), `${where}: ${image.url} is missing`).toBe(true);
        expect(image.altZh && image.altEn, where).toBeTruthy();
      }
      expect(p.batches.length, where).toBeGreaterThan(0);
      expect(p.beneficiaries.length, where).toBeGreaterThan(0);
      const participants = new Set(p.cooperative.participations.map((x) => x.householdId));
      for (const b of p.beneficiaries) {
        expect(Number.isInteger(b.weight) && b.weight > 0, where).toBe(true);
        expect(participants.has(b.householdId), `${where}: beneficiary outside its cooperative`).toBe(true);
      }
      if (p.benefitRuleType === "PERCENT_OF_REVENUE") {
        expect(p.benefitBasisPoints, where).toBeGreaterThanOrEqual(800);
        expect(p.benefitBasisPoints, where).toBeLessThanOrEqual(3000);
        expect(p.benefitFenPerUnit, where).toBeNull();
      } else {
        expect(p.benefitFenPerUnit, where).toBeGreaterThan(0);
        expect(p.benefitFenPerUnit!, where).toBeLessThan(p.priceFen);
        expect(p.benefitBasisPoints, where).toBeNull();
      }
      if (p.certificationStatus === "CERTIFIED") {
        expect(p.certificateNumber, where).toMatch(/^TX-FPCP-\d{4}-\d{4}$/);
        expect(p.certifiedAt, where).not.toBeNull();
        expect(p.cooperative.status, `${where}: certified product of an uncertified cooperative`).toBe("CERTIFIED");
      } else {
        expect(p.certificateNumber, where).toBeNull();
      }
    }
    const pending = products.filter((p) => p.certificationStatus !== "CERTIFIED");
    expect(pending.length).toBeGreaterThanOrEqual(1);
    const live = products.filter((p) => p.certificationStatus === "CERTIFIED" && p.cooperative.status === "CERTIFIED");
    expect(live.length).toBeGreaterThanOrEqual(30);
  });

  it("writes the demo accounts with their roles, cooperatives and bcrypt password hashes", async () => {
    const users = await db.user.findMany({ include: { cooperatives: { include: { cooperative: true } }, institution: true } });
    const byEmail = new Map(users.map((u) => [u.email, u]));
    for (const account of DEMO_ACCOUNTS) {
      const user = byEmail.get(account.email);
      expect(user?.role, account.email).toBe(account.role);
      expect(account.password).toBe(DEMO_PASSWORD);
      expect(user?.passwordHash, account.email).toMatch(/^\$2[aby]\$10\$/);
      expect(await bcrypt.compare(DEMO_PASSWORD, user!.passwordHash!), account.email).toBe(true);
    }
    expect(byEmail.get("buyer@demo.tangxian.shop")?.buyerType).toBe("INDIVIDUAL");
    const union = byEmail.get("union@demo.tangxian.shop");
    expect(union?.buyerType).toBe("INSTITUTION");
    expect(union?.institution?.taxId).toHaveLength(18);
    expect(usccIsValid(union!.institution!.taxId)).toBe(true);

    const manager = byEmail.get("manager@demo.tangxian.shop");
    expect(manager?.cooperatives.map((m) => m.cooperative.slug)).toEqual(["nanhongcheng-grape"]);
    const manager2 = byEmail.get("manager2@demo.tangxian.shop");
    expect(manager2?.cooperatives).toHaveLength(1);
    expect(manager2?.cooperatives[0]?.cooperative.slug).not.toBe("nanhongcheng-grape");
    expect(byEmail.get("admin@demo.tangxian.shop")?.role).toBe("ADMIN");
  });

  it("is idempotent: a second run creates nothing", async () => {
    const before = await tableCounts(db);
    const second = await seedDatabase(db);
    expect(second.created).toBe(false);
    expect(await tableCounts(db)).toEqual(before);
    expect(before.counties).toBe(1);
  });
});
