// The storefront's counted and composed messages: English plurals for units and households, the catalog's
// heading naming its filters, and lists joined by the locale's own rules (no "、" or "，" built in code).
import { describe, expect, test } from "vitest";
import { formatterFor, translator } from "@/lib/i18n/translate";

const zh = translator("zh-CN");
const en = translator("en");

describe("product quantities", () => {
  test.each([
    ["en", 1, "bottle", "1 bottle"],
    ["en", 179, "bottle", "179 bottles"],
    ["en", 2, "box", "2 boxes"],
    ["en", 1, "case", "1 case"],
    ["en", 3, "jar", "3 jars"],
    ["en", 5, "tin", "5 tins"],
    ["en", 4, "item", "4 items"],
    ["en", 4, "crate", "4 crate"], // a unit the catalog does not know is shown as stored, never wrongly inflected
    ["zh-CN", 179, "瓶", "179瓶"],
  ] as const)("%s %i %s → %s", (locale, count, unit, expected) => {
    expect(translator(locale)("product.quantity", { count, unit })).toBe(expected);
  });

  test("stock badge and cart limit read as sentences in both languages", () => {
    const quantity = (t: typeof en, count: number, unit: string) => t("product.quantity", { count, unit });
    expect(en("product.inStock", { quantity: quantity(en, 179, "bottle") })).toBe("In stock (179 bottles)");
    expect(en("product.lowStock", { quantity: quantity(en, 1, "bottle") })).toBe("Only 1 bottle left");
    expect(en("cart.stockLimit", { quantity: quantity(en, 99, "bottle") })).toBe("At most 99 bottles");
    expect(zh("product.inStock", { quantity: quantity(zh, 179, "瓶") })).toBe("有货（179瓶）");
    expect(zh("cart.stockLimit", { quantity: quantity(zh, 99, "瓶") })).toBe("最多可买 99瓶");
  });

  test.each([
    [0, "Not enough stock: you cannot add any more.", "库存不足：已经不能再多买了。"],
    [1, "Not enough stock: you can buy only 1 bottle more.", "库存不足：最多还能买 1瓶。"],
    [7, "Not enough stock: you can buy at most 7 bottles more.", "库存不足：最多还能买 7瓶。"],
  ])("cart.errors.aboveStock %i, in the product's unit", (count, english, chinese) => {
    expect(en("cart.errors.aboveStock", { count, quantity: en("product.quantity", { count, unit: "bottle" }) })).toBe(english);
    expect(zh("cart.errors.aboveStock", { count, quantity: zh("product.quantity", { count, unit: "瓶" }) })).toBe(chinese);
  });
});

describe("catalog heading", () => {
  const none = { search: "no", q: "", category: "none", village: "none", cooperative: "none" };
  test.each([
    [{}, "全部商品", "All products"],
    [{ category: "葡萄酒|Wine" }, "葡萄酒", "Wine"],
    [{ category: "葡萄酒|Wine", village: "南洪城村|Nanhongcheng" }, "葡萄酒 · 南洪城村", "Wine from Nanhongcheng"],
    [{ cooperative: "南洪城葡萄合作社|Grape Cooperative" }, "全部商品 · 南洪城葡萄合作社", "All products by Grape Cooperative"],
    [{ search: "yes", q: "罐头" }, "搜索“罐头”", "Search: “罐头”"],
    [{ search: "yes", q: "none" }, "搜索“none”", "Search: “none”"],
    [{ search: "yes", q: "红", category: "葡萄酒|Wine" }, "葡萄酒：搜索“红”", "Wine matching “红”"],
  ])("%j", (args, zhText, enText) => {
    const pick = (i: 0 | 1) =>
      Object.fromEntries(Object.entries({ ...none, ...args }).map(([k, v]) => [k, v.includes("|") ? v.split("|")[i]! : v])) as typeof none;
    expect(zh("catalog.heading", pick(0))).toBe(zhText);
    expect(en("catalog.heading", pick(1))).toBe(enText);
  });
});

describe("counts", () => {
  test.each([
    ["home.statVillages", 1, "1 village"],
    ["home.statVillages", 8, "8 villages"],
    ["product.households", 1, "1 household"],
    ["cooperative.households", 22, "Linked to 22 registered households"],
    ["village.products", 1, "1 product"],
    ["benefit.householdsLine", 1, "shared by weight among 1 registered low-income household"],
    ["nav.cartCount", 0, "Cart"],
    ["nav.cartCount", 3, "Cart (3)"],
  ] as const)("en %s %i", (key, count, expected) => {
    expect(en(key, { count })).toBe(expected);
  });
});

describe("lists", () => {
  test("households' villages: the item is a message, the list is the locale's", () => {
    const villages = (locale: "zh-CN" | "en", t: typeof en) =>
      formatterFor(locale).list(
        [
          ["南洪城村|Nanhongcheng", 14],
          ["北洪城村|Beihongcheng", 1],
        ].map(([name, count]) => t("benefit.villageCount", { village: String(name).split("|")[locale === "en" ? 1 : 0]!, count: Number(count) })),
        "enumeration",
      );
    expect(villages("zh-CN", zh)).toBe("南洪城村（14 户）和北洪城村（1 户）");
    expect(villages("en", en)).toBe("Nanhongcheng (14 households) and Beihongcheng (1 household)");
  });

  test("production and certification dates are Beijing calendar days", () => {
    expect(en("product.lot", { lot: "NHC-1", date: new Date("2026-10-15") })).toBe("Lot NHC-1, produced October 15, 2026");
    expect(zh("product.certifiedOn", { date: new Date("2026-03-17T18:00:00Z") })).toBe("认定日期：2026年3月18日");
  });
});
