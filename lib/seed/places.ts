// SAMPLE DATA — the places the shop's produce comes from.
// 唐县 and its townships are real. 南洪城村 (the 中法葡萄产业园区) and 洪南城村 come from the 2019 Chaoyang Daily
// report (../../shared/context); which township they belong to, the other village names, every exit year and
// every description here are illustrative samples, not official records. Check them against the county's
// 行政区划 list before using this data for anything but a demo.
import type { PovertyStatus } from "../generated/prisma/enums";

export interface SeedCounty {
  slug: string;
  nameZh: string;
  nameEn: string;
  province: string;
  city: string;
  population: number;
  status: PovertyStatus;
  exitYear: number;
}

/** Population 605,000 per the report; the report says the county passed its exit acceptance in 2019 (sample year). */
export const COUNTY: SeedCounty = {
  slug: "tangxian",
  nameZh: "唐县",
  nameEn: "Tang County",
  province: "河北省",
  city: "保定市",
  population: 605_000,
  status: "EXITED",
  exitYear: 2019,
};

export interface SeedTownship {
  slug: string;
  nameZh: string;
  nameEn: string;
}

export const TOWNSHIPS: readonly SeedTownship[] = [
  { slug: "gaochang", nameZh: "高昌镇", nameEn: "Gaochang Town" },
  { slug: "chuanli", nameZh: "川里镇", nameEn: "Chuanli Town" },
  { slug: "beiluo", nameZh: "北罗镇", nameEn: "Beiluo Town" },
  { slug: "qijiazuo", nameZh: "齐家佐乡", nameEn: "Qijiazuo Township" },
  { slug: "baihe", nameZh: "白合镇", nameEn: "Baihe Town" },
];

/** How the landscape picture of a village looks (scripts/generate-images.ts). */
export type VillageScene = "vineyard" | "orchard" | "fields" | "mountain" | "greenhouse";

export interface SeedVillage {
  slug: string;
  /** Prefix of the anonymous household codes, e.g. TX-NHC-0001. */
  code: string;
  township: string;
  nameZh: string;
  nameEn: string;
  descriptionZh: string;
  descriptionEn: string;
  status: PovertyStatus;
  exitYear: number | null;
  scene: VillageScene;
}

export const VILLAGES: readonly SeedVillage[] = [
  {
    slug: "nanhongcheng",
    code: "NHC",
    township: "gaochang",
    nameZh: "南洪城村",
    nameEn: "Nanhongcheng",
    descriptionZh:
      "中法葡萄产业园区所在地，一期建设规模500亩，是朝阳区对口帮扶项目。村民通过土地流转和园区务工增收。",
    descriptionEn:
      "Home of the Sino-French grape industrial park (phase one: 500 mu), a project of Chaoyang District's paired assistance. Villagers earn land rent and wages from the park.",
    status: "EXITED",
    exitYear: 2018,
    scene: "vineyard",
  },
  {
    slug: "hongnancheng",
    code: "HNC",
    township: "gaochang",
    nameZh: "洪南城村",
    nameEn: "Hongnancheng",
    descriptionZh: "紧邻葡萄产业园区，村里的罐头加工车间为建档立卡户提供了就近务工岗位。",
    descriptionEn:
      "Next to the grape park; the village canning workshop gives registered low-income households jobs close to home.",
    status: "EXITED",
    exitYear: 2019,
    scene: "orchard",
  },
  {
    slug: "beihongcheng",
    code: "BHC",
    township: "gaochang",
    nameZh: "北洪城村",
    nameEn: "Beihongcheng",
    descriptionZh: "平原农业村，不少村民在葡萄园区从事修剪、采收等季节性工作。",
    descriptionEn: "A farming village on the plain; many villagers do seasonal pruning and harvest work in the grape park.",
    status: "EXITED",
    exitYear: 2018,
    scene: "fields",
  },
  {
    slug: "xiyu",
    code: "XY",
    township: "chuanli",
    nameZh: "西峪村",
    nameEn: "Xiyu",
    descriptionZh: "太行山浅山区村庄，坡地种植核桃、大枣和柿子，是干果合作社的主要果源地。",
    descriptionEn:
      "A village in the Taihang foothills whose slopes grow walnuts, jujubes and persimmons for the dried-fruit cooperative.",
    status: "EXITED",
    exitYear: 2019,
    scene: "mountain",
  },
  {
    slug: "shangweizi",
    code: "SWZ",
    township: "chuanli",
    nameZh: "上苇子村",
    nameEn: "Shangweizi",
    descriptionZh: "山区小村，村民以核桃园托管和秋季采收务工为主要收入来源之一。",
    descriptionEn: "A small mountain village; walnut-orchard management and autumn harvest work are a main source of income.",
    status: "EXITED",
    exitYear: 2020,
    scene: "orchard",
  },
  {
    slug: "dagou",
    code: "DG",
    township: "beiluo",
    nameZh: "大沟村",
    nameEn: "Dagou",
    descriptionZh: "旱作农业村，谷子、豆类轮作，合作社统一收购、统一加工小米和杂粮。",
    descriptionEn:
      "A dry-farming village rotating foxtail millet and beans; the cooperative buys and mills the harvest together.",
    status: "EXITED",
    exitYear: 2018,
    scene: "fields",
  },
  {
    slug: "zhuangtou",
    code: "ZT",
    township: "beiluo",
    nameZh: "庄头村",
    nameEn: "Zhuangtou",
    descriptionZh: "村里的石磨面粉坊由合作社运营，贫困户以土地入股并在作坊务工。",
    descriptionEn:
      "The cooperative runs the village stone-mill flour workshop; low-income households lease their land to it and work there.",
    status: "EXITED",
    exitYear: 2019,
    scene: "fields",
  },
  {
    slug: "xiwang",
    code: "XW",
    township: "beiluo",
    nameZh: "西旺村",
    nameEn: "Xiwang",
    descriptionZh: "红薯种植村，正在筹建粉条加工合作社，等待扶贫产品认定。",
    descriptionEn:
      "A sweet-potato village setting up a vermicelli cooperative, still awaiting certification.",
    status: "EXITED",
    exitYear: 2020,
    scene: "fields",
  },
  {
    slug: "huangyan",
    code: "HY",
    township: "qijiazuo",
    nameZh: "黄岩村",
    nameEn: "Huangyan",
    descriptionZh: "深山区村庄，漫山荆条和槐树是蜜源，家家户户有养蜂传统。",
    descriptionEn:
      "A deep-mountain village where vitex shrubs and locust trees feed the bees; beekeeping is a family tradition here.",
    status: "EXITED",
    exitYear: 2020,
    scene: "mountain",
  },
  {
    slug: "dalinghou",
    code: "DLH",
    township: "qijiazuo",
    nameZh: "大岭后村",
    nameEn: "Dalinghou",
    descriptionZh: "山区村，贫困户以蜂箱入股合作社，按蜂箱数量参与分红。",
    descriptionEn:
      "A mountain village where households joined the cooperative with their beehives and share dividends by hive count.",
    status: "EXITED",
    exitYear: 2019,
    scene: "mountain",
  },
  {
    slug: "shijing",
    code: "SJ",
    township: "baihe",
    nameZh: "石井村",
    nameEn: "Shijing",
    descriptionZh: "村里建有食用菌大棚，扶贫资金入股合作社，贫困户务工并分红。",
    descriptionEn:
      "Mushroom greenhouses were built with poverty-alleviation funds invested in the cooperative; households work in them and receive dividends.",
    status: "EXITED",
    exitYear: 2018,
    scene: "greenhouse",
  },
  {
    slug: "shannanzhuang",
    code: "SNZ",
    township: "baihe",
    nameZh: "山南庄村",
    nameEn: "Shannanzhuang",
    descriptionZh: "浅山丘陵村，村民采集山花椒、黄芩，交合作社统一分拣包装。",
    descriptionEn:
      "A hill village whose people gather wild Sichuan pepper and skullcap for the cooperative to sort and pack.",
    status: "EXITED",
    exitYear: 2019,
    scene: "mountain",
  },
];
