// Checks the sample data against the domain's rules before anything is written, so a bad edit to the data
// files fails loudly instead of seeding a shop that breaks an invariant.
import { CATEGORIES, PRODUCTS } from "./catalog";
import { COOPERATIVES, ENTERPRISES } from "./cooperatives";
import { beneficiariesOf, HOUSEHOLDS, PARTICIPATIONS } from "./households";
import { TOWNSHIPS, VILLAGES } from "./places";
import { parseCreditCode } from "../domain/credit-code";
import { minOrderProblem, validateTiers } from "../domain/price-tiers";
import { SAMPLE_ORGANISATION } from "./organisation";
import { DEMO_ACCOUNTS } from "./users";

function duplicates(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const v of values) (seen.has(v) ? dup : seen).add(v);
  return [...dup];
}

const isPositiveInt = (n: number) => Number.isInteger(n) && n > 0;

/** Every rule the seed data breaks, as readable messages; empty when the data is sound. */
export function validateSeedData(): string[] {
  const problems: string[] = [];
  const need = (ok: boolean, message: string) => {
    if (!ok) problems.push(message);
  };

  for (const [what, values] of [
    ["township slug", TOWNSHIPS.map((t) => t.slug)],
    ["village slug", VILLAGES.map((v) => v.slug)],
    ["village code", VILLAGES.map((v) => v.code)],
    ["enterprise slug", ENTERPRISES.map((e) => e.slug)],
    ["cooperative slug", COOPERATIVES.map((c) => c.slug)],
    ["household code", HOUSEHOLDS.map((h) => h.code)],
    ["category slug", CATEGORIES.map((c) => c.slug)],
    ["product slug", PRODUCTS.map((p) => p.slug)],
    ["demo email", DEMO_ACCOUNTS.map((a) => a.email)],
    ["participation", PARTICIPATIONS.map((p) => `${p.household}/${p.cooperative}/${p.benefitType}`)],
  ] as const) {
    for (const d of duplicates(values)) problems.push(`duplicate ${what}: ${d}`);
  }

  const townships = new Set(TOWNSHIPS.map((t) => t.slug));
  const villages = new Set(VILLAGES.map((v) => v.slug));
  const enterprises = new Set(ENTERPRISES.map((e) => e.slug));
  const categories = new Set(CATEGORIES.map((c) => c.slug));
  const coops = new Map(COOPERATIVES.map((c) => [c.slug, c]));
  const households = new Set(HOUSEHOLDS.map((h) => h.code));

  for (const v of VILLAGES) {
    need(townships.has(v.township), `village ${v.slug}: unknown township ${v.township}`);
    need(v.status === "POOR" || v.exitYear !== null, `village ${v.slug}: exited without an exit year`);
  }
  for (const c of COOPERATIVES) {
    need(villages.has(c.village), `cooperative ${c.slug}: unknown village ${c.village}`);
    need(c.enterprise === null || enterprises.has(c.enterprise), `cooperative ${c.slug}: unknown enterprise`);
    need((c.status === "CERTIFIED") === (c.certifiedAt !== null), `cooperative ${c.slug}: certifiedAt must match status`);
    need(isPositiveInt(c.shippingFeeFen) && isPositiveInt(c.freeShippingMinFen), `cooperative ${c.slug}: shipping fen`);
  }
  for (const h of HOUSEHOLDS) {
    need(villages.has(h.village), `household ${h.code}: unknown village`);
    need(isPositiveInt(h.memberCount), `household ${h.code}: memberCount`);
    need(PARTICIPATIONS.some((p) => p.household === h.code), `household ${h.code}: takes part in no cooperative`);
  }
  for (const p of PARTICIPATIONS) {
    need(households.has(p.household), `participation ${p.household}: unknown household`);
    need(coops.has(p.cooperative), `participation ${p.household}: unknown cooperative ${p.cooperative}`);
    need(isPositiveInt(p.weight), `participation ${p.household}/${p.cooperative}: weight must be a positive integer`);
    need((p.benefitType === "LAND_RENT") === (p.landMu !== null), `participation ${p.household}: landMu only for land rent`);
  }
  for (const p of PRODUCTS) {
    const coop = coops.get(p.cooperative);
    need(coop !== undefined, `product ${p.slug}: unknown cooperative ${p.cooperative}`);
    need(categories.has(p.category), `product ${p.slug}: unknown category ${p.category}`);
    need(villages.has(p.origin), `product ${p.slug}: unknown origin village ${p.origin}`);
    need(isPositiveInt(p.priceFen), `product ${p.slug}: price must be positive integer fen`);
    need(Number.isInteger(p.stock) && p.stock >= 0, `product ${p.slug}: stock must be a non-negative integer`);
    need(!p.certified || coop?.status === "CERTIFIED", `product ${p.slug}: certified product of an uncertified cooperative`);
    need(minOrderProblem(p.minOrderQuantity ?? 1) === null, `product ${p.slug}: minimum order quantity`);
    need(validateTiers(p.priceTiers ?? [], { listPriceFen: p.priceFen, minOrderQuantity: p.minOrderQuantity ?? 1 }).ok, `product ${p.slug}: price tiers`);
    if (p.benefit.type === "PERCENT_OF_REVENUE") {
      need(isPositiveInt(p.benefit.basisPoints) && p.benefit.basisPoints <= 10_000, `product ${p.slug}: basis points`);
    } else {
      need(isPositiveInt(p.benefit.fenPerUnit) && p.benefit.fenPerUnit < p.priceFen, `product ${p.slug}: fixed benefit must be below the price`);
    }
    // The descriptions quote the benefit rule; keep them saying what the rule does.
    const [quotedZh, quotedEn] =
      p.benefit.type === "PERCENT_OF_REVENUE"
        ? [`${p.benefit.basisPoints / 100}%`, `${p.benefit.basisPoints / 100}%`]
        : [`固定${p.benefit.fenPerUnit / 100}元`, `fixed ¥${(p.benefit.fenPerUnit / 100).toFixed(p.benefit.fenPerUnit % 100 ? 2 : 0)}`];
    need(p.descriptionZh.includes(quotedZh) && p.descriptionEn.includes(quotedEn), `product ${p.slug}: description does not quote its benefit rule (${quotedZh})`);
    const beneficiaries = beneficiariesOf(p.cooperative);
    need(beneficiaries.length > 0, `product ${p.slug}: no beneficiary households`);
    need(beneficiaries.every((b) => isPositiveInt(b.weight)), `product ${p.slug}: beneficiary weights`);
    need(p.batches.length > 0, `product ${p.slug}: no batch`);
    need(p.batches.every((d) => /^\d{4}-\d{2}-\d{2}$/.test(d)), `product ${p.slug}: batch dates must be ISO dates`);
  }
  for (const a of DEMO_ACCOUNTS) {
    need(a.cooperatives.every((slug) => coops.has(slug)), `demo account ${a.email}: unknown cooperative`);
    need(a.role === "MANAGER" || a.cooperatives.length === 0, `demo account ${a.email}: only managers run cooperatives`);
    need((a.buyerType === "INSTITUTION") === (a.institution !== undefined), `demo account ${a.email}: institution profile`);
  }
  const org = SAMPLE_ORGANISATION;
  need(parseCreditCode(org.creditCode).ok && parseCreditCode(org.taxId).ok, "sample organisation: its credit code fails the check");
  need(DEMO_ACCOUNTS.some((a) => a.email === org.adminEmail && a.role === "BUYER"), "sample organisation: its admin is not a demo buyer");
  const demoManaged = new Set(DEMO_ACCOUNTS.flatMap((a) => a.cooperatives));
  for (const [slug, quantity] of org.orders.flat()) {
    const p = PRODUCTS.find((x) => x.slug === slug);
    need(p?.certified === true && isPositiveInt(quantity), `sample organisation: order line ${slug} is not a certified product and a quantity`);
    // The demo managers' queues and statements stay as the other demos and tests expect them.
    need(p === undefined || !demoManaged.has(p.cooperative), `sample organisation: order line ${slug} is from a demo manager's cooperative`);
    // Its lines are written at the list price (lib/seed/organisation.ts): a product with quantity prices or a
    // minimum order would be priced otherwise by checkout.
    need(p === undefined || ((p.priceTiers ?? []).length === 0 && (p.minOrderQuantity ?? 1) <= quantity), `sample organisation: order line ${slug} has quantity prices or is below its minimum`);
  }
  return problems;
}
