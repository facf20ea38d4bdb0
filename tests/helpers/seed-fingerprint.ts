// What the sample seed wrote, in a form that does not depend on how it was written: every column the seed
// sets, foreign keys replaced by the natural key they point at (slug, code, email), rows in a fixed order, as
// PostgreSQL's own JSON text (the same on PostgreSQL and PGlite). Left out, because they differ on every run:
// generated ids, created/updated times, batch trace codes (random), password hashes (salted), a pending
// product's submittedAt (now), and the year in certificateValidUntil (the end of the year after next).
import { createHash } from "node:crypto";
import type { Db } from "@/lib/db/client";

const TABLES: Record<string, string> = {
  county: `SELECT slug, "nameZh", "nameEn", province, city, population, status, "exitYear" FROM "County" ORDER BY slug`,
  township: `SELECT t.slug, c.slug AS county, t."nameZh", t."nameEn" FROM "Township" t JOIN "County" c ON c.id = t."countyId" ORDER BY t.slug`,
  village: `SELECT v.slug, t.slug AS township, v."nameZh", v."nameEn", v."descriptionZh", v."descriptionEn", v.status, v."exitYear"
    FROM "Village" v JOIN "Township" t ON t.id = v."townshipId" ORDER BY v.slug`,
  enterprise: `SELECT slug, "nameZh", "nameEn", "descriptionZh", "descriptionEn" FROM "Enterprise" ORDER BY slug`,
  cooperative: `SELECT c.slug, v.slug AS village, e.slug AS enterprise, c."nameZh", c."nameEn", c."descriptionZh", c."descriptionEn",
      c.status, c."certifiedAt", c."foundedYear", c."contactPhone", c."bankAccountName", c."bankName", c."bankAccountNumber",
      c."shippingFeeFen", c."freeShippingMinFen"
    FROM "Cooperative" c JOIN "Village" v ON v.id = c."villageId" LEFT JOIN "Enterprise" e ON e.id = c."enterpriseId" ORDER BY c.slug`,
  household: `SELECT h.code, v.slug AS village, h."headName", h."idCardNumber", h."memberCount", h."registeredYear", h.status
    FROM "Household" h JOIN "Village" v ON v.id = h."villageId" ORDER BY h.code`,
  participation: `SELECT h.code AS household, c.slug AS cooperative, p."benefitType", p.weight, p."landMu"::text AS "landMu", p.since
    FROM "HouseholdParticipation" p JOIN "Household" h ON h.id = p."householdId" JOIN "Cooperative" c ON c.id = p."cooperativeId"
    ORDER BY h.code, c.slug, p."benefitType"`,
  category: `SELECT slug, "nameZh", "nameEn", "sortOrder" FROM "Category" ORDER BY slug`,
  product: `SELECT p.slug, c.slug AS cooperative, k.slug AS category, v.slug AS origin, p."nameZh", p."nameEn", p."descriptionZh",
      p."descriptionEn", p."unitZh", p."unitEn", p."specZh", p."specEn", p."priceFen", p.stock, p.featured, p."certificationStatus",
      p."certificateNumber", p."certifiedAt", p."certificateValidFrom",
      EXTRACT(YEAR FROM p."certificateValidUntil")::int - EXTRACT(YEAR FROM now())::int AS "validUntilYearsAhead",
      to_char(p."certificateValidUntil", 'MM-DD') AS "validUntilDay", p."listingStatus", p."submittedAt" IS NOT NULL AS submitted,
      p."benefitRuleType", p."benefitBasisPoints", p."benefitFenPerUnit", p."priceTiers", p."minOrderQuantity"
    FROM "Product" p JOIN "Cooperative" c ON c.id = p."cooperativeId" JOIN "Category" k ON k.id = p."categoryId"
      JOIN "Village" v ON v.id = p."originVillageId" ORDER BY p.slug`,
  productImage: `SELECT p.slug AS product, i.url, i."altZh", i."altEn", i."sortOrder"
    FROM "ProductImage" i JOIN "Product" p ON p.id = i."productId" ORDER BY p.slug, i."sortOrder", i.url`,
  beneficiary: `SELECT p.slug AS product, h.code AS household, b.weight
    FROM "ProductBeneficiary" b JOIN "Product" p ON p.id = b."productId" JOIN "Household" h ON h.id = b."householdId" ORDER BY p.slug, h.code`,
  batch: `SELECT p.slug AS product, b."lotNumber", b."productionDate", b.quantity, b."noteZh", b."noteEn", length(b."traceCode") AS "traceCodeLength"
    FROM "Batch" b JOIN "Product" p ON p.id = b."productId" ORDER BY p.slug, b."lotNumber"`,
  user: `SELECT email, name, role, "buyerType", "emailVerified", locale FROM "User" ORDER BY email`,
  manager: `SELECT u.email, c.slug AS cooperative FROM "CooperativeManager" m JOIN "User" u ON u.id = m."userId"
    JOIN "Cooperative" c ON c.id = m."cooperativeId" ORDER BY u.email, c.slug`,
  institution: `SELECT u.email, i."unitName", i."invoiceTitle", i."taxId" FROM "InstitutionProfile" i JOIN "User" u ON u.id = i."userId" ORDER BY u.email`,
};

export interface SeedFingerprint {
  /** Rows per table. */
  counts: Record<string, number>;
  /** sha256 of every table's rows, as JSON text. */
  sha256: string;
}

export async function seedFingerprint(db: Db): Promise<SeedFingerprint> {
  const counts: Record<string, number> = {};
  const hash = createHash("sha256");
  for (const [table, sql] of Object.entries(TABLES)) {
    const [row] = await db.$queryRawUnsafe<{ rows: string; n: number }[]>(
      `SELECT coalesce(json_agg(x)::text, '[]') AS rows, count(*)::int AS n FROM (${sql}) x`,
    );
    counts[table] = row?.n ?? 0;
    hash.update(`${table}\n${row?.rows ?? "[]"}\n`);
  }
  return { counts, sha256: hash.digest("hex") };
}
