// SAMPLE DATA — registered low-income households (建档立卡贫困户) and how each takes part in a cooperative.
// Generated deterministically from a fixed seed so every run (and every machine) gets the same rows.
// Names are masked sample names ("王*明"), never real people; ID-card numbers are not stored at all.
//
// Weights are "benefit shares" on one scale, so land, work and dividends can share one product's pool:
//   LAND_RENT  10 per mu of land rented to the cooperative (landMu is stored too)
//   WAGES      10 per month worked for the cooperative in a year
//   DIVIDEND   10 per share held (beehives: one share per 5 hives; greenhouse funds: one share per household)
import type { BenefitType, HouseholdStatus } from "../generated/prisma/enums";
import { COOPERATIVES } from "./cooperatives";
import { VILLAGES } from "./places";

export interface SeedHousehold {
  code: string;
  village: string;
  headName: string;
  memberCount: number;
  registeredYear: number;
  status: HouseholdStatus;
}

export interface SeedParticipation {
  household: string; // code
  cooperative: string; // slug
  benefitType: BenefitType;
  weight: number;
  /** Decimal as a string with two decimals, only for LAND_RENT. */
  landMu: string | null;
  since: string; // ISO date
}

interface Rule {
  cooperative: string;
  benefitType: BenefitType;
  /** Share of the village's households that take part (1 = all). */
  share: number;
  /** Returns [weight, landMu]. */
  weigh(rand: () => number): [number, string | null];
}

const land = (minMu: number, maxMu: number) => (rand: () => number): [number, string | null] => {
  const halves = Math.round(minMu * 2) + Math.floor(rand() * (Math.round((maxMu - minMu) * 2) + 1));
  const mu = halves / 2;
  return [Math.round(mu * 10), mu.toFixed(2)];
};
const months = (min: number, max: number) => (rand: () => number): [number, string | null] => [
  10 * (min + Math.floor(rand() * (max - min + 1))),
  null,
];
const shares = (min: number, max: number) => months(min, max);

/** Which cooperatives each village's households take part in, and how (联农带农). */
const VILLAGE_PLAN: Record<string, { households: number; rules: Rule[] }> = {
  nanhongcheng: {
    households: 14,
    rules: [
      { cooperative: "nanhongcheng-grape", benefitType: "LAND_RENT", share: 1, weigh: land(1.5, 6) },
      { cooperative: "nanhongcheng-grape", benefitType: "WAGES", share: 0.5, weigh: months(3, 8) },
      { cooperative: "nanhongcheng-grape", benefitType: "DIVIDEND", share: 0.3, weigh: shares(1, 2) },
    ],
  },
  hongnancheng: {
    households: 10,
    rules: [
      { cooperative: "hongnancheng-canning", benefitType: "DIVIDEND", share: 1, weigh: shares(1, 2) },
      { cooperative: "hongnancheng-canning", benefitType: "WAGES", share: 0.7, weigh: months(4, 10) },
      { cooperative: "nanhongcheng-grape", benefitType: "WAGES", share: 0.3, weigh: months(2, 5) },
    ],
  },
  beihongcheng: {
    households: 5,
    rules: [{ cooperative: "nanhongcheng-grape", benefitType: "WAGES", share: 1, weigh: months(3, 7) }],
  },
  xiyu: {
    households: 6,
    rules: [
      { cooperative: "chuanli-dried-fruit", benefitType: "LAND_RENT", share: 1, weigh: land(2, 5) },
      { cooperative: "chuanli-dried-fruit", benefitType: "WAGES", share: 0.5, weigh: months(2, 4) },
    ],
  },
  shangweizi: {
    households: 4,
    rules: [
      { cooperative: "chuanli-dried-fruit", benefitType: "LAND_RENT", share: 1, weigh: land(1.5, 4) },
      { cooperative: "chuanli-dried-fruit", benefitType: "WAGES", share: 0.5, weigh: months(2, 3) },
    ],
  },
  dagou: {
    households: 5,
    rules: [
      { cooperative: "beiluo-grains", benefitType: "LAND_RENT", share: 1, weigh: land(3, 8) },
      { cooperative: "beiluo-grains", benefitType: "WAGES", share: 0.4, weigh: months(2, 6) },
    ],
  },
  zhuangtou: {
    households: 4,
    rules: [
      { cooperative: "beiluo-grains", benefitType: "LAND_RENT", share: 1, weigh: land(2, 6) },
      { cooperative: "beiluo-grains", benefitType: "WAGES", share: 0.5, weigh: months(3, 8) },
    ],
  },
  xiwang: {
    households: 3,
    rules: [{ cooperative: "xiwang-vermicelli", benefitType: "WAGES", share: 1, weigh: months(2, 4) }],
  },
  huangyan: {
    households: 5,
    rules: [
      { cooperative: "qijiazuo-honey", benefitType: "DIVIDEND", share: 1, weigh: shares(1, 4) },
      { cooperative: "qijiazuo-honey", benefitType: "WAGES", share: 0.4, weigh: months(1, 3) },
    ],
  },
  dalinghou: {
    households: 4,
    rules: [{ cooperative: "qijiazuo-honey", benefitType: "DIVIDEND", share: 1, weigh: shares(1, 3) }],
  },
  shijing: {
    households: 5,
    rules: [
      { cooperative: "baihe-mushroom", benefitType: "WAGES", share: 1, weigh: months(4, 10) },
      { cooperative: "baihe-mushroom", benefitType: "DIVIDEND", share: 1, weigh: shares(1, 1) },
    ],
  },
  shannanzhuang: {
    households: 4,
    rules: [
      { cooperative: "baihe-mushroom", benefitType: "DIVIDEND", share: 1, weigh: shares(1, 1) },
      { cooperative: "baihe-mushroom", benefitType: "WAGES", share: 0.5, weigh: months(2, 5) },
    ],
  },
};

const SURNAMES = "王李张刘赵杨陈高马孙郝齐田胡史韩";
const GIVEN = "明华军英霞平强兰福林国秀振海凤春桂荣";

/** mulberry32: a tiny deterministic PRNG, so the sample rows never change between runs. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function seedOf(text: string): number {
  let h = 2166136261;
  for (const ch of text) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  return h >>> 0;
}

function pick(chars: string, rand: () => number): string {
  return chars[Math.floor(rand() * chars.length)] ?? chars[0]!;
}

function build(): { households: SeedHousehold[]; participations: SeedParticipation[] } {
  const households: SeedHousehold[] = [];
  const participations: SeedParticipation[] = [];
  const foundedYear = new Map(COOPERATIVES.map((c) => [c.slug, c.foundedYear]));

  for (const village of VILLAGES) {
    const plan = VILLAGE_PLAN[village.slug];
    if (!plan) continue;
    const rand = prng(seedOf(village.slug));
    for (let i = 1; i <= plan.households; i++) {
      const code = `TX-${village.code}-${String(i).padStart(4, "0")}`;
      const roll = rand();
      // Most households have exited poverty; some are still being helped; a few are watched for relapse (防返贫).
      const status: HouseholdStatus = roll < 0.12 ? "MONITORED" : roll < 0.38 ? "REGISTERED" : "EXITED";
      const registeredYear = 2014 + Math.floor(rand() * 3);
      households.push({
        code,
        village: village.slug,
        headName: `${pick(SURNAMES, rand)}*${pick(GIVEN, rand)}`,
        memberCount: 1 + Math.floor(rand() * 6),
        registeredYear,
        status,
      });
      plan.rules.forEach((rule, index) => {
        // The first rule is every household's main link, so nobody on the roster is without one.
        if (index > 0 && rand() >= rule.share) return;
        const [weight, landMu] = rule.weigh(rand);
        const year = Math.max(foundedYear.get(rule.cooperative) ?? 2018, registeredYear);
        participations.push({
          household: code,
          cooperative: rule.cooperative,
          benefitType: rule.benefitType,
          weight,
          landMu,
          since: `${year}-04-01`,
        });
      });
    }
  }
  return { households, participations };
}

const built = build();

export const HOUSEHOLDS: readonly SeedHousehold[] = built.households;
export const PARTICIPATIONS: readonly SeedParticipation[] = built.participations;

/**
 * The households a cooperative's products benefit, with their weight: the sum of the household's
 * participation weights in that cooperative (land, work and dividends all count).
 */
export function beneficiariesOf(cooperativeSlug: string): { household: string; weight: number }[] {
  const byHousehold = new Map<string, number>();
  for (const p of PARTICIPATIONS) {
    if (p.cooperative !== cooperativeSlug) continue;
    byHousehold.set(p.household, (byHousehold.get(p.household) ?? 0) + p.weight);
  }
  return [...byHousehold].map(([household, weight]) => ({ household, weight }));
}
