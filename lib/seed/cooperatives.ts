// SAMPLE DATA — cooperatives (合作社) and their partner enterprises (企业), the 企业 + 合作社 + 贫困户 model.
// Every name, phone number and bank account below is invented for the demo; none is a real entity or account.
import type { CooperativeStatus } from "../generated/prisma/enums";

export interface SeedEnterprise {
  slug: string;
  nameZh: string;
  nameEn: string;
  descriptionZh: string;
  descriptionEn: string;
}

export const ENTERPRISES: readonly SeedEnterprise[] = [
  {
    slug: "zhongfa-winery",
    nameZh: "唐县中法庄园葡萄酒有限公司（示例）",
    nameEn: "Tang County Sino-French Estate Winery Co., Ltd. (sample)",
    descriptionZh:
      "中法葡萄产业园区的酿酒企业，负责酿造、灌装和品控，按保护价收购合作社的酿酒葡萄。",
    descriptionEn:
      "The winery of the Sino-French grape industrial park: it makes, bottles and checks the wine, buying the cooperative's grapes at a guaranteed price.",
  },
  {
    slug: "hongcheng-foods",
    nameZh: "唐县洪城食品有限公司（示例）",
    nameEn: "Tang County Hongcheng Foods Co., Ltd. (sample)",
    descriptionZh: "水果罐头加工企业，与合作社共建洪南城村罐头车间，优先招用建档立卡户。",
    descriptionEn:
      "A fruit cannery that runs the Hongnancheng canning workshop with the cooperative and hires registered low-income households first.",
  },
];

export interface SeedCooperative {
  slug: string;
  village: string;
  enterprise: string | null;
  nameZh: string;
  nameEn: string;
  descriptionZh: string;
  descriptionEn: string;
  status: CooperativeStatus;
  /** ISO date of certification; null while PENDING. */
  certifiedAt: string | null;
  foundedYear: number;
  contactPhone: string;
  bankAccountName: string;
  bankName: string;
  bankAccountNumber: string;
  shippingFeeFen: number;
  freeShippingMinFen: number;
  /** Prefix of batch lot numbers. */
  lotPrefix: string;
}

export const GRAPE_COOPERATIVE_SLUG = "nanhongcheng-grape";
export const CANNING_COOPERATIVE_SLUG = "hongnancheng-canning";

export const COOPERATIVES: readonly SeedCooperative[] = [
  {
    slug: GRAPE_COOPERATIVE_SLUG,
    village: "nanhongcheng",
    enterprise: "zhongfa-winery",
    nameZh: "唐县南洪城葡萄种植专业合作社",
    nameEn: "Nanhongcheng Grape Growers' Cooperative, Tang County",
    descriptionZh:
      "依托中法葡萄产业园区，流转村民土地种植赤霞珠、马瑟兰等酿酒葡萄，由合作企业酿造成酒。贫困户获得土地流转租金、园区务工工资和合作社分红。",
    descriptionEn:
      "Built around the Sino-French grape industrial park, the cooperative rents villagers' land to grow Cabernet Sauvignon, Marselan and other wine grapes, which its partner winery makes into wine. Registered households earn land rent, wages in the park and dividends.",
    status: "CERTIFIED",
    certifiedAt: "2026-03-18",
    foundedYear: 2018,
    contactPhone: "0312-6400001",
    bankAccountName: "唐县南洪城葡萄种植专业合作社",
    bankName: "河北唐县农村商业银行高昌支行（示例）",
    bankAccountNumber: "6200 0000 0000 0001 001",
    shippingFeeFen: 1500,
    freeShippingMinFen: 19900,
    lotPrefix: "NHC",
  },
  {
    slug: CANNING_COOPERATIVE_SLUG,
    village: "hongnancheng",
    enterprise: "hongcheng-foods",
    nameZh: "唐县洪南城果品加工专业合作社",
    nameEn: "Hongnancheng Fruit Processing Cooperative, Tang County",
    descriptionZh:
      "收购本地黄桃、鸭梨、山楂和园区鲜食葡萄，在村罐头车间加工成水果罐头。车间岗位优先安排建档立卡户，年底按股分红。",
    descriptionEn:
      "Buys local yellow peaches, Ya pears, hawthorns and table grapes from the park and cans them in the village workshop. Workshop jobs go to registered households first, with a dividend at year end.",
    status: "CERTIFIED",
    certifiedAt: "2026-03-18",
    foundedYear: 2017,
    contactPhone: "0312-6400002",
    bankAccountName: "唐县洪南城果品加工专业合作社",
    bankName: "河北唐县农村商业银行高昌支行（示例）",
    bankAccountNumber: "6200 0000 0000 0002 002",
    shippingFeeFen: 1200,
    freeShippingMinFen: 9900,
    lotPrefix: "HNC",
  },
  {
    slug: "chuanli-dried-fruit",
    village: "xiyu",
    enterprise: null,
    nameZh: "唐县川里镇太行干果专业合作社",
    nameEn: "Chuanli Taihang Dried Fruit & Nut Cooperative, Tang County",
    descriptionZh:
      "托管山区农户的核桃园和枣园，统一采收、晾晒、分级。贫困户收取果园托管费，并在采收季务工。",
    descriptionEn:
      "Manages mountain households' walnut and jujube orchards and harvests, dries and grades the crop together. Registered households receive an orchard fee and work in the harvest season.",
    status: "CERTIFIED",
    certifiedAt: "2026-04-02",
    foundedYear: 2016,
    contactPhone: "0312-6400003",
    bankAccountName: "唐县川里镇太行干果专业合作社",
    bankName: "中国邮政储蓄银行唐县支行（示例）",
    bankAccountNumber: "6200 0000 0000 0003 003",
    shippingFeeFen: 1000,
    freeShippingMinFen: 9900,
    lotPrefix: "CL",
  },
  {
    slug: "beiluo-grains",
    village: "dagou",
    enterprise: null,
    nameZh: "唐县北罗镇谷丰杂粮专业合作社",
    nameEn: "Beiluo Gufeng Grains Cooperative, Tang County",
    descriptionZh:
      "种植旱作谷子和豆类，合作社统一收购、碾米和石磨加工。贫困户以土地流转和作坊务工获得收入。",
    descriptionEn:
      "Grows dry-farmed foxtail millet and beans, then buys, hulls and stone-mills the harvest together. Registered households earn land rent and wages in the mill.",
    status: "CERTIFIED",
    certifiedAt: "2026-04-02",
    foundedYear: 2015,
    contactPhone: "0312-6400004",
    bankAccountName: "唐县北罗镇谷丰杂粮专业合作社",
    bankName: "中国农业银行唐县支行（示例）",
    bankAccountNumber: "6200 0000 0000 0004 004",
    shippingFeeFen: 1000,
    freeShippingMinFen: 8800,
    lotPrefix: "BL",
  },
  {
    slug: "qijiazuo-honey",
    village: "huangyan",
    enterprise: null,
    nameZh: "唐县齐家佐乡太行蜂业专业合作社",
    nameEn: "Qijiazuo Taihang Beekeeping Cooperative, Tang County",
    descriptionZh:
      "山区农户以蜂箱入股，合作社统一技术、统一检测、统一灌装荆条蜜和槐花蜜。贫困户按蜂箱数分红，并参与摇蜜务工。",
    descriptionEn:
      "Mountain households joined with their hives; the cooperative trains, tests and bottles vitex and locust honey together. Registered households share dividends by hive count and work at extraction.",
    status: "CERTIFIED",
    certifiedAt: "2026-05-20",
    foundedYear: 2017,
    contactPhone: "0312-6400005",
    bankAccountName: "唐县齐家佐乡太行蜂业专业合作社",
    bankName: "中国邮政储蓄银行唐县支行（示例）",
    bankAccountNumber: "6200 0000 0000 0005 005",
    shippingFeeFen: 1000,
    freeShippingMinFen: 9900,
    lotPrefix: "QJZ",
  },
  {
    slug: "baihe-mushroom",
    village: "shijing",
    enterprise: null,
    nameZh: "唐县白合镇山珍菌菇专业合作社",
    nameEn: "Baihe Mountain Mushroom Cooperative, Tang County",
    descriptionZh:
      "扶贫资金建设的食用菌大棚由合作社运营，种植香菇、木耳，兼收山花椒、黄芩等山货。贫困户大棚务工并按股分红。",
    descriptionEn:
      "Runs mushroom greenhouses built with poverty-alleviation funds, growing shiitake and wood ear, and also collects wild Sichuan pepper and skullcap. Registered households work in the greenhouses and receive dividends.",
    status: "CERTIFIED",
    certifiedAt: "2026-05-20",
    foundedYear: 2018,
    contactPhone: "0312-6400006",
    bankAccountName: "唐县白合镇山珍菌菇专业合作社",
    bankName: "中国农业银行唐县支行（示例）",
    bankAccountNumber: "6200 0000 0000 0006 006",
    shippingFeeFen: 1000,
    freeShippingMinFen: 9900,
    lotPrefix: "BH",
  },
  {
    // Not yet certified: its product must not be on sale until the county certifies both.
    slug: "xiwang-vermicelli",
    village: "xiwang",
    enterprise: null,
    nameZh: "唐县北罗镇西旺红薯粉条专业合作社",
    nameEn: "Xiwang Sweet Potato Vermicelli Cooperative, Tang County",
    descriptionZh: "新成立的红薯粉条加工合作社，已提交认定材料，认定通过前产品不上架销售。",
    descriptionEn:
      "A newly founded sweet-potato vermicelli cooperative; its papers are with the county, and its products are not on sale until certified.",
    status: "PENDING",
    certifiedAt: null,
    foundedYear: 2026,
    contactPhone: "0312-6400007",
    bankAccountName: "唐县北罗镇西旺红薯粉条专业合作社",
    bankName: "中国农业银行唐县支行（示例）",
    bankAccountNumber: "6200 0000 0000 0007 007",
    shippingFeeFen: 1000,
    freeShippingMinFen: 9900,
    lotPrefix: "XW",
  },
];
