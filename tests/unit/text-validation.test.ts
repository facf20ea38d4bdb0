import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { parseCatalogQuery } from "@/lib/validation/catalog";
import { addressSchema, institutionSchema, profileSchema, signInSchema, signUpSchema } from "@/lib/validation/account";
import { addToCartSchema, orderIdSchema, placeOrderSchema, refundRequestSchema } from "@/lib/validation/checkout";
import { CONTROL_CHARACTER_MESSAGE, isCleanText } from "@/lib/validation/text";

describe("isCleanText: no control characters", () => {
  test.each([
    ["葡萄园 Grape 2024", false, true],
    ["a\u0000b", false, false],
    ["a\u0007b", false, false],
    ["a\u001Bb", false, false],
    ["a\u007Fb", false, false],
    ["a\tb", false, false],
    ["line one\nline two", false, false],
    ["line one\r\nline two\tend", true, true],
    ["a\u0000b", true, false],
    ["lone \uD800 surrogate", false, false],
    ["😀", false, true],
  ])("%j (multiline %s) → %s", (value, multiline, clean) => {
    expect(isCleanText(value, multiline)).toBe(clean);
  });
});

const messagesOf = (result: { success: boolean; error?: { issues: { message: string; path: PropertyKey[] }[] } }) =>
  result.error?.issues.map((i) => `${i.path.join(".")}:${i.message}`) ?? [];

describe("every free-text field refuses a NUL byte with the translated message", () => {
  const NUL = "\u0000";
  const goodAddress = { recipient: "王小明", phone: "13800138000", district: "haidian", street: "中关村大街 1 号" };
  test.each([
    ["sign-up name", signUpSchema, { name: `a${NUL}b`, email: "x@example.cn", password: "葡萄园的秋天2024" }, "name"],
    ["sign-up email", signUpSchema, { name: "ab", email: `x${NUL}@example.cn`, password: "葡萄园的秋天2024" }, "email"],
    ["sign-in next", signInSchema, { email: "x@example.cn", password: "pw", next: `/a${NUL}` }, "next"],
    ["profile name", profileSchema, { name: `a${NUL}`, phone: "" }, "name"],
    ["address recipient", addressSchema, { ...goodAddress, recipient: `王${NUL}` }, "recipient"],
    ["address street", addressSchema, { ...goodAddress, street: `中关村大街${NUL}1 号` }, "street"],
    ["address id", addressSchema, { ...goodAddress, id: `a${NUL}` }, "id"],
    ["invoice title", institutionSchema, { unitName: "某某学校", invoiceTitle: `某${NUL}某`, taxId: "91110000100000000X" }, "invoiceTitle"],
    ["productId", addToCartSchema, { productId: `p${NUL}`, quantity: "1" }, "productId"],
    ["orderId", orderIdSchema, { orderId: `o${NUL}` }, "orderId"],
    ["refund reason", refundRequestSchema, { orderId: "o1", reason: `broken${NUL}` }, "reason"],
    ["order note", placeOrderSchema, { method: "BANK_TRANSFER", note: `hi${NUL}`, fingerprint: "f" }, "note"],
    ["addressId", placeOrderSchema, { method: "BANK_TRANSFER", addressId: `a${NUL}`, fingerprint: "f" }, "addressId"],
  ])("%s", (_label, schema, input, field) => {
    const result = schema.safeParse(input);
    expect(result.success).toBe(false);
    expect(messagesOf(result)).toContain(`${field}:${CONTROL_CHARACTER_MESSAGE}`);
  });

  test("a multi-line note keeps its line breaks", () => {
    expect(placeOrderSchema.safeParse({ method: "BANK_TRANSFER", note: "请放门口\n谢谢", fingerprint: "f" }).success).toBe(true);
  });
});

describe("the catalog's q is cleaned, not refused", () => {
  test.each([
    ["a\u0000b", "a b"],
    ["\u0000", null],
    ["苹果\u0007\u007F", "苹果"],
    ["lone \uD800", "lone \uFFFD"],
  ])("%j → %j", (q, expected) => {
    expect(parseCatalogQuery({ q }).q).toBe(expected);
  });
});

describe("every string a form sends goes through the rule", () => {
  // New actions and schemas (the manager portal, fulfilment, the county console) inherit the rule by using
  // text()/recordId(); a bare z.string() on form input would let a NUL byte reach PostgreSQL (a 500).
  const roots = ["lib/server/actions", "lib/validation"];
  const allowed = new Map([["lib/validation/account.ts", 1]]); // the password: any character is a valid password
  test("no bare z.string() in actions or validation schemas", () => {
    const files = roots.flatMap((root) => readdirSync(root, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".ts")).map((f) => path.join(root, f)));
    expect(files.length).toBeGreaterThan(10);
    const offenders = files.flatMap((file) => {
      const count = (readFileSync(file, "utf8").match(/\bz\.string\(\)/g) ?? []).length - (file === "lib/validation/text.ts" ? 1 : 0);
      return count > (allowed.get(file) ?? 0) ? [`${file}: ${count}`] : [];
    });
    expect(offenders).toEqual([]);
  });
});
