// SAMPLE DATA — categories and products. Prices, stock, certificate numbers, lot numbers and benefit rules are
// invented for the demo (certificate numbers follow a made-up TX-FPCP-<year>-<nnnn> pattern, not a real register).
// Descriptions stay honest: origin, who makes it, how a sale reaches households; no health claims.
import type { PriceTier } from "../domain/price-tiers";
import { COOPERATIVES } from "./cooperatives";

export interface SeedCategory {
  slug: string;
  nameZh: string;
  nameEn: string;
  sortOrder: number;
}

export const CATEGORIES: readonly SeedCategory[] = [
  { slug: "wine", nameZh: "葡萄酒", nameEn: "Wine", sortOrder: 10 },
  { slug: "canned-fruit", nameZh: "水果罐头", nameEn: "Canned fruit", sortOrder: 20 },
  { slug: "dried-fruit-nuts", nameZh: "干果坚果", nameEn: "Dried fruit & nuts", sortOrder: 30 },
  { slug: "grains", nameZh: "杂粮", nameEn: "Grains & beans", sortOrder: 40 },
  { slug: "honey", nameZh: "蜂蜜", nameEn: "Honey", sortOrder: 50 },
  { slug: "mountain-produce", nameZh: "菌菇山货", nameEn: "Mushrooms & mountain produce", sortOrder: 60 },
  { slug: "gift-boxes", nameZh: "礼盒", nameEn: "Gift boxes", sortOrder: 70 },
];

/** What scripts/generate-images.ts draws for a product; not stored in the database. */
export type ArtMotif =
  | "wine"
  | "jar"
  | "walnut"
  | "berries"
  | "persimmon"
  | "peanut"
  | "sack"
  | "beans"
  | "honey"
  | "honeycomb"
  | "mushroom"
  | "woodear"
  | "pepper"
  | "tea"
  | "gift";

export type SeedBenefitRule = { type: "PERCENT_OF_REVENUE"; basisPoints: number } | { type: "FIXED_PER_UNIT"; fenPerUnit: number };

export interface SeedProduct {
  slug: string;
  cooperative: string;
  category: string;
  origin: string; // village slug
  nameZh: string;
  nameEn: string;
  descriptionZh: string;
  descriptionEn: string;
  unitZh: string;
  unitEn: string;
  specZh: string;
  specEn: string;
  priceFen: number;
  stock: number;
  featured: boolean;
  /** false: awaiting 扶贫产品认定 (PENDING, no certificate number, not for sale). */
  certified: boolean;
  benefit: SeedBenefitRule;
  /** Quantity prices for canteens and unions (issue 15), sorted by threshold; none when absent. */
  priceTiers?: readonly PriceTier[];
  /** A canteen pack: no order line below this many units; 1 when absent. */
  minOrderQuantity?: number;
  /** Production dates (ISO) of the product's batches, oldest first. */
  batches: string[];
  art: { motif: ArtMotif; color: string };
}

const pct = (basisPoints: number): SeedBenefitRule => ({ type: "PERCENT_OF_REVENUE", basisPoints });
const fixed = (fenPerUnit: number): SeedBenefitRule => ({ type: "FIXED_PER_UNIT", fenPerUnit });

type Base = Omit<SeedProduct, "featured" | "certified"> & { featured?: boolean; certified?: boolean };
const p = (x: Base): SeedProduct => ({ featured: false, certified: true, ...x });
/** A canteen's bulk terms: 5% off from 50 units, 8% from 200. */
const CANTEEN_TIERS: readonly PriceTier[] = [
  { minQuantity: 50, discountBp: 500 },
  { minQuantity: 200, discountBp: 800 },
];

const BOTTLE = { unitZh: "瓶", unitEn: "bottle" };
const BOX = { unitZh: "箱", unitEn: "case" };
const BAG = { unitZh: "袋", unitEn: "bag" };
const JAR = { unitZh: "瓶", unitEn: "jar" };
const GIFT = { unitZh: "盒", unitEn: "box" };

const GRAPE = "nanhongcheng-grape";
const CAN = "hongnancheng-canning";
const DRY = "chuanli-dried-fruit";
const GRAIN = "beiluo-grains";
const HONEY = "qijiazuo-honey";
const SHROOM = "baihe-mushroom";

export const PRODUCTS: readonly SeedProduct[] = [
  // ── 葡萄酒: Nanhongcheng grapes, made by the park's partner winery ──
  p({
    slug: "nanhongcheng-cabernet-sauvignon",
    cooperative: GRAPE, category: "wine", origin: "nanhongcheng", ...BOTTLE,
    nameZh: "南洪城赤霞珠干红葡萄酒", nameEn: "Nanhongcheng Cabernet Sauvignon Dry Red",
    descriptionZh: "用南洪城村中法葡萄产业园区种植的赤霞珠酿造，果香浓郁、单宁柔顺。每售出一瓶，销售额的15%按权重分给为园区流转土地和务工的建档立卡户。",
    descriptionEn: "Made from Cabernet Sauvignon grown in the Sino-French grape park at Nanhongcheng: dark fruit and soft tannins. 15% of every bottle's price goes to the registered households who rent their land to the park or work in it, by weight.",
    specZh: "750ml×1瓶", specEn: "750 ml × 1 bottle",
    priceFen: 12800, stock: 180, featured: true, benefit: pct(1500),
    batches: ["2025-11-20", "2026-10-15"], art: { motif: "wine", color: "#6b1a2e" },
  }),
  p({
    slug: "nanhongcheng-marselan",
    cooperative: GRAPE, category: "wine", origin: "nanhongcheng", ...BOTTLE,
    nameZh: "南洪城马瑟兰干红葡萄酒", nameEn: "Nanhongcheng Marselan Dry Red",
    descriptionZh: "马瑟兰是源自法国的杂交品种，在园区的沙壤土上表现出色，酒体饱满、带黑莓与香料气息。销售额的15%用于园区土地流转户和务工户的收益分配。",
    descriptionEn: "Marselan, a French crossing, does well in the park's sandy loam: full-bodied, with blackberry and spice. 15% of the price is shared among the households renting land to the park and working there.",
    specZh: "750ml×1瓶", specEn: "750 ml × 1 bottle",
    priceFen: 16800, stock: 96, featured: true, benefit: pct(1500),
    batches: ["2026-09-28"], art: { motif: "wine", color: "#5a1530" },
  }),
  p({
    slug: "nanhongcheng-merlot",
    cooperative: GRAPE, category: "wine", origin: "nanhongcheng", ...BOTTLE,
    nameZh: "南洪城美乐干红葡萄酒", nameEn: "Nanhongcheng Merlot Dry Red",
    descriptionZh: "园区美乐葡萄酿造，口感圆润，适合日常佐餐。每瓶销售额的12%进入南洪城、洪南城、北洪城三村参与户的收益池。",
    descriptionEn: "Merlot from the park, round and easy with everyday meals. 12% of each bottle's price goes into the benefit pool of participating households in Nanhongcheng, Hongnancheng and Beihongcheng.",
    specZh: "750ml×1瓶", specEn: "750 ml × 1 bottle",
    priceFen: 11800, stock: 120, benefit: pct(1200),
    batches: ["2026-10-15"], art: { motif: "wine", color: "#7a2035" },
  }),
  p({
    slug: "nanhongcheng-chardonnay",
    cooperative: GRAPE, category: "wine", origin: "nanhongcheng", ...BOTTLE,
    nameZh: "南洪城霞多丽干白葡萄酒", nameEn: "Nanhongcheng Chardonnay Dry White",
    descriptionZh: "园区霞多丽低温发酵，清爽带柑橘香，建议冰镇饮用。销售额的12%分配给园区土地流转户和务工户。",
    descriptionEn: "Park-grown Chardonnay fermented cool: fresh, with citrus notes; best served chilled. 12% of the price goes to the households renting land to the park and working in it.",
    specZh: "750ml×1瓶", specEn: "750 ml × 1 bottle",
    priceFen: 9800, stock: 140, benefit: pct(1200),
    batches: ["2026-04-10"], art: { motif: "wine", color: "#e3c766" },
  }),
  p({
    slug: "nanhongcheng-rose",
    cooperative: GRAPE, category: "wine", origin: "nanhongcheng", ...BOTTLE,
    nameZh: "南洪城桃红葡萄酒", nameEn: "Nanhongcheng Rosé",
    descriptionZh: "赤霞珠短时浸皮酿成的桃红酒，果味清新、酒精度较低。每瓶销售额的10%带动园区参与户增收。",
    descriptionEn: "A rosé from briefly macerated Cabernet Sauvignon: fresh and light in alcohol. 10% of each bottle's price goes to the park's participating households.",
    specZh: "750ml×1瓶", specEn: "750 ml × 1 bottle",
    priceFen: 7900, stock: 75, benefit: pct(1000),
    batches: ["2026-04-10"], art: { motif: "wine", color: "#e0828f" },
  }),
  p({
    slug: "nanhongcheng-reserve-cabernet",
    cooperative: GRAPE, category: "wine", origin: "nanhongcheng", ...BOTTLE,
    nameZh: "南洪城珍藏赤霞珠（橡木桶陈酿）", nameEn: "Nanhongcheng Reserve Cabernet Sauvignon (oak-aged)",
    descriptionZh: "园区首批挂果葡萄中精选酿造，法国橡木桶陈酿12个月，产量很少。销售额的10%分配给园区参与户。",
    descriptionEn: "Selected from the park's first full harvests and aged 12 months in French oak; only a few cases were made. 10% of the price goes to the park's participating households.",
    specZh: "750ml×1瓶", specEn: "750 ml × 1 bottle",
    priceFen: 29800, stock: 3, benefit: pct(1000),
    batches: ["2025-12-01"], art: { motif: "wine", color: "#4a0f22" },
  }),
  p({
    slug: "nanhongcheng-sweet-red",
    cooperative: GRAPE, category: "wine", origin: "nanhongcheng", ...BOTTLE,
    nameZh: "南洪城甜红葡萄酒", nameEn: "Nanhongcheng Sweet Red",
    descriptionZh: "保留部分葡萄天然糖分的甜型红酒，适合不常喝干红的朋友。每售出一瓶，固定8元进入园区参与户的收益池。",
    descriptionEn: "A sweet red that keeps some of the grapes' natural sugar, for friends who rarely drink dry reds. Every bottle sold puts a fixed ¥8 into the park households' benefit pool.",
    specZh: "500ml×1瓶", specEn: "500 ml × 1 bottle",
    priceFen: 5900, stock: 200, benefit: fixed(800),
    batches: ["2026-05-18"], art: { motif: "wine", color: "#8c1c3c" },
  }),
  p({
    slug: "nanhongcheng-late-harvest-white",
    cooperative: GRAPE, category: "wine", origin: "nanhongcheng", ...BOTTLE,
    nameZh: "南洪城晚采甜白葡萄酒（待认定）", nameEn: "Nanhongcheng Late-Harvest Sweet White (awaiting certification)",
    descriptionZh: "2026年园区首次试酿的晚采甜白，已提交扶贫产品认定，认定通过前不对外销售。计划按销售额的15%带动园区参与户。",
    descriptionEn: "The park's first trial late-harvest white (2026), submitted for poverty-alleviation product certification and not on sale until certified. The plan is to share 15% of revenue with the park's households.",
    specZh: "375ml×1瓶", specEn: "375 ml × 1 bottle",
    priceFen: 8800, stock: 60, certified: false, benefit: pct(1500),
    batches: ["2026-11-10"], art: { motif: "wine", color: "#eebc4f" },
  }),

  // ── 水果罐头: Hongnancheng canning workshop ──
  p({
    slug: "hongnancheng-yellow-peach-canned",
    cooperative: CAN, category: "canned-fruit", origin: "hongnancheng", ...BOX,
    nameZh: "洪南城黄桃罐头", nameEn: "Hongnancheng Canned Yellow Peaches",
    descriptionZh: "当季黄桃去皮切块，在洪南城村罐头车间装罐，糖水清淡。车间工人多为村里的建档立卡户，销售额的20%按务工和入股权重分给他们。",
    descriptionEn: "Peeled, halved yellow peaches in light syrup, canned in season at the Hongnancheng village workshop. Most of the workers are registered households; 20% of the price is shared among them by work and shareholding.",
    specZh: "425g×6罐", specEn: "425 g × 6 jars",
    priceFen: 4990, stock: 300, featured: true, benefit: pct(2000),
    batches: ["2025-08-22", "2026-08-25"], art: { motif: "jar", color: "#f5b133" },
  }),
  p({
    slug: "hongnancheng-hawthorn-canned",
    cooperative: CAN, category: "canned-fruit", origin: "hongnancheng", ...BOX,
    nameZh: "洪南城山楂罐头", nameEn: "Hongnancheng Canned Hawthorns",
    descriptionZh: "太行山区山楂去核装罐，酸甜开胃。销售额的20%进入洪南城罐头车间参与户的收益池。",
    descriptionEn: "Pitted hawthorns from the Taihang hills, sweet and tart. 20% of the price goes into the benefit pool of the Hongnancheng workshop's participating households.",
    specZh: "248g×6罐", specEn: "248 g × 6 jars",
    priceFen: 3990, stock: 260, benefit: pct(2000),
    batches: ["2026-10-20"], art: { motif: "jar", color: "#c8283c" },
  }),
  p({
    slug: "hongnancheng-ya-pear-canned",
    cooperative: CAN, category: "canned-fruit", origin: "hongnancheng", ...BOX,
    nameZh: "洪南城鸭梨罐头", nameEn: "Hongnancheng Canned Ya Pears",
    descriptionZh: "河北鸭梨切块装罐，清甜多汁。销售额的18%按权重分给罐头车间的务工户和入股户。",
    descriptionEn: "Hebei Ya pears in pieces, sweet and juicy. 18% of the price is shared by weight among the workshop's working and shareholding households.",
    specZh: "425g×6罐", specEn: "425 g × 6 jars",
    priceFen: 4500, stock: 480, benefit: pct(1800), priceTiers: CANTEEN_TIERS,
    batches: ["2026-09-30"], art: { motif: "jar", color: "#e3dc98" },
  }),
  p({
    slug: "nanhongcheng-grape-canned",
    cooperative: CAN, category: "canned-fruit", origin: "nanhongcheng", ...BOX,
    nameZh: "园区鲜食葡萄罐头", nameEn: "Grape Park Canned Table Grapes",
    descriptionZh: "中法葡萄产业园区的鲜食葡萄，由洪南城罐头车间加工。销售额的18%分给车间参与户，葡萄收购款另付给园区。",
    descriptionEn: "Table grapes from the Sino-French grape park, canned at the Hongnancheng workshop. 18% of the price goes to the workshop's households; the grapes themselves are bought from the park.",
    specZh: "300g×6罐", specEn: "300 g × 6 jars",
    priceFen: 4200, stock: 150, benefit: pct(1800),
    batches: ["2026-09-05"], art: { motif: "jar", color: "#6d3b8e" },
  }),
  p({
    slug: "hongnancheng-mixed-fruit-canned",
    cooperative: CAN, category: "canned-fruit", origin: "hongnancheng", ...BOX,
    nameZh: "洪南城什锦水果罐头", nameEn: "Hongnancheng Mixed Fruit in Syrup",
    descriptionZh: "黄桃、鸭梨、葡萄和山楂混装，一罐尝遍本地时令水果。每箱固定5元进入车间参与户的收益池。",
    descriptionEn: "Yellow peach, Ya pear, grape and hawthorn in one jar: the local seasons together. Each case puts a fixed ¥5 into the workshop households' benefit pool.",
    specZh: "425g×4罐", specEn: "425 g × 4 jars",
    priceFen: 3600, stock: 220, benefit: fixed(500),
    batches: ["2026-10-08"], art: { motif: "jar", color: "#f08a3c" },
  }),
  p({
    slug: "hongnancheng-apple-canned",
    cooperative: CAN, category: "canned-fruit", origin: "hongnancheng", ...BOX,
    nameZh: "洪南城苹果罐头", nameEn: "Hongnancheng Canned Apples",
    descriptionZh: "本地苹果去皮切块，口感爽脆。本批次库存不多，销售额的18%分给罐头车间参与户。",
    descriptionEn: "Local apples, peeled and sliced, still crisp. Only a little of this lot is left; 18% of the price goes to the workshop's households.",
    specZh: "425g×6罐", specEn: "425 g × 6 jars",
    priceFen: 3800, stock: 8, benefit: pct(1800),
    batches: ["2025-11-12"], art: { motif: "jar", color: "#e8c98a" },
  }),

  // ── 干果坚果: Chuanli mountain orchards ──
  p({
    slug: "taihang-thin-shell-walnuts",
    cooperative: DRY, category: "dried-fruit-nuts", origin: "xiyu", ...BAG,
    nameZh: "太行薄皮核桃", nameEn: "Taihang Thin-Shell Walnuts",
    descriptionZh: "川里镇西峪村山坡核桃园出产，自然晾晒，壳薄易剥。合作社托管农户果园，销售额的20%按托管亩数和采收务工分给建档立卡户。",
    descriptionEn: "From hillside walnut orchards in Xiyu, Chuanli, sun-dried, with thin shells that crack by hand. The cooperative manages the households' orchards; 20% of the price is shared by orchard mu and harvest work.",
    specZh: "1kg×1袋", specEn: "1 kg × 1 bag",
    priceFen: 5990, stock: 240, featured: true, benefit: pct(2000),
    batches: ["2026-10-05"], art: { motif: "walnut", color: "#a0703c" },
  }),
  p({
    slug: "taihang-walnut-kernels",
    cooperative: DRY, category: "dried-fruit-nuts", origin: "shangweizi", ...BAG,
    nameZh: "太行核桃仁", nameEn: "Taihang Walnut Kernels",
    descriptionZh: "上苇子村核桃手工剥仁、分级，免去剥壳的麻烦。剥仁工作由建档立卡户在家完成，销售额的18%归参与户。",
    descriptionEn: "Walnuts from Shangweizi, shelled and graded by hand, no cracking needed. Households do the shelling at home; 18% of the price goes to the participating households.",
    specZh: "500g×1袋", specEn: "500 g × 1 bag",
    priceFen: 4990, stock: 160, benefit: pct(1800),
    batches: ["2026-10-25"], art: { motif: "walnut", color: "#c9a36a" },
  }),
  p({
    slug: "taihang-jujubes",
    cooperative: DRY, category: "dried-fruit-nuts", origin: "xiyu", ...BAG,
    nameZh: "太行大枣", nameEn: "Taihang Red Jujubes",
    descriptionZh: "西峪村山地枣树结的红枣，自然晾干，肉厚核小。销售额的20%分给托管枣园和采收务工的农户。",
    descriptionEn: "Red jujubes from Xiyu's hillside trees, naturally dried, with thick flesh and small stones. 20% of the price goes to the households whose orchards the cooperative manages and who work the harvest.",
    specZh: "1kg×1袋", specEn: "1 kg × 1 bag",
    priceFen: 3990, stock: 200, benefit: pct(2000),
    batches: ["2026-10-18"], art: { motif: "berries", color: "#9b1b1b" },
  }),
  p({
    slug: "tangxian-dried-persimmons",
    cooperative: DRY, category: "dried-fruit-nuts", origin: "xiyu", ...BAG,
    nameZh: "唐县柿饼", nameEn: "Tang County Dried Persimmons",
    descriptionZh: "霜降后采摘的山柿子，削皮晾晒约一个月，表面自然起霜。销售额的22%分给参与晾晒和托管柿园的农户。",
    descriptionEn: "Mountain persimmons picked after the first frost, peeled and air-dried for about a month until a natural sugar bloom forms. 22% of the price goes to the households who dry them and whose trees the cooperative manages.",
    specZh: "500g×1袋", specEn: "500 g × 1 bag",
    priceFen: 3500, stock: 90, benefit: pct(2200),
    batches: ["2025-12-10"], art: { motif: "persimmon", color: "#d9772b" },
  }),
  p({
    slug: "taihang-black-dates",
    cooperative: DRY, category: "dried-fruit-nuts", origin: "shangweizi", ...BAG,
    nameZh: "太行黑枣", nameEn: "Taihang Black Dates (date plums)",
    descriptionZh: "太行山区传统的黑枣（君迁子），软糯香甜。销售额的20%按权重分给上苇子村、西峪村参与户。",
    descriptionEn: "Date plums, a traditional Taihang fruit, soft and sweet. 20% of the price is shared by weight among participating households in Shangweizi and Xiyu.",
    specZh: "500g×1袋", specEn: "500 g × 1 bag",
    priceFen: 2990, stock: 110, benefit: pct(2000),
    batches: ["2025-11-28"], art: { motif: "berries", color: "#3a2a2a" },
  }),
  p({
    slug: "tangxian-roasted-peanuts",
    cooperative: DRY, category: "dried-fruit-nuts", origin: "xiyu", ...BAG,
    nameZh: "原味烤花生", nameEn: "Roasted Peanuts in Shell",
    descriptionZh: "西峪村沙地花生，带壳低温烘烤，不加调味。每袋固定4元进入合作社参与户的收益池。",
    descriptionEn: "Peanuts from Xiyu's sandy fields, roasted in the shell at low heat, unseasoned. Each bag puts a fixed ¥4 into the cooperative households' benefit pool.",
    specZh: "1kg×1袋", specEn: "1 kg × 1 bag",
    priceFen: 2990, stock: 130, benefit: fixed(400),
    batches: ["2026-10-12"], art: { motif: "peanut", color: "#c8955a" },
  }),

  // ── 杂粮: Beiluo dry-farmed grains ──
  p({
    slug: "tangxian-yellow-millet",
    cooperative: GRAIN, category: "grains", origin: "dagou", ...BAG,
    nameZh: "唐县黄小米", nameEn: "Tang County Yellow Foxtail Millet",
    descriptionZh: "北罗镇大沟村旱地谷子，当年新米，熬粥米油厚。合作社流转村民土地统一种植，销售额的20%按土地亩数和务工分给建档立卡户。",
    descriptionEn: "New-crop foxtail millet from the dry fields of Dagou, Beiluo, that cooks into a rich porridge. The cooperative farms land rented from villagers; 20% of the price is shared by mu of land and work.",
    specZh: "2.5kg×1袋", specEn: "2.5 kg × 1 bag",
    priceFen: 3990, stock: 300, featured: true, benefit: pct(2000),
    batches: ["2026-10-28"], art: { motif: "sack", color: "#f2c14e" },
  }),
  p({
    slug: "tangxian-millet-trial-pack",
    cooperative: GRAIN, category: "grains", origin: "dagou", ...BAG,
    nameZh: "黄小米尝鲜装", nameEn: "Yellow Millet Trial Pack",
    descriptionZh: "与大袋同一批新米的小包装，适合先尝一尝。每袋固定1.5元进入合作社参与户的收益池。",
    descriptionEn: "A small pack from the same new-crop lot as the big bag, for a first taste. Each pack puts a fixed ¥1.50 into the cooperative households' benefit pool.",
    specZh: "500g×1袋", specEn: "500 g × 1 bag",
    priceFen: 990, stock: 500, benefit: fixed(150),
    batches: ["2026-10-28"], art: { motif: "sack", color: "#f7d774" },
  }),
  p({
    slug: "tangxian-corn-grits",
    cooperative: GRAIN, category: "grains", origin: "dagou", ...BAG,
    nameZh: "玉米糁", nameEn: "Corn Grits",
    descriptionZh: "本地玉米去皮粗磨，适合熬玉米粥。销售额的18%分给大沟村、庄头村参与户。",
    descriptionEn: "Local corn, hulled and coarsely ground for corn porridge. 18% of the price goes to participating households in Dagou and Zhuangtou.",
    specZh: "2kg×1袋", specEn: "2 kg × 1 bag",
    priceFen: 1990, stock: 180, benefit: pct(1800),
    batches: ["2026-11-02"], art: { motif: "sack", color: "#f0a830" },
  }),
  p({
    slug: "tangxian-adzuki-beans",
    cooperative: GRAIN, category: "grains", origin: "zhuangtou", ...BAG,
    nameZh: "红小豆", nameEn: "Adzuki Beans",
    descriptionZh: "庄头村与谷子轮作的红小豆，颗粒饱满。销售额的18%按权重分给合作社参与户。",
    descriptionEn: "Adzuki beans grown in rotation with millet in Zhuangtou, plump and even. 18% of the price is shared by weight among the cooperative's households.",
    specZh: "1kg×1袋", specEn: "1 kg × 1 bag",
    priceFen: 2200, stock: 140, benefit: pct(1800),
    batches: ["2026-10-20"], art: { motif: "beans", color: "#8b2323" },
  }),
  p({
    slug: "tangxian-mung-beans",
    cooperative: GRAIN, category: "grains", origin: "zhuangtou", ...BAG,
    nameZh: "绿豆", nameEn: "Mung Beans",
    descriptionZh: "旱地绿豆，易煮开花，夏天熬绿豆汤正好。销售额的18%分给合作社参与户。",
    descriptionEn: "Dry-land mung beans that cook soft quickly, good for summer mung bean soup. 18% of the price goes to the cooperative's households.",
    specZh: "1kg×1袋", specEn: "1 kg × 1 bag",
    priceFen: 1990, stock: 150, benefit: pct(1800), minOrderQuantity: 6,
    batches: ["2026-09-15"], art: { motif: "beans", color: "#5d8a3a" },
  }),
  p({
    slug: "zhuangtou-stone-ground-flour",
    cooperative: GRAIN, category: "grains", origin: "zhuangtou", ...BAG,
    nameZh: "庄头石磨全麦粉", nameEn: "Zhuangtou Stone-Ground Wholewheat Flour",
    descriptionZh: "庄头村石磨面粉坊慢磨的全麦粉，保留麸皮。面粉坊工人来自村里的建档立卡户，销售额的15%分给参与户。",
    descriptionEn: "Wholewheat flour slow-ground in the Zhuangtou stone-mill workshop, bran included. The millers come from the village's registered households; 15% of the price goes to participating households.",
    specZh: "5kg×1袋", specEn: "5 kg × 1 bag",
    priceFen: 4500, stock: 400, benefit: pct(1500), priceTiers: CANTEEN_TIERS,
    batches: ["2026-11-06"], art: { motif: "sack", color: "#d8c3a0" },
  }),
  p({
    slug: "tangxian-buckwheat-flour",
    cooperative: GRAIN, category: "grains", origin: "zhuangtou", ...BAG,
    nameZh: "荞麦面", nameEn: "Buckwheat Flour",
    descriptionZh: "山坡地荞麦磨成的面粉，可做饸饹和面条。本批已售完，新荞麦磨粉后补货；销售额的18%分给合作社参与户。",
    descriptionEn: "Flour from hillside buckwheat, for noodles and hele. This lot is sold out until the new crop is milled; 18% of the price goes to the cooperative's households.",
    specZh: "2kg×1袋", specEn: "2 kg × 1 bag",
    priceFen: 2500, stock: 0, benefit: pct(1800),
    batches: ["2025-11-20"], art: { motif: "sack", color: "#9c8466" },
  }),
  p({
    slug: "xiwang-sweet-potato-vermicelli",
    cooperative: "xiwang-vermicelli", category: "grains", origin: "xiwang", ...BAG,
    nameZh: "西旺红薯粉条（待认定）", nameEn: "Xiwang Sweet Potato Vermicelli (awaiting certification)",
    descriptionZh: "西旺村红薯淀粉手工漏制的粉条。合作社和产品均在认定中，认定通过前不对外销售；计划销售额的20%分给务工户。",
    descriptionEn: "Hand-made vermicelli from Xiwang sweet-potato starch. Both the cooperative and the product are awaiting certification and are not on sale yet; the plan is to share 20% of revenue with the working households.",
    specZh: "2.5kg×1袋", specEn: "2.5 kg × 1 bag",
    priceFen: 3990, stock: 200, certified: false, benefit: pct(2000),
    batches: ["2026-11-15"], art: { motif: "sack", color: "#9aa3ad" },
  }),

  // ── 蜂蜜: Qijiazuo mountain hives ──
  p({
    slug: "taihang-vitex-honey",
    cooperative: HONEY, category: "honey", origin: "huangyan", ...JAR,
    nameZh: "太行荆条蜜", nameEn: "Taihang Vitex Honey",
    descriptionZh: "齐家佐乡黄岩村漫山荆条花期采集的成熟蜜，色泽浅琥珀。农户以蜂箱入股合作社，销售额的20%按蜂箱份额和摇蜜务工分配。",
    descriptionEn: "Ripe honey from the vitex that covers Huangyan's hills in bloom, light amber. Households joined the cooperative with their hives; 20% of the price is shared by hive shares and extraction work.",
    specZh: "500g×1瓶", specEn: "500 g × 1 jar",
    priceFen: 5800, stock: 150, featured: true, benefit: pct(2000),
    batches: ["2026-07-30"], art: { motif: "honey", color: "#e0a030" },
  }),
  p({
    slug: "taihang-locust-honey",
    cooperative: HONEY, category: "honey", origin: "dalinghou", ...JAR,
    nameZh: "太行槐花蜜", nameEn: "Taihang Locust Blossom Honey",
    descriptionZh: "大岭后村五月槐花季采集，颜色浅、口味清甜。销售额的20%按蜂箱份额分给入股农户。",
    descriptionEn: "Gathered in Dalinghou during the May locust bloom: pale and mild. 20% of the price is shared among the shareholding households by hive shares.",
    specZh: "500g×1瓶", specEn: "500 g × 1 jar",
    priceFen: 6800, stock: 120, benefit: pct(2000),
    batches: ["2026-05-28"], art: { motif: "honey", color: "#f3d77a" },
  }),
  p({
    slug: "taihang-jujube-blossom-honey",
    cooperative: HONEY, category: "honey", origin: "huangyan", ...JAR,
    nameZh: "太行枣花蜜", nameEn: "Taihang Jujube Blossom Honey",
    descriptionZh: "枣花期采集的深色蜂蜜，风味浓郁。销售额的20%分给合作社入股和务工农户。",
    descriptionEn: "A dark honey from the jujube bloom, rich in flavour. 20% of the price goes to the cooperative's shareholding and working households.",
    specZh: "500g×1瓶", specEn: "500 g × 1 jar",
    priceFen: 6200, stock: 90, benefit: pct(2000),
    batches: ["2026-06-25"], art: { motif: "honey", color: "#b86a1c" },
  }),
  p({
    slug: "taihang-wildflower-honey",
    cooperative: HONEY, category: "honey", origin: "dalinghou", ...JAR,
    nameZh: "太行百花蜜", nameEn: "Taihang Wildflower Honey",
    descriptionZh: "夏秋山花混合蜜源，家庭装大瓶。销售额的18%按蜂箱份额分配给入股农户。",
    descriptionEn: "Honey from the mixed summer and autumn mountain flowers, in a family-size jar. 18% of the price is shared among shareholding households by hive shares.",
    specZh: "1kg×1瓶", specEn: "1 kg × 1 jar",
    priceFen: 8800, stock: 70, benefit: pct(1800),
    batches: ["2025-09-20", "2026-09-22"], art: { motif: "honey", color: "#d08a2a" },
  }),
  p({
    slug: "taihang-comb-honey",
    cooperative: HONEY, category: "honey", origin: "huangyan", unitZh: "盒", unitEn: "box",
    nameZh: "土蜂巢蜜", nameEn: "Comb Honey from Native Bees",
    descriptionZh: "中华蜂一年一取的整块巢蜜，产量小、每年只有少量。每盒固定15元进入合作社参与户的收益池。",
    descriptionEn: "Whole comb from native Chinese honeybees, harvested once a year in small amounts. Each box puts a fixed ¥15 into the cooperative households' benefit pool.",
    specZh: "400g×1盒", specEn: "400 g × 1 box",
    priceFen: 9800, stock: 6, benefit: fixed(1500),
    batches: ["2026-09-10"], art: { motif: "honeycomb", color: "#e8b23a" },
  }),

  // ── 菌菇山货: Baihe greenhouses and hills ──
  p({
    slug: "baihe-dried-shiitake",
    cooperative: SHROOM, category: "mountain-produce", origin: "shijing", ...BAG,
    nameZh: "白合干香菇", nameEn: "Baihe Dried Shiitake",
    descriptionZh: "白合镇石井村扶贫大棚出产的香菇，低温烘干，泡发后香气足。大棚由扶贫资金建设，销售额的20%按务工和入股权重分给建档立卡户。",
    descriptionEn: "Shiitake from the poverty-alleviation greenhouses in Shijing, Baihe, dried at low heat, fragrant once soaked. The greenhouses were built with poverty-alleviation funds; 20% of the price is shared by work and shareholding.",
    specZh: "250g×1袋", specEn: "250 g × 1 bag",
    priceFen: 3990, stock: 200, featured: true, benefit: pct(2000),
    batches: ["2026-04-15", "2026-11-05"], art: { motif: "mushroom", color: "#8b5a3c" },
  }),
  p({
    slug: "baihe-flower-shiitake",
    cooperative: SHROOM, category: "mountain-produce", origin: "shijing", ...BAG,
    nameZh: "白合花菇", nameEn: "Baihe Flower Shiitake",
    descriptionZh: "冬季低温慢长、菌盖自然开裂的花菇，肉厚。每季产量有限，销售额的18%分给大棚参与户。",
    descriptionEn: "Thick shiitake grown slowly in the winter cold until the caps crack into a 'flower' pattern. Each season yields little; 18% of the price goes to the greenhouse households.",
    specZh: "200g×1袋", specEn: "200 g × 1 bag",
    priceFen: 5800, stock: 4, benefit: pct(1800),
    batches: ["2026-02-20"], art: { motif: "mushroom", color: "#a0785a" },
  }),
  p({
    slug: "baihe-wood-ear",
    cooperative: SHROOM, category: "mountain-produce", origin: "shijing", ...BAG,
    nameZh: "白合黑木耳", nameEn: "Baihe Black Wood Ear",
    descriptionZh: "大棚袋料栽培的黑木耳，晒干后片小肉厚。销售额的20%按权重分给石井村、山南庄村参与户。",
    descriptionEn: "Black wood ear grown on substrate bags in the greenhouses, sun-dried into small thick pieces. 20% of the price is shared by weight among households in Shijing and Shannanzhuang.",
    specZh: "250g×1袋", specEn: "250 g × 1 bag",
    priceFen: 4500, stock: 130, benefit: pct(2000),
    batches: ["2026-08-18"], art: { motif: "woodear", color: "#2e2626" },
  }),
  p({
    slug: "baihe-lions-mane",
    cooperative: SHROOM, category: "mountain-produce", origin: "shijing", ...BAG,
    nameZh: "白合猴头菇", nameEn: "Baihe Lion's Mane Mushroom",
    descriptionZh: "大棚栽培的猴头菇切片烘干，适合煲汤。销售额的18%分给合作社大棚的务工和入股户。",
    descriptionEn: "Greenhouse lion's mane, sliced and dried, for soups. 18% of the price goes to the cooperative's greenhouse workers and shareholding households.",
    specZh: "250g×1袋", specEn: "250 g × 1 bag",
    priceFen: 6800, stock: 50, benefit: pct(1800),
    batches: ["2026-10-10"], art: { motif: "mushroom", color: "#e2cfa6" },
  }),
  p({
    slug: "taihang-sichuan-pepper",
    cooperative: SHROOM, category: "mountain-produce", origin: "shannanzhuang", ...BAG,
    nameZh: "太行山花椒", nameEn: "Taihang Sichuan Pepper",
    descriptionZh: "山南庄村农户采摘的山花椒，晾干去籽，麻香足。每袋固定3元进入合作社参与户的收益池。",
    descriptionEn: "Sichuan pepper picked by Shannanzhuang households, dried and seeded, strongly numbing. Each bag puts a fixed ¥3 into the cooperative households' benefit pool.",
    specZh: "200g×1袋", specEn: "200 g × 1 bag",
    priceFen: 2500, stock: 120, benefit: fixed(300),
    batches: ["2026-09-02"], art: { motif: "pepper", color: "#b22a1a" },
  }),
  p({
    slug: "taihang-skullcap-tea",
    cooperative: SHROOM, category: "mountain-produce", origin: "shannanzhuang", unitZh: "罐", unitEn: "tin",
    nameZh: "太行黄芩茶", nameEn: "Taihang Skullcap Leaf Tea",
    descriptionZh: "太行山区传统饮用的黄芩叶茶，农户采叶、合作社炒制。销售额的25%分给采叶农户。",
    descriptionEn: "Skullcap leaf tea, a traditional Taihang drink: households pick the leaves and the cooperative roasts them. 25% of the price goes to the picking households.",
    specZh: "100g×1罐", specEn: "100 g × 1 tin",
    priceFen: 3600, stock: 80, benefit: pct(2500),
    batches: ["2026-07-12"], art: { motif: "tea", color: "#c9a227" },
  }),

  // ── 礼盒: gift boxes for union and employer purchases (工会采购 / 单位采购) ──
  p({
    slug: "zhongfa-wine-duo-gift-box",
    cooperative: GRAPE, category: "gift-boxes", origin: "nanhongcheng", ...GIFT,
    nameZh: "中法庄园双支葡萄酒礼盒", nameEn: "Sino-French Estate Wine Duo Gift Box",
    descriptionZh: "赤霞珠干红与霞多丽干白各一支，配礼盒和手提袋，适合单位节日慰问。销售额的12%分给南洪城园区参与户。",
    descriptionEn: "One Cabernet Sauvignon and one Chardonnay in a gift box with a carrier bag, suited to company holiday gifts. 12% of the price goes to the Nanhongcheng park households.",
    specZh: "750ml×2瓶", specEn: "750 ml × 2 bottles",
    priceFen: 26800, stock: 40, featured: true, benefit: pct(1200),
    batches: ["2026-10-20"], art: { motif: "gift", color: "#7a1f3d" },
  }),
  p({
    slug: "zhongfa-marselan-wooden-box",
    cooperative: GRAPE, category: "gift-boxes", origin: "nanhongcheng", ...GIFT,
    nameZh: "马瑟兰珍藏木盒", nameEn: "Marselan Reserve Wooden Case",
    descriptionZh: "两支马瑟兰干红装入松木酒盒，数量有限。销售额的10%分给南洪城园区参与户。",
    descriptionEn: "Two bottles of Marselan in a pine wine case; only a few were made. 10% of the price goes to the Nanhongcheng park households.",
    specZh: "750ml×2瓶", specEn: "750 ml × 2 bottles",
    priceFen: 39800, stock: 5, benefit: pct(1000),
    batches: ["2026-10-20"], art: { motif: "gift", color: "#8b5a2b" },
  }),
  p({
    slug: "hongnancheng-canned-fruit-gift-box",
    cooperative: CAN, category: "gift-boxes", origin: "hongnancheng", ...GIFT,
    nameZh: "洪南城水果罐头礼盒", nameEn: "Hongnancheng Canned Fruit Gift Box",
    descriptionZh: "黄桃、鸭梨、山楂、葡萄罐头共12罐，工会发放福利的常用选择。销售额的20%分给罐头车间参与户。",
    descriptionEn: "Twelve jars of yellow peach, Ya pear, hawthorn and grape: a common choice for union staff benefits. 20% of the price goes to the canning workshop's households.",
    specZh: "12罐装（约4.2kg）", specEn: "12 jars (about 4.2 kg)",
    priceFen: 9900, stock: 120, featured: true, benefit: pct(2000),
    batches: ["2026-10-08"], art: { motif: "gift", color: "#f5a623" },
  }),
  p({
    slug: "taihang-dried-fruit-gift-box",
    cooperative: DRY, category: "gift-boxes", origin: "xiyu", ...GIFT,
    nameZh: "太行干果礼盒", nameEn: "Taihang Dried Fruit & Nut Gift Box",
    descriptionZh: "薄皮核桃、大枣、柿饼、黑枣组合装。销售额的15%按权重分给川里镇两村的参与户。",
    descriptionEn: "Thin-shell walnuts, red jujubes, dried persimmons and date plums together. 15% of the price is shared by weight among households in the two Chuanli villages.",
    specZh: "4袋装（共2kg）", specEn: "4 bags (2 kg in all)",
    priceFen: 16800, stock: 60, benefit: pct(1500),
    batches: ["2026-11-01"], art: { motif: "gift", color: "#6b4226" },
  }),
  p({
    slug: "beiluo-five-grains-gift-box",
    cooperative: GRAIN, category: "gift-boxes", origin: "dagou", ...GIFT,
    nameZh: "北罗五谷杂粮礼盒", nameEn: "Beiluo Five Grains Gift Box",
    descriptionZh: "黄小米、玉米糁、红小豆、绿豆、全麦粉各一袋，真空小包装。销售额的18%分给合作社土地流转户和务工户。",
    descriptionEn: "Yellow millet, corn grits, adzuki beans, mung beans and wholewheat flour, one vacuum pack each. 18% of the price goes to the cooperative's land-renting and working households.",
    specZh: "5袋装（每袋500g）", specEn: "5 packs of 500 g",
    priceFen: 12800, stock: 80, benefit: pct(1800),
    batches: ["2026-11-08"], art: { motif: "gift", color: "#c0392b" },
  }),
];

/** Sample certificate numbers, assigned to certified products in list order: TX-FPCP-2026-0001, … */
export function certificateNumbers(): Map<string, string> {
  const numbers = new Map<string, string>();
  let n = 0;
  for (const product of PRODUCTS) {
    if (!product.certified) continue;
    n += 1;
    numbers.set(product.slug, `TX-FPCP-2026-${String(n).padStart(4, "0")}`);
  }
  return numbers;
}

/** The lot prefix used for a cooperative's batches. */
export function lotPrefixOf(cooperativeSlug: string): string {
  return COOPERATIVES.find((c) => c.slug === cooperativeSlug)?.lotPrefix ?? "TX";
}
