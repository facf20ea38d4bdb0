// A union's gift list: bytes (UTF-8, BOM, UTF-16, GBK/GB18030 as Excel saves it) → rows → per-row, per-field
// error codes, duplicates, Beijing-only delivery, the row limit, and the per-product totals the stock
// reservation takes.
import { describe, expect, test } from "vitest";
import {
  checkGiftCsvBytes,
  checkGiftCsvText,
  checkGiftTable,
  decodeGiftListBytes,
  GIFT_FIELDS,
  GIFT_LIST_LIMITS,
  GIFT_LIST_REFUSALS,
  GIFT_ROW_ERROR_CODES,
  parseBeijingDistrict,
  stockShortfalls,
  type GiftListOptions,
  type GiftListResult,
  type GiftRowError,
} from "@/lib/domain/gift-list";
import { translateDynamic, translator } from "@/lib/i18n/translate";

const PRODUCTS = [
  { id: "p-wine", names: ["唐县葡萄酒", "Tang County wine", "WINE-750"] },
  { id: "p-peach", names: ["黄桃罐头", "Canned yellow peaches"] },
];
const OPTS: GiftListOptions = { products: PRODUCTS, beijingOnly: true };
const ANYWHERE: GiftListOptions = { products: PRODUCTS, beijingOnly: false };
const HEADER = "姓名,手机,区,详细地址,唐县葡萄酒,黄桃罐头";

function ok(r: GiftListResult): Extract<GiftListResult, { ok: true }> {
  if (!r.ok) throw new Error(`refused: ${r.refusal} ${JSON.stringify(r.params)}`);
  return r;
}
const csv = (...rows: string[]) => [HEADER, ...rows].join("\n");
/** Each line's errors as [line, field, code] triples. */
const errorsOf = (r: GiftListResult) => ok(r).lines.flatMap((l) => l.errors.map((e) => [l.line, e.field, e.code] as const));
const oneRow = (row: string, options = OPTS) => ok(checkGiftCsvText(csv(row), options)).lines[0]!;

// The file below, encoded by Python's gb18030 codec (an encoder independent of the decoder under test):
// "姓名,手机,区,详细地址,唐县葡萄酒,黄桃罐头\r\n张伟,138 1234 5678,朝阳区,建国路88号院3号楼1201,2,1\r\n
//  刘䶮,13912345678,海淀区,中关村大街27号,1,\r\n𠮷野,+86 137-1234-5678,西城区,金融大街7号,,3\r\n"
// The first two lines are plain GBK (code page 936, what Excel on a Chinese Windows writes); 䶮 (FE9F) and 𠮷
// (a four-byte sequence, 9534B235) exist only in GB18030.
const GB18030_FILE = Buffer.from(
  "d0d5c3fb2ccad6bbfa2cc7f82ccfeacfb8b5d8d6b72cccc6cfd8c6cfccd1bec62cbbc6ccd2b9decdb70d0ad5c5ceb02c" +
    "313338203132333420353637382cb3afd1f4c7f82cbda8b9fac2b73838bac5d4ba33bac5c2a5313230312c322c310d0a" +
    "c1f5fe9f2c31333931323334353637382cbaa3b5edc7f82cd6d0b9d8b4e5b4f3bdd63237bac52c312c0d0a9534b235d2" +
    "b02c2b3836203133372d313233342d353637382ccef7b3c7c7f82cbdf0c8dab4f3bdd637bac52c2c330d0a",
  "hex",
);
const GBK_PART = GB18030_FILE.subarray(0, 96); // the header and 张伟's row

describe("encodings", () => {
  test("GBK bytes of a real Chinese row decode to it", () => {
    const d = decodeGiftListBytes(GBK_PART);
    expect(d).toEqual({ encoding: "gb18030", text: `${HEADER}\r\n张伟,138 1234 5678,朝阳区,建国路88号院3号楼1201,2,1\r\n` });
    const r = ok(checkGiftCsvBytes(GBK_PART, OPTS));
    expect(r.lines[0]!.recipient).toEqual({ name: "张伟", phone: "13812345678", district: "chaoyang", region: null, address: "建国路88号院3号楼1201", quantities: { "p-wine": 2, "p-peach": 1 } });
  });

  test("names only GB18030 can hold (䶮, 𠮷) survive, which Node's \"gbk\" decoder would garble", () => {
    const r = ok(checkGiftCsvBytes(GB18030_FILE, OPTS));
    expect(r.lines.map((l) => l.recipient?.name)).toEqual(["张伟", "刘䶮", "𠮷野"]);
    expect(r.lines.map((l) => l.recipient?.phone)).toEqual(["13812345678", "13912345678", "13712345678"]);
    expect(r.totals).toEqual({ "p-wine": 3, "p-peach": 4 });
    // The reason the module decodes as "gb18030": "gbk" maps FE9F to a private-use character and four-byte
    // sequences to U+FFFD. Should Node's "gbk" ever decode these, this fails and the note can go.
    const viaGbk = new TextDecoder("gbk").decode(GB18030_FILE);
    expect(viaGbk).not.toContain("刘䶮");
    expect(viaGbk).not.toContain("𠮷野");
  });

  test.each<[string, Uint8Array, string]>([
    ["UTF-8", new TextEncoder().encode(csv("王芳,13800138000,东城区,东长安街1号,1,")), "utf-8"],
    ["UTF-8 with BOM", new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(csv("王芳,13800138000,东城区,东长安街1号,1,"))]), "utf-8-bom"],
    ["UTF-16LE with BOM", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csv("王芳,13800138000,东城区,东长安街1号,1,"), "utf16le")]), "utf-16le"],
  ])("%s", (_name, bytes, encoding) => {
    const r = checkGiftCsvBytes(bytes, OPTS);
    expect(r.encoding).toBe(encoding);
    expect(ok(r).lines[0]!.recipient?.name).toBe("王芳");
  });

  test.each<[string, string, () => Uint8Array]>([
    ["no bytes", "empty", () => new Uint8Array()],
    ["bytes that are neither UTF-8 nor GB18030", "unreadable", () => new Uint8Array([0x41, 0xff, 0xff, 0x42])],
    ["over 5 MB", "tooLarge", () => new Uint8Array(GIFT_LIST_LIMITS.maxBytes + 1).fill(0x41)],
  ])("%s → refused as %s", (_name, refusal, bytes) => {
    expect(checkGiftCsvBytes(bytes(), OPTS)).toMatchObject({ ok: false, refusal });
  });
});

describe("phones", () => {
  test.each([
    ["13812345678", "13812345678"],
    ["138 1234 5678", "13812345678"],
    ["138-1234-5678", "13812345678"],
    ["+86 138 1234 5678", "13812345678"],
    ["+86-13812345678", "13812345678"],
    ["8613812345678", "13812345678"],
    ["(+86) 138 1234 5678", "13812345678"],
    ["１３８１２３４５６７８", "13812345678"],
    ["19912345678", "19912345678"],
  ])("%j → %s", (cell, phone) => {
    expect(oneRow(`王芳,${cell},东城区,东长安街1号,1,`).recipient?.phone).toBe(phone);
  });

  test.each([
    ["", "phoneRequired"],
    ["12812345678", "phoneInvalid"], // second digit 2
    ["1381234567", "phoneInvalid"], // 10 digits
    ["138123456789", "phoneInvalid"], // 12 digits
    ["010-65123456", "phoneInvalid"], // a landline
    ["+852 9123 4567", "phoneInvalid"], // Hong Kong
    ["1.38123E+10", "phoneMangled"], // Excel's scientific display saved into the CSV
    ["1.38123e10", "phoneMangled"],
    ["138abcd5678", "phoneInvalid"],
  ])("%j → %s", (cell, code) => {
    const line = oneRow(`王芳,${cell},东城区,东长安街1号,1,`);
    expect(line.recipient).toBeNull();
    expect(line.errors).toEqual([{ field: "phone", code }]);
  });
});

describe("districts and Beijing-only delivery", () => {
  test.each([
    ["朝阳区", "chaoyang"],
    ["朝阳", "chaoyang"],
    ["北京市朝阳区", "chaoyang"],
    ["Chaoyang", "chaoyang"],
    ["chaoyang district", "chaoyang"],
    ["密云县", "miyun"], // its name before 2015
    ["延庆区", "yanqing"],
    ["石景山", "shijingshan"],
    ["朝阳市", null],
    ["北京", null],
    ["", null],
  ])("%j → %s", (cell, code) => expect(parseBeijingDistrict(cell)).toBe(code));

  test("all 16 districts by their Chinese and English names", () => {
    const zh = ["东城区", "西城区", "朝阳区", "海淀区", "丰台区", "石景山区", "门头沟区", "房山区", "通州区", "顺义区", "昌平区", "大兴区", "怀柔区", "平谷区", "密云区", "延庆区"];
    expect(zh.map(parseBeijingDistrict).every((d) => d !== null)).toBe(true);
    expect(new Set(zh.map(parseBeijingDistrict)).size).toBe(16);
  });

  test.each<[string, GiftListOptions, Partial<GiftRowError>[], object | null]>([
    ["district column and street", OPTS, [], { district: "haidian", region: null, address: "中关村大街27号" }],
    ["the street repeats 北京市 and the district: trimmed", OPTS, [], { district: "haidian", address: "中关村大街27号" }],
    ["the street names another district", OPTS, [{ field: "district", code: "districtMismatch" }], null],
    ["no district column value, the street says it", OPTS, [], { district: "haidian", address: "中关村大街27号" }],
    ["no district anywhere", OPTS, [{ field: "district", code: "districtRequired" }], null],
    ["a misspelt district", OPTS, [{ field: "district", code: "districtUnknown" }], null],
    ["Hebei, Beijing only", OPTS, [{ field: "district", code: "notBeijing" }], null],
    ["Hebei, anywhere", ANYWHERE, [], { district: null, region: "河北省保定市", address: "唐县北罗镇农业园区1号" }],
    ["Hebei in the street, no district, Beijing only", OPTS, [{ field: "district", code: "notBeijing" }], null],
    ["Hebei in the street, no district, anywhere", ANYWHERE, [], { district: null, region: "河北" }],
    ["a misspelt district, anywhere: still unknown, not 'outside Beijing'", ANYWHERE, [{ field: "district", code: "districtUnknown" }], null],
  ])("%s", (why, options, errors, recipient) => {
    const rows: Record<string, string> = {
      "district column and street": "王芳,13800138000,海淀区,中关村大街27号,1,",
      "the street repeats 北京市 and the district: trimmed": "王芳,13800138000,海淀区,北京市海淀区中关村大街27号,1,",
      "the street names another district": "王芳,13800138000,海淀区,北京市朝阳区建国路88号,1,",
      "no district column value, the street says it": "王芳,13800138000,,北京市海淀区中关村大街27号,1,",
      "no district anywhere": "王芳,13800138000,,中关村大街27号,1,",
      "a misspelt district": "王芳,13800138000,朝杨区,建国路88号,1,",
      "Hebei, Beijing only": "王芳,13800138000,河北省保定市,唐县北罗镇农业园区1号,1,",
      "Hebei, anywhere": "王芳,13800138000,河北省保定市,唐县北罗镇农业园区1号,1,",
      "Hebei in the street, no district, Beijing only": "王芳,13800138000,,河北省保定市唐县北罗镇1号,1,",
      "Hebei in the street, no district, anywhere": "王芳,13800138000,,河北省保定市唐县北罗镇1号,1,",
      "a misspelt district, anywhere: still unknown, not 'outside Beijing'": "王芳,13800138000,朝杨区,建国路88号,1,",
    };
    const line = oneRow(rows[why]!, options);
    expect(line.errors).toEqual(errors.map((e): unknown => expect.objectContaining(e)));
    if (recipient) expect(line.recipient).toMatchObject(recipient);
    else expect(line.recipient).toBeNull();
  });
});

describe("names, addresses and quantities", () => {
  test.each<[string, [string, string][]]>([
    [",13800138000,东城区,东长安街1号,1,", [["name", "nameRequired"]]],
    [`${"王".repeat(41)},13800138000,东城区,东长安街1号,1,`, [["name", "nameTooLong"]]],
    ["王\u0007芳,13800138000,东城区,东长安街1号,1,", [["name", "nameInvalid"]]],
    ["王芳,13800138000,东城区,,1,", [["address", "addressRequired"]]],
    ["王芳,13800138000,东城区,1号,1,", [["address", "addressTooShort"]]],
    [`王芳,13800138000,东城区,${"长".repeat(201)},1,`, [["address", "addressTooLong"]]],
    ["王芳,13800138000,东城区,东长安街1号,,", [["quantity", "noQuantity"]]],
    ["王芳,13800138000,东城区,东长安街1号,0,0", [["quantity", "noQuantity"]]],
    ["王芳,13800138000,东城区,东长安街1号,-1,", [["quantity", "quantityInvalid"]]],
    ["王芳,13800138000,东城区,东长安街1号,1.5,", [["quantity", "quantityInvalid"]]],
    ["王芳,13800138000,东城区,东长安街1号,两瓶,", [["quantity", "quantityInvalid"]]],
    ["王芳,13800138000,东城区,东长安街1号,1000,1", [["quantity", "quantityTooLarge"]]],
    [",12345,,,abc,", [["name", "nameRequired"], ["phone", "phoneInvalid"], ["district", "districtRequired"], ["address", "addressRequired"], ["quantity", "quantityInvalid"]]],
  ])("%j → %j", (row, expected) => {
    const line = oneRow(row);
    expect(line.recipient).toBeNull();
    expect(line.errors.map((e) => [e.field, e.code])).toEqual(expected);
  });

  test("quantity errors name their product; the row as read is kept for the preview", () => {
    const line = oneRow("王芳,13800138000,东城区,东长安街1号,2,x");
    expect(line.errors).toEqual([{ field: "quantity", code: "quantityInvalid", productId: "p-peach", params: { value: "x" } }]);
    expect(line.raw).toEqual({ name: "王芳", phone: "13800138000", district: "东城区", address: "东长安街1号", quantities: { "p-wine": "2", "p-peach": "x" } });
  });

  test.each([
    ["  王  芳 ", "王 芳"],
    ["王\u200B芳", "王芳"],
    ["Ｌｉ Ｍｉｎｇ", "Li Ming"],
    ["王".repeat(40), "王".repeat(40)],
    ["李\uF900", "李\uF900"], // a CJK compatibility ideograph: NFKC would turn it into U+8C48
  ])("name %j is kept as %j", (cell, name) => {
    expect(oneRow(`${cell},13800138000,东城区,东长安街1号,1,`).recipient?.name).toBe(name);
  });

  test("quantities: 2.0 from Excel is 2, zero and blank are left out", () => {
    expect(oneRow("王芳,13800138000,东城区,东长安街1号,2.0,0").recipient?.quantities).toEqual({ "p-wine": 2 });
  });
});

describe("duplicates", () => {
  test("the same name, phone and address again is an error on the later row, pointing at the first", () => {
    const r = checkGiftCsvText(
      csv(
        "王芳,13800138000,东城区,东长安街1号,1,", // line 2
        "李雷,13900139000,西城区,金融大街7号,1,", // line 3
        "王芳,138-0013-8000,东城区,东长安街 1号,,2", // line 4: the same person written differently
        "王芳,13800138000,东城区,东长安街2号,1,", // line 5: another address — a different recipient
        "王芳,13800138000,东城区,东长安街1号,1,", // line 6: a third time
      ),
      OPTS,
    );
    expect(errorsOf(r)).toEqual([
      [4, "row", "duplicate"],
      [6, "row", "duplicate"],
    ]);
    expect(ok(r).lines[2]!.errors[0]!.params).toEqual({ line: 2 });
    expect(ok(r)).toMatchObject({ validRows: 3, errorRows: 2, placeable: false, totals: { "p-wine": 3, "p-peach": 0 } });
  });
});

describe("the file as a whole", () => {
  test.each<[string, string, string, object?]>([
    ["only a header", HEADER, "empty"],
    ["nothing", "", "empty"],
    ["no phone column", "姓名,区,详细地址,唐县葡萄酒\n王芳,东城区,东长安街1号,1", "missingColumns", { columns: "phone" }],
    ["an unknown product", `${HEADER},核桃\n王芳,13800138000,东城区,东长安街1号,1,,2`, "unknownColumns", { columns: "核桃", count: 1 }],
    ["no product columns", "姓名,手机,区,详细地址\n王芳,13800138000,东城区,东长安街1号", "noProductColumns"],
    ["a product twice (by two of its names)", "姓名,手机,区,详细地址,唐县葡萄酒,WINE-750\n王芳,13800138000,东城区,东长安街1号,1,1", "duplicateColumns", { columns: "WINE-750" }],
  ])("%s → %s", (_why, text, refusal, params) => {
    const r = checkGiftCsvText(text, OPTS);
    expect(r).toMatchObject({ ok: false, refusal });
    if (params) expect(r.ok ? null : r.params).toEqual(params);
  });

  test("English headers, bookkeeping columns, a unit in brackets, columns in any order", () => {
    const text = "No.,Department,Tang County wine,Name,Mobile,Address,District,黄桃罐头（罐）,Remark\n1,Finance,2,Li Lei,13900139000,Jinrong St 7,Xicheng,1,vegetarian\n";
    const r = ok(checkGiftCsvText(text, OPTS));
    expect(r.productIds).toEqual(["p-wine", "p-peach"]);
    expect(r.lines[0]!.recipient).toEqual({ name: "Li Lei", phone: "13900139000", district: "xicheng", region: null, address: "Jinrong St 7", quantities: { "p-wine": 2, "p-peach": 1 } });
  });

  test("blank rows are skipped and line numbers stay the ones Excel shows", () => {
    const r = ok(checkGiftCsvText(csv("王芳,13800138000,东城区,东长安街1号,1,", "", ",,,,,", "李雷,139,西城区,金融大街7号,1,"), OPTS));
    expect(r.lines.map((l) => l.line)).toEqual([2, 5]);
    expect(errorsOf(r)).toEqual([[5, "phone", "phoneInvalid"]]);
  });

  const people = (n: number) => Array.from({ length: n }, (_, i) => `员工${i},1${3 + (i % 7)}${String(i).padStart(9, "0")},朝阳区,建国路${i}号,1,${i % 3}`);

  test("5,000 rows are read; 5,001 are refused as a whole", () => {
    const at = ok(checkGiftCsvText(csv(...people(5000)), OPTS));
    expect(at).toMatchObject({ validRows: 5000, errorRows: 0, placeable: true });
    expect(at.totals).toEqual({ "p-wine": 5000, "p-peach": people(5000).reduce((s, _, i) => s + (i % 3), 0) });
    expect(checkGiftCsvText(csv(...people(5001)), OPTS)).toEqual({ ok: false, refusal: "tooManyRows", params: { max: 5000, rows: 5001 } });
  });

  test("a 20,000-row file is refused with its row count, before any row is checked", () => {
    const rows = Array.from({ length: 20_000 }, () => "x,x,x,x,x,x");
    expect(checkGiftCsvText(csv(...rows), OPTS)).toEqual({ ok: false, refusal: "tooManyRows", params: { max: 5000, rows: 20_000 } });
  });
});

describe("rows as XLSX gives them, and totals", () => {
  test("numbers in cells (a phone, quantities) are read as text", () => {
    const table: unknown[][] = [
      ["姓名", "手机", "区", "详细地址", "唐县葡萄酒", "黄桃罐头"],
      ["王芳", 13800138000, "东城区", "东长安街1号", 2, null],
      ["李雷", "13900139000", "西城区", "金融大街7号", 1, 4],
      ["韩梅梅", 13700137000, "海淀区", "中关村大街27号", 0, 2],
      ["坏行", 13700137000, "天津市", "和平区南京路1号", 1, 1],
    ];
    const r = ok(checkGiftTable(table, OPTS));
    expect(r.lines.map((l) => l.recipient?.quantities ?? null)).toEqual([{ "p-wine": 2 }, { "p-wine": 1, "p-peach": 4 }, { "p-peach": 2 }, null]);
    expect(errorsOf(r)).toEqual([[5, "district", "notBeijing"]]);
    // Totals count only the rows without errors: what the stock reservation would take once the list is fixed.
    expect(r).toMatchObject({ totals: { "p-wine": 3, "p-peach": 6 }, validRows: 3, errorRows: 1, placeable: false });
  });

  test("shortfalls against stock", () => {
    expect(stockShortfalls({ "p-wine": 300, "p-peach": 20 }, { "p-wine": 250, "p-peach": 20 })).toEqual([{ productId: "p-wine", wanted: 300, available: 250 }]);
    expect(stockShortfalls({ "p-wine": 1 }, {})).toEqual([{ productId: "p-wine", wanted: 1, available: 0 }]);
    expect(stockShortfalls({ "p-wine": 0 }, {})).toEqual([]);
  });
});

describe("messages (org.giftList)", () => {
  test.each(["zh-CN", "en"] as const)("%s: every field, error code and refusal has a message", (locale) => {
    const t = translator(locale);
    const keys = [...GIFT_FIELDS.map((f) => `org.giftList.fields.${f}`), ...GIFT_ROW_ERROR_CODES.map((c) => `org.giftList.errors.${c}`), ...GIFT_LIST_REFUSALS.map((c) => `org.giftList.refusals.${c}`)];
    expect(keys.filter((k) => !t.has(k as Parameters<typeof t.has>[0]))).toEqual([]);
  });

  test.each(["zh-CN", "en"] as const)("%s: the errors of a messy file render with their arguments", (locale) => {
    const r = ok(
      checkGiftCsvText(
        csv(
          ",1.38123E+10,朝杨区,1号,-1,",
          `${"王".repeat(41)},12812345678,河北省,${"长".repeat(201)},1000,`,
          "王芳,13800138000,海淀区,北京市朝阳区建国路88号,1,",
          "李雷,13900139000,西城区,金融大街7号,1,",
          "李雷,13900139000,西城区,金融大街7号,1,",
          "韩梅梅,13700137000,,中关村大街27号,,",
        ),
        OPTS,
      ),
    );
    const errors = r.lines.flatMap((l) => l.errors);
    expect(new Set(errors.map((e) => e.code)).size).toBeGreaterThanOrEqual(12);
    for (const e of errors) {
      const text = translateDynamic(locale, `org.giftList.errors.${e.code}`, e.params);
      expect(text, e.code).not.toBe(`org.giftList.errors.${e.code}`);
      expect(text, e.code).not.toMatch(/[{}]/);
    }
    for (const [refusal, text] of [
      ["tooManyRows", csv(...Array.from({ length: 5001 }, () => "a,b,c,d,1,1"))],
      ["unknownColumns", `${HEADER},核桃,Walnuts\n王芳,13800138000,东城区,东长安街1号,1,,2,`],
    ] as const) {
      const refused = checkGiftCsvText(text, OPTS);
      expect(refused).toMatchObject({ ok: false, refusal });
      if (!refused.ok) expect(translateDynamic(locale, `org.giftList.refusals.${refused.refusal}`, refused.params)).not.toMatch(/[{}]|org\./);
    }
  });
});
