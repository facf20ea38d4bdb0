import { describe, expect, test } from "vitest";
import { newId } from "@/lib/db/ids";

describe("newId", () => {
  test("has the shape of Prisma's cuid (what @default(cuid()) writes): c + 24 lowercase letters or digits", () => {
    for (let i = 0; i < 1000; i++) expect(newId()).toMatch(/^c[a-z0-9]{24}$/);
  });

  test("100,000 ids made at once are all different", () => {
    const ids = Array.from({ length: 100_000 }, newId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  test("ids made one after another sort in the order they were made (an order's lines keep the cart's order)", () => {
    const ids = Array.from({ length: 5_000 }, newId);
    expect([...ids].sort()).toEqual(ids);
  });
});
