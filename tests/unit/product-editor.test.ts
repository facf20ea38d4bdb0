// The product editor's rules (lib/validation/product.ts): the price typed in yuan becomes integer fen or a
// translated refusal, and every field has its limit. Each message key must exist in both languages.
import { describe, expect, test } from "vitest";
import { translator } from "@/lib/i18n/translate";
import { productSlug } from "@/lib/server/listings/products";
import { deleteProductSchema, moveListingSchema, parsePriceText, productEditorSchema } from "@/lib/validation/product";

const E = "productEditor.errors";

describe("parsePriceText", () => {
  test.each([
    ["12", 1200],
    ["12.5", 1250],
    ["12.50", 1250],
    ["¥1,299", 129_900],
    ["￥88", 8800],
    [" 8.8 ", 880],
    ["0.01", 1],
    ["１２．５", 1250], // full-width digits from a Chinese keyboard
    ["100000", 10_000_000],
    ["100000.00", 10_000_000],
    ["99999.99", 9_999_999],
  ])("%j → %i fen", (input, fen) => {
    expect(parsePriceText(input)).toEqual({ ok: true, fen });
  });

  test.each([
    ["", `${E}.priceRequired`],
    ["   ", `${E}.priceRequired`],
    ["0", `${E}.priceTooLow`],
    ["0.00", `${E}.priceTooLow`],
    ["-3", `${E}.priceTooLow`],
    ["-0.5", `${E}.priceTooLow`],
    ["-¥3", `${E}.priceTooLow`],
    ["100000.01", `${E}.priceTooHigh`],
    ["100001", `${E}.priceTooHigh`],
    ["999999999", `${E}.priceTooHigh`],
    ["1234567890", `${E}.priceTooHigh`],
    ["0.001", `${E}.priceInvalid`],
    ["12.345", `${E}.priceInvalid`],
    ["abc", `${E}.priceInvalid`],
    ["12元", `${E}.priceInvalid`],
    ["1e3", `${E}.priceInvalid`],
    ["12.", `${E}.priceInvalid`],
    [".5", `${E}.priceInvalid`],
    ["1 2", `${E}.priceInvalid`],
    ["NaN", `${E}.priceInvalid`],
    ["Infinity", `${E}.priceInvalid`],
  ])("%j is refused: %s", (input, message) => {
    expect(parsePriceText(input)).toEqual({ ok: false, message });
  });
});

const valid = {
  cooperativeId: "coop_1",
  nameZh: "南洪城桃红葡萄酒",
  nameEn: "Nanhongcheng Rosé",
  descriptionZh: "清爽。\r\n第二行",
  descriptionEn: "",
  unitZh: "瓶",
  unitEn: "bottle",
  specZh: "750ml×1瓶",
  specEn: "750 ml × 1 bottle",
  categoryId: "cat_1",
  originVillageId: "vil_1",
  price: "¥98.00",
};

const issuesOf = (input: Record<string, unknown>) => {
  const parsed = productEditorSchema.safeParse(input);
  if (parsed.success) return {};
  return Object.fromEntries(parsed.error.issues.map((i) => [i.path.join("."), i.message]));
};

describe("productEditorSchema", () => {
  test("a complete form parses: price in fen, line breaks normalised, no productId for a new product", () => {
    const parsed = productEditorSchema.parse(valid);
    expect(parsed.price).toBe(9800);
    expect(parsed.descriptionZh).toBe("清爽。\n第二行");
    expect(parsed.productId).toBeUndefined();
    expect(productEditorSchema.parse({ ...valid, productId: "" }).productId).toBeUndefined();
    expect(productEditorSchema.parse({ ...valid, productId: "prod_1" }).productId).toBe("prod_1");
  });

  test("spec and descriptions may be left out; names are trimmed", () => {
    const { specZh: _a, specEn: _b, descriptionZh: _c, descriptionEn: _d, ...rest } = valid;
    const parsed = productEditorSchema.parse({ ...rest, nameZh: "  南洪城  " });
    expect(parsed).toMatchObject({ specZh: "", specEn: "", descriptionZh: "", descriptionEn: "", nameZh: "南洪城" });
  });

  test("no featured flag gets through: a manager cannot set it", () => {
    expect(productEditorSchema.parse({ ...valid, featured: "on" })).not.toHaveProperty("featured");
  });

  const long = (n: number) => "葡".repeat(n);
  test.each([
    ["nameZh", "", `${E}.nameZhRequired`],
    ["nameZh", "   ", `${E}.nameZhRequired`],
    ["nameZh", long(61), `${E}.nameZhTooLong`],
    ["nameEn", "", `${E}.nameEnRequired`],
    ["nameEn", "a".repeat(121), `${E}.nameEnTooLong`],
    ["descriptionZh", long(2001), `${E}.descriptionTooLong`],
    ["descriptionEn", "a".repeat(2001), `${E}.descriptionTooLong`],
    ["unitZh", "", `${E}.unitZhRequired`],
    ["unitZh", long(11), `${E}.unitZhTooLong`],
    ["unitEn", "", `${E}.unitEnRequired`],
    ["unitEn", "a".repeat(21), `${E}.unitEnTooLong`],
    ["specZh", long(61), `${E}.specZhTooLong`],
    ["specEn", "a".repeat(121), `${E}.specEnTooLong`],
    ["categoryId", "", `${E}.categoryRequired`],
    ["categoryId", "x".repeat(41), `${E}.categoryRequired`],
    ["originVillageId", "", `${E}.villageRequired`],
    ["cooperativeId", "", `${E}.cooperativeRequired`],
    ["productId", "x".repeat(41), `${E}.productUnknown`],
    ["price", "0", `${E}.priceTooLow`],
    ["price", "100000.01", `${E}.priceTooHigh`],
    ["price", "abc", `${E}.priceInvalid`],
    ["nameZh", "南洪城\u0000", "validation.controlCharacters"],
    ["nameEn", "line\nbreak", "validation.controlCharacters"],
    ["descriptionZh", "ok\u0007", "validation.controlCharacters"],
  ])("%s = %j → %s", (field, value, message) => {
    expect(issuesOf({ ...valid, [field]: value })[field]).toBe(message);
  });

  test.each([
    ["nameZh", long(60)],
    ["nameEn", "a".repeat(120)],
    ["descriptionZh", long(2000)],
    ["descriptionZh", "第一行\n第二行\t缩进"],
    ["unitZh", long(10)],
    ["unitEn", "a".repeat(20)],
    ["specZh", long(60)],
    ["specEn", "a".repeat(120)],
  ])("%s at its limit is accepted", (field, value) => {
    expect(issuesOf({ ...valid, [field]: value })).toEqual({});
  });

  test.each(["nameZh", "nameEn", "unitZh", "unitEn", "categoryId", "originVillageId", "price", "cooperativeId"])("a missing %s is refused", (field) => {
    const input: Record<string, unknown> = { ...valid };
    delete input[field];
    expect(issuesOf(input)[field]).toBeTruthy();
  });
});

describe("listing and delete forms", () => {
  test.each(["submit", "withdraw", "takeOffSale", "putOnSale", "archive", "restore"])("a manager may send %s", (event) => {
    expect(moveListingSchema.safeParse({ cooperativeId: "c", productId: "p", event }).success).toBe(true);
  });
  test.each(["approve", "reject", "revoke", "expire", "", "SUBMIT"])("a manager may not send %j", (event) => {
    const parsed = moveListingSchema.safeParse({ cooperativeId: "c", productId: "p", event });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe(`${E}.eventUnknown`);
  });
  test("delete needs both ids", () => {
    expect(deleteProductSchema.safeParse({ cooperativeId: "c", productId: "p", confirm: "on" }).success).toBe(true);
    expect(deleteProductSchema.safeParse({ cooperativeId: "c" }).success).toBe(false);
  });
});

describe("every message the editor can show exists in both languages", () => {
  const keys = [
    ...["priceRequired", "priceInvalid", "priceTooLow", "priceTooHigh", "priceBelowBenefit", "nameZhRequired", "nameZhTooLong", "nameEnRequired", "nameEnTooLong"],
    ...["descriptionTooLong", "unitZhRequired", "unitZhTooLong", "unitEnRequired", "unitEnTooLong", "specZhTooLong", "specEnTooLong", "categoryRequired"],
    ...["categoryUnknown", "villageRequired", "villageUnknown", "cooperativeRequired", "productUnknown", "eventUnknown", "locked", "stale", "needsBenefitRule"],
    ...["archiveInstead", "confirmDelete"],
  ].map((k) => `${E}.${k}`);
  test.each(["zh-CN", "en"] as const)("%s", (locale) => {
    const t = translator(locale);
    for (const key of keys) expect(t.has(key as Parameters<typeof t.has>[0]), key).toBe(true);
  });
});

describe("productSlug", () => {
  test.each([
    ["Nanhongcheng Cabernet Sauvignon Dry Red", "nanhongcheng-cabernet-sauvignon-dry-red-abc234"],
    ["Nanhongcheng Rosé", "nanhongcheng-rose-abc234"],
    ["  Yellow Peach -- in Syrup! ", "yellow-peach-in-syrup-abc234"],
    ["红枣", "product-abc234"],
    ["a".repeat(120), `${"a".repeat(48)}-abc234`],
  ])("%j → %s", (name, slug) => {
    expect(productSlug(name, "abc234")).toBe(slug);
  });
  test("the random suffix is six unambiguous characters", () => {
    expect(productSlug("Millet")).toMatch(/^millet-[a-km-np-z2-9]{6}$/);
  });
});
