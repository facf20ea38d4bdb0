// Seeds the shop with its SAMPLE data (see the data files next to this one): places, cooperatives, households,
// catalog and demo accounts. Idempotent: if the county is already there, nothing is written.
// One transaction, one bulk insert per table, so it stays fast on the embedded PGlite database.
import { Prisma, type PrismaClient } from "../generated/prisma/client";
import { CATEGORIES, certificateNumbers, lotPrefixOf, PRODUCTS, type SeedProduct } from "./catalog";
import { COOPERATIVES, ENTERPRISES } from "./cooperatives";
import { beneficiariesOf, HOUSEHOLDS, PARTICIPATIONS } from "./households";
import { COUNTY, TOWNSHIPS, VILLAGES } from "./places";
import { SAMPLE_ORGANISATION, seedOrganisation } from "./organisation";
import { DEMO_ACCOUNTS } from "./users";
import { validateSeedData } from "./validate";
import { newTraceCode } from "../domain/trace-code";

export { CATEGORIES, PRODUCTS } from "./catalog";
export { COOPERATIVES, ENTERPRISES, GRAPE_COOPERATIVE_SLUG, CANNING_COOPERATIVE_SLUG } from "./cooperatives";
export { HOUSEHOLDS, PARTICIPATIONS } from "./households";
export { COUNTY, TOWNSHIPS, VILLAGES } from "./places";
export { DEMO_ACCOUNTS, DEMO_PASSWORD, type DemoAccount } from "./users";
export { SAMPLE_ORGANISATION } from "./organisation";
export { validateSeedData } from "./validate";

export interface SeedOptions {
  log?: (line: string) => void;
  /** Create the demo accounts (public password). Default true; prisma/seed.ts turns it off in production. */
  demoUsers?: boolean;
  /**
   * Also write the sample organisation's paid orders and their ledger (lib/seed/organisation.ts), so the
   * institutional pages show progress. Default false: the test suites' fixtures assume a seed without sales
   * (tests/integration/reports.test.ts compares reports with its own ledger rows); `npm run dev`, the browser tests
   * and `npm run db:seed` turn it on. The organisation, its membership and its year are written either way.
   */
  sampleOrders?: boolean;
}

export interface SeedCounts {
  townships: number;
  villages: number;
  enterprises: number;
  cooperatives: number;
  households: number;
  participations: number;
  categories: number;
  products: number;
  productImages: number;
  beneficiaries: number;
  batches: number;
  users: number;
  /** The institutional demo (lib/seed/organisation.ts): written with the demo accounts only. */
  organisations: number;
  organisationOrders: number;
}

export interface SeedResult {
  created: boolean;
  /** What was written; absent when nothing was. */
  counts?: SeedCounts;
}

/** Public URL of a product's generated illustration (scripts/generate-images.ts). */
export const productImageUrl = (slug: string) => `/images/products/${slug}.svg`;
/** Public URL of a category's illustration; the schema has no image column, so it is found by slug. */
export const categoryImageUrl = (slug: string) => `/images/categories/${slug}.svg`;
/** Public URL of a village's landscape; the schema has no image column, so it is found by slug. */
export const villageImageUrl = (slug: string) => `/images/villages/${slug}.svg`;

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

function byKey<T extends { id: string }>(rows: T[], key: (row: T) => string): Map<string, string> {
  return new Map(rows.map((row) => [key(row), row.id]));
}

function must(map: Map<string, string>, key: string, what: string): string {
  const id = map.get(key);
  if (id === undefined) throw new Error(`seed: no ${what} "${key}"`);
  return id;
}

const BATCH_NOTES: Record<string, [string, string]> = {
  wine: ["园区葡萄酿造，酒庄灌装", "Made from park grapes, bottled at the winery"],
  "canned-fruit": ["当季鲜果，洪南城车间装罐", "Fresh fruit of the season, canned in the Hongnancheng workshop"],
  "dried-fruit-nuts": ["当年采收，自然晾晒分级", "This year's harvest, naturally dried and graded"],
  grains: ["当年新粮，合作社统一加工", "New crop, processed by the cooperative"],
  honey: ["成熟蜜，合作社统一检测灌装", "Ripe honey, tested and bottled by the cooperative"],
  "mountain-produce": ["合作社分拣烘干包装", "Sorted, dried and packed by the cooperative"],
  "gift-boxes": ["礼盒组装批次", "Gift box assembly lot"],
};

function batchRows(product: SeedProduct, productId: string, indexInCoop: number) {
  const [noteZh, noteEn] = BATCH_NOTES[product.category] ?? ["", ""];
  return product.batches.map((iso, i) => {
    const last = i === product.batches.length - 1;
    return {
      productId,
      lotNumber: `${lotPrefixOf(product.cooperative)}-${iso.replaceAll("-", "")}-${String(indexInCoop).padStart(2, "0")}`,
      traceCode: newTraceCode(),
      productionDate: day(iso),
      // The latest lot holds the current stock plus what has sold from it; older lots are sold through.
      quantity: last ? product.stock + 40 : 120,
      noteZh,
      noteEn,
    };
  });
}

/**
 * Writes the sample data. Returns { created: false } and writes nothing when the county already exists.
 * Throws (and writes nothing) if the data files break a domain rule (see validate.ts).
 */
export async function seedDatabase(db: PrismaClient, opts: SeedOptions = {}): Promise<SeedResult> {
  const log = opts.log ?? (() => {});
  const withUsers = opts.demoUsers ?? true;

  const problems = validateSeedData();
  if (problems.length > 0) throw new Error(`seed data is inconsistent:\n- ${problems.join("\n- ")}`);

  if (await db.county.findUnique({ where: { slug: COUNTY.slug }, select: { id: true } })) {
    log(`seed: ${COUNTY.nameZh} is already there; nothing to do`);
    return { created: false };
  }

  const accounts = withUsers ? DEMO_ACCOUNTS : [];

  try {
    const timings: string[] = [];
    // Each step's time, so a slow first start shows where it went (`npm run dev` prints it).
    const step = async <T>(name: string, write: () => Promise<T>): Promise<T> => {
      const started = performance.now();
      const result = await write();
      timings.push(`${name} ${Math.round(performance.now() - started)}`);
      return result;
    };
    const counts = await db.$transaction(
      async (tx) => {
        const county = await step("county", () => tx.county.create({ data: COUNTY, select: { id: true } }));

        const townships = byKey(
          await step("township", () => tx.township.createManyAndReturn({
            data: TOWNSHIPS.map((t) => ({ ...t, countyId: county.id })),
            select: { id: true, slug: true },
          })),
          (r) => r.slug,
        );

        const villages = byKey(
          await step("village", () => tx.village.createManyAndReturn({
            data: VILLAGES.map(({ code: _code, scene: _scene, township, ...v }) => ({
              ...v,
              townshipId: must(townships, township, "township"),
            })),
            select: { id: true, slug: true },
          })),
          (r) => r.slug,
        );

        const enterprises = byKey(
          await step("enterprise", () => tx.enterprise.createManyAndReturn({ data: [...ENTERPRISES], select: { id: true, slug: true } })),
          (r) => r.slug,
        );

        const cooperatives = byKey(
          await step("cooperative", () => tx.cooperative.createManyAndReturn({
            data: COOPERATIVES.map(({ village, enterprise, certifiedAt, lotPrefix: _lot, ...c }) => ({
              ...c,
              villageId: must(villages, village, "village"),
              enterpriseId: enterprise ? must(enterprises, enterprise, "enterprise") : null,
              certifiedAt: certifiedAt ? day(certifiedAt) : null,
            })),
            select: { id: true, slug: true },
          })),
          (r) => r.slug,
        );

        const households = byKey(
          await step("household", () => tx.household.createManyAndReturn({
            data: HOUSEHOLDS.map(({ village, ...h }) => ({
              ...h,
              villageId: must(villages, village, "village"),
              idCardNumber: null,
            })),
            select: { id: true, code: true },
          })),
          (r) => r.code,
        );

        const participations = await step("householdParticipation", () => tx.householdParticipation.createMany({
          data: PARTICIPATIONS.map((p) => ({
            householdId: must(households, p.household, "household"),
            cooperativeId: must(cooperatives, p.cooperative, "cooperative"),
            benefitType: p.benefitType,
            weight: p.weight,
            landMu: p.landMu,
            since: day(p.since),
          })),
        }));

        const categories = byKey(
          await step("category", () => tx.category.createManyAndReturn({ data: [...CATEGORIES], select: { id: true, slug: true } })),
          (r) => r.slug,
        );

        const certificates = certificateNumbers();
        const coopCertifiedAt = new Map(COOPERATIVES.map((c) => [c.slug, c.certifiedAt]));
        const products = byKey(
          await step("product", () => tx.product.createManyAndReturn({
            data: PRODUCTS.map((p) => {
              const certifiedAt = p.certified ? coopCertifiedAt.get(p.cooperative) : null;
              return {
                slug: p.slug,
                cooperativeId: must(cooperatives, p.cooperative, "cooperative"),
                categoryId: must(categories, p.category, "category"),
                originVillageId: must(villages, p.origin, "village"),
                nameZh: p.nameZh,
                nameEn: p.nameEn,
                descriptionZh: p.descriptionZh,
                descriptionEn: p.descriptionEn,
                unitZh: p.unitZh,
                unitEn: p.unitEn,
                specZh: p.specZh,
                specEn: p.specEn,
                priceFen: p.priceFen,
                stock: p.stock,
                featured: p.featured,
                certificationStatus: p.certified ? "CERTIFIED" : "PENDING",
                certificateNumber: p.certified ? (certificates.get(p.slug) ?? null) : null,
                certifiedAt: certifiedAt ? day(certifiedAt) : null,
                // A certified product is on sale under a certificate good until the end of the year after next (so
                // the demo never expires); the others wait in the county's review queue.
                listingStatus: p.certified ? "ON_SALE" : "IN_REVIEW",
                submittedAt: p.certified ? null : new Date(),
                certificateValidFrom: certifiedAt ? day(certifiedAt) : null,
                certificateValidUntil: p.certified ? day(`${new Date().getUTCFullYear() + 2}-12-31`) : null,
                benefitRuleType: p.benefit.type,
                benefitBasisPoints: p.benefit.type === "PERCENT_OF_REVENUE" ? p.benefit.basisPoints : null,
                benefitFenPerUnit: p.benefit.type === "FIXED_PER_UNIT" ? p.benefit.fenPerUnit : null,
                priceTiers: (p.priceTiers ?? []).map((t) => ({ ...t })),
                minOrderQuantity: p.minOrderQuantity ?? 1,
              } satisfies Prisma.ProductCreateManyInput;
            }),
            select: { id: true, slug: true },
          })),
          (r) => r.slug,
        );

        const productImages = await step("productImage", () => tx.productImage.createMany({
          data: PRODUCTS.map((p) => ({
            productId: must(products, p.slug, "product"),
            url: productImageUrl(p.slug),
            altZh: `${p.nameZh}（示意插画）`,
            altEn: `${p.nameEn} (illustration)`,
            sortOrder: 0,
          })),
        }));

        const beneficiaryCache = new Map<string, ReturnType<typeof beneficiariesOf>>();
        const beneficiaries = await step("productBeneficiary", () => tx.productBeneficiary.createMany({
          data: PRODUCTS.flatMap((p) => {
            let list = beneficiaryCache.get(p.cooperative);
            if (!list) beneficiaryCache.set(p.cooperative, (list = beneficiariesOf(p.cooperative)));
            const productId = must(products, p.slug, "product");
            return list.map((b) => ({ productId, householdId: must(households, b.household, "household"), weight: b.weight }));
          }),
        }));

        const indexInCoop = new Map<string, number>();
        const batches = await step("batch", () => tx.batch.createMany({
          data: PRODUCTS.flatMap((p) => {
            const n = (indexInCoop.get(p.cooperative) ?? 0) + 1;
            indexInCoop.set(p.cooperative, n);
            return batchRows(p, must(products, p.slug, "product"), n);
          }),
        }));

        let users = 0;
        let organisation = { organisations: 0, orders: 0 };
        if (accounts.length > 0) {
          const userIds = byKey(
            await step("user", () => tx.user.createManyAndReturn({
              data: accounts.map((a) => ({
                email: a.email,
                name: a.name,
                role: a.role,
                buyerType: a.buyerType,
                passwordHash: a.passwordHash,
                emailVerified: day("2026-01-01"),
                locale: "zh-CN",
              })),
              select: { id: true, email: true },
            })),
            (r) => r.email,
          );
          users = userIds.size;
          await step("cooperativeManager", () => tx.cooperativeManager.createMany({
            data: accounts.flatMap((a) =>
              a.cooperatives.map((slug) => ({
                userId: must(userIds, a.email, "user"),
                cooperativeId: must(cooperatives, slug, "cooperative"),
              })),
            ),
          }));
          await step("institutionProfile", () => tx.institutionProfile.createMany({
            data: accounts.flatMap((a) =>
              a.institution ? [{ userId: must(userIds, a.email, "user"), ...a.institution }] : [],
            ),
          }));
          organisation = await step("organisation", () =>
            seedOrganisation(tx, {
              orders: opts.sampleOrders ?? false,
              userIds,
              adminEmail: "admin@demo.tangxian.shop",
              products,
              cooperatives,
              villages,
              categories,
              households,
              institution: accounts.find((a) => a.email === SAMPLE_ORGANISATION.adminEmail)?.institution,
              now: new Date(),
            }),
          );
        }

        return {
          townships: townships.size,
          villages: villages.size,
          enterprises: enterprises.size,
          cooperatives: cooperatives.size,
          households: households.size,
          participations: participations.count,
          categories: categories.size,
          products: products.size,
          productImages: productImages.count,
          beneficiaries: beneficiaries.count,
          batches: batches.count,
          users,
          organisations: organisation.organisations,
          organisationOrders: organisation.orders,
        } satisfies SeedCounts;
      },
      { maxWait: 10_000, timeout: 60_000 },
    );
    log(`seed: steps (ms): ${timings.join(", ")}`);
    log(
      `seed: ${counts.villages} villages, ${counts.cooperatives} cooperatives, ${counts.households} households, ` +
        `${counts.products} products in ${counts.categories} categories, ${counts.users} demo users`,
    );
    return { created: true, counts };
  } catch (error) {
    // Two seeds racing: the loser hits the county's unique slug; the winner's data is what we wanted.
    if (
      error instanceof Prisma.PrismaClientKnownRequestError &&
      error.code === "P2002" &&
      (await db.county.findUnique({ where: { slug: COUNTY.slug }, select: { id: true } }))
    ) {
      log(`seed: seeded concurrently by another process; nothing to do`);
      return { created: false };
    }
    throw error;
  }
}
